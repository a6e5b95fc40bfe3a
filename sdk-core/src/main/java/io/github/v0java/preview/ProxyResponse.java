package io.github.v0java.preview;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import okhttp3.Headers;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The answer to send back for one {@link ProxyRequest}: the preview's answer with its headers
 * cleaned, or one the proxy made itself (a redirect to the fallback, a refusal). The body is
 * streamed from the preview as it is read; close the response (or let
 * {@link #writeBodyTo(OutputStream)} do it) to release the connection.
 */
public final class ProxyResponse implements Closeable {
  private final int status;
  private final Headers headers;
  private final long contentLength;
  private final BufferedSource body;
  private final Response upstream;

  ProxyResponse(int status, Headers headers, long contentLength, BufferedSource body,
      Response upstream) {
    this.status = status;
    this.headers = headers;
    this.contentLength = contentLength;
    this.body = body;
    this.upstream = upstream;
  }

  /** An answer made by the proxy with a small fixed body. */
  static ProxyResponse local(int status, Headers headers, Buffer body) {
    return new ProxyResponse(status, headers, body.size(), body, null);
  }

  /**
   * The status code, such as 200.
   *
   * @return the status code, such as 200
   */
  public int status() {
    return status;
  }

  /**
   * The headers to send, {@code Cache-Control: private, no-store} among them. Without
   * {@code Content-Length}, which is {@link #contentLength()}, nor hop-by-hop headers: your
   * server frames the body itself.
   *
   * @return the headers to send, {@code Cache-Control: private, no-store} among them
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The length of the body in bytes, or -1 if unknown (send it chunked).
   *
   * @return the length of the body in bytes, or -1 if unknown
   */
  public long contentLength() {
    return contentLength;
  }

  /**
   * The body, read as it arrives from the preview; empty if there is none.
   *
   * @return the body, read as it arrives from the preview
   */
  public BufferedSource body() {
    return body;
  }

  /**
   * Copies the body to {@code out} as it arrives, flushing after each read so that a streamed
   * answer (server-sent events, a long download) reaches the browser without delay, then closes
   * this response. Never holds more than one read (8 KiB) in memory.
   *
   * @param out where the body goes, such as the servlet's output stream; not closed
   * @return the number of bytes copied
   * @throws IOException if reading the preview or writing to {@code out} failed
   */
  public long writeBodyTo(OutputStream out) throws IOException {
    Buffer buffer = new Buffer();
    long total = 0;
    try {
      for (long read; (read = body.read(buffer, 8192)) != -1; ) {
        buffer.writeTo(out);
        out.flush();
        total += read;
      }
    } finally {
      close();
    }
    return total;
  }

  /** Releases the connection to the preview (a body not read to the end is discarded). */
  @Override public void close() {
    if (upstream != null) {
      upstream.close();
    } else {
      try {
        body.close();
      } catch (IOException ignored) {
        // A local buffer cannot fail to close.
      }
    }
  }

  @Override public String toString() {
    return "ProxyResponse{status=" + status + "}";
  }
}
