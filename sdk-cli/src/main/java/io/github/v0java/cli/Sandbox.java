package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import io.github.v0java.V0Client;
import io.github.v0java.testing.FakeV0Server;
import io.github.v0java.testing.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The embedded fake v0 server (sdk-testing's {@link FakeV0Server}) that {@code v0 demo}, and
 * commands run with neither an API key nor a base URL, talk to: every operation answers a
 * realistic body, and streams play the demo generation with a pause between events. The chat's
 * preview is a page the fake serves itself on loopback (it asks for the preview token like a
 * real one), so that {@code v0 preview serve} works without a network.
 */
final class Sandbox implements AutoCloseable {
  static final String DEMO_PROMPT = "Create a todo app with filters";
  /** Where the fake serves the demo preview, below its root URL. */
  static final String PREVIEW_PATH = "/preview/";
  static final String PREVIEW_PAGE = "<!doctype html><meta charset=\"utf-8\"><title>Todo app</title>"
      + "<h1>Todos</h1><ul><li>Try v0 preview serve</li><li>Pull the files</li></ul>\n";
  /** The fake accepts any key; this one is no secret. */
  private static final String FAKE_KEY = "fake-v0-demo-key";

  private final FakeV0Server fake;

  private Sandbox(FakeV0Server fake) {
    this.fake = fake;
  }

  static Sandbox start(long delayMillis) {
    FakeV0Server fake = FakeV0Server.start();
    try {
      fake.defaultStreamDelay(Duration.ofMillis(delayMillis));
      servePreview(fake);
      return new Sandbox(fake);
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  /** The preview of every chat is {@link #PREVIEW_PAGE}, on the fake's own port. */
  private static void servePreview(FakeV0Server fake) {
    String expiresAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    fake.respondWith(Operation.GET_CHAT_PREVIEW, okJson("{\"url\":\"" + fake.rootUrl() + PREVIEW_PATH
        + "\",\"token\":\"" + FakeV0Server.PREVIEW_TOKEN + "\",\"expiresAt\":\"" + expiresAt + "\"}"));
    fake.wireMock().stubFor(get(urlPathMatching(PREVIEW_PATH + ".*")).atPriority(1)
        .withHeader("x-v0-preview-token", equalTo(FakeV0Server.PREVIEW_TOKEN))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(PREVIEW_PAGE)));
  }

  String baseUrl() {
    return fake.baseUrl();
  }

  String v1BaseUrl() {
    return fake.v1BaseUrl();
  }

  /** The chat the demo sends its message to. */
  String chatId() {
    return FakeV0Server.CHAT_ID;
  }

  V0Client client(String userAgent) {
    return V0Client.builder()
        .apiKey(FAKE_KEY)
        .baseUrl(fake.baseUrl())
        .v1BaseUrl(fake.v1BaseUrl())
        .userAgent(userAgent)
        .build();
  }

  @Override public void close() {
    fake.close();
  }
}
