package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Opening and closing streams many times leaks no connection and no thread. */
class ResourceLeakTest {
  private static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();

  @Test void thousandOpenThenCloseCyclesLeaveNothingBehind() throws Exception {
    try (ServerSocket serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!serverSocket.isClosed()) {
          try {
            Socket socket = serverSocket.accept();
            Thread handler = new Thread(() -> holdOpen(socket));
            handler.setDaemon(true);
            handler.start();
          } catch (Exception e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      try (V0Client v0 = V0Client.builder().apiKey("k").maxRetries(0)
          .baseUrl("http://127.0.0.1:" + serverSocket.getLocalPort() + "/v2").build()) {
        cycle(v0, 20); // Warm up: the pool's and the dispatcher's threads exist from here on.
        int threadsBefore = Thread.activeCount();

        cycle(v0, 1000);

        assertThat(v0.okHttpClient().dispatcher().runningCallsCount()).isZero();
        assertThat(waitForIdle(v0)).isZero();
        // The server's own handler threads end as the client closes; allow for stragglers.
        assertThat(waitForThreads(threadsBefore + 4)).isLessThanOrEqualTo(threadsBefore + 4);
      }
    }
  }

  /** Sends the first event of a stream, then holds the connection until the client closes it. */
  private static void holdOpen(Socket socket) {
    try (Socket s = socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      int length = 0;
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
      }
      for (int i = 0; i < length; i++) in.read();
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\ndata: "
          + StreamScript.snapshot("m1", "[]", null, "") + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (in.read() != -1) {
        // Hold until the client hangs up.
      }
    } catch (Exception ignored) {
      // Reset by the client: it hung up.
    }
  }

  private static int waitForThreads(int limit) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Thread.activeCount() > limit && System.nanoTime() < deadline) Thread.sleep(10);
    return Thread.activeCount();
  }

  private static void cycle(V0Client v0, int times) {
    for (int i = 0; i < times; i++) {
      EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI);
      assertThat(stream.next()).isNotNull();
      stream.close();
    }
  }

  /** Cancelled streams close their connections; the pool holds no connection in use. */
  private static int waitForIdle(V0Client v0) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int inUse;
    do {
      inUse = v0.okHttpClient().connectionPool().connectionCount()
          - v0.okHttpClient().connectionPool().idleConnectionCount();
      if (inUse == 0) break;
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    return inUse;
  }

  @Test void silentServerTripsTheReadTimeout() throws Exception {
    try (ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread thread = new Thread(() -> {
        try (Socket socket = serverSocket.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          String line;
          while ((line = in.readLine()) != null && !line.isEmpty()) {
            // Read the request head.
          }
          OutputStream out = socket.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(5_000); // Headers, then silence: a slow loris.
        } catch (Exception ignored) {
          // The client gave up.
        }
      });
      thread.setDaemon(true);
      thread.start();
      try (V0Client v0 = V0Client.builder().apiKey("k").streamRecovery(null).maxRetries(0)
          .baseUrl("http://127.0.0.1:" + serverSocket.getLocalPort() + "/v2")
          .readTimeout(300, TimeUnit.MILLISECONDS).build()) {
        EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI);
        V0StreamInterruptedException e = catchThrowableOfType(V0StreamInterruptedException.class, stream::next);

        assertThat(e.getCause()).isInstanceOf(java.net.SocketTimeoutException.class);
      }
    }
  }

  @Test void serverClosingAfterHeadersIsAnInterruption() throws Exception {
    try (ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread thread = new Thread(() -> {
        try (Socket socket = serverSocket.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          String line;
          while ((line = in.readLine()) != null && !line.isEmpty()) {
            // Read the request head.
          }
          socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
        } catch (Exception ignored) {
          // Closed right after the headers.
        }
      });
      thread.setDaemon(true);
      thread.start();
      try (V0Client v0 = V0Client.builder().apiKey("k").maxRetries(0)
          .baseUrl("http://127.0.0.1:" + serverSocket.getLocalPort() + "/v2").build()) {
        V0StreamInterruptedException e = catchThrowableOfType(V0StreamInterruptedException.class,
            () -> v0.messages().sendStream("c1", HI).next());

        assertThat(e.lastState().messageId()).isNull(); // Nothing arrived, so nothing to recover.
      }
    }
  }
}
