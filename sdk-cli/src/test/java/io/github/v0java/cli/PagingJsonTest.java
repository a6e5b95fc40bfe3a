package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code messages list}: one {@code {"item": MESSAGE}} per message, following cursors with --all. */
class PagingJsonTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  private static String message(String id, String role) {
    return Sse.snapshot(id, "[]", "stop", "text of " + id).replace("\"object\":\"message\",", "")
        .replace("\"assistant\"", "\"" + role + "\"");
  }

  @BeforeEach void pages() {
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/messages")).withQueryParam("cursor", absent())
        .willReturn(okJson("{\"messages\":[" + message("m1", "user") + "," + message("m2", "assistant")
            + "],\"cursor\":\"p2\"}")));
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/messages")).withQueryParam("cursor", equalTo("p2"))
        .willReturn(okJson("{\"messages\":[" + message("m3", "user") + "," + message("m4", "assistant")
            + "],\"cursor\":\"p3\"}")));
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/messages")).withQueryParam("cursor", equalTo("p3"))
        .willReturn(okJson("{\"messages\":[" + message("m5", "user") + "],\"cursor\":null}")));
  }

  @Test void allFollowsTheCursorsInOrder() {
    CliRun run = CliRun.run("messages", "list", "c1", "--all", "--limit", "2", "--json",
        "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).extracting(line -> map(line.get("item")).get("id"))
        .containsExactly("m1", "m2", "m3", "m4", "m5");
    assertThat(lines).allSatisfy(line -> assertThat(line).containsOnlyKeys("item"));
    assertThat(map(lines.get(0).get("item"))).containsEntry("role", "user")
        .containsEntry("content", "text of m1");
    server.verify(3, getRequestedFor(urlPathEqualTo("/v2/chats/c1/messages"))
        .withQueryParam("limit", equalTo("2")));
  }

  @Test void withoutAllOnlyTheFirstPageAndAHintOnStderr() {
    CliRun run = CliRun.run("messages", "list", "c1", "--json", "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).isZero();
    assertThat(run.jsonLines()).extracting(line -> map(line.get("item")).get("id"))
        .containsExactly("m1", "m2");
    assertThat(run.err).contains("--cursor p2");
    server.verify(getRequestedFor(urlPathEqualTo("/v2/chats/c1/messages"))
        .withQueryParam("limit", equalTo("20")));
  }

  @Test void cursorStartsAtALaterPage() {
    CliRun run = CliRun.run("messages", "list", "c1", "--cursor", "p3", "--json",
        "--base-url", server.baseUrl() + "/v2");

    assertThat(run.jsonLines()).extracting(line -> map(line.get("item")).get("id")).containsExactly("m5");
    assertThat(run.err).isEmpty();
  }

  @Test void humanListingIsOneLinePerMessage() {
    CliRun run = CliRun.run("messages", "list", "c1", "--all", "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).isZero();
    assertThat(run.outLines()).hasSize(5);
    assertThat(run.outLines().get(1)).startsWith("m2  assistant").contains("stop").contains("text of m2");
    assertThat(run.out).doesNotContain("\033[");
  }
}
