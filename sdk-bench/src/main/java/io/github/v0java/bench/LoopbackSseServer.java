package io.github.v0java.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serves Server-Sent Event bodies on loopback: either one prepared body as fast as the socket
 * takes it, or events paced at a fixed interval with their send times recorded.
 */
final class LoopbackSseServer implements Closeable {
  private final ServerSocket serverSocket;
  private volatile byte[] body = new byte[0];
  private volatile List<byte[]> pacedEvents;
  private volatile long paceNanos;
  private volatile long[] sentAtNanos;

  LoopbackSseServer() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "bench-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  void serveBody(byte[] body) {
    this.pacedEvents = null;
    this.body = body;
  }

  /** Sends each event {@code paceNanos} after the previous one; {@link #sentAt} records when. */
  void servePaced(List<byte[]> events, long paceNanos) {
    this.paceNanos = paceNanos;
    this.sentAtNanos = new long[events.size()];
    this.pacedEvents = events;
  }

  long[] sentAt() {
    return sentAtNanos;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        Thread handler = new Thread(() -> handle(socket), "bench-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket socket) {
    try (Socket s = socket) {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream());
      int contentLength = readHead(in);
      for (int i = 0; i < contentLength; i++) in.read();
      OutputStream out = s.getOutputStream();
      List<byte[]> paced = pacedEvents;
      if (paced == null) {
        byte[] payload = body;
        out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\nContent-Length: "
            + payload.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
      } else {
        out.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long next = System.nanoTime();
        long[] sent = sentAtNanos;
        for (int i = 0; i < paced.size(); i++) {
          while (System.nanoTime() < next) {
            long left = next - System.nanoTime();
            if (left > 2_000_000) Thread.sleep(1);
            else Thread.onSpinWait();
          }
          byte[] event = paced.get(i);
          out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(event);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent[i] = System.nanoTime();
          out.flush();
          next += paceNanos;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      s.shutdownOutput(); // "Connection: close": the body ends with the connection.
      while (in.read() != -1) {
        // Drain until the client closes its side.
      }
    } catch (IOException | InterruptedException ignored) {
      // The client went away.
    }
  }

  /** Reads the request head and returns its Content-Length. */
  private static int readHead(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int contentLength = 0;
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String text = line.toString().trim();
        if (text.isEmpty()) break;
        if (text.toLowerCase().startsWith("content-length:")) {
          contentLength = Integer.parseInt(text.substring(15).trim());
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    return contentLength;
  }

  @Override public void close() throws IOException {
    serverSocket.close();
  }
}
