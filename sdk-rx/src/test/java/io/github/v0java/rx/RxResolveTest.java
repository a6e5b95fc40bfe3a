package io.github.v0java.rx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.MessageState;
import io.github.v0java.PollingOptions;
import io.github.v0java.V0Client;
import io.github.v0java.model.ConnectStatus;
import io.github.v0java.model.ConnectStatusReady;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.PlanExitResponseTask;
import io.github.v0java.model.PlanExitStatus;
import io.github.v0java.model.ResolveTaskRequest;
import io.github.v0java.model.TextPart;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answering the agent and waiting for Vercel Connect from Rx: cold, each subscription its own request. */
class RxResolveTest {
  @RegisterExtension static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

  private static final ResolveTaskRequest APPROVE = ResolveTaskRequest.builder()
      .task(PlanExitResponseTask.builder().status(PlanExitStatus.APPROVED).content("Go ahead").build()).build();
  private static final String APPROVE_JSON =
      "{\"task\":{\"type\":\"plan-exit-response\",\"status\":\"approved\",\"content\":\"Go ahead\"}}";

  private final V0Client v0 = V0Client.builder().apiKey("k").baseUrl(server.baseUrl() + "/v2").build();
  private final RxV0 rx = RxV0.create(v0);
  private final PollingOptions fast = PollingOptions.builder()
      .initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(2, TimeUnit.MILLISECONDS).build();

  @AfterEach void close() {
    v0.close();
  }

  private void serveStream() {
    server.stubFor(post("/v2/chats/c1/messages/resolve/stream").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(RxV0Test.snapshot("[]", "null")
            + RxV0Test.chunk("{\"0\":[{\"type\":\"text\",\"text\":\"Buil\"}],\"_t\":\"a\"}")
            + RxV0Test.chunk("{\"0\":{\"text\":[\"Buil\",\"Building it\"]},\"_t\":\"a\"}")
            + RxV0Test.snapshot("[{\"type\":\"text\",\"text\":\"Building it\"}]", "\"stop\""))));
  }

  @Test void resolveStreamIsColdAndDeliversEventsStatesAndTheMessage() {
    serveStream();
    rx.resolveStream("c1", APPROVE);
    assertThat(server.getAllServeEvents()).isEmpty();

    TestObserver<MessageStreamEvent> events = rx.resolveStream("c1", APPROVE).test();
    events.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(4);
    TestObserver<MessageState> states = rx.resolveStreamStates("c1", APPROVE).test();
    states.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(4);
    TestObserver<Message> message = rx.resolveStreamMessage("c1", APPROVE).test();
    message.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(1);

    assertThat(((TextPart) states.values().get(2).parts().get(0)).getText()).isEqualTo("Building it");
    assertThat(message.values().get(0).getFinishReason().value()).isEqualTo("stop");
    server.verify(3, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve/stream"))
        .withRequestBody(equalToJson(APPROVE_JSON)));
  }

  @Test void resolveAsyncPollsOnSubscribeUntilTheMessageIsFinished() {
    server.stubFor(post("/v2/chats/c1/messages/resolve/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m1\"}")));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(RxPollingAndPagingTest.message("Buil", null))).willSetStateTo("2"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("p").whenScenarioStateIs("2")
        .willReturn(okJson(RxPollingAndPagingTest.message("Building it", "stop"))));

    rx.resolveAsync("c1", APPROVE, fast);
    assertThat(server.getAllServeEvents()).isEmpty();
    TestObserver<Message> single = rx.resolveAsync("c1", APPROVE, fast).test();

    single.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(1);
    assertThat(((TextPart) single.values().get(0).getParts().get(0)).getText()).isEqualTo("Building it");
    server.verify(1, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve/async"))
        .withRequestBody(equalToJson(APPROVE_JSON)));
    server.verify(2, getRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1")));
  }

  @Test void connectSetupEmitsEachChangedStatusUntilReady() {
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/connect/status")).inScenario("c")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"status\":\"pending\"}")).willSetStateTo("2"));
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/connect/status")).inScenario("c")
        .whenScenarioStateIs("2").willReturn(okJson("{\"status\":\"ready\",\"connector\":{\"id\":\"conn_1\","
            + "\"name\":\"GitHub\",\"type\":\"oauth\",\"attachedToProject\":true}}")));

    rx.connectSetup("c1", "vcr_1", fast);
    assertThat(server.getAllServeEvents()).isEmpty();

    TestObserver<ConnectStatus> statuses = rx.connectSetupStates("c1", "vcr_1", fast).test();
    statuses.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(2);
    assertThat(statuses.values().get(1)).isInstanceOf(ConnectStatusReady.class);
    TestObserver<ConnectStatus> last = rx.connectSetup("c1", "vcr_1", fast).test();
    last.awaitDone(10, TimeUnit.SECONDS).assertComplete();
    assertThat(((ConnectStatusReady) last.values().get(0)).getConnector().getId()).isEqualTo("conn_1");
    server.verify(getRequestedFor(urlEqualTo("/v2/chats/c1/connect/status?requestId=vcr_1")));
  }

  @Test void disposingTheConnectWaitStopsPolling() throws Exception {
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/connect/status")).willReturn(okJson("{\"status\":\"pending\"}")));
    PollingOptions slow = PollingOptions.builder().initialInterval(1, TimeUnit.HOURS)
        .maxInterval(1, TimeUnit.HOURS).build();

    TestObserver<ConnectStatus> observer = rx.connectSetup("c1", "vcr_1", slow).test();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
    observer.dispose();
    Thread.sleep(100);

    assertThat(server.getAllServeEvents()).hasSize(1);
    observer.assertNotComplete().assertNoErrors();
  }
}
