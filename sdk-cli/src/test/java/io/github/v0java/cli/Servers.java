package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** WireMock on loopback; nothing in these tests reaches the internet. */
final class Servers {
  private Servers() {
  }

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().http2PlainDisabled(true))
        .build();
  }

  static void serveStream(WireMockExtension server, String path, String body) {
    server.stubFor(post(path).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body)));
  }
}
