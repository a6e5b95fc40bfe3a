package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.v0java.cli.CliRun.list;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --mode async}: one {@code {"state": M}} per changed polled state, then the final one. */
class PollingJsonTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  private static String message(String parts, String finishReason) {
    return Sse.snapshot("m1", parts, finishReason, finishReason == null ? "" : "All done")
        .replace("\"object\":\"message\",", "");
  }

  private void pollSequence(String... bodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "poll" + (i + 1);
      server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("poll").whenScenarioStateIs(state)
          .willReturn(okJson(bodies[i])).willSetStateTo(next));
      state = next;
    }
  }

  @Test void changedStatesThenTheFinalMessage() {
    server.stubFor(post("/v2/chats/c1/messages/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m1\"}")));
    String one = "[{\"type\":\"thinking\",\"text\":\"Plan\"}]";
    String two = "[{\"type\":\"thinking\",\"text\":\"Plan\"},{\"type\":\"text\",\"text\":\"Hello\"}]";
    pollSequence(message("[]", null), message(one, null), message(one, null), message(two, null),
        message(two, "stop"));

    CliRun run = CliRun.run("send", "c1", "hi", "--mode", "async", "--poll-interval", "0.01", "--json",
        "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    // The unchanged third poll is not repeated; the final state follows.
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).containsOnlyKeys("state");
    assertThat(list(map(lines.get(0).get("state")).get("parts"))).isEmpty();
    assertThat(list(map(lines.get(1).get("state")).get("parts"))).hasSize(1);
    assertThat(list(map(lines.get(2).get("state")).get("parts"))).hasSize(2);
    Map<String, Object> last = map(lines.get(3).get("final"));
    assertThat(last).containsEntry("id", "m1").containsEntry("finishReason", "stop")
        .containsEntry("content", "All done");
  }

  @Test void timeoutReportsTheLastPolledState() {
    server.stubFor(post("/v2/chats/c1/messages/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m1\"}")));
    server.stubFor(get("/v2/chats/c1/messages/m1")
        .willReturn(okJson(message("[{\"type\":\"text\",\"text\":\"slow\"}]", null))));

    CliRun run = CliRun.run("send", "c1", "hi", "--mode=async", "--poll-interval", "0.02",
        "--timeout", "0.3", "--json", "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    List<Map<String, Object>> lines = run.jsonLines();
    Map<String, Object> failure = lines.get(lines.size() - 1);
    assertThat(map(failure.get("error"))).containsEntry("kind", "timeout");
    assertThat(list(map(failure.get("state")).get("parts")))
        .containsExactly(Map.of("type", "text", "text", "slow"));
    assertThat(run.err).contains("--timeout");
  }

  @Test void chatCreateAsyncPollsTheNewChatsMessage() {
    server.stubFor(post("/v2/chats/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"chatId\":\"c1\",\"messageId\":\"m1\"}")));
    pollSequence(message("[{\"type\":\"text\",\"text\":\"Hi\"}]", "stop"));

    CliRun run = CliRun.run("chat", "create", "hi", "--mode", "async", "--poll-interval", "0.01",
        "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("chat c1, message m1").contains("Hi").contains("finished: stop");
  }
}
