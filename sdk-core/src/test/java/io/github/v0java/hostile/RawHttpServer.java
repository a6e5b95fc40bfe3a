package io.github.v0java.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP/1.1 server on loopback for answers WireMock cannot give: bodies generated lazily
 * (never held in memory) and an exact record of the raw request line and headers.
 * Every answer ends with {@code Connection: close}.
 */
final class RawHttpServer implements AutoCloseable {
  /** Writes a whole answer (status line, headers, body) for one request. */
  interface Handler {
    void answer(RawRequest request, OutputStream out) throws IOException;
  }

  /** One received request: its request line and header block, exactly as sent. */
  static final class RawRequest {
    final String requestLine;
    final String headers;

    RawRequest(String requestLine, String headers) {
      this.requestLine = requestLine;
      this.headers = headers;
    }

    /** The raw request target, e.g. {@code /v2/chats/a%3Fb=c/messages/m1}. */
    String target() {
      String[] parts = requestLine.split(" ");
      return parts.length > 1 ? parts[1] : "";
    }
  }

  final List<RawRequest> requests = new CopyOnWriteArrayList<>();
  /** Body bytes the handlers reported as written (see {@link #count}). */
  final AtomicLong bytesWritten = new AtomicLong();
  private final ServerSocket socket;
  private final Handler handler;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RawHttpServer(Handler handler) throws IOException {
    this.handler = handler;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "raw-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  void count(long bytes) {
    bytesWritten.addAndGet(bytes);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        return;
      }
      open.add(connection);
      Thread worker = new Thread(() -> serve(connection), "raw-http-conn");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void serve(Socket connection) {
    try (Socket c = connection) {
      InputStream in = c.getInputStream();
      String head = readHead(in);
      if (head == null) return;
      int firstLine = head.indexOf("\r\n");
      String requestLine = firstLine < 0 ? head : head.substring(0, firstLine);
      String headers = firstLine < 0 ? "" : head.substring(firstLine + 2);
      long length = contentLength(headers);
      for (long skipped = 0; skipped < length; ) {
        if (in.read() < 0) break;
        skipped++;
      }
      requests.add(new RawRequest(requestLine, headers));
      OutputStream out = c.getOutputStream();
      handler.answer(requests.get(requests.size() - 1), out);
      out.flush();
    } catch (IOException expected) {
      // The client hung up (it gave up on a hostile body): that is the point of most tests.
    } finally {
      open.remove(connection);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) return head.toString(StandardCharsets.ISO_8859_1.name());
      if (head.size() > 64 * 1024) throw new IOException("request head too large");
    }
    return null;
  }

  private static long contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  /** Writes a status line and headers, ending the header block. */
  static void head(OutputStream out, int status, String contentType, Long contentLength) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
        .append("Content-Type: ").append(contentType).append("\r\n")
        .append("Connection: close\r\n");
    if (contentLength != null) head.append("Content-Length: ").append(contentLength).append("\r\n");
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A complete answer with a small body held in memory. */
  static void answer(OutputStream out, int status, String contentType, byte[] body) throws IOException {
    head(out, status, contentType, (long) body.length);
    out.write(body);
  }

  @Override public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      acceptor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
