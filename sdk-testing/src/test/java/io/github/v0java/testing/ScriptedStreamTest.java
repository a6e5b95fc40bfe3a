package io.github.v0java.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ScriptedStreamTest extends FakeServerTest {
  private static final String SEND = CHAT + "/messages/stream";

  private static StreamScript helloWorld() {
    return StreamScript.create()
        .event(StreamEvents.openingSnapshot())
        .event(StreamEvents.insertTextPart(0, "Hello"))
        .event(StreamEvents.textDelta(0, "Hello", "Hello world"))
        .event(StreamEvents.usage(100, 20))
        .event(StreamEvents.finalTextSnapshot("Hello world"));
  }

  @Test void eventsArriveInOrderWithTheirDelays() {
    StreamScript script = StreamScript.create()
        .event(StreamEvents.openingSnapshot())
        .event(StreamEvents.insertTextPart(0, "Hello"))
        .event(StreamEvents.textDelta(0, "Hello", "Hello world"))
        .pause(Duration.ofMillis(300))
        .event(StreamEvents.usage(100, 20))
        .event(StreamEvents.finalTextSnapshot("Hello world"))
        .delayBetweenEvents(Duration.ofMillis(100));
    fake.onSendMessageStream(script);

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(sse.failure).isNull();
    assertThat(sse.data()).containsExactlyElementsOf(script.events());
    assertThat(sse.millisAt(0)).as("the first event waits one tick").isGreaterThanOrEqualTo(90);
    // The fake never sends an event before its time: lower bounds hold however loaded the machine
    // is; the upper bound only says the pauses are not wildly longer than scripted.
    long[] due = {100, 200, 300, 700, 800};
    for (int i = 1; i < sse.events.size(); i++) {
      assertThat(sse.millisAt(i)).as("arrival of event %d", i).isGreaterThanOrEqualTo(due[i] - 15);
      assertThat(sse.millisAt(i)).as("arrival of event %d", i).isGreaterThanOrEqualTo(sse.millisAt(i - 1));
    }
    assertThat(sse.millisAt(4) - sse.millisAt(2)).as("the pause between events 2 and 4")
        .isGreaterThanOrEqualTo(500 - 15).isLessThan(500 + 2_000);
  }

  @Test void unevenPausesUseACommonTick() {
    StreamScript script = StreamScript.of(StreamEvents.openingSnapshot())
        .pause(Duration.ofMillis(150)).event(StreamEvents.insertTextPart(0, "a"))
        .pause(Duration.ofMillis(50)).event(StreamEvents.textDelta(0, "a", "ab"))
        .event(StreamEvents.textDelta(0, "ab", "abc")) // no pause: travels with the previous event
        .pause(Duration.ofMillis(250)).event(StreamEvents.finalTextSnapshot("abc"));
    fake.onSendMessageStream(script);

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(sse.data()).containsExactlyElementsOf(script.events());
    assertThat(sse.millisAt(1) - sse.millisAt(0)).isBetween(135L, 270L);
    assertThat(sse.millisAt(2) - sse.millisAt(1)).isBetween(35L, 170L);
    assertThat(sse.millisAt(3) - sse.millisAt(2)).isLessThan(20L);
    assertThat(sse.millisAt(4) - sse.millisAt(3)).isBetween(235L, 370L);
  }

  @Test void withoutDelaysTheBodyIsExactlyTheEvents() throws IOException {
    StreamScript script = helloWorld();
    fake.onSendMessageStream(script);

    try (Response response = http.open(SEND, PROMPT)) {
      assertThat(response.header("Content-Type")).startsWith("text/event-stream");
      assertThat(response.body().string()).isEqualTo(script.body());
    }
  }

  @Test void delayedBodiesArePaddedWithCommentLinesOnly() throws IOException {
    StreamScript script = helloWorld().delayBetweenEvents(Duration.ofMillis(10));
    fake.onSendMessageStream(script);

    String body;
    try (Response response = http.open(SEND, PROMPT)) {
      body = response.body().string();
    }

    assertThat(body).contains("\n:");
    assertThat(body.replaceAll("(?m)^:[^\n]*\n", "")).isEqualTo(script.body());
  }

  @Test void anErrorEventIsSentAndTheBodyEndsNormally() {
    fake.onSendMessageStream(StreamScript.of(
        StreamEvents.openingSnapshot(),
        StreamEvents.insertTextPart(0, "Hel"),
        StreamEvents.error("Generation failed: model overloaded", "model_overloaded")));

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(sse.failure).isNull();
    Map<String, Object> error = sse.json().get(2);
    assertThat(error).containsEntry("object", "error").containsEntry("id", FakeV0Server.MESSAGE_ID)
        .containsEntry("message", "Generation failed: model overloaded").containsEntry("code", "model_overloaded");
    Schemas.assertValid("v2/MessageStreamEvent", sse.data().get(2));
  }

  @Test void aCutConnectionEndsTheBodyEarlyWithAnIoError() {
    StreamScript script = helloWorld().cutAfter(2);
    fake.onSendMessageStream(script);

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(sse.data()).containsExactlyElementsOf(script.events().subList(0, 2));
    assertThat(sse.failure).isInstanceOf(ProtocolException.class).hasMessageContaining("unexpected end of stream");
  }

  @Test void aCutConnectionAfterDelayedEvents() {
    StreamScript script = StreamScript.create()
        .event(StreamEvents.openingSnapshot())
        .event(StreamEvents.insertTextPart(0, "Hello"))
        .event(StreamEvents.textDelta(0, "Hello", "Hello wor"))
        .cutConnection()
        .event(StreamEvents.finalTextSnapshot("Hello world"))
        .delayBetweenEvents(Duration.ofMillis(60));
    fake.onSendMessageStream(script);

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(script.cutAfter()).isEqualTo(3);
    assertThat(sse.data()).containsExactlyElementsOf(script.events().subList(0, 3));
    assertThat(sse.millisAt(2) - sse.millisAt(0)).isGreaterThanOrEqualTo(110);
    assertThat(sse.failure).isInstanceOf(IOException.class);
  }

  @Test void aCutBeforeAnyEvent() {
    fake.onSendMessageStream(helloWorld().cutAfter(0));

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(sse.events).isEmpty();
    assertThat(sse.failure).isInstanceOf(IOException.class);
  }

  @Test void unknownEventKindsAreSentAsTheyAre() {
    String future = StreamEvents.raw("{\"object\":\"message.reaction\",\"id\":\"msg_7Yq2c1\",\"emoji\":\"\uD83D\uDE80\"}");
    fake.onSendMessageStream(StreamScript.of(StreamEvents.openingSnapshot(), future,
        StreamEvents.finalTextSnapshot("Done \u2714")));

    Http.Sse sse = http.stream(SEND, PROMPT);

    assertThat(sse.data().get(1)).isEqualTo(future);
    assertThat(sse.json().get(2)).containsEntry("content", "Done \u2714");
  }

  @Test void eachStreamingOperationHasItsOwnScript() {
    StreamScript chat = StreamScript.of(StreamEvents.chat("chat_new", null), StreamEvents.chatTitle("chat_new", "Hi"),
        StreamEvents.openingSnapshot("chat_new", "msg_1"), StreamEvents.finalTextSnapshot("chat_new", "msg_1", "Hi!"));
    StreamScript resume = StreamScript.of(StreamEvents.chat(FakeV0Server.CHAT_ID, "Todo"));
    StreamScript v1 = StreamScript.of(V1StreamEvents.connected(), V1StreamEvents.done(), V1StreamEvents.DONE);
    fake.onCreateChatStream(chat).onResumeChat(resume).onV1Stream(v1);

    assertThat(http.stream("/v2/chats/stream", PROMPT).data()).containsExactlyElementsOf(chat.events());
    assertThat(http.stream(CHAT + "/resume", "{}").data()).containsExactlyElementsOf(resume.events());
    assertThat(http.stream("/v1/chats", "{\"message\":\"x\",\"responseMode\":\"experimental_stream\"}").data())
        .containsExactly("{\"type\":\"connected\"}", "{\"type\":\"done\"}", "[DONE]");
    assertThat(http.stream(V1_CHAT + "/messages", "{\"message\":\"x\",\"responseMode\":\"experimental_stream\"}")
        .data()).containsExactly("{\"type\":\"connected\"}", "{\"type\":\"done\"}", "[DONE]");
    // Untouched: the send-message stream, and v1 sync answers.
    assertThat(http.stream(SEND, PROMPT).events).hasSizeGreaterThan(40);
    assertThat(http.post("/v1/chats", "{\"message\":\"x\"}").json()).containsEntry("object", "chat");
  }

  @Test void aScriptIsCopiedWhenRegistered() {
    StreamScript script = StreamScript.of(StreamEvents.openingSnapshot());
    fake.onSendMessageStream(script);
    script.event(StreamEvents.finalTextSnapshot("later"));

    assertThat(http.stream(SEND, PROMPT).events).hasSize(1);
  }

  @Test void restoreDefaultRemovesTheScript() {
    fake.onSendMessageStream(StreamScript.of(StreamEvents.openingSnapshot()));
    fake.restoreDefault(Operation.SEND_MESSAGE_STREAM);

    assertThat(http.stream(SEND, PROMPT).events).hasSizeGreaterThan(40);
  }

  @Test void defaultStreamsCanBePaced() {
    fake.defaultStreamDelay(Duration.ofMillis(5));

    Http.Sse sse = http.stream(SEND, PROMPT);

    List<Http.Event> events = sse.events;
    assertThat(sse.failure).isNull();
    assertThat(sse.comments).isEqualTo(events.size());
    assertThat(sse.millisAt(events.size() - 1) - sse.millisAt(0)).isGreaterThanOrEqualTo(5L * (events.size() - 2));
  }
}
