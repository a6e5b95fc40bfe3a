package io.github.v0java.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.v0java.EventStream;
import io.github.v0java.V0Client;
import io.github.v0java.V0InvalidRequestException;
import io.github.v0java.model.MessageStreamEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids are path segments: they reach the server percent-encoded inside one segment, or are refused. */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(60)
class PathInjectionTest {
  private static RawHttpServer server;
  private static V0Client v0;

  @BeforeAll static void start() throws Exception {
    server = new RawHttpServer((request, out) -> {
      if (request.requestLine.startsWith("POST")) {
        RawHttpServer.answer(out, 200, "text/event-stream",
            Hostile.sse(Hostile.message("[]", "stop", "", "")).getBytes(StandardCharsets.UTF_8));
      } else {
        RawHttpServer.answer(out, 200, "application/json",
            Hostile.message("[]", "stop", "", "").getBytes(StandardCharsets.UTF_8));
      }
    });
    v0 = Hostile.client(server.baseUrl());
  }

  @AfterAll static void stop() throws Exception {
    v0.close();
    server.close();
  }

  @BeforeEach void clear() {
    server.requests.clear();
  }

  /** The raw request target, exactly as the SDK sent it (nothing decoded by a server library). */
  private static String onlyTarget() {
    assertThat(server.requests).hasSize(1);
    return server.requests.get(0).target();
  }

  @ParameterizedTest(name = "chat id [{0}] is sent as [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a?b=c       | a%3Fb=c",
      "a#b         | a%23b",
      "a%2Fb       | a%252Fb",
      "%2e%2e      | %252e%252e",
      "'a b'       | a%20b",
      "ü           | %C3%BC",
      "a;b         | a;b",
      "...         | ...",
      "'a\"<>{}|^`' | a%22%3C%3E%7B%7D%7C%5E%60",
  })
  void chatIdStaysInsideOneSegment(String id, String encoded) {
    v0.messages().get(id, "m1");
    String target = onlyTarget();
    assertThat(target).isEqualTo("/v2/chats/" + encoded + "/messages/m1");
    assertThat(target.split("/", -1)).hasSize(6);
    assertThat(target).doesNotContain("?").doesNotContain("#");
  }

  @ParameterizedTest(name = "message id [{0}] is sent as [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a?b=c  | a%3Fb=c",
      "a#b    | a%23b",
      "a%2Fb  | a%252Fb",
      "'a b'  | a%20b",
      "ü      | %C3%BC",
  })
  void messageIdStaysInsideOneSegment(String id, String encoded) {
    v0.messages().get("c1", id);
    assertThat(onlyTarget()).isEqualTo("/v2/chats/c1/messages/" + encoded);
  }

  @ParameterizedTest(name = "stream to chat [{0}] goes to [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a?b=c  | a%3Fb=c",
      "a#b    | a%23b",
      "a%2Fb  | a%252Fb",
      "'a b'  | a%20b",
      "ü      | %C3%BC",
  })
  void streamChatIdStaysInsideOneSegment(String id, String encoded) {
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream(id, Hostile.HI)) {
      stream.awaitCompletion();
    }
    assertThat(onlyTarget()).isEqualTo("/v2/chats/" + encoded + "/messages/stream");
  }

  @ParameterizedTest(name = "chat id [{0}] is refused")
  @ValueSource(strings = {"/", "a/b", "../m", "a\\b", "\\", ".", "..", "", " ", "a\nb", "a\rb", "a\u0000b",
      "a\u007fb"})
  void routeChangingChatIdsAreRefusedBeforeAnyRequest(String id) {
    Throwable thrown = catchThrowable(() -> v0.messages().get(id, "m1"));
    assertThat(thrown).isInstanceOf(V0InvalidRequestException.class);
    assertThat(((V0InvalidRequestException) thrown).field()).isEqualTo("chatId");
    Throwable streamed = catchThrowable(() -> v0.messages().sendStream(id, Hostile.HI).close());
    assertThat(streamed).isInstanceOf(V0InvalidRequestException.class);
    assertThat(server.requests).isEmpty();
  }

  @ParameterizedTest(name = "message id [{0}] is refused")
  @ValueSource(strings = {"/", "a/b", "..\\x", ".", "..", "a\tb"})
  void routeChangingMessageIdsAreRefusedBeforeAnyRequest(String id) {
    Throwable thrown = catchThrowable(() -> v0.messages().get("c1", id));
    assertThat(thrown).isInstanceOf(V0InvalidRequestException.class);
    assertThat(((V0InvalidRequestException) thrown).field()).isEqualTo("messageId");
    assertThat(thrown.getMessage()).startsWith("messageId: ");
    assertThat(server.requests).isEmpty();
  }

  @ParameterizedTest(name = "cursor [{0}] stays one query value")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "x&limit=100#y  | x%26limit%3D100%23y",
      "'a b/c?d'      | a%20b%2Fc%3Fd",
      "%26            | %2526",
  })
  void cursorStaysOneQueryValue(String cursor, String encoded) {
    server.requests.clear();
    catchThrowable(() -> v0.messages().list("c1", 5, cursor)); // the body is not a list: only the URL matters
    assertThat(onlyTarget()).isEqualTo("/v2/chats/c1/messages?limit=5&cursor=" + encoded);
  }

  @ParameterizedTest(name = "null ids are refused")
  @ValueSource(strings = {"chat", "message"})
  void nullIdsAreRefused(String which) {
    Throwable thrown = catchThrowable(() -> v0.messages().get(which.equals("chat") ? null : "c1",
        which.equals("chat") ? "m1" : null));
    assertThat(thrown).isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("is null");
    assertThat(server.requests).isEmpty();
  }
}
