package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.model.ConnectStatus;
import io.github.v0java.model.ConnectStatusError;
import io.github.v0java.model.ConnectStatusPending;
import io.github.v0java.model.ConnectStatusReady;
import io.github.v0java.model.ConnectorSubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Vercel Connect setup status: read once, and waited for through the generation poller. */
class ConnectStatusTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private static final String PATH = "/v2/chats/c1/connect/status?requestId=vcr_81Kd2";
  private static final String PENDING = "{\"status\":\"pending\",\"progress\":\"Waiting for GitHub authorization\"}";
  private static final String PENDING_2 = "{\"status\":\"pending\",\"progress\":\"Creating the connector\"}";
  private static final String READY = "{\"status\":\"ready\",\"connector\":{\"id\":\"conn_5Tz1\",\"uid\":\"github-acme\","
      + "\"name\":\"GitHub (acme)\",\"service\":\"github\",\"type\":\"oauth\","
      + "\"supportedSubjectTypes\":[\"user\",\"app\",\"service-account\"],\"supportsInstallation\":true,"
      + "\"attachedToProject\":false}}";

  private final V0Client v0 = TestServers.client(server);
  private final PendingGenerationTest.FakeClock clock = new PendingGenerationTest.FakeClock();

  @AfterEach void close() {
    v0.close();
  }

  private PollingOptions options(long timeoutSeconds) {
    return PollingOptions.builder().clock(clock).jitter(0).random(new Random(1))
        .initialInterval(2, TimeUnit.SECONDS).maxInterval(5, TimeUnit.SECONDS)
        .timeout(timeoutSeconds, TimeUnit.SECONDS).build();
  }

  /** Answers the polls in order, the last one repeating. */
  private void answers(ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "poll " + (i + 1);
      server.stubFor(get(urlPathEqualTo("/v2/chats/c1/connect/status")).inScenario("polls")
          .whenScenarioStateIs(state).willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  @Test void statusIsReadWithTheRequestIdAndEachStatusDecodes() {
    answers(okJson(PENDING), okJson(READY), okJson("{\"status\":\"error\",\"message\":\"GitHub denied access\"}"),
        okJson("{\"status\":\"expired\",\"since\":\"2026-11-20T10:00:00Z\"}"));

    ConnectStatusPending pending = (ConnectStatusPending) v0.chats().getConnectStatus("c1", "vcr_81Kd2");
    ConnectStatusReady ready = (ConnectStatusReady) v0.chats().getConnectStatus("c1", "vcr_81Kd2");
    ConnectStatusError error = (ConnectStatusError) v0.chats().getConnectStatus("c1", "vcr_81Kd2");
    ConnectStatus later = v0.chats().getConnectStatus("c1", "vcr_81Kd2");

    server.verify(4, getRequestedFor(urlEqualTo(PATH)));
    assertThat(pending.getProgress()).isEqualTo("Waiting for GitHub authorization");
    assertThat(ready.getConnector().getId()).isEqualTo("conn_5Tz1");
    assertThat(ready.getConnector().getAttachedToProject()).isFalse();
    assertThat(ready.getConnector().getSupportedSubjectTypes().get(0)).isSameAs(ConnectorSubjectType.USER);
    assertThat(ready.getConnector().getSupportedSubjectTypes().get(2).value()).isEqualTo("service-account");
    assertThat(error.getMessage()).isEqualTo("GitHub denied access");
    assertThat(later).isInstanceOf(ConnectStatus.Unknown.class);
    assertThat(later.getStatus()).isEqualTo("expired");
    assertThat(((ConnectStatus.Unknown) later).json()).containsEntry("since", "2026-11-20T10:00:00Z");
  }

  @Test void setupIsPolledUntilReadyReportingEachChange() {
    answers(okJson(PENDING), okJson(PENDING), okJson(PENDING_2), okJson(READY));
    List<ConnectStatus> seen = new ArrayList<>();

    PendingGeneration<ConnectStatus> setup = v0.chats().connectSetup("c1", "vcr_81Kd2", options(60));
    ConnectStatus done = setup.await(new PollListener<ConnectStatus>() {
      @Override public void onProgress(ConnectStatus state) {
        seen.add(state);
      }
    });

    assertThat(done).isInstanceOf(ConnectStatusReady.class);
    assertThat(setup.messageId()).isEqualTo("vcr_81Kd2");
    server.verify(4, getRequestedFor(urlEqualTo(PATH)));
    assertThat(seen).extracting(ConnectStatus::getStatus).containsExactly("pending", "pending", "ready");
    assertThat(clock.sleepsMillis).containsExactly(2000L, 4000L, 5000L);
  }

  @Test void anErrorOrAStatusAddedLaterEndsTheWait() {
    answers(okJson(PENDING), okJson("{\"status\":\"error\",\"message\":\"Setup expired\"}"));
    assertThat(v0.chats().connectSetup("c1", "vcr_81Kd2", options(60)).await())
        .isInstanceOf(ConnectStatusError.class);

    server.resetAll();
    answers(okJson("{\"status\":\"cancelled\"}"));
    assertThat(v0.chats().connectSetup("c1", "vcr_81Kd2", options(60)).await().getStatus()).isEqualTo("cancelled");
  }

  @Test void aSetupStillPendingAtTheTimeoutCarriesTheLastStatus() {
    answers(okJson(PENDING));

    V0TimeoutException e = catchThrowableOfType(V0TimeoutException.class,
        () -> v0.chats().connectSetup("c1", "vcr_81Kd2", options(10)).await());

    assertThat(e).hasMessage("Vercel Connect setup vcr_81Kd2 of chat c1 was not finished after 10 s");
    assertThat(((ConnectStatusPending) e.lastPolled()).getProgress()).isEqualTo("Waiting for GitHub authorization");
    assertThat(clock.sleepsMillis).containsExactly(2000L, 4000L, 4000L);
  }

  @Test void cancellingStopsPollingAndStopsNothingOnTheServer() {
    answers(okJson(PENDING));
    PollingOptions stopping = options(60).toBuilder().stopOnCancel(true).build();
    PendingGeneration<ConnectStatus> setup = v0.chats().connectSetup("c1", "vcr_81Kd2", stopping);
    clock.onSleep = setup::cancel;

    assertThat(catchThrowableOfType(V0CancelledException.class, setup::await))
        .hasMessageContaining("Vercel Connect setup vcr_81Kd2");
    server.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test void notFoundIsSurfacedAtOnceAndBadIdsAreRefusedFirst() {
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/connect/status")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Setup request not found\"}")));
    assertThat(catchThrowableOfType(NotFoundException.class,
        () -> v0.chats().connectSetup("c1", "vcr_81Kd2", options(60)).await()).errorMessage())
        .isEqualTo("Setup request not found");
    server.resetRequests();

    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.chats().getConnectStatus("c1", " ")).field()).isEqualTo("requestId");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.chats().getConnectStatus("c1", new String(new char[129]).replace('\0', 'r'))).field())
        .isEqualTo("requestId");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.chats().connectSetup("c/1", "vcr_1", options(60))).field()).isEqualTo("chatId");
    server.verify(0, anyRequestedFor(anyUrl()));
  }
}
