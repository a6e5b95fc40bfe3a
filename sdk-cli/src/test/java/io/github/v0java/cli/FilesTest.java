package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code files pull} (the chat's files on disk, hostile paths refused) and {@code files download}. */
class FilesTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();
  @TempDir Path dir;

  private static final byte[] ICON = {0, 0, 1, 0, (byte) 0xff, (byte) 0x80, 10, 13};

  private String base() {
    return server.baseUrl() + "/v2";
  }

  private void files(String... entries) {
    server.stubFor(get("/v2/chats/c1/files").willReturn(okJson("{\"files\":[" + String.join(",", entries) + "]}")));
  }

  private static String text(String path, String content) {
    return "{\"path\":" + Sse.quote(path) + ",\"content\":" + Sse.quote(content) + ",\"encoding\":\"utf8\"}";
  }

  private static String binary(String path, byte[] bytes) {
    return "{\"path\":" + Sse.quote(path) + ",\"content\":\"" + Base64.getEncoder().encodeToString(bytes)
        + "\",\"encoding\":\"base64\"}";
  }

  private void project() {
    files(text("package.json", "{\"name\":\"todo\"}\n"), text("app/page.tsx", "export default () => <h1>Tâches ✓</h1>\n"),
        binary("public/favicon.ico", ICON));
  }

  @Test void pullWritesEveryFileAndReportsEachAsJson() throws IOException {
    project();
    Path target = dir.resolve("app");

    CliRun run = CliRun.run("files", "pull", "c1", target.toString(), "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(Files.readString(target.resolve("app/page.tsx"), StandardCharsets.UTF_8))
        .isEqualTo("export default () => <h1>Tâches ✓</h1>\n");
    assertThat(Files.readAllBytes(target.resolve("public/favicon.ico"))).isEqualTo(ICON);
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(4);
    assertThat(map(lines.get(0).get("file"))).isEqualTo(Map.of("path", "package.json", "bytes", 16.0));
    assertThat(map(lines.get(1).get("file"))).containsEntry("path", "app/page.tsx")
        .containsEntry("bytes", (double) "export default () => <h1>Tâches ✓</h1>\n".getBytes(StandardCharsets.UTF_8).length);
    assertThat(map(lines.get(2).get("file"))).isEqualTo(Map.of("path", "public/favicon.ico", "bytes", 8.0));
    assertThat(map(lines.get(3).get("result"))).isEqualTo(Map.of("dir", target.toString(), "files", 3.0));
  }

  @Test void pullForPeopleListsTheFiles() {
    project();
    Path target = dir.resolve("app");

    CliRun run = CliRun.run("files", "pull", "c1", target.toString(), "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo("package.json  16 bytes\napp/page.tsx  42 bytes\npublic/favicon.ico  8 bytes\n"
        + "3 files, 66 bytes, written under " + target + "\n");
  }

  @Test void aHostilePathWritesNothingAndFails() throws IOException {
    files(text("README.md", "hello"), text("../outside.txt", "gotcha"));
    Path target = dir.resolve("app");

    CliRun json = CliRun.run("files", "pull", "c1", target.toString(), "--json", "--base-url", base());
    CliRun human = CliRun.run("files", "pull", "c1", target.toString(), "--base-url", base());

    assertThat(json.exitCode).isEqualTo(1);
    List<Map<String, Object>> lines = json.jsonLines();
    assertThat(lines).hasSize(1);
    assertThat(map(lines.get(0).get("error"))).containsEntry("kind", "unsafe_path")
        .containsEntry("message", "refused file path \"../outside.txt\": has a '..' segment");
    assertThat(human.exitCode).isEqualTo(1);
    assertThat(human.out).isEmpty();
    assertThat(human.err).contains("refused file path \"../outside.txt\"").contains("nothing was written");
    try (Stream<Path> left = Files.walk(dir)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test void downloadStreamsTheArchiveToTheFile() throws IOException {
    byte[] zip = {'P', 'K', 3, 4, 0, 1, 2, (byte) 0xfe};
    server.stubFor(get("/v2/chats/c1/files/download").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/zip").withBody(zip)));
    Path file = dir.resolve("project.zip");

    CliRun json = CliRun.run("files", "download", "c1", file.toString(), "--json", "--base-url", base());
    CliRun human = CliRun.run("files", "download", "c1", file.toString(), "--base-url", base());

    assertThat(json.exitCode).as(json.toString()).isZero();
    assertThat(json.jsonLines()).containsExactly(Map.of("result", Map.of("path", file.toString(), "bytes", 8.0)));
    assertThat(human.out).isEqualTo("downloaded 8 bytes to " + file + "\n");
    assertThat(Files.readAllBytes(file)).isEqualTo(zip);
  }

  @Test void aFailedDownloadLeavesThePreviousFile() throws IOException {
    server.stubFor(get("/v2/chats/c1/files/download").willReturn(okJson("{\"message\":\"Chat not found\"}")
        .withStatus(404)));
    Path file = Files.writeString(dir.resolve("project.zip"), "previous");

    CliRun run = CliRun.run("files", "download", "c1", file.toString(), "--json", "--base-url", base());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(map(run.jsonLines().get(0).get("error"))).containsEntry("status", 404.0);
    assertThat(Files.readString(file)).isEqualTo("previous");
  }
}
