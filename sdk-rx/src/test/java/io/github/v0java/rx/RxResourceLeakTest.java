package io.github.v0java.rx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.V0Client;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import io.reactivex.rxjava3.observers.TestObserver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Subscribing and disposing a thousand times leaves no call, connection or thread behind. */
class RxResourceLeakTest {
  private static final String FIRST_EVENT = "data: {\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\","
      + "\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":[],"
      + "\"finishReason\":null,\"restorable\":false,\"authorId\":null}\n\n";

  @Test void thousandSubscribeThenDisposeCyclesLeaveNothingBehind() throws Exception {
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
        RxV0 rx = RxV0.create(v0);
        cycle(rx, 20); // Warm up the dispatcher's and the pool's threads.
        int threadsBefore = Thread.activeCount();

        cycle(rx, 1000);

        assertThat(waitUntil(() -> v0.okHttpClient().dispatcher().runningCallsCount() == 0)).isTrue();
        assertThat(waitUntil(() -> v0.okHttpClient().connectionPool().connectionCount()
            == v0.okHttpClient().connectionPool().idleConnectionCount())).isTrue();
        assertThat(waitUntil(() -> Thread.activeCount() <= threadsBefore + 4)).isTrue();
      }
    }
  }

  private static void cycle(RxV0 rx, int times) {
    for (int i = 0; i < times; i++) {
      TestObserver<MessageStreamEvent> observer =
          rx.sendStream("c1", SendMessageRequest.builder().message("hi").build()).test();
      observer.awaitCount(1);
      observer.assertValueCount(1);
      observer.dispose();
    }
  }

  private interface Condition {
    boolean holds();
  }

  private static boolean waitUntil(Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(10);
    }
    return true;
  }

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
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + FIRST_EVENT)
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (in.read() != -1) {
        // Hold until the client hangs up.
      }
    } catch (Exception ignored) {
      // Reset by the client: it hung up.
    }
  }
}
