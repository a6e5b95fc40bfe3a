package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.v0java.model.Chat;
import io.github.v0java.model.ChatDeployment;
import io.github.v0java.model.ChatList;
import io.github.v0java.model.ChatMessages;
import io.github.v0java.model.ChatPrivacy;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.CreateChatFromRepoRequest;
import io.github.v0java.model.CreateChatFromZipRequest;
import io.github.v0java.model.CreatedVercelProject;
import io.github.v0java.model.DeleteChatResponse;
import io.github.v0java.model.DuplicateChatRequest;
import io.github.v0java.model.GitHubRepository;
import io.github.v0java.model.UpdateChatRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat operations beyond create/get/resume, each with its exact request on the wire. */
class ChatManagementTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  static final String CHAT = TestServers.resource("v2/chat.json");
  static final String USAGE = "\"usage\":{\"tokens\":{\"input\":1200,\"output\":3400,\"cacheRead\":800,"
      + "\"cacheWrite\":0,\"total\":5400},\"creditsCost\":{\"input\":0.012,\"output\":0.068,"
      + "\"cacheRead\":0.002,\"cacheWrite\":0,\"total\":0.082}}";

  private static String chat(String id) {
    return CHAT.replace("chat_3fKd9a", id);
  }

  private static String page(String cursor, String... ids) {
    StringBuilder chats = new StringBuilder();
    for (String id : ids) chats.append(chats.length() == 0 ? "" : ",").append(chat(id));
    return "{\"chats\":[" + chats + "],\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + "}";
  }

  @Test void listSendsLimitCursorAndFiltersAndDecodesThePage() {
    server.stubFor(get(urlPathEqualTo("/v2/chats")).willReturn(okJson(page("cur_2", "chat_a", "chat_b"))));

    ChatList list = v0.chats().list(ChatFilter.builder()
        .authorId("user_19xq")
        .vercelProjectId("prj_8812")
        .build(), 2, "cur_1");

    server.verify(getRequestedFor(urlEqualTo(
        "/v2/chats?limit=2&cursor=cur_1&authorId=user_19xq&vercelProjectId=prj_8812")));
    assertThat(list.getChats()).extracting(Chat::getId).containsExactly("chat_a", "chat_b");
    assertThat(list.getCursor()).isEqualTo("cur_2");
  }

  @Test void metadataFiltersAreSentAsDeepObjectQueryParametersEncoded() {
    server.stubFor(get(urlPathEqualTo("/v2/chats")).willReturn(okJson(page(null, "chat_a"))));

    v0.chats().list(ChatFilter.builder()
        .metadata("environment", "production")
        .metadata("team", "a&b=c d/é")
        .build(), 20, null);

    List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/v2/chats")));
    assertThat(requests).hasSize(1);
    String url = requests.get(0).getUrl();
    // Brackets, '&', '=', space and non-ASCII percent-encoded: nothing can break out of the value.
    assertThat(url).isEqualTo("/v2/chats?limit=20&metadata%5Benvironment%5D=production"
        + "&metadata%5Bteam%5D=a%26b%3Dc%20d%2F%C3%A9");
    assertThat(requests.get(0).queryParameter("metadata[environment]").firstValue()).isEqualTo("production");
    assertThat(requests.get(0).queryParameter("metadata[team]").firstValue()).isEqualTo("a&b=c d/é");
    assertThat(requests.get(0).queryParameter("cursor").isPresent()).isFalse();
  }

  @Test void metadataFilterKeysThatWouldChangeTheQueryNameAreRefused() {
    assertThatThrownBy(() -> ChatFilter.builder().metadata("a]b", "x"))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("metadata.a]b");
    assertThatThrownBy(() -> ChatFilter.builder().metadata("", "x"))
        .isInstanceOf(V0InvalidRequestException.class);
    assertThatThrownBy(() -> v0.chats().list(ChatFilter.all(), 101, null))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("limit");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void listAllFollowsCursorsOverSeveralPagesLazily() {
    server.stubFor(get(urlEqualTo("/v2/chats?limit=2&metadata%5Benv%5D=prod"))
        .willReturn(okJson(page("cur_2", "chat_1", "chat_2"))));
    server.stubFor(get(urlEqualTo("/v2/chats?limit=2&cursor=cur_2&metadata%5Benv%5D=prod"))
        .willReturn(okJson(page("cur_3", "chat_3", "chat_4"))));
    server.stubFor(get(urlEqualTo("/v2/chats?limit=2&cursor=cur_3&metadata%5Benv%5D=prod"))
        .willReturn(okJson(page(null, "chat_5"))));

    Paginated<ChatList, Chat> all = v0.chats().listAll(
        ChatFilter.builder().metadata("env", "prod").build(), 2);
    assertThat(server.getAllServeEvents()).isEmpty(); // nothing fetched before iterating

    List<String> ids = new ArrayList<>();
    for (Chat chat : all) ids.add(chat.getId());

    assertThat(ids).containsExactly("chat_1", "chat_2", "chat_3", "chat_4", "chat_5");
    assertThat(server.getAllServeEvents()).hasSize(3);
  }

  @Test void updateSendsOnlyTheFieldsSetAndNullMetadataValuesExplicitly() {
    server.stubFor(patch(urlEqualTo("/v2/chats/chat_3fKd9a")).willReturn(okJson(CHAT)));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("ticket", "T-200");
    metadata.put("customer", null); // deletes the key

    Chat updated = v0.chats().update("chat_3fKd9a", UpdateChatRequest.builder()
        .title("Renamed")
        .metadata(metadata)
        .build());

    server.verify(patchRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a"))
        .withRequestBody(equalToJson("{\"title\":\"Renamed\",\"metadata\":{\"ticket\":\"T-200\",\"customer\":null}}",
            false, false)));
    String body = server.findAll(patchRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a"))).get(0).getBodyAsString();
    assertThat(body).doesNotContain("privacy"); // unset stays absent
    assertThat(updated.getTitle()).isEqualTo("Todo app with filters");
  }

  @Test void updateChecksMetadataBeforeSending() {
    Map<String, String> tooLong = Collections.singletonMap("k", new String(new char[501]).replace('\0', 'x'));
    assertThatThrownBy(() -> v0.chats().update("c1", UpdateChatRequest.builder().metadata(tooLong).build()))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageContaining("metadata.k");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void deleteAnswersTheDeletedChatId() {
    server.stubFor(delete(urlEqualTo("/v2/chats/chat_3fKd9a")).willReturn(okJson("{\"chatId\":\"chat_3fKd9a\"}")));

    DeleteChatResponse deleted = v0.chats().delete("chat_3fKd9a");

    server.verify(deleteRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a")).withRequestBody(absent()));
    assertThat(deleted.getChatId()).isEqualTo("chat_3fKd9a");
  }

  @Test void duplicateIsPrivateByDefaultAndAnswers201() {
    server.stubFor(post(urlEqualTo("/v2/chats/chat_3fKd9a/duplicate"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(chat("chat_copy"))));

    Chat copy = v0.chats().duplicate("chat_3fKd9a");
    v0.chats().duplicate("chat_3fKd9a", DuplicateChatRequest.builder()
        .privacy(ChatPrivacy.TEAM).title("Todo (copy)").build());

    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a/duplicate")));
    assertThat(requests.get(0).getBodyAsString()).isEqualTo("{\"privacy\":\"private\"}");
    assertThat(requests.get(1).getBodyAsString()).isEqualTo("{\"privacy\":\"team\",\"title\":\"Todo (copy)\"}");
    assertThat(copy.getId()).isEqualTo("chat_copy");
  }

  @Test void createFromZipAndFromRepoPostTheirSources() {
    server.stubFor(post(urlEqualTo("/v2/chats/from-zip"))
        .willReturn(okJson("{\"chat\":" + chat("chat_zip") + "," + USAGE + "}")));
    server.stubFor(post(urlEqualTo("/v2/chats/from-repo"))
        .willReturn(okJson("{\"chat\":" + chat("chat_repo") + "," + USAGE + "}")));

    ChatWithUsage fromZip = v0.chats().createFromZip(CreateChatFromZipRequest.builder()
        .url("https://example.com/app.zip").privacy(ChatPrivacy.UNLISTED).build());
    ChatWithUsage fromRepo = v0.chats().createFromRepo(CreateChatFromRepoRequest.builder()
        .repo(GitHubRepository.builder().url("https://github.com/vercel/next.js").branch("canary").build())
        .title("Next")
        .metadata(Collections.singletonMap("source", "github"))
        .build());

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/from-zip")).withRequestBody(equalToJson(
        "{\"url\":\"https://example.com/app.zip\",\"privacy\":\"unlisted\"}", false, false)));
    server.verify(postRequestedFor(urlEqualTo("/v2/chats/from-repo")).withRequestBody(equalToJson(
        "{\"repo\":{\"url\":\"https://github.com/vercel/next.js\",\"branch\":\"canary\"},\"title\":\"Next\","
            + "\"metadata\":{\"source\":\"github\"}}", false, false)));
    assertThat(fromZip.getChat().getId()).isEqualTo("chat_zip");
    assertThat(fromRepo.getUsage().getCreditsCost().getTotal()).isEqualTo(0.082);
  }

  @Test void createFromRepoAndZipRefuseMissingSourcesBeforeSending() {
    assertThatThrownBy(() -> v0.chats().createFromZip(CreateChatFromZipRequest.builder().url("").build()))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageStartingWith("url:");
    assertThatThrownBy(() -> v0.chats().createFromRepo(CreateChatFromRepoRequest.builder()
        .repo(GitHubRepository.builder().url("https://github.com/a/b")
            .branch(new String(new char[251]).replace('\0', 'b')).build()).build()))
        .isInstanceOf(V0InvalidRequestException.class).hasMessageStartingWith("repo.branch:");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void restoreMessagePostsTheMessageIdAndDecodesTheAddedMessages() {
    server.stubFor(post(urlEqualTo("/v2/chats/chat_3fKd9a/restore-message"))
        .willReturn(okJson("{\"messages\":[" + TestServers.resource("v2/message.json") + "]}")));

    ChatMessages restored = v0.chats().restoreMessage("chat_3fKd9a", "msg_7Hq2");

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a/restore-message"))
        .withRequestBody(equalToJson("{\"messageId\":\"msg_7Hq2\"}", false, false)));
    assertThat(restored.getMessages()).hasSize(1);
    assertThat(restored.getMessages().get(0).getParts()).isNotEmpty();
  }

  @Test void deployAndCreateVercelProject() {
    server.stubFor(post(urlEqualTo("/v2/chats/chat_3fKd9a/deploy"))
        .willReturn(okJson("{\"deploymentId\":\"dpl_4Hs9\",\"vercelProjectId\":\"prj_8812\"}")));
    server.stubFor(post(urlEqualTo("/v2/chats/chat_3fKd9a/vercel-project"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"vercelProjectId\":\"prj_9001\"}")));

    ChatDeployment deployment = v0.chats().deploy("chat_3fKd9a");
    CreatedVercelProject named = v0.chats().createVercelProject("chat_3fKd9a", "todo-app");
    v0.chats().createVercelProject("chat_3fKd9a", null);

    assertThat(deployment.getDeploymentId()).isEqualTo("dpl_4Hs9");
    assertThat(deployment.getVercelProjectId()).isEqualTo("prj_8812");
    assertThat(named.getVercelProjectId()).isEqualTo("prj_9001");
    List<LoggedRequest> projects = server.findAll(postRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a/vercel-project")));
    assertThat(projects.get(0).getBodyAsString()).isEqualTo("{\"name\":\"todo-app\"}");
    assertThat(projects.get(1).getBodyAsString()).isEqualTo("{}");
  }

  @Test void anErrorStatusOfTheGroupIsTyped() {
    server.stubFor(post(urlEqualTo("/v2/chats/chat_3fKd9a/deploy")).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"A deployment is already running\"}")));
    server.stubFor(delete(urlEqualTo("/v2/chats/gone")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Chat not found\"}")));

    assertThatThrownBy(() -> v0.chats().deploy("chat_3fKd9a"))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).errorMessage()).isEqualTo("A deployment is already running"));
    assertThatThrownBy(() -> v0.chats().delete("gone")).isInstanceOf(NotFoundException.class);
  }

  @Test void idsAreCheckedBeforeTheyBecomePathSegments() {
    assertThatThrownBy(() -> v0.chats().delete("../chats")).isInstanceOf(V0InvalidRequestException.class);
    assertThatThrownBy(() -> v0.chats().deploy("a/b")).isInstanceOf(V0InvalidRequestException.class);
    assertThatThrownBy(() -> v0.chats().restoreMessage("c1", "")).isInstanceOf(V0InvalidRequestException.class)
        .hasMessageStartingWith("messageId:");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
