package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.ResolveTasks;
import io.github.v0java.model.ResolveTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resolve}: the task file sent as {@code task}, the answer shown exactly as {@code send}
 * shows it; and what a generation that ends waiting for the user shows people.
 */
class ResolveTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();
  @TempDir Path dir;

  private static final String PLAN_TASK =
      "{\"type\":\"plan-exit-response\",\"status\":\"approved\",\"content\":\"Go ahead\"}";

  private String base() {
    return server.baseUrl() + "/v2";
  }

  private Path taskFile(String json) throws IOException {
    Path file = dir.resolve("task.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  @Test void streamedResolvePrintsWhatSendPrints() throws IOException {
    Servers.serveStream(server, "/v2/chats/c1/messages/resolve/stream", Sse.typical().body());
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", Sse.typical().body());

    CliRun resolved = CliRun.run("resolve", "c1", taskFile(PLAN_TASK).toString(), "--base-url", base());
    CliRun sent = CliRun.run("send", "c1", "hi", "--base-url", base());
    CliRun resolvedJson = CliRun.run("resolve", "c1", taskFile(PLAN_TASK).toString(), "--json",
        "--base-url", base());
    CliRun sentJson = CliRun.run("send", "c1", "hi", "--json", "--base-url", base());

    assertThat(resolved.exitCode).as(resolved.toString()).isZero();
    assertThat(resolved.out).isEqualTo(sent.out).contains("Hello world").contains("finished: stop");
    assertThat(resolvedJson.out).isEqualTo(sentJson.out);
    assertThat(resolvedJson.jsonLines()).hasSize(8);
    server.verify(2, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve/stream"))
        .withRequestBody(equalToJson("{\"task\":" + PLAN_TASK + "}")));
  }

  @Test void syncAndAsyncResolveFromStdin() {
    String message = Sse.snapshot("m2", "[{\"type\":\"text\",\"text\":\"Done\"}]", "stop", "Done")
        .replace("\"object\":\"message\",", "");
    server.stubFor(post("/v2/chats/c1/messages/resolve").willReturn(okJson(message)));
    server.stubFor(post("/v2/chats/c1/messages/resolve/async").willReturn(
        WireMock.aResponse().withStatus(202).withHeader("Content-Type", "application/json")
            .withBody("{\"messageId\":\"m2\"}")));
    server.stubFor(get("/v2/chats/c1/messages/m2").willReturn(okJson(message)));
    String task = "{\"type\":\"confirmed-steps\",\"connectedIntegrationNames\":[\"Supabase\"]}";

    CliRun sync = CliRun.withEnv(Map.of("V0_API_KEY", CliRun.API_KEY), task,
        "resolve", "c1", "-", "--mode", "sync", "--json", "--base-url", base());
    CliRun async = CliRun.withEnv(Map.of("V0_API_KEY", CliRun.API_KEY), task,
        "resolve", "c1", "-", "--mode", "async", "--poll-interval", "0.01", "--json", "--base-url", base());

    assertThat(sync.exitCode).as(sync.toString()).isZero();
    assertThat(sync.jsonLines()).hasSize(1);
    assertThat(map(sync.jsonLines().get(0).get("result"))).containsEntry("id", "m2").containsEntry("content", "Done");
    assertThat(async.exitCode).as(async.toString()).isZero();
    List<Map<String, Object>> lines = async.jsonLines();
    assertThat(lines.get(0)).containsOnlyKeys("state");
    assertThat(map(lines.get(lines.size() - 1).get("final"))).containsEntry("id", "m2")
        .containsEntry("finishReason", "stop");
    for (String path : new String[] {"/v2/chats/c1/messages/resolve", "/v2/chats/c1/messages/resolve/async"}) {
      server.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"task\":" + task + "}")));
    }
  }

  @Test void aTaskThatIsNotValidIsAUsageErrorAndNothingIsSent() throws IOException {
    CliRun notJson = CliRun.run("resolve", "c1", taskFile("{not json").toString(), "--base-url", base());
    CliRun missingField = CliRun.run("resolve", "c1",
        taskFile("{\"type\":\"plan-exit-response\",\"content\":\"Go\"}").toString(), "--base-url", base());
    CliRun noFile = CliRun.run("resolve", "c1", dir.resolve("missing.json").toString(), "--base-url", base());

    assertThat(notJson.exitCode).isEqualTo(2);
    assertThat(notJson.err).contains("task: is not a valid task");
    assertThat(missingField.exitCode).isEqualTo(2);
    assertThat(missingField.err).contains("task.status");
    assertThat(noFile.exitCode).isEqualTo(2);
    assertThat(noFile.err).contains("no such file");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  /** The stream ends with {@code part}: the human output shows it and how to answer it. */
  private CliRun streamEndingWith(String partJson) {
    String part = partJson.replace("\n", "");
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", new Sse()
        .event(Sse.snapshot("m1", "[]", null, ""))
        .event(Sse.snapshot("m1", "[{\"type\":\"text\",\"text\":\"Before I start:\"}," + part + "]", "stop",
            "Before I start:"))
        .body());
    return CliRun.run("send", "c1", "A todo app", "--base-url", base());
  }

  @Test void questionsAreShownWithTheirOptionsAndTheCommandThatAnswersThem() {
    CliRun run = streamEndingWith(Sse.resource("v2/questions.json"));

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("""
        v0 asks:
          Which database should the todos live in? (database, one of)
            - Supabase: Postgres with auth
            - Neon
          Which extras do you want? (features, any of)
            - Dark mode
            - Due dates
        answer with (answer with the labels you choose):
          echo '""");
    ResolveTask example = exampleTask(run, "c1");
    assertThat(ResolveTasks.toJson(example)).contains("\"type\":\"answered-questions\"")
        .contains("\"questionId\":\"database\"").contains("\"selectedLabels\":[\"Supabase\"]");
  }

  @Test void aPlanIsShownWithTheApprovalTask() {
    CliRun run = streamEndingWith(Sse.resource("v2/plan.json"));

    assertThat(run.out).contains("""
        v0 waits for approval of its plan (PLAN.md):
          1. Add a `todos` table
          2. Wire the list to Supabase
        """);
    assertThat(ResolveTasks.toJson(exampleTask(run, "c1"))).contains("\"type\":\"plan-exit-response\"")
        .contains("\"status\":\"approved\"");
  }

  @Test void setupUrlIntegrationsAndPermissionsAreShown() {
    CliRun connect = streamEndingWith(Sse.resource("v2/connect.json"));
    CliRun integrations = streamEndingWith(Sse.resource("v2/integrations.json"));
    CliRun permission = streamEndingWith(Sse.resource("v2/permission.json"));

    assertThat(connect.out).contains("v0 needs a Vercel Connect setup (GitHub):\n"
        + "  open https://vercel.com/connect/setup/vcr_81Kd2\n");
    assertThat(ResolveTasks.toJson(exampleTask(connect, "c1"))).contains("vercel-connect-setup");
    assertThat(integrations.out).contains("  - Supabase (integration)\n  - Linear (MCP preset)\n");
    assertThat(ResolveTasks.toJson(exampleTask(integrations, "c1"))).contains("\"connectedIntegrationNames\":[\"Supabase\"]");
    assertThat(permission.out).contains("v0 asks permission to run run_script {script: scripts/migrate.sql}:\n"
        + "  - ALLOW_DYNAMIC_TOOL_STRICT run_script (Running migration)\n");
    assertThat(ResolveTasks.toJson(exampleTask(permission, "c1"))).contains("confirmed-permissions");
  }

  @Test void jsonOutputHasTheRequestInTheFinalMessageAndNoPrompt() {
    streamEndingWith(Sse.resource("v2/plan.json"));
    CliRun json = CliRun.run("send", "c1", "A todo app", "--json", "--base-url", base());

    assertThat(json.exitCode).as(json.toString()).isZero();
    assertThat(json.out).doesNotContain("v0 resolve");
    List<Map<String, Object>> lines = json.jsonLines();
    assertThat(CliRun.list(map(lines.get(lines.size() - 1).get("final")).get("parts")))
        .extracting(part -> map(part).get("name")).contains("exit_plan_mode");
  }

  /** The task of the printed {@code echo '...' | v0 resolve CHAT -} line, decoded by the SDK. */
  private static ResolveTask exampleTask(CliRun run, String chatId) {
    Matcher matcher = Pattern.compile("  echo '(.*)' \\| v0 resolve " + chatId + " -\n").matcher(run.out);
    assertThat(matcher.find()).as(run.out).isTrue();
    return ResolveTasks.fromJson(matcher.group(1).replace("'\\''", "'"));
  }
}
