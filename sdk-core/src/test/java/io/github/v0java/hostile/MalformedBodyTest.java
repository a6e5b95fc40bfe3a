package io.github.v0java.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.V0Client;
import io.github.v0java.V0DecodingException;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken 200 answers, plain and streamed: each ends in a typed, clearly worded exception. */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(60)
class MalformedBodyTest {
  @RegisterExtension static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

  private static final String GET = "/v2/chats/c1/messages/m1";
  private static final String STREAM = "/v2/chats/c1/messages/stream";

  private final V0Client v0 = Hostile.client(server.baseUrl());

  @AfterEach void close() {
    v0.close();
  }

  private void answerGet(String contentType, byte[] body) {
    server.stubFor(get(GET).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", contentType).withBody(body)));
  }

  private void answerGet(String body) {
    answerGet("application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private void answerStream(String contentType, byte[] body) {
    server.stubFor(post(STREAM).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", contentType).withBody(body)));
  }

  private void answerStream(String body) {
    answerStream("text/event-stream", body.getBytes(StandardCharsets.UTF_8));
  }

  private V0DecodingException getFails() {
    Throwable thrown = catchThrowable(() -> v0.messages().get("c1", "m1"));
    assertThat(thrown).isInstanceOf(V0DecodingException.class);
    return (V0DecodingException) thrown;
  }

  private V0DecodingException streamFails() {
    Throwable thrown = catchThrowable(() -> {
      try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
        stream.awaitCompletion();
      }
    });
    assertThat(thrown).isInstanceOf(V0DecodingException.class);
    return (V0DecodingException) thrown;
  }

  // 3. Nesting 10,000 levels deep: no StackOverflowError.

  @Test void deeplyNestedPlainBodyIsADecodingException() {
    answerGet(Hostile.message("[]", "stop", "x", "\"extra\":" + Hostile.deep(10_000)));
    V0DecodingException e = getFails();
    assertThat(e.getMessage()).containsIgnoringCase("nesting too deep");
  }

  @Test void deeplyNestedUnknownPartInAPlainBodyIsADecodingException() {
    answerGet(Hostile.message("[{\"type\":\"from-the-future\",\"x\":" + Hostile.deep(10_000) + "}]",
        "stop", "x", ""));
    assertThat(getFails().getMessage()).containsIgnoringCase("nesting too deep");
  }

  @Test void deeplyNestedArrayBodyIsADecodingException() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 10_000; i++) body.append('[');
    for (int i = 0; i < 10_000; i++) body.append(']');
    answerGet(body.toString());
    assertThat(getFails().getMessage()).contains("JSON");
  }

  @Test void deeplyNestedStreamDeltaIsADecodingException() {
    answerStream(Hostile.sse(Hostile.message("[]", null, "", ""), Hostile.chunk(Hostile.deep(10_000)),
        Hostile.message("[]", "stop", "", "")));
    V0DecodingException e = streamFails();
    assertThat(e.getMessage()).contains("undecodable stream event").containsIgnoringCase("nesting too deep");
  }

  @Test void deeplyNestedUnknownStreamEventIsADecodingException() {
    answerStream(Hostile.sse("{\"object\":\"message.from-the-future\",\"x\":" + Hostile.deep(10_000) + "}"));
    assertThat(streamFails().getMessage()).containsIgnoringCase("nesting too deep");
  }

  // 4. Invalid UTF-8.

  @Test void invalidUtf8InAStreamEventIsReplacedNotACrash() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(Hostile.sse(Hostile.message("[]", null, "", "")).getBytes(StandardCharsets.UTF_8));
    String[] around = Hostile.sse(Hostile.message("[{\"type\":\"text\",\"text\":\"a@b\"}]", "stop", "x@y", ""))
        .split("@");
    body.write(around[0].getBytes(StandardCharsets.UTF_8));
    body.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // a lead byte followed by ASCII
    body.write(around[1].getBytes(StandardCharsets.UTF_8));
    body.write(new byte[] {(byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}); // never valid; a surrogate
    body.write(around[2].getBytes(StandardCharsets.UTF_8));
    answerStream("text/event-stream", body.toByteArray());

    Throwable thrown = catchThrowable(() -> {
      try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
        MessageState done = stream.awaitCompletion();
        assertThat(done.content()).startsWith("x").endsWith("y").contains("\uFFFD");
        assertThat(done.toMessage().getContent()).isEqualTo(done.content());
      }
    });
    assertThat(thrown == null || thrown instanceof V0DecodingException)
        .as("replaced with U+FFFD or a typed error, got %s", thrown).isTrue();
    assertThat(thrown).isNull(); // The SDK chose U+FFFD (okio's decoder).
  }

  @Test void invalidUtf8InAPlainBodyIsReplacedNotACrash() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String[] around = Hostile.message("[]", "stop", "x@y", "").split("@");
    body.write(around[0].getBytes(StandardCharsets.UTF_8));
    body.write(new byte[] {(byte) 0xFE, (byte) 0x80});
    body.write(around[1].getBytes(StandardCharsets.UTF_8));
    answerGet("application/json", body.toByteArray());
    Message message = v0.messages().get("c1", "m1");
    assertThat(message.getContent()).startsWith("x").endsWith("y").contains("\uFFFD");
  }

  // 5. A delta addressing parts that do not exist.

  @Test void deltaForMissingPartsIsSkippedAndTheStreamCompletes() {
    answerStream(Hostile.sse(Hostile.message("[]", null, "", ""),
        Hostile.chunk("{\"7\":{\"text\":[\"a\",\"b\"]},\"_t\":\"a\"}"),
        Hostile.chunk("{\"0\":{\"text\":[\"a\",\"b\"]},\"_t\":\"a\"}"),
        Hostile.chunk("{\"3\":[\"a\",0,0],\"_t\":\"a\"}"),
        "{\"object\":\"message.usage\",\"id\":\"m1\",\"usage\":{}}",
        Hostile.message("[]", "stop", "", "")));
    List<String> parts = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
      MessageStreamEvent event;
      int count = 0;
      while ((event = stream.next()) != null) {
        count++;
        parts.add(event.getClass().getSimpleName() + ":" + stream.state().parts());
        assertThat(stream.state().parts()).isEmpty();
      }
      assertThat(count).isEqualTo(6);
      assertThat(stream.state().isComplete()).isTrue();
      assertThat(stream.state().content()).isEmpty();
    }
  }

  @ParameterizedTest(name = "delta {0} on no parts is skipped")
  @ValueSource(strings = {
      "{\"-1\":{\"text\":[\"a\",\"b\"]},\"_t\":\"a\"}",
      "{\"99999999999999999999\":[{\"type\":\"text\",\"text\":\"x\"}],\"_t\":\"a\"}",
      "{\"2147483647\":[{\"type\":\"text\",\"text\":\"x\"}],\"_t\":\"a\"}",
      "{\"1e3\":[{\"type\":\"text\",\"text\":\"x\"}],\"_t\":\"a\"}",
      "{\"_0\":[{\"type\":\"text\"},0,0],\"_t\":\"a\"}",
      "{\"_0\":[\"\",5,3],\"_t\":\"a\"}",
      "{\"0\":{\"text\":[\"@@ -1,5 +1,11 @@\\n Hello\\n+ world\\n\",0,2]},\"_t\":\"a\"}",
      "{\"0\":[1,2,3,4,5]}",
      "[]", "null", "7", "\"text\"", "{}",
  })
  void malformedDeltaIsSkippedAndTheStreamCompletes(String delta) {
    answerStream(Hostile.sse(Hostile.message("[]", null, "", ""), Hostile.chunk(delta),
        Hostile.message("[]", "stop", "", "")));
    Throwable thrown = catchThrowable(() -> {
      try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
        while (stream.next() != null) {
          assertThat(stream.state().parts()).isEmpty();
        }
        assertThat(stream.state().isComplete()).isTrue();
      }
    });
    assertThat(thrown == null || thrown instanceof V0DecodingException)
        .as("skipped, or a typed error; got %s", thrown).isTrue();
    assertThat(thrown).isNull();
  }

  // 6. JSON where a stream was expected.

  @Test void jsonInsteadOfAStreamNamesTheContentType() {
    answerStream("application/json", Hostile.message("[]", "stop", "x", "").getBytes(StandardCharsets.UTF_8));
    V0DecodingException e = streamFails();
    assertThat(e.getMessage()).contains("text/event-stream").contains("application/json");
    assertThat(e.statusCode()).isEqualTo(200);
  }

  // 7-9. Empty, HTML, truncated.

  @Test void emptyBodyIsADecodingException() {
    answerGet("");
    assertThat(getFails().getMessage()).contains("malformed JSON").contains("End of input");
  }

  @Test void emptyBodyWithoutContentTypeIsADecodingException() {
    server.stubFor(get(GET).willReturn(aResponse().withStatus(200)));
    assertThat(getFails().getMessage()).contains("JSON");
  }

  @Test void htmlPageIsADecodingException() {
    answerGet("text/html; charset=utf-8",
        "<!DOCTYPE html><html><head><title>Gateway</title></head><body>Maintenance</body></html>"
            .getBytes(StandardCharsets.UTF_8));
    V0DecodingException e = getFails();
    assertThat(e.getMessage()).contains("malformed JSON");
    assertThat(e.statusCode()).isEqualTo(200);
  }

  @Test void truncatedJsonIsADecodingException() {
    String whole = Hostile.message("[{\"type\":\"text\",\"text\":\"Hello\"}]", "stop", "Hello", "");
    answerGet(whole.substring(0, whole.length() / 2));
    assertThat(getFails().getMessage()).contains("malformed JSON");
  }

  @Test void truncatedJsonEventInAStreamIsADecodingException() {
    String whole = Hostile.message("[]", "stop", "Hello", "");
    answerStream(Hostile.sse(Hostile.message("[]", null, "", ""), whole.substring(0, whole.length() / 2)));
    assertThat(streamFails().getMessage()).contains("undecodable stream event");
  }

  // 10. Numbers out of range.

  @Test void int64OverflowIsADecodingException() {
    answerGet(Hostile.message("[]", "stop", "x",
        "\"attachments\":[{\"url\":\"https://x/a.png\",\"size\":99999999999999999999}]"));
    assertThat(getFails().getMessage()).contains("Expected a long").contains("size");
  }

  @Test void exponentBeyondDoubleForALongIsADecodingException() {
    answerGet(Hostile.message("[]", "stop", "x",
        "\"attachments\":[{\"url\":\"https://x/a.png\",\"size\":1e400}]"));
    assertThat(getFails().getMessage()).contains("size");
  }

  @Test void fractionalLongIsADecodingException() {
    answerGet(Hostile.message("[]", "stop", "x",
        "\"attachments\":[{\"url\":\"https://x/a.png\",\"size\":1.5}]"));
    assertThat(getFails().getMessage()).contains("size");
  }

  @Test void infiniteDoubleInAPlainBodyIsADecodingException() {
    answerGet(Hostile.message("[]", "stop", "x",
        "\"usage\":{\"tokens\":{\"input\":1e400},\"creditsCost\":{\"total\":-1e400}}"));
    assertThat(getFails().getMessage()).containsIgnoringCase("infinit");
  }

  @Test void infiniteDoubleInAStreamEventIsADecodingException() {
    answerStream(Hostile.sse(Hostile.message("[]", null, "", ""),
        "{\"object\":\"message.usage\",\"id\":\"m1\",\"usage\":{\"tokens\":{\"input\":1e400}}}",
        Hostile.message("[]", "stop", "", "")));
    V0DecodingException e = streamFails();
    assertThat(e.getMessage()).contains("undecodable stream event").containsIgnoringCase("infinit");
  }
}
