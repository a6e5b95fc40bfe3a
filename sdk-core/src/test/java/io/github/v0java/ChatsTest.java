package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.Attachment;
import io.github.v0java.model.Chat;
import io.github.v0java.model.ChatPrivacy;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.MemorySkill;
import io.github.v0java.model.MemorySkillScope;
import io.github.v0java.model.ProjectSkill;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatsTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  static CreateChatRequest fullRequest() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("customer", "acme");
    return CreateChatRequest.builder()
        .message("A todo app with filters")
        .systemPrompt("Next.js 15, Tailwind")
        .attachments(Collections.singletonList(Attachment.builder().url("https://example.com/mock.png").build()))
        .skills(Arrays.asList(
            MemorySkill.builder().scope(MemorySkillScope.TEAM).skillName("design-system").build(),
            ProjectSkill.builder().skillName("testing").build()))
        .privacy(ChatPrivacy.TEAM_EDIT)
        .title("Todo")
        .metadata(metadata)
        .build();
  }

  static final String FULL_REQUEST_JSON = "{\"message\":\"A todo app with filters\","
      + "\"systemPrompt\":\"Next.js 15, Tailwind\","
      + "\"attachments\":[{\"url\":\"https://example.com/mock.png\"}],"
      + "\"skills\":[{\"type\":\"memory\",\"scope\":\"team\",\"skillName\":\"design-system\"},"
      + "{\"type\":\"project\",\"skillName\":\"testing\"}],"
      + "\"privacy\":\"team-edit\",\"title\":\"Todo\",\"metadata\":{\"customer\":\"acme\"}}";

  @Test void createPostsEveryFieldAndDecodesChatWithUsage() {
    server.stubFor(post("/v2/chats").willReturn(okJson("{\"chat\":" + TestServers.resource("v2/chat.json")
        + ",\"usage\":{\"tokens\":{\"input\":10,\"output\":20,\"cacheRead\":0,\"cacheWrite\":0,\"total\":30},"
        + "\"creditsCost\":{\"input\":0.01,\"output\":0.02,\"cacheRead\":0,\"cacheWrite\":0,\"total\":0.03}}}")));

    ChatWithUsage created = v0.chats().create(fullRequest());

    server.verify(postRequestedFor(urlEqualTo("/v2/chats"))
        .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY))
        .withRequestBody(equalToJson(FULL_REQUEST_JSON, false, false)));
    Chat chat = created.getChat();
    assertThat(chat.getId()).isEqualTo("chat_3fKd9a");
    assertThat(chat.getPrivacy()).isSameAs(ChatPrivacy.PRIVATE);
    assertThat(chat.getMetadata()).containsEntry("ticket", "T-100");
    assertThat(chat.getWritePermission()).isTrue();
    assertThat(chat.getCreatedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:01Z"));
    assertThat(created.getUsage().getTokens().getTotal()).isEqualTo(30.0);
  }

  @Test void createAsyncAnswers202WithChatAndMessageIds() {
    server.stubFor(post("/v2/chats/async").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"chatId\":\"chat_new\",\"messageId\":\"msg_new\"}")));

    PendingGeneration<io.github.v0java.model.Message> pending =
        v0.chats().createAsync(CreateChatRequest.builder().message("go").build());

    assertThat(pending.chatId()).isEqualTo("chat_new");
    assertThat(pending.messageId()).isEqualTo("msg_new");
    server.verify(postRequestedFor(urlEqualTo("/v2/chats/async"))
        .withRequestBody(equalToJson("{\"message\":\"go\"}", false, false)));
  }

  @Test void getReadsTheChat() {
    server.stubFor(get("/v2/chats/chat_3fKd9a").willReturn(okJson(TestServers.resource("v2/chat.json"))));

    Chat chat = v0.chats().get("chat_3fKd9a");

    server.verify(getRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a"))
        .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY))
        .withHeader("User-Agent", equalTo("v0-java/" + V0Client.VERSION)));
    assertThat(chat.getTitle()).isEqualTo("Todo app with filters");
    assertThat(chat.getVercelProjectId()).isEqualTo("prj_8812");
  }

  @Test void rawResponseKeepsStatusAndHeaders() {
    server.stubFor(get("/v2/chats/c1").willReturn(okJson(TestServers.resource("v2/chat.json"))
        .withHeader("x-request-id", "req_42").withHeader("x-ratelimit-remaining", "99")));

    ApiResponse<Chat> response = v0.executeForResponse(
        v0.service(io.github.v0java.api.ChatsApi.class).get("c1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.requestId()).isEqualTo("req_42");
    assertThat(response.headers().get("x-ratelimit-remaining")).isEqualTo("99");
    assertThat(response.body().getId()).isEqualTo("chat_3fKd9a");
  }
}
