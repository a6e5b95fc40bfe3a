package io.github.v0java.rx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.MessageState;
import io.github.v0java.NotFoundException;
import io.github.v0java.V0Client;
import io.github.v0java.V0StreamException;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.TextPart;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RxV0Test {
  @RegisterExtension static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

  private final V0Client v0 = V0Client.builder().apiKey("k").baseUrl(server.baseUrl() + "/v2").build();
  private final RxV0 rx = RxV0.create(v0);
  private static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();

  @AfterEach void close() {
    v0.close();
  }

  static String snapshot(String parts, String finish) {
    return "data: {\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\","
        + "\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":" + parts
        + ",\"finishReason\":" + finish + ",\"restorable\":false,\"authorId\":null}\n\n";
  }

  static String chunk(String delta) {
    return "data: {\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta + "}\n\n";
  }

  private void serve(String body) {
    server.stubFor(post("/v2/chats/c1/messages/stream").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body)));
  }

  private static final String BODY = snapshot("[]", "null")
      + chunk("{\"0\":[{\"type\":\"text\",\"text\":\"Hel\"}],\"_t\":\"a\"}")
      + chunk("{\"0\":{\"text\":[\"Hel\",\"Hello\"]},\"_t\":\"a\"}")
      + snapshot("[{\"type\":\"text\",\"text\":\"Hello\"}]", "\"stop\"");

  @Test void eventsArriveInOrderAndComplete() {
    serve(BODY);

    TestObserver<MessageStreamEvent> observer = rx.sendStream("c1", HI).test();

    observer.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertNoErrors().assertValueCount(4);
    assertThat(observer.values()).extracting(MessageStreamEvent::getObject)
        .containsExactly("message", "message.parts.chunk", "message.parts.chunk", "message");
  }

  @Test void statesAccumulateAcrossAnyScheduler() {
    serve(BODY);

    TestObserver<String> observer = rx.sendStreamStates("c1", HI)
        .observeOn(Schedulers.single())
        .map(RxV0Test::text)
        .test();

    observer.awaitDone(10, TimeUnit.SECONDS).assertComplete()
        .assertValues("", "Hel", "Hello", "Hello");
  }

  private static String text(MessageState state) {
    return state.parts().isEmpty() ? "" : ((TextPart) state.parts().get(0)).getText();
  }

  @Test void singleGivesTheFinishedMessage() {
    serve(BODY);

    TestObserver<Message> observer = rx.sendStreamMessage("c1", HI).test();

    observer.awaitDone(10, TimeUnit.SECONDS).assertComplete();
    assertThat(((TextPart) observer.values().get(0).getParts().get(0)).getText()).isEqualTo("Hello");
  }

  @Test void nothingIsSentBeforeSubscribeAndEachSubscribeSendsAgain() {
    serve(BODY);

    Observable<MessageStreamEvent> events = rx.sendStream("c1", HI);
    assertThat(server.getAllServeEvents()).isEmpty();
    events.test().awaitDone(10, TimeUnit.SECONDS).assertComplete();
    events.test().awaitDone(10, TimeUnit.SECONDS).assertComplete();

    assertThat(server.getAllServeEvents()).hasSize(2);
  }

  @Test void errorStatusArrivesAsTypedError() {
    server.stubFor(post("/v2/chats/c1/messages/stream").willReturn(aResponse().withStatus(404)
        .withBody("{\"message\":\"no chat\"}")));

    rx.sendStream("c1", HI).test().awaitDone(10, TimeUnit.SECONDS)
        .assertError(e -> e instanceof NotFoundException && ((NotFoundException) e).errorMessage().equals("no chat"));
  }

  @Test void errorEventArrivesAsStreamException() {
    serve(snapshot("[]", "null") + "data: {\"object\":\"error\",\"id\":\"m1\",\"message\":\"boom\"}\n\n");

    rx.sendStream("c1", HI).test().awaitDone(10, TimeUnit.SECONDS)
        .assertValueCount(1)
        .assertError(e -> e instanceof V0StreamException && ((V0StreamException) e).errorMessage().equals("boom"));
  }

  @Test void invalidInputArrivesAsErrorWithoutRequest() {
    rx.sendStream("..", HI).test().assertError(io.github.v0java.V0InvalidRequestException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private void serveSlowly() {
    // The first event, then a long keep-alive comment dribbled over seconds: the stream is open.
    String body = snapshot("[]", "null") + ": " + "x".repeat(20_000) + "\n\n"
        + snapshot("[]", "\"stop\"");
    server.stubFor(post("/v2/chats/c1/messages/stream").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body).withChunkedDribbleDelay(20, 4000)));
    server.stubFor(post("/v2/chats/c1/messages/m1/stop").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m1\"}")));
  }

  @Test void disposeStopsTheGenerationWhenOptedIn() throws Exception {
    serveSlowly();

    TestObserver<MessageStreamEvent> observer = rx.stoppingGenerationsOnDispose().sendStream("c1", HI).test();
    observer.awaitCount(1);
    observer.dispose();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v2/chats/c1/messages/m1/stop"))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v2/chats/c1/messages/m1/stop")));
  }

  @Test void disposeOnlyStopsListeningByDefault() throws Exception {
    serveSlowly();

    TestObserver<MessageStreamEvent> observer = rx.sendStream("c1", HI).test();
    observer.awaitCount(1);
    observer.dispose();
    Thread.sleep(300);

    server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v2/chats/c1/messages/m1/stop")));
  }
}
