package io.github.v0java.preview;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * A caller's request body copied to the preview as it is read, a segment at a time. One-shot:
 * OkHttp never sends it twice. Its type travels as the caller's {@code Content-Type} header,
 * unparsed.
 */
final class StreamedRequestBody extends RequestBody {
  private final BufferedSource source;
  private final long contentLength;

  StreamedRequestBody(BufferedSource source, long contentLength) {
    this.source = source;
    this.contentLength = contentLength;
  }

  @Override public MediaType contentType() {
    return null;
  }

  @Override public long contentLength() {
    return contentLength;
  }

  @Override public boolean isOneShot() {
    return true;
  }

  @Override public void writeTo(BufferedSink sink) throws IOException {
    sink.writeAll(source); // Not closed: the stream belongs to the caller's server.
  }
}
