package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code preview} (the URL, null while starting, --wait) and {@code preview serve} (the local proxy). */
class PreviewTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  private static final String TOKEN = "pvt_secret_Q2xM8rT4wZ";
  private static final String EXPIRES = "2026-11-20T10:15:02Z";

  private String base() {
    return server.baseUrl() + "/v2";
  }

  private String appUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/app/";
  }

  private String preview() {
    return "{\"url\":\"" + appUrl() + "\",\"token\":\"" + TOKEN + "\",\"expiresAt\":\"" + EXPIRES + "\"}";
  }

  @Test void aPreviewNotReadyIsNull() {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson("null")));

    CliRun json = CliRun.run("preview", "c1", "--json", "--base-url", base());
    CliRun human = CliRun.run("preview", "c1", "--base-url", base());

    assertThat(json.exitCode).as(json.toString()).isZero();
    assertThat(json.out).isEqualTo("{\"result\":null}\n");
    assertThat(human.out).isEqualTo("the preview of chat c1 is starting\nwait for it: v0 preview c1 --wait\n");
  }

  @Test void waitPollsUntilReadyAndNeverShowsTheToken() {
    server.stubFor(get("/v2/chats/c1/preview").inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("polled-1").willReturn(okJson("null")));
    server.stubFor(get("/v2/chats/c1/preview").inScenario("p").whenScenarioStateIs("polled-1")
        .willSetStateTo("polled-2").willReturn(okJson("null")));
    server.stubFor(get("/v2/chats/c1/preview").inScenario("p").whenScenarioStateIs("polled-2")
        .willReturn(okJson(preview())));

    CliRun run = CliRun.run("preview", "c1", "--wait", "--poll-interval", "0.01", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.jsonLines()).containsExactly(Map.of("result", Map.of("url", appUrl(), "expiresAt", EXPIRES)));
    assertThat(run.out + run.err).doesNotContain(TOKEN);
    server.verify(3, getRequestedFor(urlPathEqualTo("/v2/chats/c1/preview")));
  }

  @Test void theTokenOnlyWhenAsked() {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson(preview())));

    CliRun human = CliRun.run("preview", "c1", "--base-url", base());
    CliRun shown = CliRun.run("preview", "c1", "--show-token", "--json", "--base-url", base());

    assertThat(human.out).isEqualTo(appUrl() + "\nexpires at " + EXPIRES + "\n"
        + "it needs the x-v0-preview-token header; open it in a browser with: v0 preview serve c1\n");
    assertThat(map(shown.jsonLines().get(0).get("result"))).containsEntry("token", TOKEN);
  }

  @Test void waitGivesUpAfterTheTimeout() {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson("null")));

    CliRun run = CliRun.run("preview", "c1", "--wait", "--poll-interval", "0.05", "--timeout", "0.3", "--json",
        "--base-url", base());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(map(run.jsonLines().get(0).get("error"))).containsEntry("kind", "timeout");
  }

  @Test void serveForwardsWithTheTokenWhichNeverShows() throws Exception {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson(preview())));
    server.stubFor(get("/app/assets/style.css").withHeader("x-v0-preview-token", equalTo(TOKEN))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/css")
            .withHeader("Set-Cookie", "session=abc").withBody("body { color: green }")));

    HttpResponse<String> response;
    String url;
    BackgroundCli serving = new BackgroundCli(Map.of("V0_API_KEY", CliRun.API_KEY), "preview", "serve", "c1", "--json", "--base-url", base());
    try (serving) {
      String first = serving.firstLine();
      assertThat(first).matches("\\{\"serving\":\\{\"url\":\"http://127\\.0\\.0\\.1:\\d+/\"}}");
      url = first.substring(first.indexOf("http://"), first.lastIndexOf('"'));
      response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "assets/style.css"))
          .header("Cookie", "mine=1").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    assertThat(serving.thread.isAlive()).isFalse();
    assertThat(serving.exitCode.get()).isZero();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("body { color: green }");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(response.headers().map().toString()).doesNotContain(TOKEN);
    server.verify(getRequestedFor(urlPathEqualTo("/app/assets/style.css"))
        .withHeader("x-v0-preview-token", equalTo(TOKEN))
        .withHeader("Cookie", absent()).withHeader("Authorization", absent()));
    assertThat(serving.output()).doesNotContain(TOKEN);
    assertThat(serving.out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1);
  }

  @Test void serveForPeopleShowsTheUrlAndEachRequest() throws Exception {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson("null")));

    HttpResponse<String> starting;
    BackgroundCli serving = new BackgroundCli(Map.of("V0_API_KEY", CliRun.API_KEY), "preview", "serve", "c1", "--base-url", base());
    try (serving) {
      String first = serving.firstLine();
      assertThat(first).matches("serving the preview of chat c1 at http://127\\.0\\.0\\.1:\\d+/");
      String url = first.substring(first.indexOf("http://"));
      starting = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      for (int i = 0; i < 100 && !serving.err.toString(StandardCharsets.UTF_8).contains("GET /"); i++) {
        Thread.sleep(10);
      }
    }

    // While the preview starts, a page that reloads itself.
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.body()).contains("The preview is starting");
    assertThat(List.of(serving.err.toString(StandardCharsets.UTF_8).split("\n"))).contains("GET / 503");
    assertThat(serving.exitCode.get()).isZero();
  }

  @Test void servePassesOnThatThePreviewCannotBeHad() throws Exception {
    server.stubFor(get("/v2/chats/c1/preview").willReturn(okJson("{\"message\":\"Chat not found\"}").withStatus(404)));

    HttpResponse<String> response;
    BackgroundCli serving = new BackgroundCli(Map.of("V0_API_KEY", CliRun.API_KEY), "preview", "serve", "c1",
        "--json", "--base-url", base());
    try (serving) {
      String first = serving.firstLine();
      String url = first.substring(first.indexOf("http://"), first.lastIndexOf('"'));
      response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("could not get the preview of chat c1: HTTP 404: Chat not found\n");
    assertThat(serving.err.toString(StandardCharsets.UTF_8))
        .isEqualTo("v0: could not get the preview of chat c1: HTTP 404: Chat not found\n");
    assertThat(serving.exitCode.get()).isZero();
  }

  @Test void previewAndPreviewServeAreTwoCommands() {
    CliRun preview = CliRun.run("preview", "--help");
    CliRun serve = CliRun.run("preview", "serve", "--help");
    CliRun missing = CliRun.run("preview");

    assertThat(preview.out).startsWith("usage: v0 preview CHAT_ID [options] [global options]\n")
        .contains("--show-token");
    assertThat(serve.out).startsWith("usage: v0 preview serve CHAT_ID [options] [global options]\n")
        .contains("--port N");
    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(missing.err).contains("missing argument CHAT_ID for 'v0 preview'");
  }

  @Test void aBadPortIsAUsageError() {
    CliRun run = CliRun.run("preview", "serve", "c1", "--port", "70000", "--base-url", base());

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--port must be a port number from 0 to 65535, not '70000'");
  }
}
