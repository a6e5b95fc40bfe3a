package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.ChatFiles;
import io.github.v0java.model.ChatMessages;
import io.github.v0java.model.FileChange;
import io.github.v0java.model.FileEncoding;
import io.github.v0java.model.UpdateChatFilesRequest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reading, changing and downloading a chat's files, on the wire. */
class ChatFilesTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @TempDir Path dir;

  @AfterEach void close() {
    v0.close();
  }

  static final String FILES_JSON = "{\"files\":["
      + "{\"path\":\"app/page.tsx\",\"content\":\"export default function Page() {\\n  return <h1>Tâches ✓</h1>\\n}\\n\",\"encoding\":\"utf8\"},"
      + "{\"path\":\"public/icon.png\",\"content\":\"iVBORw0KGgo=\",\"encoding\":\"base64\"},"
      + "{\"path\":\"notes.txt\",\"content\":\"\",\"encoding\":\"utf8\"}]}";

  @Test void filesAreTypedAndDecodeToBytes() {
    server.stubFor(get(urlEqualTo("/v2/chats/chat_3fKd9a/files")).willReturn(okJson(FILES_JSON)));

    ChatFiles files = v0.chats().files("chat_3fKd9a");
    List<ProjectFile> decoded = ProjectFile.listOf(files);

    assertThat(decoded).extracting(ProjectFile::path).containsExactly("app/page.tsx", "public/icon.png", "notes.txt");
    assertThat(decoded.get(0).encoding()).isSameAs(FileEncoding.UTF8);
    assertThat(decoded.get(0).text()).contains("Tâches ✓");
    assertThat(decoded.get(0).bytes()).isEqualTo(decoded.get(0).text().getBytes(StandardCharsets.UTF_8));
    assertThat(decoded.get(1).isText()).isFalse();
    assertThat(decoded.get(1).bytes()).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    assertThat(decoded.get(2).bytes()).isEmpty();
  }

  @Test void writeFilesPutsTheChatOnDisk() throws Exception {
    server.stubFor(get(urlEqualTo("/v2/chats/chat_3fKd9a/files")).willReturn(okJson(FILES_JSON)));

    List<ProjectDirectory.WrittenFile> written = v0.chats().writeFiles("chat_3fKd9a", dir.toFile());

    assertThat(written).extracting(ProjectDirectory.WrittenFile::path)
        .containsExactly("app/page.tsx", "public/icon.png", "notes.txt");
    assertThat(written.get(1).bytes()).isEqualTo(8);
    assertThat(Files.readString(dir.resolve("app/page.tsx"))).contains("<h1>Tâches ✓</h1>");
    assertThat(Files.readAllBytes(dir.resolve("public/icon.png"))).hasSize(8);
  }

  @Test void anUnknownEncodingIsKeptAndRefusedOnlyWhenDecoded() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/files")).willReturn(okJson(
        "{\"files\":[{\"path\":\"a.bin\",\"content\":\"AAEC\",\"encoding\":\"zstd\"}]}")));

    ProjectFile file = ProjectFile.listOf(v0.chats().files("c1")).get(0);

    assertThat(file.encoding().isKnown()).isFalse();
    assertThat(file.encoding().value()).isEqualTo("zstd");
    assertThatThrownBy(file::bytes).isInstanceOf(V0DecodingException.class).hasMessageContaining("zstd");
  }

  @Test void updateFilesSendsAnExplicitNullToDeleteAndLeavesNothingElseOut() {
    server.stubFor(patch(urlEqualTo("/v2/chats/chat_3fKd9a/files"))
        .willReturn(okJson("{\"messages\":[" + TestServers.resource("v2/message.json") + "]}")));

    ChatMessages added = v0.chats().updateFiles("chat_3fKd9a", UpdateChatFilesRequest.builder()
        .files(Arrays.asList(
            FileChange.builder().path("app/page.tsx").content("export default () => null\n").build(),
            FileChange.builder().path("app/old.tsx").build())) // content unset: delete
        .build());

    String body = server.findAll(patchRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a/files"))).get(0).getBodyAsString();
    assertThat(body).isEqualTo("{\"files\":[{\"path\":\"app/page.tsx\",\"content\":\"export default () => null\\n\"},"
        + "{\"path\":\"app/old.tsx\",\"content\":null}]}");
    server.verify(patchRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a/files")).withRequestBody(equalToJson(
        "{\"files\":[{\"path\":\"app/page.tsx\",\"content\":\"export default () => null\\n\"},"
            + "{\"path\":\"app/old.tsx\",\"content\":null}]}", false, false)));
    assertThat(added.getMessages()).hasSize(1);
  }

  @Test void updateFilesRefusesEmptyAndRepeatedPathsBeforeSending() {
    assertThatThrownBy(() -> v0.chats().updateFiles("c1", UpdateChatFilesRequest.builder()
        .files(Arrays.<FileChange>asList()).build()))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageStartingWith("files:");
    assertThatThrownBy(() -> v0.chats().updateFiles("c1", UpdateChatFilesRequest.builder()
        .files(Arrays.asList(FileChange.builder().path("a").content("1").build(),
            FileChange.builder().path("a").build())).build()))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageStartingWith("files[1].path:");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void invalidFileContentsAreAnUnprocessableEntityWithTheIssuesInTheBody() {
    server.stubFor(patch(urlEqualTo("/v2/chats/c1/files")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Invalid file contents\",\"issues\":[{\"path\":\"files.0.content\","
            + "\"error\":\"Unterminated string\"}]}")));

    assertThatThrownBy(() -> v0.chats().updateFiles("c1", UpdateChatFilesRequest.builder()
        .files(Arrays.asList(FileChange.builder().path("a.ts").content("'").build())).build()))
        .isInstanceOf(UnprocessableEntityException.class)
        .satisfies(e -> {
          UnprocessableEntityException error = (UnprocessableEntityException) e;
          assertThat(error.errorMessage()).isEqualTo("Invalid file contents");
          assertThat(error.body()).contains("Unterminated string");
        });
  }

  @Test void downloadStreamsTheZipToAnOutputStream() throws Exception {
    byte[] zip = zipBytes();
    server.stubFor(get(urlEqualTo("/v2/chats/chat_3fKd9a/files/download")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/zip").withBody(zip)));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long bytes = v0.chats().downloadFiles("chat_3fKd9a", out);

    assertThat(bytes).isEqualTo(zip.length);
    assertThat(out.toByteArray()).isEqualTo(zip);
  }

  @Test void downloadToAFileReplacesItAndAFailedOneLeavesItAsItWas() throws Exception {
    byte[] zip = zipBytes();
    File target = dir.resolve("app.zip").toFile();
    Files.writeString(target.toPath(), "previous");
    server.stubFor(get(urlEqualTo("/v2/chats/c1/files/download")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/zip").withBody(zip)));
    server.stubFor(get(urlEqualTo("/v2/chats/c2/files/download")).willReturn(aResponse()
        .withStatus(409).withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"The chat has no files yet\"}")));

    assertThatThrownBy(() -> v0.chats().downloadFiles("c2", target)).isInstanceOf(ConflictException.class);
    assertThat(Files.readString(target.toPath())).isEqualTo("previous");

    assertThat(v0.chats().downloadFiles("c1", target)).isEqualTo(zip.length);
    assertThat(Files.readAllBytes(target.toPath())).isEqualTo(zip);
    assertThat(dir.toFile().list()).containsExactly("app.zip"); // no temporary file left
  }

  private static byte[] zipBytes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("app/page.tsx"));
      zip.write("export default function Page() {}\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
