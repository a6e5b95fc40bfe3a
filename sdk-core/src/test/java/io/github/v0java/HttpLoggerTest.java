package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpLoggerTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  @Test void logsExchangesWithTheApiKeyRedacted() {
    server.stubFor(get("/v2/chats/c1").willReturn(okJson(TestServers.resource("v2/chat.json"))
        .withHeader("Set-Cookie", "session=s3cr3t")));
    server.stubFor(get("/v2/chats/c2").willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Invalid key " + TestServers.API_KEY + "\"}")));
    List<String> lines = new CopyOnWriteArrayList<>();

    try (V0Client v0 = V0Client.builder().apiKey(TestServers.API_KEY).baseUrl(server.baseUrl() + "/v2")
        .maxRetries(0).httpLogger(lines::add).build()) {
      v0.chats().get("c1");
      catchThrowableOfType(UnauthorizedException.class, () -> v0.chats().get("c2"));
    }

    assertThat(lines).anyMatch(line -> line.equals("--> GET " + server.baseUrl() + "/v2/chats/c1"));
    assertThat(lines).anyMatch(line -> line.startsWith("<-- 200 GET " + server.baseUrl() + "/v2/chats/c1"));
    assertThat(lines).anyMatch(line -> line.startsWith("<-- 401 GET"));
    assertThat(lines).contains("    Authorization: Bearer ██", "    Set-Cookie: ██");
    assertThat(String.join("\n", lines)).doesNotContain(TestServers.API_KEY).doesNotContain("s3cr3t");
  }
}
