package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.SendMessageRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries follow the policy, never re-sending a request the server may have acted on. */
class RetryTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final List<Long> sleeps = new CopyOnWriteArrayList<>();
  private final V0Client v0 = V0Client.builder().apiKey(TestServers.API_KEY)
      .baseUrl(server.baseUrl() + "/v2").retrySleeper(sleeps::add).build();

  @AfterEach void close() {
    v0.close();
  }

  private static final String MESSAGE = "{\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\","
      + "\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":[],\"finishReason\":\"stop\","
      + "\"restorable\":false,\"authorId\":null}";

  @Test void rateLimitedSendIsRetriedOnceAfterRetryAfter() {
    server.stubFor(post("/v2/chats/c1/messages").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"message\":\"slow\"}"))
        .willSetStateTo("ok"));
    server.stubFor(post("/v2/chats/c1/messages").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson(MESSAGE)));

    v0.messages().send("c1", SendMessageRequest.builder().message("hi").build());

    server.verify(2, postRequestedFor(urlEqualTo("/v2/chats/c1/messages")));
    assertThat(sleeps).containsExactly(7000L);
  }

  @Test void retryAfterMsWinsAndIsCapped() {
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After-Ms", "250").withHeader("Retry-After", "9"))
        .willSetStateTo("long"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("r").whenScenarioStateIs("long")
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")).willSetStateTo("ok"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson(MESSAGE)));

    v0.messages().get("c1", "m1");

    assertThat(sleeps).containsExactly(250L, 60_000L);
  }

  @Test void serverErrorOnSendIsNotRetried() {
    server.stubFor(post("/v2/chats/c1/messages").willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> v0.messages().send("c1", SendMessageRequest.builder().message("hi").build()));

    assertThat(e.errorMessage()).isEqualTo("boom");
    server.verify(1, postRequestedFor(urlEqualTo("/v2/chats/c1/messages")));
    assertThat(sleeps).isEmpty();
  }

  @Test void serverErrorsOnGetAreRetriedUpToTheLimit() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(502).withBody("bad gateway")));

    catchThrowableOfType(InternalServerException.class, () -> v0.chats().get("c1"));

    server.verify(3, getRequestedFor(urlEqualTo("/v2/chats/c1")));
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(375L, 500L);
    assertThat(sleeps.get(1)).isBetween(750L, 1000L);
  }

  @Test void stopIsRetriedLikeAGet() {
    server.stubFor(post("/v2/chats/c1/messages/m1/stop").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(504)).willSetStateTo("ok"));
    server.stubFor(post("/v2/chats/c1/messages/m1/stop").inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"messageId\":\"m1\"}")));

    assertThat(v0.messages().stop("c1", "m1").getMessageId()).isEqualTo("m1");
    server.verify(2, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1/stop")));
  }

  @Test void refusedConnectionIsRetriedEvenForCreate() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // Closed again: connections to it are refused.
    }
    try (V0Client refused = V0Client.builder().apiKey("k").baseUrl("http://127.0.0.1:" + port + "/v2")
        .retrySleeper(sleeps::add).build()) {
      V0NetworkException e = catchThrowableOfType(V0NetworkException.class,
          () -> refused.chats().create(CreateChatRequest.builder().message("x").build()));

      assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
      assertThat(sleeps).hasSize(2);
    }
  }

  @Test void retriesCanBeTurnedOff() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(503)));

    try (V0Client noRetries = V0Client.builder().apiKey("k").baseUrl(server.baseUrl() + "/v2").maxRetries(0).build()) {
      catchThrowableOfType(InternalServerException.class, () -> noRetries.chats().get("c1"));
    }

    server.verify(1, getRequestedFor(urlEqualTo("/v2/chats/c1")));
  }
}
