package io.github.v0java.cli;

import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.testing.AgentActions;
import io.github.v0java.testing.FakeV0Server;
import io.github.v0java.testing.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip of the new commands against sdk-testing's fake, as a user runs it: list the
 * chats, get asked a question and answer it, wait for the preview and open it, pull the files.
 */
class FakeAppFlowTest {
  private final FakeV0Server fake = FakeV0Server.start();
  @TempDir Path dir;

  @AfterEach void stop() {
    fake.close();
  }

  private CliRun run(String... args) {
    return runWithStdin("", args);
  }

  private CliRun runWithStdin(String stdin, String... args) {
    String[] withBase = java.util.Arrays.copyOf(args, args.length + 2);
    withBase[args.length] = "--base-url";
    withBase[args.length + 1] = fake.baseUrl();
    return CliRun.withEnv(Map.of("V0_API_KEY", CliRun.API_KEY), stdin, withBase);
  }

  @Test void chatsListFollowsEveryPage() {
    fake.chatCount(5);

    CliRun run = run("chats", "list", "--all", "--limit", "2", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.jsonLines()).extracting(line -> map(line.get("item")).get("id"))
        .containsExactly("chat_l001", "chat_l002", "chat_l003", "chat_l004", "chat_l005");
    assertThat(fake.requests(Operation.LIST_CHATS)).hasSize(3);
  }

  @Test void theQuestionAskedIsAnsweredWithThePrintedCommand() {
    fake.generationsEndWith(AgentActions.questions());

    CliRun asked = run("send", FakeV0Server.CHAT_ID, "A todo app");
    Matcher command = Pattern.compile("  echo '(.*)' \\| v0 resolve " + FakeV0Server.CHAT_ID + " -\n")
        .matcher(asked.out);
    assertThat(command.find()).as(asked.toString()).isTrue();
    CliRun answered = runWithStdin(command.group(1), "resolve", FakeV0Server.CHAT_ID, "-", "--json");

    assertThat(asked.out).contains("Which database should the todos live in? (database, one of)")
        .contains("    - Supabase: Postgres with auth");
    assertThat(answered.exitCode).as(answered.toString()).isZero();
    List<Map<String, Object>> lines = answered.jsonLines();
    assertThat(map(lines.get(lines.size() - 1).get("final")))
        .containsEntry("id", FakeV0Server.RESOLVED_MESSAGE_ID).containsEntry("finishReason", "stop");
    assertThat(fake.lastRequest(Operation.RESOLVE_TASK_STREAM).getBodyAsString())
        .contains("\"type\":\"answered-questions\"").contains("\"selectedLabels\":[\"Supabase\"]");
  }

  @Test void aPolledOrFetchedMessageThatAsksShowsItToo() {
    fake.generationsEndWith(AgentActions.plan()).asyncFinishesAfterPolls(2);

    CliRun polled = run("send", FakeV0Server.CHAT_ID, "A todo app", "--mode", "async", "--poll-interval", "0.01");
    CliRun sync = run("send", FakeV0Server.CHAT_ID, "A todo app", "--mode", "sync");

    for (CliRun run : List.of(polled, sync)) {
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out).contains("v0 waits for approval of its plan (PLAN.md):\n  1. Add a `todos` table\n")
          .contains("| v0 resolve " + FakeV0Server.CHAT_ID + " -\n");
    }
  }

  @Test void resolveInEachMode() throws IOException {
    Path task = Files.writeString(dir.resolve("task.json"),
        "{\"type\":\"plan-exit-response\",\"status\":\"approved\",\"content\":\"Go ahead\"}");
    fake.asyncFinishesAfterPolls(1);

    CliRun sync = run("resolve", FakeV0Server.CHAT_ID, task.toString(), "--mode", "sync", "--json");
    CliRun async = run("resolve", FakeV0Server.CHAT_ID, task.toString(), "--mode", "async",
        "--poll-interval", "0.01", "--json");
    CliRun stream = run("resolve", FakeV0Server.CHAT_ID, task.toString());

    assertThat(map(sync.jsonLines().get(0).get("result"))).containsEntry("id", FakeV0Server.RESOLVED_MESSAGE_ID);
    assertThat(async.exitCode).as(async.toString()).isZero();
    List<Map<String, Object>> polled = async.jsonLines();
    assertThat(map(polled.get(polled.size() - 1).get("final"))).containsEntry("finishReason", "stop");
    assertThat(stream.exitCode).as(stream.toString()).isZero();
    assertThat(stream.out).contains("finished: stop");
    assertThat(fake.requests(Operation.RESOLVE_TASK)).hasSize(1);
    assertThat(fake.requests(Operation.RESOLVE_TASK_ASYNC)).hasSize(1);
    assertThat(fake.requests(Operation.RESOLVE_TASK_STREAM)).hasSize(1);
  }

  @Test void previewNullNullThenReady() {
    fake.previewReadyAfterPolls(3);

    CliRun notYet = run("preview", FakeV0Server.CHAT_ID, "--json");
    CliRun waited = run("preview", FakeV0Server.CHAT_ID, "--wait", "--poll-interval", "0.01", "--json");

    assertThat(notYet.out).isEqualTo("{\"result\":null}\n");
    assertThat(waited.exitCode).as(waited.toString()).isZero();
    assertThat(map(waited.jsonLines().get(0).get("result"))).containsEntry("url", FakeV0Server.PREVIEW_URL)
        .containsKey("expiresAt").doesNotContainKey("token");
    assertThat(fake.requests(Operation.GET_CHAT_PREVIEW)).hasSize(3);
    assertThat(notYet.out + notYet.err + waited.out + waited.err).doesNotContain(FakeV0Server.PREVIEW_TOKEN);
  }

  @Test void pullWritesTheProjectAndDownloadStreamsItsArchive() throws IOException {
    fake.chatFile("app/über.tsx", "export const title = \"Über\"\n");

    CliRun pulled = run("files", "pull", FakeV0Server.CHAT_ID, dir.resolve("app").toString(), "--json");
    CliRun downloaded = run("files", "download", FakeV0Server.CHAT_ID, dir.resolve("app.zip").toString(), "--json");

    assertThat(pulled.exitCode).as(pulled.toString()).isZero();
    List<Map<String, Object>> lines = pulled.jsonLines();
    assertThat(lines.subList(0, lines.size() - 1)).extracting(line -> map(line.get("file")).get("path"))
        .containsExactly("package.json", "app/page.tsx", "components/todo-list.tsx", "public/favicon.ico",
            "app/über.tsx");
    assertThat(map(lines.get(lines.size() - 1).get("result"))).containsEntry("files", 5.0);
    assertThat(Files.readString(dir.resolve("app/app/über.tsx"))).isEqualTo("export const title = \"Über\"\n");
    byte[] icon = Files.readAllBytes(dir.resolve("app/public/favicon.ico"));
    assertThat(icon).startsWith(0, 0, 1, 0);

    assertThat(downloaded.exitCode).as(downloaded.toString()).isZero();
    List<String> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(dir.resolve("app.zip")); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) entries.add(entry.getName());
    }
    assertThat(entries).contains("package.json", "public/favicon.ico", "app/über.tsx");
    assertThat(map(downloaded.jsonLines().get(0).get("result")))
        .containsEntry("bytes", (double) Files.size(dir.resolve("app.zip")));
  }

  /** With no key and no base URL, the embedded fake's preview opens through the local proxy. */
  @Test void previewServeWorksOutOfTheBoxOnTheSandbox() throws Exception {
    HttpResponse<String> page;
    BackgroundCli serving = new BackgroundCli(Map.of(), "preview", "serve", "chat_1", "--json");
    try (serving) {
      String first = serving.firstLine();
      String url = first.substring(first.indexOf("http://"), first.lastIndexOf('"'));
      page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo(Sandbox.PREVIEW_PAGE);
    assertThat(serving.exitCode.get()).isZero();
    assertThat(serving.output()).doesNotContain(FakeV0Server.PREVIEW_TOKEN).contains("embedded fake");
  }
}
