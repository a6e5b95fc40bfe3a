package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code fork} (always v1) and {@code --api v1}. */
class LegacyV1Test {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  @Test void forkFromAVersionDerivesTheV1UrlFromTheV2One() {
    server.stubFor(post("/v1/chats/chat_1/fork").willReturn(okJson(Sse.resource("v1/chat-detail.json"))));

    CliRun run = CliRun.run("fork", "chat_1", "--version", "ver_1", "--json",
        "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isZero();
    server.verify(postRequestedFor(urlEqualTo("/v1/chats/chat_1/fork"))
        .withRequestBody(equalToJson("{\"versionId\":\"ver_1\"}")));
    assertThat(map(run.jsonLines().get(0).get("result"))).containsEntry("id", "chat_v1_9a");

    CliRun human = CliRun.run("fork", "chat_1", "--base-url", server.baseUrl() + "/v2");
    assertThat(human.out).startsWith("forked chat chat_1 -> chat_v1_9a\n")
        .contains("https://v0.dev/chat/chat_v1_9a");
  }

  @Test void v1StreamPrintsEventsAndTheContent() {
    String body = "data: {\"type\":\"connected\"}\n\n"
        + "data: {\"object\":\"chat\",\"id\":\"chat_v1\",\"name\":\"Landing\"}\n\n"
        + "data: {\"delta\":[[[0,[[\"p\",{},\"Hello\"]]]]]}\n\n"
        + "data: {\"delta\":[[0,1,0,2,\" there\"],9,9]}\n\n"
        + "data: {\"type\":\"done\"}\n\n"
        + "data: [DONE]\n\n";
    Servers.serveStream(server, "/v1/chats", body);

    CliRun run = CliRun.run("chat", "create", "hi", "--api", "v1", "--json",
        "--base-url", server.baseUrl() + "/v1");

    assertThat(run.exitCode).as(run.toString()).isZero();
    server.verify(postRequestedFor(urlEqualTo("/v1/chats"))
        .withRequestBody(equalToJson("{\"message\":\"hi\",\"responseMode\":\"experimental_stream\"}")));
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo(Map.of("event", Map.of("type", "connected")));
    Map<String, Object> last = map(lines.get(5).get("final"));
    assertThat(last).containsEntry("chatId", "chat_v1").containsEntry("text", "Hello there\n")
        .containsEntry("finished", true);

    CliRun human = CliRun.run("chat", "create", "hi", "--api", "v1", "--base-url", server.baseUrl() + "/v1");
    assertThat(human.out).isEqualTo("Hello there\n\nchat chat_v1\n");
  }

  @Test void v1SyncSend() {
    server.stubFor(post("/v1/chats/chat_v1_9a/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(Sse.resource("v1/chat-detail.json"))));

    CliRun run = CliRun.run("send", "chat_v1_9a", "more", "--mode", "sync", "--api", "v1",
        "--base-url", server.baseUrl() + "/v1");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).startsWith("chat chat_v1_9a  Landing page\nhttps://v0.dev/chat/chat_v1_9a\n");
  }
}
