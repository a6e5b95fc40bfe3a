package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.v0java.cli.CliRun.list;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --json} output of streamed sends: one object per event, then the final message. */
class StreamJsonTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  private String base() {
    return server.baseUrl() + "/v2";
  }

  @Test void eventsThenTheFinalAccumulatedMessage() {
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", Sse.typical().body());

    CliRun run = CliRun.run("send", "c1", "Build a todo app", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/stream"))
        .withHeader("Authorization", equalTo("Bearer " + CliRun.API_KEY))
        .withRequestBody(equalToJson("{\"message\":\"Build a todo app\"}")));
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(8);
    for (int i = 0; i < 7; i++) assertThat(lines.get(i)).containsOnlyKeys("event");
    assertThat(map(lines.get(0).get("event"))).containsEntry("object", "message").containsEntry("id", "m1");
    Map<String, Object> chunk = map(lines.get(2).get("event"));
    assertThat(chunk).containsEntry("object", "message.parts.chunk");
    assertThat(map(chunk.get("delta"))).containsEntry("_t", "a");
    Map<String, Object> usage = map(lines.get(5).get("event"));
    assertThat(usage).containsEntry("object", "message.usage");
    // Whole token counts print as integers, as the API sends them.
    assertThat(run.out).contains("\"input\":100,");

    Map<String, Object> last = map(lines.get(7).get("final"));
    assertThat(last).containsEntry("id", "m1").containsEntry("finishReason", "stop")
        .containsEntry("content", "Hello world").containsEntry("chatId", "c1");
    assertThat(list(last.get("parts"))).containsExactly(
        Map.of("type", "thinking", "text", "Plan the app"),
        Map.of("type", "text", "text", "Hello world"));
    assertThat(map(map(last.get("usage")).get("tokens"))).containsEntry("total", 120.0);
    assertThat(run.err).isEmpty();
  }

  @Test void errorMidStreamEndsWithTheErrorAndTheLastState() {
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", new Sse()
        .event(Sse.snapshot("m1", "[]", null, ""))
        .event(Sse.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"Half\"}],\"_t\":\"a\"}"))
        .event(Sse.error("m1", "Generation failed: model overloaded", "model_overloaded"))
        .event(Sse.chunk("m1", "{\"1\":[{\"type\":\"text\",\"text\":\"late\"}],\"_t\":\"a\"}"))
        .body());

    CliRun run = CliRun.run("--json", "send", "c1", "hi", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).containsOnlyKeys("event");
    assertThat(lines.get(1)).containsOnlyKeys("event");
    Map<String, Object> failure = lines.get(2);
    assertThat(failure).containsOnlyKeys("error", "state");
    assertThat(map(failure.get("error"))).containsEntry("kind", "stream")
        .containsEntry("status", null).containsEntry("code", "model_overloaded")
        .containsEntry("message", "the generation failed: Generation failed: model overloaded");
    Map<String, Object> state = map(failure.get("state"));
    assertThat(state).containsEntry("id", "m1").containsEntry("finishReason", null);
    assertThat(list(state.get("parts"))).containsExactly(Map.of("type", "text", "text", "Half"));
    assertThat(run.out).doesNotContain("late");
    assertThat(run.err).contains("model overloaded");
  }

  @Test void unknownEventKindIsPrintedAsItsRawJsonAndDoesNotFail() {
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", new Sse()
        .event(Sse.snapshot("m1", "[]", null, ""))
        .event("{\"object\":\"message.annotation\",\"id\":\"m1\",\"note\":\"new kind\",\"weight\":2}")
        .event(Sse.snapshot("m1", "[{\"type\":\"text\",\"text\":\"done\"},"
            + "{\"type\":\"hologram\",\"frames\":3}]", "stop", "done"))
        .body());

    CliRun run = CliRun.run("send", "c1", "hi", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1).get("event")).isEqualTo(Map.of("object", "message.annotation", "id", "m1",
        "note", "new kind", "weight", 2.0));
    assertThat(run.outLines().get(1))
        .isEqualTo("{\"event\":{\"object\":\"message.annotation\",\"id\":\"m1\",\"note\":\"new kind\",\"weight\":2}}");
    // An unknown part type is kept in the final message as received.
    assertThat(list(map(lines.get(3).get("final")).get("parts")))
        .contains(Map.of("type", "hologram", "frames", 3.0));
  }

  @Test void streamEndingBeforeTheMessageFinishedIsAFailure() {
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", new Sse()
        .event(Sse.snapshot("m1", "[]", null, ""))
        .event(Sse.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"cut\"}],\"_t\":\"a\"}"))
        .body());

    CliRun run = CliRun.run("send", "c1", "hi", "--json", "--base-url", base());

    assertThat(run.exitCode).isEqualTo(1);
    Map<String, Object> failure = run.jsonLines().get(2);
    assertThat(map(failure.get("error"))).containsEntry("kind", "stream_interrupted");
    assertThat(list(map(failure.get("state")).get("parts")))
        .containsExactly(Map.of("type", "text", "text", "cut"));
    assertThat(run.err).contains("before the message finished").contains("v0 message get CHAT_ID m1");
  }

  @Test void chatCreateStreamsTheChatAndItsTitle() {
    Servers.serveStream(server, "/v2/chats/stream", new Sse()
        .event("{\"object\":\"chat\",\"id\":\"chat_9\",\"title\":null,\"privacy\":\"private\","
            + "\"createdAt\":\"" + Sse.CREATED + "\",\"updatedAt\":\"" + Sse.CREATED + "\"}")
        .event("{\"object\":\"chat.title\",\"delta\":\"Todo\"}")
        .event(Sse.snapshot("m9", "[]", null, "").replace("\"c1\"", "\"chat_9\""))
        .event(Sse.chunk("m9", "{\"0\":[{\"type\":\"text\",\"text\":\"Hi\"}],\"_t\":\"a\"}"))
        .event("{\"object\":\"chat.title\",\"delta\":\"Todo app\"}")
        .event(Sse.snapshot("m9", "[{\"type\":\"text\",\"text\":\"Hi\"}]", "stop", "Hi")
            .replace("\"c1\"", "\"chat_9\""))
        .body());

    CliRun run = CliRun.run("chat", "create", "A todo app", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(7);
    assertThat(map(lines.get(0).get("event"))).containsEntry("object", "chat").containsEntry("id", "chat_9");
    Map<String, Object> last = map(lines.get(6).get("final"));
    assertThat(last).containsEntry("id", "m9").containsEntry("chatId", "chat_9")
        .containsEntry("title", "Todo app").containsEntry("finishReason", "stop");
  }

  @Test void syncSendPrintsTheResult() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v2/chats/c1/messages")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(Sse.resource("v2/message.json"))));

    CliRun run = CliRun.run("send", "c1", "hi", "--mode", "sync", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(1);
    Map<String, Object> result = map(lines.get(0).get("result"));
    assertThat(result).containsEntry("id", "msg_7Yq2c1").containsEntry("finishReason", "stop");
    assertThat(list(result.get("parts"))).hasSize(9);
  }
}
