package io.github.v0java.preview;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A caller's request body copied to the preview as it is read, a segment at a time. One-shot:
 * OkHttp never sends it twice. Its type travels as the caller's {@code Content-Type} header,
 * unparsed.
 */
final class StreamedRequestBody extends RequestBody {
  private final InputStream in;
  private final long contentLength;

  StreamedRequestBody(InputStream in, long contentLength) {
    this.in = in;
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
    Source source = Okio.source(in); // Not closed: the stream belongs to the caller's server.
    sink.writeAll(source);
  }
}
