package io.github.v0java.rx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.PollingOptions;
import io.github.v0java.UsageFilter;
import io.github.v0java.V0Client;
import io.github.v0java.model.ChatPreview;
import io.github.v0java.model.Message;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.UsageEvent;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RxPollingAndPagingTest {
  @RegisterExtension static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

  private final V0Client v0 = V0Client.builder().apiKey("k").baseUrl(server.baseUrl() + "/v2").build();
  private final RxV0 rx = RxV0.create(v0);
  private final PollingOptions fast = PollingOptions.builder()
      .initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(2, TimeUnit.MILLISECONDS).build();

  @AfterEach void close() {
    v0.close();
  }

  static String message(String text, String finish) {
    return "{\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02Z\","
        + "\"content\":\"\",\"parts\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],\"finishReason\":"
        + (finish == null ? "null" : "\"" + finish + "\"") + ",\"restorable\":false,\"authorId\":null}";
  }

  private void generation() {
    server.stubFor(post("/v2/chats/c1/messages/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m1\"}")));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(message("a", null))).willSetStateTo("2"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("p").whenScenarioStateIs("2")
        .willReturn(okJson(message("ab", null))).willSetStateTo("3"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("p").whenScenarioStateIs("3")
        .willReturn(okJson(message("abc", "stop"))));
  }

  @Test void sendAsyncSingleCompletesWithTheFinishedMessage() {
    generation();

    TestObserver<Message> observer = rx.sendAsync("c1", SendMessageRequest.builder().message("hi").build(), fast).test();

    observer.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(1);
    assertThat(observer.values().get(0).getFinishReason().value()).isEqualTo("stop");
    assertThat(server.getAllServeEvents()).hasSize(4);
  }

  @Test void sendAsyncStatesEmitsEachChangedState() {
    generation();

    TestObserver<Message> observer = rx.sendAsyncStates("c1", SendMessageRequest.builder().message("hi").build(), fast)
        .test();

    observer.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(3);
  }

  @Test void nothingIsSentBeforeSubscribe() {
    generation();

    rx.sendAsync("c1", SendMessageRequest.builder().message("hi").build(), fast);

    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void disposeStopsPolling() throws Exception {
    server.stubFor(post("/v2/chats/c1/messages/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m1\"}")));
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(okJson(message("a", null))));
    // Polls every 50 ms: without cancellation, several more polls would arrive below.
    PollingOptions slow = PollingOptions.builder().initialInterval(50, TimeUnit.MILLISECONDS)
        .maxInterval(50, TimeUnit.MILLISECONDS).jitter(0).build();

    java.util.List<Throwable> undeliverable = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.reactivex.rxjava3.plugins.RxJavaPlugins.setErrorHandler(undeliverable::add);
    try {
      TestObserver<Message> observer = rx.sendAsyncStates("c1", SendMessageRequest.builder().message("hi").build(), slow)
          .test();
      observer.awaitCount(1);
      observer.dispose();
      Thread.sleep(400);
      observer.assertNotComplete();
    } finally {
      io.reactivex.rxjava3.plugins.RxJavaPlugins.reset();
    }
    // The cancellation after dispose never reaches RxJava's global handler (an Android crash).
    assertThat(undeliverable).isEmpty();

    server.verify(1, getRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1")));
  }

  static String page(String cursor, String... ids) {
    StringBuilder messages = new StringBuilder();
    for (String id : ids) {
      if (messages.length() > 0) messages.append(',');
      messages.append(message(id, "stop").replace("\"m1\"", "\"" + id + "\""));
    }
    return "{\"messages\":[" + messages + "],\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + "}";
  }

  @Test void flowableFetchesNoPageBeforeItIsRequested() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2")).willReturn(okJson(page("c2", "x1", "x2"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c2")).willReturn(okJson(page(null, "x3"))));

    TestSubscriber<Message> subscriber = rx.listAll("c1", 2).test(0);
    assertTwoPagesFetchedOnDemand(subscriber);
  }

  /** Of two pages of 2 and 1 items: none fetched before the first request, then each when needed. */
  private static void assertTwoPagesFetchedOnDemand(TestSubscriber<?> subscriber) {
    assertThat(server.getAllServeEvents()).isEmpty();
    subscriber.request(2);
    subscriber.assertValueCount(2);
    assertThat(server.getAllServeEvents()).hasSize(1);
    subscriber.request(10);

    subscriber.assertComplete().assertValueCount(3);
    assertThat(server.getAllServeEvents()).hasSize(2);
  }

  static String usageEvents(boolean hasMore, String cursor, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      if (data.length() > 0) data.append(',');
      data.append("{\"id\":\"").append(id).append("\",\"object\":\"usage_event\",\"type\":\"generation\",")
          .append("\"createdAt\":\"2026-11-20T09:15:02Z\",\"sources\":[\"on-demand\"],\"waived\":false,")
          .append("\"tokens\":null,\"creditsCost\":{\"input\":0,\"output\":0,\"cacheRead\":0,\"cacheWrite\":0,")
          .append("\"total\":0.5,\"charged\":0.5}}");
    }
    return "{\"object\":\"list\",\"range\":{\"start\":\"2026-11-01T00:00:00Z\",\"end\":\"2026-12-01T00:00:00Z\"},"
        + "\"scope\":{\"id\":\"team_1\",\"type\":\"team\",\"isTeamWide\":true},\"data\":[" + data + "],"
        + "\"pagination\":{\"hasMore\":" + hasMore + ",\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"")
        + "}}";
  }

  @Test void usageEventsFlowableFetchesEachPageWhenRequested() {
    server.stubFor(get(urlEqualTo("/v2/usage/events?userId=u1&limit=2"))
        .willReturn(okJson(usageEvents(true, "p2", "e1", "e2"))));
    server.stubFor(get(urlEqualTo("/v2/usage/events?userId=u1&limit=2&cursor=p2"))
        .willReturn(okJson(usageEvents(false, null, "e3"))));

    TestSubscriber<UsageEvent> subscriber =
        rx.listAllUsageEvents(UsageFilter.builder().userId("u1").build(), 2).test(0);
    assertTwoPagesFetchedOnDemand(subscriber);
    assertThat(subscriber.values().get(2).getId()).isEqualTo("e3");
    assertThat(subscriber.values().get(2).getTokens()).isNull();
  }

  @Test void stopCompletes() {
    server.stubFor(post("/v2/chats/c1/messages/m1/stop").willReturn(okJson("{\"messageId\":\"m1\"}")));

    rx.stop("c1", "m1").test().assertComplete();

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1/stop")));
  }

  private void startsAfterTwoPolls() {
    server.stubFor(get("/v2/chats/c1/preview").inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("null")).willSetStateTo("2"));
    server.stubFor(get("/v2/chats/c1/preview").inScenario("p").whenScenarioStateIs("2")
        .willReturn(okJson("null")).willSetStateTo("3"));
    server.stubFor(get("/v2/chats/c1/preview").inScenario("p").whenScenarioStateIs("3")
        .willReturn(okJson("{\"url\":\"https://vm-1.vusercontent.net/\",\"token\":\"pvt_secret\","
            + "\"expiresAt\":\"2026-11-20T10:15:00Z\"}")));
  }

  @Test void awaitPreviewEmitsThePreviewOnceItIsReady() {
    startsAfterTwoPolls();

    TestObserver<ChatPreview> observer = rx.awaitPreview("c1", fast).test();

    observer.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(1);
    assertThat(observer.values().get(0).getUrl()).isEqualTo("https://vm-1.vusercontent.net/");
    assertThat(server.getAllServeEvents()).hasSize(3);
  }

  @Test void nothingIsPolledBeforeSubscribeAndDisposingStopsPolling() throws Exception {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson("null")));

    io.reactivex.rxjava3.core.Single<ChatPreview> preview = rx.awaitPreview("c1", fast);
    assertThat(server.getAllServeEvents()).isEmpty();

    TestObserver<ChatPreview> observer = preview.test();
    while (server.getAllServeEvents().isEmpty()) Thread.sleep(1);
    observer.dispose();
    Thread.sleep(100);
    int polls = server.getAllServeEvents().size();
    Thread.sleep(200);

    assertThat(server.getAllServeEvents()).hasSize(polls);
    observer.assertNoValues().assertNoErrors();
  }
}
