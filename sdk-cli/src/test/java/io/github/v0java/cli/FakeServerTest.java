package io.github.v0java.cli;

import static io.github.v0java.cli.CliRun.list;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.testing.FakeV0Server;
import io.github.v0java.testing.Operation;
import io.github.v0java.testing.StreamScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CLI against sdk-testing's fake v0 server: the demo, and each command on its defaults. */
class FakeServerTest {
  private final FakeV0Server fake = FakeV0Server.start();

  @AfterEach void stop() {
    fake.close();
  }

  private CliRun run(String... args) {
    String[] withBase = java.util.Arrays.copyOf(args, args.length + 2);
    withBase[args.length] = "--base-url";
    withBase[args.length + 1] = fake.baseUrl();
    return CliRun.run(withBase);
  }

  @Test void demoRunsToCompletionWithoutNetworkOrKey() {
    CliRun run = CliRun.withEnv(Map.of(), "", "demo", "--delay", "0");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out)
        .contains("$ v0 chat create \"Create a todo app with filters\"")
        .contains("thinking: The user wants a todo app with filters.")
        .contains("read   app/page.tsx, package.json")
        .contains("create components/todo-list.tsx")
        .contains("update app/page.tsx")
        .contains("$ pnpm lint\n  -> exit 0")
        .contains("tool   linear_create_issue")
        .contains("I built a **todo app** with filters")
        .contains("finished: stop | tokens: ")
        .contains("credits: ")
        .contains("\"Todo app with filters\"");
    assertThat(run.out).doesNotContain("\033");
    assertThat(run.err).isEmpty();
  }

  @Test void demoJsonEndsWithTheFinalMessage() {
    CliRun run = CliRun.withEnv(Map.of(), "", "demo", "--json", "--delay", "0");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines.size()).isGreaterThan(20);
    assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).containsOnlyKeys("event"));
    Map<String, Object> last = map(lines.get(lines.size() - 1).get("final"));
    assertThat(last).containsEntry("id", FakeV0Server.MESSAGE_ID).containsEntry("finishReason", "stop")
        .containsEntry("chatId", FakeV0Server.CHAT_ID).containsEntry("title", "Todo app with filters");
    assertThat(list(last.get("parts"))).extracting(part -> map(part).get("type"))
        .contains("thinking", "file-read", "search", "file-edit", "bash", "tool-call", "text");
    assertThat(map(last.get("usage"))).containsKeys("tokens", "creditsCost");
  }

  @Test void withNoKeyAndNoBaseUrlACommandRunsAgainstTheFakeAndSaysSo() {
    CliRun run = CliRun.withEnv(Map.of(), "", "send", "chat_1", "Add a dark mode", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("no API key (--api-key or V0_API_KEY) and no --base-url")
        .contains("embedded fake v0 server");
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(map(lines.get(lines.size() - 1).get("final"))).containsEntry("finishReason", "stop")
        .containsEntry("chatId", "chat_1");
  }

  @Test void asyncPollingAgainstTheFake() {
    fake.asyncFinishesAfterPolls(3);

    CliRun run = run("send", "chat_1", "hi", "--mode", "async", "--poll-interval", "0.01", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i)).containsOnlyKeys("state");
      assertThat(map(lines.get(i).get("state"))).containsEntry("id", FakeV0Server.ASYNC_MESSAGE_ID);
    }
    assertThat(map(lines.get(2).get("state"))).containsEntry("finishReason", "stop");
    assertThat(map(lines.get(3).get("final"))).containsEntry("finishReason", "stop");
    assertThat(fake.requests(Operation.GET_MESSAGE)).hasSize(3);
  }

  @Test void pagingAgainstTheFake() {
    fake.messagePages(3, 2);

    CliRun all = run("messages", "list", "chat_1", "--all", "--json");
    CliRun first = run("messages", "list", "chat_1", "--json");
    CliRun v1 = run("messages", "list", "chat_1", "--all", "--json", "--api", "v2");

    assertThat(all.exitCode).as(all.toString()).isZero();
    assertThat(all.jsonLines()).hasSize(6);
    List<Object> ids = all.jsonLines().stream().map(line -> map(line.get("item")).get("id")).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(first.jsonLines()).hasSize(2);
    assertThat(first.err).contains("--cursor");
    assertThat(v1.jsonLines()).hasSize(6);
  }

  @Test void v1PagingFollowsHasMore() {
    fake.messagePages(2, 3);

    CliRun run = CliRun.run("messages", "list", "chat_1", "--all", "--json", "--api", "v1",
        "--base-url", fake.v1BaseUrl());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.jsonLines()).hasSize(6);
  }

  @Test void stopGetAndFork() {
    assertThat(run("stop", "chat_1", "msg_9").out)
        .isEqualTo("stop requested for message msg_9 (the agent stops at its next safe point)\n");
    assertThat(map(run("message", "get", "chat_1", "msg_9", "--json").jsonLines().get(0).get("result")))
        .containsEntry("id", "msg_9");
    assertThat(map(run("fork", "chat_1", "--json").jsonLines().get(0).get("result")))
        .containsEntry("id", FakeV0Server.FORKED_CHAT_ID);
  }

  @Test void aBrokenStreamIsRecoveredByPollingTheMessage() {
    fake.onSendMessageStream(StreamScript.demoGeneration("chat_1", "msg_1").cutAfter(8));

    CliRun run = run("send", "chat_1", "hi", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(10);
    // The recovered final snapshot is the last event, then the final message.
    assertThat(map(lines.get(8).get("event"))).containsEntry("object", "message")
        .containsEntry("finishReason", "stop");
    assertThat(map(lines.get(9).get("final"))).containsEntry("id", "msg_1").containsEntry("finishReason", "stop");
    assertThat(run.err).contains("recovered by polling");
    assertThat(fake.requests(Operation.GET_MESSAGE)).isNotEmpty();
  }

  @Test void aBrokenStreamThatCannotBeRecoveredFailsWithTheLastState() {
    fake.onSendMessageStream(StreamScript.demoGeneration("chat_1", "msg_1").cutAfter(8))
        .failWith(Operation.GET_MESSAGE, 404, "Message not found");

    CliRun run = run("send", "chat_1", "hi", "--json");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(9);
    assertThat(map(lines.get(8).get("error"))).containsEntry("kind", "stream_interrupted");
    Map<String, Object> state = map(lines.get(8).get("state"));
    assertThat(state).containsEntry("id", "msg_1").containsEntry("finishReason", null);
    assertThat(list(state.get("parts"))).hasSize(4);
  }

  @Test void unauthorizedByTheFake() {
    fake.requireApiKey("the-right-key-123");

    CliRun run = run("message", "get", "chat_1", "msg_1");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("HTTP 401: Invalid API key").contains("check the API key");
    assertThat(run.out + run.err).doesNotContain(CliRun.API_KEY);
  }
}
