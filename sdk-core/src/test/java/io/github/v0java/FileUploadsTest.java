package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.CreateChatFromFilesRequest;
import io.github.v0java.model.FileUpload;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Creating a chat from local files: the API's limits checked before any request. */
class FileUploadsTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @TempDir Path dir;

  @AfterEach void close() {
    v0.close();
  }

  @Test void aDirectoryIsUploadedWithRelativeSlashNamesInOrder() throws Exception {
    Files.createDirectories(dir.resolve("app/components"));
    Files.writeString(dir.resolve("package.json"), "{\"name\":\"todo\"}");
    Files.writeString(dir.resolve("app/page.tsx"), "export default () => <p>Grüße</p>\n");
    Files.writeString(dir.resolve("app/components/list.tsx"), "");
    server.stubFor(post(urlEqualTo("/v2/chats/from-files")).willReturn(okJson(
        "{\"chat\":" + ChatManagementTest.CHAT + "," + ChatManagementTest.USAGE + "}")));

    ChatWithUsage created = v0.chats().createFromDirectory(dir.toFile());

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/from-files")).withRequestBody(equalToJson(
        "{\"files\":[{\"name\":\"app/components/list.tsx\",\"content\":\"\"},"
            + "{\"name\":\"app/page.tsx\",\"content\":\"export default () => <p>Grüße</p>\\n\"},"
            + "{\"name\":\"package.json\",\"content\":\"{\\\"name\\\":\\\"todo\\\"}\"}]}", false, false)));
    assertThat(created.getChat().getId()).isEqualTo("chat_3fKd9a");
  }

  @Test void moreThanTwentyFilesAreRefusedBeforeAnyRequest() throws Exception {
    for (int i = 0; i < 21; i++) Files.writeString(dir.resolve("f" + i + ".txt"), "x");

    Throwable thrown = catchThrowable(() -> v0.chats().createFromDirectory(dir.toFile()));

    assertThat(thrown).isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("at most 20");
    assertThat(((V0InvalidRequestException) thrown).field()).isEqualTo("files");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void aBinaryFileIsRefusedNamingIt() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "text");
    Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});

    Throwable thrown = catchThrowable(() -> FileUploads.fromDirectory(dir.toFile()));

    assertThat(thrown).isInstanceOf(V0InvalidRequestException.class)
        .hasMessageContaining("logo.png").hasMessageContaining("not UTF-8");
    assertThat(((V0InvalidRequestException) thrown).field()).isEqualTo("files[1]");
  }

  @Test void aListOfFilesIsNamedRelativeToItsBaseAndMustBeInsideIt() throws Exception {
    Path other = Files.createTempDirectory("other");
    File inside = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("main.ts"), "main()").toFile();
    File outside = Files.writeString(other.resolve("secret.txt"), "no").toFile();

    List<FileUpload> uploads = FileUploads.fromFiles(dir.toFile(), Arrays.asList(inside));
    assertThat(uploads.get(0).getName()).isEqualTo("src/main.ts");
    assertThat(uploads.get(0).getContent()).isEqualTo("main()");

    assertThat(catchThrowable(() -> FileUploads.fromFiles(dir.toFile(), Arrays.asList(inside, outside))))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("is not inside");
  }

  @Test void requestsBuiltByHandAreCheckedToo() {
    assertThat(catchThrowable(() -> v0.chats().createFromFiles(CreateChatFromFilesRequest.builder()
        .files(Arrays.<FileUpload>asList()).build())))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("at least one file");
    assertThat(catchThrowable(() -> v0.chats().createFromFiles(CreateChatFromFilesRequest.builder()
        .files(Arrays.asList(FileUpload.builder().name("").content("x").build())).build())))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageStartingWith("files[0].name:");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
