package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.v0java.model.MessageSnapshotEvent;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.TextPart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stream whose connection breaks before the message finished is recovered by polling the
 * message. The server here breaks the stream at the socket level, then answers the polls.
 */
class StreamRecoveryTest {
  private static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private ServerSocket serverSocket;

  @AfterEach void stop() throws IOException {
    if (serverSocket != null) serverSocket.close();
  }

  /**
   * Serves the stream (a snapshot and a chunk, then the connection dies in the way given), then
   * answers each poll with {@code polls} in turn (the last repeating).
   */
  private String start(String breakWith, String... polls) throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> {
      int poll = 0;
      while (!serverSocket.isClosed()) {
        try (Socket socket = serverSocket.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          String line = in.readLine();
          requests.add(line);
          int length = 0;
          String header;
          while ((header = in.readLine()) != null && !header.isEmpty()) {
            if (header.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(header.substring(15).trim());
          }
          for (int i = 0; i < length; i++) in.read();
          OutputStream out = socket.getOutputStream();
          if (line.startsWith("POST")) {
            String events = "data: " + StreamScript.snapshot("m1", "[]", null, "") + "\n\n"
                + "data: " + StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"Hal\"}],\"_t\":\"a\"}") + "\n\n";
            byte[] bytes = events.getBytes(StandardCharsets.UTF_8);
            if (breakWith.equals("truncated")) {
              // Promises more than it sends, then closes: a truncated body.
              out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                  + (bytes.length + 500) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
              out.write(bytes);
              out.flush();
            } else {
              out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
              out.write(bytes);
              out.write("\r\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
              socket.setSoLinger(true, 0); // Closing now sends a reset.
            }
          } else {
            String body = polls[Math.min(poll++, polls.length - 1)];
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int status = body.startsWith("{\"message\"") ? 404 : 200;
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
          }
        } catch (IOException e) {
          return;
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/v2";
  }

  static String polled(String text, String finish) {
    return "{\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02Z\","
        + "\"content\":\"" + text + "\",\"parts\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],\"finishReason\":"
        + (finish == null ? "null" : "\"" + finish + "\"") + ",\"restorable\":false,\"authorId\":null}";
  }

  private V0Client client(String baseUrl) {
    return V0Client.builder().apiKey("k").baseUrl(baseUrl) // Retries on: a started stream is never re-sent.
        .streamRecovery(PollingOptions.builder().initialInterval(1, TimeUnit.MILLISECONDS)
            .maxInterval(2, TimeUnit.MILLISECONDS).build())
        .build();
  }

  @Test void connectionResetMidStreamIsRecoveredByPolling() throws Exception {
    try (V0Client v0 = client(start("reset", polled("Hallo", null), polled("Hallo Welt", "stop")))) {
      EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI);
      List<MessageStreamEvent> events = new CopyOnWriteArrayList<>();
      stream.forEach(events::add);

      assertThat(stream.recovered()).isTrue();
      assertThat(events).hasSize(3);
      assertThat(events.get(2)).isInstanceOf(MessageSnapshotEvent.class);
      assertThat(stream.state().isComplete()).isTrue();
      assertThat(((TextPart) stream.state().parts().get(0)).getText()).isEqualTo("Hallo Welt");
      assertThat(requests).contains("GET /v2/chats/c1/messages/m1 HTTP/1.1");
      assertThat(requests).filteredOn(request -> request.startsWith("POST")).hasSize(1);
    }
  }

  @Test void truncatedBodyIsRecoveredByPolling() throws Exception {
    try (V0Client v0 = client(start("truncated", polled("Done", "stop")))) {
      MessageState state = v0.messages().sendStream("c1", HI).awaitCompletion();

      assertThat(state.isComplete()).isTrue();
      assertThat(state.content()).isEqualTo("Done");
    }
  }

  @Test void unrecoverableStreamFailsWithTheLastState() throws Exception {
    try (V0Client v0 = client(start("reset", "{\"message\":\"gone\"}"))) {
      V0StreamInterruptedException e = catchThrowableOfType(V0StreamInterruptedException.class,
          () -> v0.messages().sendStream("c1", HI).awaitCompletion());

      assertThat(e.getMessage()).contains("polling the message did not recover it either").contains("gone");
      assertThat(((TextPart) e.lastState().parts().get(0)).getText()).isEqualTo("Hal");
    }
  }

  @Test @Timeout(20) void closingTheStreamWhileItRecoversStopsThePolling() throws Exception {
    // The message never finishes: without close() stopping it, the recovery would poll for 30 min.
    try (V0Client v0 = client(start("reset", polled("Hal", null)))) {
      EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI);
      Thread closer = new Thread(() -> {
        while (requests.stream().noneMatch(r -> r.startsWith("GET"))) Thread.onSpinWait();
        stream.close();
      });
      closer.start();
      List<MessageStreamEvent> events = new CopyOnWriteArrayList<>();

      stream.forEach(events::add); // Ends, without an exception, once closed.

      closer.join();
      assertThat(events).hasSize(2);
      assertThat(stream.recovered()).isFalse();
      assertThat(v0.okHttpClient().dispatcher().runningCallsCount()).isZero();
    }
  }

  @Test void recoveryCanBeTurnedOff() throws Exception {
    try (V0Client v0 = V0Client.builder().apiKey("k").baseUrl(start("reset", polled("x", "stop")))
        .streamRecovery(null).build()) {
      assertThat(catchThrowableOfType(V0StreamInterruptedException.class,
          () -> v0.messages().sendStream("c1", HI).awaitCompletion())).isNotNull();
      assertThat(requests).noneMatch(r -> r.startsWith("GET"));
    }
  }
}
