package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.FinishReason;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePartsChunkEvent;
import io.github.v0java.model.MessageSnapshotEvent;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.MessageUsageEvent;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.ThinkingPart;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventStreamTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);
  private static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();

  @AfterEach void close() {
    v0.close();
  }

  private void serve(String path, String body) {
    server.stubFor(post(path).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body)));
  }

  @Test void typicalStreamDeliversEventsAndAccumulatesTheMessage() {
    serve("/v2/chats/c1/messages/stream", StreamScript.typical().body());

    List<String> texts = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      for (MessageStreamEvent event : stream) {
        events.add(event);
        MessageState state = stream.state();
        texts.add(state.parts().isEmpty() ? "" : describe(state));
      }
      assertThat(stream.state().isComplete()).isTrue();
    }

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/stream"))
        .withRequestBody(equalToJson("{\"message\":\"hi\"}")));
    assertThat(events).hasSize(7);
    assertThat(events.get(0)).isInstanceOf(MessageSnapshotEvent.class);
    assertThat(events.get(1)).isInstanceOf(MessagePartsChunkEvent.class);
    assertThat(events.get(5)).isInstanceOf(MessageUsageEvent.class);
    assertThat(texts).containsExactly("", "thinking:Plan", "thinking:Plan the app",
        "thinking:Plan the app|text:Hello", "thinking:Plan the app|text:Hello world",
        "thinking:Plan the app|text:Hello world", "thinking:Plan the app|text:Hello world");
  }

  private static String describe(MessageState state) {
    StringBuilder result = new StringBuilder();
    state.parts().forEach(part -> {
      if (result.length() > 0) result.append('|');
      if (part instanceof ThinkingPart) result.append("thinking:").append(((ThinkingPart) part).getText());
      else if (part instanceof TextPart) result.append("text:").append(((TextPart) part).getText());
      else result.append(part.getType());
    });
    return result.toString();
  }

  @Test void finalMessageCarriesUsageAndFinishReason() {
    serve("/v2/chats/c1/messages/stream", StreamScript.typical().body());

    Message message = v0.messages().sendStream("c1", HI).finalMessage();

    assertThat(message.getId()).isEqualTo("m1");
    assertThat(message.getFinishReason()).isSameAs(FinishReason.STOP);
    assertThat(message.getContent()).isEqualTo("Hello world");
    assertThat(message.getParts()).hasSize(2);
    // The final snapshot had no usage: the usage reported before it is kept, not lost.
    assertThat(message.getUsage().getTokens().getTotal()).isEqualTo(120.0);
  }

  @Test void statesAreImmutableSnapshots() {
    serve("/v2/chats/c1/messages/stream", StreamScript.typical().body());

    List<MessageState> states = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      for (MessageState state : stream.states()) states.add(state);
    }

    assertThat(states).hasSize(7);
    assertThat(describe(states.get(1))).isEqualTo("thinking:Plan");
    assertThat(describe(states.get(3))).isEqualTo("thinking:Plan the app|text:Hello");
    assertThat(states.get(5).usage().getTokens().getTotal()).isEqualTo(120.0);
    assertThat(states.get(1).parts().get(0)).isNotSameAs(states.get(2).parts().get(0));
    // Untouched parts are shared, not decoded again.
    assertThat(states.get(3).parts().get(0)).isSameAs(states.get(2).parts().get(0));
  }

  @Test void errorEventEndsTheStreamAndNothingAfterItApplies() {
    serve("/v2/chats/c1/messages/stream", new StreamScript()
        .event(StreamScript.snapshot("m1", "[]", null, ""))
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"Half\"}],\"_t\":\"a\"}"))
        .event(StreamScript.error("m1", "Generation failed: model overloaded", "model_overloaded"))
        .event(StreamScript.chunk("m1", "{\"1\":[{\"type\":\"text\",\"text\":\"late\"}],\"_t\":\"a\"}"))
        .body());

    EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI);
    assertThat(stream.next()).isInstanceOf(MessageSnapshotEvent.class);
    assertThat(stream.next()).isInstanceOf(MessagePartsChunkEvent.class);
    V0StreamException e = catchThrowableOfType(V0StreamException.class, stream::next);

    assertThat(e.errorMessage()).isEqualTo("Generation failed: model overloaded");
    assertThat(e.code()).isEqualTo("model_overloaded");
    assertThat(e.messageId()).isEqualTo("m1");
    assertThat(describe(e.lastState())).isEqualTo("text:Half");
    assertThat(stream.next()).isNull();
    assertThat(describe(stream.state())).isEqualTo("text:Half");
  }

  @Test void unknownEventKindIsDeliveredAndSkippedByTheState() {
    serve("/v2/chats/c1/messages/stream", new StreamScript()
        .event(StreamScript.snapshot("m1", "[]", null, ""))
        .event("{\"object\":\"message.annotation\",\"id\":\"m1\",\"note\":\"new kind\"}")
        .event(StreamScript.snapshot("m1", "[]", "stop", "done"))
        .body());

    List<MessageStreamEvent> events = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      stream.forEach(events::add);
    }

    assertThat(events.get(1)).isInstanceOf(MessageStreamEvent.Unknown.class);
    assertThat(((MessageStreamEvent.Unknown) events.get(1)).json()).containsEntry("note", "new kind");
    assertThat(events).hasSize(3);
  }

  @Test void bodyEndingBeforeTheFinalSnapshotIsAnInterruption() {
    serve("/v2/chats/c1/messages/stream", new StreamScript()
        .event(StreamScript.snapshot("m1", "[]", null, ""))
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"cut\"}],\"_t\":\"a\"}"))
        .body());

    V0StreamInterruptedException e = catchThrowableOfType(V0StreamInterruptedException.class,
        () -> v0.messages().sendStream("c1", HI).awaitCompletion());

    assertThat(e.getMessage()).contains("before the message finished");
    assertThat(describe(e.lastState())).isEqualTo("text:cut");
    assertThat(e.lastState().messageId()).isEqualTo("m1");
  }

  @Test void emptyBodyIsAnInterruption() {
    serve("/v2/chats/c1/messages/stream", ": keep-alive\n\n");

    V0StreamInterruptedException e = catchThrowableOfType(V0StreamInterruptedException.class,
        () -> v0.messages().sendStream("c1", HI).next());

    assertThat(e.getMessage()).contains("before any event");
  }

  @Test void errorStatusIsTheTypedApiException() {
    server.stubFor(post("/v2/chats/c1/messages/stream").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Chat not found\"}")));

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> v0.messages().sendStream("c1", HI));

    assertThat(e.errorMessage()).isEqualTo("Chat not found");
  }

  @Test void jsonInsteadOfEventStreamIsADecodingException() {
    server.stubFor(post("/v2/chats/c1/messages/stream").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"not a stream\"}")));

    V0DecodingException e = catchThrowableOfType(V0DecodingException.class,
        () -> v0.messages().sendStream("c1", HI));

    assertThat(e.getMessage()).contains("expected a text/event-stream").contains("not a stream");
  }

  @Test void eachEventDecodesOnItsOwnWhateverWhitespaceFollowsTheEventBefore() {
    // Events are decoded one after another by one reader: whitespace after a value (spaces, an
    // empty last data line) stays with its event, and a broken event fails as itself.
    serve("/v2/chats/c1/messages/stream", "data: " + StreamScript.snapshot("m1", "[]", null, "")
        + "\ndata: \n\n"
        + "data: " + StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"a\"}],\"_t\":\"a\"}")
        + " \t \n\n"
        + "data: " + StreamScript.chunk("m1", "{\"0\":{\"text\":[\"a\",\"ab\"]},\"_t\":\"a\"}") + "\n\n"
        + "data: {\"object\":\"message.parts.chunk\",\"id\":\n\n"
        + "data: " + StreamScript.chunk("m1", "{\"0\":{\"text\":[\"ab\",\"abc\"]},\"_t\":\"a\"}") + "\n\n");

    EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI);

    assertThat(stream.next()).isInstanceOf(MessageSnapshotEvent.class);
    assertThat(stream.next()).isInstanceOf(MessagePartsChunkEvent.class);
    assertThat(stream.next()).isInstanceOf(MessagePartsChunkEvent.class);
    assertThat(describe(stream.state())).isEqualTo("text:ab");
    V0DecodingException e = catchThrowableOfType(V0DecodingException.class, stream::next);
    assertThat(e.getMessage()).contains("undecodable stream event");
    assertThat(describe(stream.state())).isEqualTo("text:ab");
  }

  @Test void keepAliveCommentsCrLfAndMultiLineDataAreRead() {
    String snapshot = StreamScript.snapshot("m1", "[]", null, "");
    String finalSnapshot = StreamScript.snapshot("m1", "[{\"type\":\"text\",\"text\":\"ok\"}]", "stop", "ok");
    // The JSON of one event split over two data lines: joined with \n, which JSON allows.
    String split = finalSnapshot.replace(",\"parts\"", "\r\ndata: ,\"parts\"");
    serve("/v2/chats/c1/messages/stream", ": ping\r\n\r\ndata: " + snapshot + "\r\n\r\n: ping\r\n\r\n"
        + "data: " + split + "\r\n\r\n");

    MessageState state = v0.messages().sendStream("c1", HI).awaitCompletion();

    assertThat(describe(state)).isEqualTo("text:ok");
    assertThat(state.content()).isEqualTo("ok");
  }

  @Test void midStreamSnapshotReplacesEverything() {
    serve("/v2/chats/c1/messages/stream", new StreamScript()
        .event(StreamScript.snapshot("m1", "[]", null, ""))
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"draft\"}],\"_t\":\"a\"}"))
        .event(StreamScript.snapshot("m1", "[{\"type\":\"thinking\",\"text\":\"rethink\"}]", null, ""))
        .event(StreamScript.chunk("m1", "{\"1\":[{\"type\":\"text\",\"text\":\"final\"}],\"_t\":\"a\"}"))
        .event(StreamScript.snapshot("m1", "[{\"type\":\"thinking\",\"text\":\"rethink\"},"
            + "{\"type\":\"text\",\"text\":\"final\"}]", "stop", "final"))
        .body());

    List<String> seen = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      for (MessageState state : stream.states()) seen.add(describe(state));
    }

    assertThat(seen).containsExactly("", "text:draft", "thinking:rethink",
        "thinking:rethink|text:final", "thinking:rethink|text:final");
  }

  @Test void chunkThatDoesNotApplyLeavesTheStateAndTheStreamGoesOn() {
    serve("/v2/chats/c1/messages/stream", new StreamScript()
        .event(StreamScript.snapshot("m1", "[]", null, ""))
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"abc\"}],\"_t\":\"a\"}"))
        // Inserts a part, then a text diff that cannot match: the whole chunk is refused.
        .event(StreamScript.chunk("m1", "{\"1\":[{\"type\":\"text\",\"text\":\"new\"}],"
            + "\"0\":{\"text\":[\"@@ -1,3 +1,4 @@\\n xyz\\n+!\\n\",0,2]},\"_t\":\"a\"}"))
        .event(StreamScript.chunk("m1", "{\"0\":{\"text\":[\"abc\",\"abcd\"]},\"_t\":\"a\"}"))
        .event(StreamScript.snapshot("m1", "[{\"type\":\"text\",\"text\":\"abcd\"}]", "stop", ""))
        .body());

    List<String> seen = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      for (MessageState state : stream.states()) seen.add(describe(state));
    }

    assertThat(seen).containsExactly("", "text:abc", "text:abc", "text:abcd", "text:abcd");
  }

  @Test void tenThousandChunksAccumulate() {
    StreamScript script = new StreamScript().event(StreamScript.snapshot("m1", "[]", null, ""))
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"Start\"}],\"_t\":\"a\"}"));
    StringBuilder expected = new StringBuilder("Start");
    for (int i = 0; i < 10_000; i++) {
      // Each chunk appends a word with a text diff whose context is the last 4 characters.
      String word = " w" + i;
      int length = expected.length();
      String patch = "@@ -" + (length - 3) + ",4 +" + (length - 3) + "," + (4 + word.length()) + " @@\\n "
          + expected.substring(length - 4) + "\\n+" + word + "\\n";
      expected.append(word);
      script.event(StreamScript.chunk("m1", "{\"0\":{\"text\":[\"" + patch + "\",0,2]},\"_t\":\"a\"}"));
    }
    script.event(StreamScript.snapshot("m1", "[{\"type\":\"text\",\"text\":"
        + StreamScript.quote(expected.toString()) + "}]", "stop", ""));
    serve("/v2/chats/c1/messages/stream", script.body());

    int count = 0;
    String lastChunkText = null;
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      for (MessageState state : stream.states()) {
        count++;
        if (count == 10_002) lastChunkText = ((TextPart) state.parts().get(0)).getText();
      }
    }

    assertThat(count).isEqualTo(10_003);
    assertThat(lastChunkText).isEqualTo(expected.toString());
  }

  @Test void chatStreamCarriesChatAndTitle() {
    serve("/v2/chats/stream", new StreamScript()
        .event("{\"object\":\"chat\"," + TestServers.resource("v2/chat.json").replace("\n", "").trim().substring(1))
        .event("{\"object\":\"chat.title\",\"id\":\"chat_3fKd9a\",\"delta\":\"Todo\"}")
        .event("{\"object\":\"chat.title\",\"id\":\"chat_3fKd9a\",\"delta\":\"Todo app\"}")
        .event(StreamScript.snapshot("m1", "[{\"type\":\"text\",\"text\":\"ok\"}]", "stop", "ok"))
        .body());

    MessageState state;
    try (EventStream<ChatStreamEvent> stream = v0.chats().createStream(
        CreateChatRequest.builder().message("todo").build())) {
      state = stream.awaitCompletion();
    }

    assertThat(state.chat().getId()).isEqualTo("chat_3fKd9a");
    assertThat(state.title()).isEqualTo("Todo app");
    assertThat(describe(state)).isEqualTo("text:ok");
  }

  @Test void firstEventArrivesWhileTheBodyIsStillOpen() throws Exception {
    try (ScriptedSseServer sse = new ScriptedSseServer();
         V0Client client = V0Client.builder().apiKey("k").baseUrl(sse.baseUrl() + "/v2").build()) {
      sse.send("data: " + StreamScript.snapshot("m1", "[]", null, "") + "\n\n");
      EventStream<MessageStreamEvent> stream = client.messages().sendStream("c1", HI);

      // The server holds the rest of the body until this first event has been received.
      assertThat(stream.next()).isInstanceOf(MessageSnapshotEvent.class);
      sse.send("data: " + StreamScript.snapshot("m1", "[]", "stop", "") + "\n\n");
      sse.finish();
      assertThat(stream.next()).isInstanceOf(MessageSnapshotEvent.class);
      assertThat(stream.next()).isNull();
      assertThat(sse.awaitRequestLine()).isEqualTo("POST /v2/chats/c1/messages/stream HTTP/1.1");
    }
  }

  @Test void closingTheStreamClosesTheConnectionAtOnce() throws Exception {
    try (ScriptedSseServer sse = new ScriptedSseServer();
         V0Client client = V0Client.builder().apiKey("k").baseUrl(sse.baseUrl() + "/v2").build()) {
      sse.send("data: " + StreamScript.snapshot("m1", "[]", null, "") + "\n\n");
      EventStream<MessageStreamEvent> stream = client.messages().sendStream("c1", HI);
      stream.next();

      stream.close();

      assertThat(sse.awaitClientClosed(5, TimeUnit.SECONDS)).isTrue();
      assertThat(stream.next()).isNull();
      assertThat(client.okHttpClient().dispatcher().runningCallsCount()).isZero();
    }
  }

  @Test void listenerReceivesEventsStatesAndCompletion() throws Exception {
    serve("/v2/chats/c1/messages/stream", StreamScript.typical().body());
    List<String> seen = new ArrayList<>();
    AtomicReference<MessageState> done = new AtomicReference<>();
    CountDownLatch latch = new CountDownLatch(1);

    v0.messages().sendStream("c1", HI, new StreamListener<MessageStreamEvent>() {
      @Override public void onEvent(MessageStreamEvent event, MessageState state) {
        seen.add(event.getObject());
      }

      @Override public void onComplete(MessageState finalState) {
        done.set(finalState);
        latch.countDown();
      }

      @Override public void onFailure(V0Exception failure) {
        latch.countDown();
      }
    });

    assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly("message", "message.parts.chunk", "message.parts.chunk",
        "message.parts.chunk", "message.parts.chunk", "message.usage", "message");
    assertThat(done.get().isComplete()).isTrue();
  }

  @Test void listenerGetsTypedFailureForErrorStatus() throws Exception {
    server.stubFor(post("/v2/chats/c1/messages/stream").willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"bad key\"}")));
    AtomicReference<V0Exception> failure = new AtomicReference<>();
    CountDownLatch latch = new CountDownLatch(1);

    v0.messages().sendStream("c1", HI, new StreamListener<MessageStreamEvent>() {
      @Override public void onFailure(V0Exception e) {
        failure.set(e);
        latch.countDown();
      }
    });

    assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).isInstanceOf(UnauthorizedException.class);
  }

  @Test void everyPartKindUnknownPartTypesAndUnknownEnumValuesAccumulate() {
    serve("/v2/chats/c1/messages/stream", new StreamScript()
        .event(StreamScript.snapshot("m1", "[]", null, ""))
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"file-read\",\"paths\":[\"app/page.tsx\"]}],"
            + "\"1\":[{\"type\":\"search\",\"scope\":\"web\",\"query\":\"tailwind\"}],\"_t\":\"a\"}"))
        .event(StreamScript.chunk("m1", "{\"2\":[{\"type\":\"file-edit\",\"operation\":\"move\",\"path\":\"a.ts\"}],"
            + "\"3\":[{\"type\":\"bash\",\"command\":\"pnpm test\"}],\"_t\":\"a\"}"))
        .event(StreamScript.chunk("m1", "{\"3\":{\"output\":[\"ok\"]},\"_t\":\"a\"}"))
        .event(StreamScript.chunk("m1", "{\"4\":[{\"type\":\"tool-call\",\"name\":\"linear\",\"status\":\"pending\","
            + "\"input\":{\"_t\":\"kept\",\"q\":1}}],\"5\":[{\"type\":\"agent-action\",\"name\":\"ask_user_questions\","
            + "\"summary\":\"2 questions\",\"data\":{\"questions\":[]}}],\"6\":[{\"type\":\"hologram\",\"x\":1}],\"_t\":\"a\"}"))
        .event(StreamScript.snapshot("m1", "[]", "budget-exhausted", ""))
        .body());

    List<MessageState> states = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", HI)) {
      for (MessageState state : stream.states()) states.add(state);
    }

    MessageState beforeFinal = states.get(states.size() - 2);
    assertThat(beforeFinal.parts()).extracting(p -> p.getClass().getSimpleName()).containsExactly(
        "FileReadPart", "SearchPart", "FileEditPart", "BashPart", "ToolCallPart", "AgentActionPart", "Unknown");
    assertThat(((io.github.v0java.model.FileEditPart) beforeFinal.parts().get(2)).getOperation().isKnown()).isFalse();
    assertThat(((io.github.v0java.model.BashPart) beforeFinal.parts().get(3)).getOutput()).isEqualTo("ok");
    io.github.v0java.model.ToolCallPart tool = (io.github.v0java.model.ToolCallPart) beforeFinal.parts().get(4);
    assertThat(tool.getStatus().value()).isEqualTo("pending");
    assertThat(((java.util.Map<?, ?>) tool.getInput()).get("_t")).isEqualTo("kept");
    assertThat(((io.github.v0java.model.MessagePart.Unknown) beforeFinal.parts().get(6)).json()).containsEntry("x", 1.0);
    MessageState last = states.get(states.size() - 1);
    assertThat(last.isComplete()).isTrue();
    assertThat(last.finishReason().value()).isEqualTo("budget-exhausted");
  }

  @Test void resumeStreamsTheRunningGeneration() {
    serve("/v2/chats/c1/resume", new StreamScript()
        .event(StreamScript.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"again\"}],\"_t\":\"a\"}"))
        .event(StreamScript.usage("m1", 1, 2))
        .body());

    MessageState state = v0.chats().resume("c1").awaitCompletion();

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/resume")));
    assertThat(describe(state)).isEqualTo("text:again");
    assertThat(state.usage().getTokens().getTotal()).isEqualTo(3.0);
    assertThat(state.messageId()).isEqualTo("m1");
  }
}
