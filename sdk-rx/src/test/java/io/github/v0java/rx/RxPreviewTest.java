package io.github.v0java.rx;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.PollingOptions;
import io.github.v0java.V0Client;
import io.github.v0java.model.ChatPreview;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RxPreviewTest {
  @RegisterExtension static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

  private final V0Client v0 = V0Client.builder().apiKey("k").baseUrl(server.baseUrl() + "/v2").build();
  private final RxV0 rx = RxV0.create(v0);
  private final PollingOptions fast = PollingOptions.builder()
      .initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(2, TimeUnit.MILLISECONDS).build();

  @AfterEach void close() {
    v0.close();
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
