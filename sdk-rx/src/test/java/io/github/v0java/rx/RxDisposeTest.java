package io.github.v0java.rx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.V0Client;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import io.reactivex.rxjava3.observers.TestObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Disposing cancels the HTTP call: the server sees the connection close. */
class RxDisposeTest {
  @Test void disposeClosesTheConnection() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    try (ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread thread = new Thread(() -> {
        try (Socket socket = serverSocket.accept()) {
          InputStream in = socket.getInputStream();
          // Read the request head (and ignore the small body: the socket closes at the end).
          byte[] buffer = new byte[8192];
          in.read(buffer);
          OutputStream out = socket.getOutputStream();
          String event = "data: {\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\","
              + "\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":[],\"finishReason\":null,"
              + "\"restorable\":false,\"authorId\":null}\n\n";
          byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
              + Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
          out.write(bytes);
          out.write("\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          while (in.read(buffer) != -1) {
            // Wait for the client to hang up.
          }
        } catch (IOException ignored) {
          // A reset is a hang-up too.
        }
        closed.countDown();
      });
      thread.setDaemon(true);
      thread.start();

      try (V0Client v0 = V0Client.builder().apiKey("k")
          .baseUrl("http://127.0.0.1:" + serverSocket.getLocalPort() + "/v2").build()) {
        TestObserver<MessageStreamEvent> observer = RxV0.create(v0)
            .sendStream("c1", SendMessageRequest.builder().message("hi").build()).test();
        observer.awaitCount(1);
        observer.assertValueCount(1).assertNotComplete();

        observer.dispose();

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (v0.okHttpClient().dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(v0.okHttpClient().dispatcher().runningCallsCount()).isZero();
        observer.assertNotComplete().assertNoErrors();
      }
    }
  }
}
