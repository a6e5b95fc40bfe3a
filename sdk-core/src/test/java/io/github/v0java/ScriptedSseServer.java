package io.github.v0java;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection HTTP/1.1 server on loopback that answers with a chunked
 * {@code text/event-stream} body whose chunks the test releases one by one, so a test can prove
 * an event is delivered while the body is still open, and see when the client hangs up.
 */
final class ScriptedSseServer implements Closeable {
  private final ServerSocket serverSocket;
  private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
  private final CountDownLatch clientClosed = new CountDownLatch(1);
  private final CountDownLatch requestSeen = new CountDownLatch(1);
  private volatile String requestLine;
  private final Thread thread;
  private static final String END = "\u0000END";

  ScriptedSseServer() throws IOException {
    serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "ScriptedSseServer");
    thread.setDaemon(true);
    thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  /** Sends {@code text} as one chunk of the body. */
  void send(String text) {
    chunks.add(text);
  }

  /** Ends the body properly (the terminating zero-length chunk). */
  void finish() {
    chunks.add(END);
  }

  String awaitRequestLine() throws InterruptedException {
    if (!requestSeen.await(10, TimeUnit.SECONDS)) throw new AssertionError("no request arrived");
    return requestLine;
  }

  /** True if the client closed the connection within the timeout. */
  boolean awaitClientClosed(long timeout, TimeUnit unit) throws InterruptedException {
    return clientClosed.await(timeout, unit);
  }

  private void serve() {
    try (Socket socket = serverSocket.accept()) {
      InputStream in = socket.getInputStream();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      requestLine = reader.readLine();
      String line;
      int contentLength = 0;
      while ((line = reader.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase().startsWith("content-length:")) {
          contentLength = Integer.parseInt(line.substring(15).trim());
        }
      }
      for (int i = 0; i < contentLength; i++) reader.read();
      requestSeen.countDown();
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread watcher = new Thread(() -> {
        try {
          while (in.read() != -1) {
            // Nothing more is expected from the client; -1 means it closed the connection.
          }
        } catch (IOException ignored) {
          // Reset by the client: closed too.
        }
        clientClosed.countDown();
      }, "ScriptedSseServer watcher");
      watcher.setDaemon(true);
      watcher.start();
      while (true) {
        String chunk = chunks.poll(30, TimeUnit.SECONDS);
        if (chunk == null || chunk.equals(END)) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          break;
        }
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      clientClosed.await(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      clientClosed.countDown();
    }
  }

  @Override public void close() throws IOException {
    serverSocket.close();
    thread.interrupt();
  }
}
