package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SDK's defaults let many streams to one host run at once, and release everything after. */
class ConcurrencyTest {
  private static final int STREAMS = 200;

  @Test void twoHundredStreamsAreOpenAtTheSameTimeWithTheDefaults() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Socket> sockets = new ArrayList<>();
    try (ServerSocket serverSocket = new ServerSocket(0, STREAMS + 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!serverSocket.isClosed()) {
          try {
            Socket socket = serverSocket.accept();
            synchronized (sockets) {
              sockets.add(socket);
            }
            Thread handler = new Thread(() -> serve(socket, release));
            handler.setDaemon(true);
            handler.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      CountDownLatch allOpen = new CountDownLatch(STREAMS);
      CountDownLatch allDone = new CountDownLatch(STREAMS);
      try (V0Client v0 = V0Client.builder().apiKey("k")
          .baseUrl("http://127.0.0.1:" + serverSocket.getLocalPort() + "/v2").build()) {
        List<Cancellable> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
          streams.add(v0.messages().sendStream("c" + i, SendMessageRequest.builder().message("hi").build(),
              new StreamListener<MessageStreamEvent>() {
                private boolean first = true;

                @Override public void onEvent(MessageStreamEvent event, MessageState state) {
                  if (first) allOpen.countDown();
                  first = false;
                }

                @Override public void onComplete(MessageState finalState) {
                  allDone.countDown();
                }

                @Override public void onFailure(V0Exception failure) {
                  allDone.countDown();
                }
              }));
        }

        // Every stream received its first event while every server connection is still held open.
        assertThat(allOpen.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(v0.okHttpClient().dispatcher().runningCallsCount()).isEqualTo(STREAMS);
        release.countDown();
        assertThat(allDone.await(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      release.countDown();
      synchronized (sockets) {
        for (Socket socket : sockets) socket.close();
      }
    }
  }

  private static void serve(Socket socket, CountDownLatch release) {
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      int length = 0;
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
      }
      for (int i = 0; i < length; i++) in.read();
      OutputStream out = socket.getOutputStream();
      String first = "data: " + StreamScript.snapshot("m1", "[]", null, "") + "\n\n";
      String last = "data: " + StreamScript.snapshot("m1", "[]", "stop", "") + "\n\n";
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + first)
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      release.await(60, TimeUnit.SECONDS);
      out.write(last.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
    } catch (IOException | InterruptedException ignored) {
      // The test is over.
    }
  }
}
