package io.github.v0java;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** WireMock on loopback and clients pointed at it; nothing in the tests reaches the internet. */
final class TestServers {
  static final String API_KEY = "v0_test_3b1f8c7e2d9a4f60b5c1";

  private TestServers() {
  }

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().http2PlainDisabled(true))
        .build();
  }

  static V0Client client(WireMockExtension server) {
    return V0Client.builder()
        .apiKey(API_KEY)
        .baseUrl(server.baseUrl() + "/v2")
        .v1BaseUrl(server.baseUrl() + "/v1")
        .maxRetries(0) // Retries have their own tests (RetryTest); here each status is seen once.
        .build();
  }

  /** Answers GET {@code path} with {@code responses} in order, the last one repeating. */
  static void answersInOrder(WireMockExtension server, String path,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
    String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "answer " + (i + 1);
      server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).inScenario("in order " + path)
          .whenScenarioStateIs(state).willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  static String resource(String path) {
    try (InputStream in = TestServers.class.getResourceAsStream("/" + path)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
