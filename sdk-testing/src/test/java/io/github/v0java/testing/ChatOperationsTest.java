package io.github.v0java.testing;

import static io.github.v0java.testing.Http.array;
import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.ChatFilter;
import io.github.v0java.PollingOptions;
import io.github.v0java.ProjectDirectory;
import io.github.v0java.V0Client;
import io.github.v0java.model.Chat;
import io.github.v0java.model.ChatPreview;
import io.github.v0java.model.FileChange;
import io.github.v0java.model.UpdateChatFilesRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat operations beyond create/get/resume: default bodies in upstream's shapes, and their scripts. */
class ChatOperationsTest extends FakeServerTest {
  private final List<V0Client> clients = new ArrayList<>();

  @TempDir Path dir;

  private V0Client v0() {
    V0Client client = V0Client.builder().apiKey("test-key").baseUrl(fake.baseUrl()).build();
    clients.add(client);
    return client;
  }

  @AfterEach void closeClients() {
    clients.forEach(V0Client::close);
  }

  private Http.Reply send(String method, String path, String json) {
    return http.execute(http.request(method, path, json).build());
  }

  // ---------------------------------------------------------------- default bodies

  @Test void everyDefaultAnswerHasUpstreamsShape() {
    Schemas.assertValid("v2/ChatList", http.get("/v2/chats").body);
    Schemas.assertValid("v2/Chat", send("PATCH", CHAT, "{\"title\":\"Renamed\"}").body);
    Schemas.assertValid("v2/DeleteChatResponse", send("DELETE", CHAT, null).body);
    Http.Reply duplicate = http.post(CHAT + "/duplicate", "{\"privacy\":\"team\"}");
    assertThat(duplicate.status).isEqualTo(201);
    Schemas.assertValid("v2/DuplicateChatResponse", duplicate.body);
    Schemas.assertValid("v2/ChatWithUsage",
        http.post("/v2/chats/from-files", "{\"files\":[{\"name\":\"a.ts\",\"content\":\"x\"}]}").body);
    Schemas.assertValid("v2/ChatWithUsage", http.post("/v2/chats/from-zip", "{\"url\":\"https://e.com/a.zip\"}").body);
    Schemas.assertValid("v2/ChatWithUsage",
        http.post("/v2/chats/from-repo", "{\"repo\":{\"url\":\"https://github.com/vercel/next.js\"}}").body);
    Schemas.assertValid("v2/Files", http.get(CHAT + "/files").body);
    Schemas.assertValid("v2/UpdateChatFilesResponse",
        send("PATCH", CHAT + "/files", "{\"files\":[{\"path\":\"a.ts\",\"content\":\"x\"}]}").body);
    Schemas.assertValid("v2/RestoreMessageResponse", http.post(CHAT + "/restore-message", "{\"messageId\":\"m1\"}").body);
    Schemas.assertValid("v2/ChatPreview", http.get(CHAT + "/preview").body);
    Schemas.assertValid("v2/ChatDeployment", http.post(CHAT + "/deploy", "").body);
    Http.Reply project = http.post(CHAT + "/vercel-project", "{}");
    assertThat(project.status).isEqualTo(201);
    Schemas.assertValid("v2/CreatedVercelProject", project.body);
  }

  @Test void aPreviewThatIsStartingIsNullWhichUpstreamAllows() {
    fake.previewReadyAfterPolls(2);

    Http.Reply starting = http.get(CHAT + "/preview");

    assertThat(starting.body).isEqualTo("null");
    Schemas.assertValid("v2/ChatPreview", starting.body);
  }

  @Test void createFromSourcesRefusesMissingSources() {
    assertThat(http.post("/v2/chats/from-files", "{\"files\":[]}").status).isEqualTo(422);
    assertThat(http.post("/v2/chats/from-zip", "{}").status).isEqualTo(422);
    assertThat(http.post("/v2/chats/from-repo", "{\"repo\":{}}").status).isEqualTo(422);
  }

  // ---------------------------------------------------------------- through the SDK

  @Test void theSdkListsChatsOverSeveralPagesWithAMetadataFilter() {
    fake.chatCount(7);

    List<String> production = new ArrayList<>();
    for (Chat chat : v0().chats().listAll(ChatFilter.builder().metadata("environment", "production").build(), 2)) {
      production.add(chat.getId());
    }
    List<String> all = new ArrayList<>();
    for (Chat chat : v0().chats().listAll(ChatFilter.all(), 3)) all.add(chat.getId());

    assertThat(production).containsExactly("chat_l001", "chat_l003", "chat_l005", "chat_l007");
    assertThat(all).hasSize(7);
    assertThat(fake.requests(Operation.LIST_CHATS)).hasSize(2 + 3);
  }

  @Test void theChatsFilesAreServedWrittenAndZipped() throws Exception {
    fake.clearChatFiles()
        .chatFile("app/page.tsx", "export default () => <p>Grüße</p>\n")
        .chatFile("public/bytes.bin", new byte[] {0, (byte) 0xff, 1, (byte) 0x80});

    List<ProjectDirectory.WrittenFile> written = v0().chats().writeFiles(FakeV0Server.CHAT_ID, dir.toFile());
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    v0().chats().downloadFiles(FakeV0Server.CHAT_ID, zip);

    assertThat(written).extracting(ProjectDirectory.WrittenFile::path).containsExactly("app/page.tsx", "public/bytes.bin");
    assertThat(Files.readString(dir.resolve("app/page.tsx"))).isEqualTo("export default () => <p>Grüße</p>\n");
    assertThat(Files.readAllBytes(dir.resolve("public/bytes.bin"))).containsExactly(0, 0xff, 1, 0x80);
    Map<String, byte[]> entries = unzip(zip.toByteArray());
    assertThat(entries.keySet()).containsExactly("app/page.tsx", "public/bytes.bin");
    assertThat(entries.get("public/bytes.bin")).containsExactly(0, 0xff, 1, 0x80);
  }

  @Test void updateFilesAppliesChangesAndTheExplicitNullDeletes() {
    v0().chats().updateFiles(FakeV0Server.CHAT_ID, UpdateChatFilesRequest.builder()
        .files(Arrays.asList(
            FileChange.builder().path("app/page.tsx").content("export default () => null\n").build(),
            FileChange.builder().path("components/todo-list.tsx").build()))
        .build());

    Map<String, Object> byPath = new LinkedHashMap<>();
    for (Object file : array(http.get(CHAT + "/files").json().get("files"))) {
      byPath.put((String) map(file).get("path"), map(file).get("content"));
    }
    assertThat(byPath).containsEntry("app/page.tsx", "export default () => null\n")
        .doesNotContainKey("components/todo-list.tsx");
    assertThat(fake.lastRequest(Operation.UPDATE_CHAT_FILES).getBodyAsString()).contains("\"content\":null");
    // A change without a content key is not a deletion: the fake refuses it as the API does.
    assertThat(send("PATCH", CHAT + "/files", "{\"files\":[{\"path\":\"a.ts\"}]}").status).isEqualTo(422);
  }

  @Test void thePreviewIsNullThenNullThenReady() {
    fake.previewReadyAfterPolls(3);
    PollingOptions fast = PollingOptions.builder().initialInterval(1, TimeUnit.MILLISECONDS)
        .maxInterval(2, TimeUnit.MILLISECONDS).build();

    ChatPreview preview = v0().chats().pendingPreview(FakeV0Server.CHAT_ID, fast).await();

    assertThat(preview.getUrl()).isEqualTo(FakeV0Server.PREVIEW_URL);
    assertThat(preview.getToken()).isEqualTo(FakeV0Server.PREVIEW_TOKEN);
    assertThat(fake.requests(Operation.GET_CHAT_PREVIEW)).hasSize(3);
  }

  @Test void scriptedErrorsApplyToTheNewOperations() {
    fake.failWith(Operation.DOWNLOAD_CHAT_FILES, 409, "The chat has no files yet");

    Http.Reply reply = http.get(CHAT + "/files/download");

    assertThat(reply.status).isEqualTo(409);
    Schemas.assertValid("v2/Error", reply.body);
  }

  private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) entries.put(entry.getName(), in.readAllBytes());
    }
    return entries;
  }
}
