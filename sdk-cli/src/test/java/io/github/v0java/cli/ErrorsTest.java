package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API and network failures: exit code 1, a clear message, and never the API key. */
class ErrorsTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  private static final String SECRET = "v0_live_DO_NOT_PRINT_8d7c6b5a";

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test void unreachableServer() throws IOException {
    String url = "http://127.0.0.1:" + closedPort() + "/v2";

    CliRun run = CliRun.run("send", "c1", "hi", "--base-url", url);

    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err).contains("v0: error: cannot reach " + url + "/")
        .contains("check --base-url");
    CliRun json = CliRun.run("messages", "list", "c1", "--json", "--base-url", url);
    assertThat(json.exitCode).isEqualTo(1);
    List<Map<String, Object>> lines = json.jsonLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).containsOnlyKeys("error");
    assertThat(map(lines.get(0).get("error"))).containsEntry("kind", "network")
        .containsEntry("status", null).containsEntry("code", null);
  }

  @Test void unauthorizedSaysSoAndNeverPrintsTheKey() {
    // A server that (wrongly) echoes the key back must not get it printed either.
    for (String path : List.of("/v2/chats/c1/messages/stream", "/v2/chats/c1/messages")) {
      server.stubFor(post(path).willReturn(aResponse().withStatus(401)
          .withHeader("Content-Type", "application/json")
          .withHeader("x-request-id", "req_42")
          .withBody("{\"message\":\"Invalid API key " + SECRET + "\"}")));
    }

    for (String[] args : List.of(
        new String[] {"send", "c1", "hi", "--api-key", SECRET},
        new String[] {"send", "c1", "hi", "--api-key", SECRET, "--json"},
        new String[] {"send", "c1", "hi", "--api-key=" + SECRET, "--mode", "sync"})) {
      String[] withBase = concat(args, "--base-url", server.baseUrl() + "/v2");
      CliRun run = CliRun.withEnv(Map.of(), "", withBase);
      assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
      assertThat(run.out + run.err).doesNotContain(SECRET).doesNotContain("DO_NOT_PRINT");
      assertThat(run.err).contains("HTTP 401: Invalid API key ***").contains("request id req_42")
          .contains("check the API key");
    }

    CliRun json = CliRun.withEnv(Map.of("V0_API_KEY", SECRET), "", "send", "c1", "hi", "--json",
        "--base-url", server.baseUrl() + "/v2");
    assertThat(json.out + json.err).doesNotContain(SECRET);
    Map<String, Object> error = map(json.jsonLines().get(0).get("error"));
    assertThat(error).containsEntry("kind", "api").containsEntry("status", 401.0);
  }

  @Test void theKeyIsMaskedEvenInUsageErrors() {
    CliRun missing = CliRun.withEnv(Map.of(), "", "send", "c1", "--api-key", SECRET);
    CliRun extra = CliRun.withEnv(Map.of("V0_API_KEY", SECRET), "", "send", "c1", "hi", SECRET);

    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(extra.exitCode).isEqualTo(2);
    assertThat(extra.err).contains("unexpected argument '***'");
    assertThat(missing.out + missing.err + extra.out + extra.err).doesNotContain(SECRET);
  }

  @Test void notFoundWhileListing() {
    server.stubFor(get("/v1/chats/nope/messages").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Chat not found\",\"type\":\"not_found_error\"}}")));

    CliRun run = CliRun.run("messages", "list", "nope", "--api", "v1", "--json",
        "--base-url", server.baseUrl() + "/v1");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(map(run.jsonLines().get(0).get("error"))).containsEntry("kind", "api")
        .containsEntry("status", 404.0).containsEntry("code", "not_found_error")
        .containsEntry("message", "HTTP 404: Chat not found");
  }

  private static String[] concat(String[] args, String... more) {
    String[] result = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, result, args.length, more.length);
    return result;
  }
}
