package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.AgentActionPart;
import io.github.v0java.model.BashPart;
import io.github.v0java.model.FileEditOperation;
import io.github.v0java.model.FileEditPart;
import io.github.v0java.model.FileReadPart;
import io.github.v0java.model.FinishReason;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageList;
import io.github.v0java.model.MessageRole;
import io.github.v0java.model.ModelConfiguration;
import io.github.v0java.model.ModelId;
import io.github.v0java.model.RemoteSkill;
import io.github.v0java.model.SearchPart;
import io.github.v0java.model.SearchScope;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.StopMessageResponse;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.ThinkingPart;
import io.github.v0java.model.ToolCallPart;
import io.github.v0java.model.ToolCallStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessagesTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  @Test void sendPostsTheMessageAndDecodesEveryPartType() {
    server.stubFor(post("/v2/chats/chat_3fKd9a/messages")
        .willReturn(okJson(TestServers.resource("v2/message.json"))));

    Message message = v0.messages().send("chat_3fKd9a", SendMessageRequest.builder()
        .message("Add dark mode")
        .systemPrompt("Use Tailwind")
        .modelConfiguration(ModelConfiguration.builder()
            .modelId(ModelId.V0_MAX).imageGenerations(true).build())
        .skills(Collections.singletonList(RemoteSkill.builder().id("vercel/next-best-practices").build()))
        .mcpServerIds(Arrays.asList("mcp_1", "mcp_2"))
        .build());

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/chat_3fKd9a/messages"))
        .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withRequestBody(equalToJson("{\"message\":\"Add dark mode\",\"systemPrompt\":\"Use Tailwind\","
            + "\"modelConfiguration\":{\"modelId\":\"v0-max\",\"imageGenerations\":true},"
            + "\"skills\":[{\"type\":\"remote\",\"id\":\"vercel/next-best-practices\"}],"
            + "\"mcpServerIds\":[\"mcp_1\",\"mcp_2\"]}", false, false)));

    assertThat(message.getId()).isEqualTo("msg_7Yq2c1");
    assertThat(message.getChatId()).isEqualTo("chat_3fKd9a");
    assertThat(message.getRole()).isSameAs(MessageRole.ASSISTANT);
    assertThat(message.getCreatedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:02.118Z"));
    assertThat(message.getFinishReason()).isSameAs(FinishReason.STOP);
    assertThat(message.getRestorable()).isTrue();
    assertThat(message.getAuthorId()).isNull();
    assertThat(message.getAttachments().get(0).getSize()).isEqualTo(48213L);
    assertThat(message.getUsage().getTokens().getTotal()).isEqualTo(18630.0);
    assertThat(message.getUsage().getCreditsCost().getOutput()).isEqualTo(0.0431);

    assertThat(message.getParts()).hasSize(9);
    ThinkingPart thinking = (ThinkingPart) message.getParts().get(0);
    assertThat(thinking.getText()).startsWith("The user wants");
    assertThat(thinking.getFinishedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:05.010Z"));
    assertThat(((FileReadPart) message.getParts().get(1)).getPaths())
        .containsExactly("app/page.tsx", "package.json");
    SearchPart search = (SearchPart) message.getParts().get(2);
    assertThat(search.getScope()).isSameAs(SearchScope.WEB);
    assertThat(search.getQuery()).isEqualTo("shadcn checkbox component");
    FileEditPart rename = (FileEditPart) message.getParts().get(4);
    assertThat(rename.getOperation()).isSameAs(FileEditOperation.RENAME);
    assertThat(rename.getToPath()).isEqualTo("app/page.tsx");
    BashPart bash = (BashPart) message.getParts().get(5);
    assertThat(bash.getCommand()).isEqualTo("pnpm lint");
    assertThat(bash.getOutput()).isEqualTo("✔ No ESLint warnings or errors");
    assertThat(bash.getExitCode()).isNull();
    assertThat(bash.getTimeoutMs()).isEqualTo(120000L);
    ToolCallPart tool = (ToolCallPart) message.getParts().get(6);
    assertThat(tool.getStatus()).isSameAs(ToolCallStatus.OK);
    assertThat(((Map<?, ?>) tool.getInput()).get("_t")).isEqualTo("not-a-delta");
    assertThat(tool.getSuggestedPermissions().get(0).getToolName()).isEqualTo("linear_create_issue");
    assertThat(tool.getSuggestedPermissions().get(0).getTaskNameComplete()).isNull();
    assertThat(((AgentActionPart) message.getParts().get(7)).getName()).isEqualTo("manage_todos");
    assertThat(((TextPart) message.getParts().get(8)).getText())
        .isEqualTo("I built a **todo app** with filtering.");
    assertThat(message.getParts().get(8).getType()).isEqualTo("text");
  }

  @Test void sendLeavesUnsetFieldsOutOfTheBody() {
    server.stubFor(post("/v2/chats/c1/messages").willReturn(okJson(TestServers.resource("v2/message.json"))));

    v0.messages().send("c1", SendMessageRequest.builder().message("hi").build());

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages"))
        .withRequestBody(equalToJson("{\"message\":\"hi\"}", false, false)));
  }

  @Test void sendAsyncAnswersWithTheMessageIdToPoll() {
    server.stubFor(post("/v2/chats/c1/messages/async")
        .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
            .withBody("{\"messageId\":\"msg_async_1\"}")));

    PendingGeneration<Message> pending =
        v0.messages().sendAsync("c1", SendMessageRequest.builder().message("go").build());

    assertThat(pending.chatId()).isEqualTo("c1");
    assertThat(pending.messageId()).isEqualTo("msg_async_1");
    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/async"))
        .withRequestBody(equalToJson("{\"message\":\"go\"}", false, false)));
  }

  @Test void listSendsLimitAndCursor() {
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/messages")).willReturn(okJson(
        "{\"messages\":[" + TestServers.resource("v2/message.json") + "],\"cursor\":\"cur_2\"}")));

    MessageList page = v0.messages().list("c1", 50, "cur_1");

    server.verify(getRequestedFor(urlEqualTo("/v2/chats/c1/messages?limit=50&cursor=cur_1"))
        .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY)));
    assertThat(page.getMessages()).extracting(Message::getId).containsExactly("msg_7Yq2c1");
    assertThat(page.getCursor()).isEqualTo("cur_2");
  }

  @Test void listWithoutCursorSendsTheDefaultLimitOnly() {
    server.stubFor(get(urlPathEqualTo("/v2/chats/c1/messages"))
        .willReturn(okJson("{\"messages\":[],\"cursor\":null}")));

    MessageList page = v0.messages().list("c1");

    server.verify(getRequestedFor(urlPathEqualTo("/v2/chats/c1/messages"))
        .withQueryParam("limit", equalTo("20")).withQueryParam("cursor", absent()));
    assertThat(page.getMessages()).isEmpty();
    assertThat(page.getCursor()).isNull();
  }

  @Test void getDecodesAMessageStillGenerating() {
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(okJson("{\"id\":\"m1\",\"chatId\":\"c1\","
        + "\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02Z\",\"updatedAt\":\"2026-11-20T09:15:03Z\","
        + "\"content\":\"\",\"parts\":[{\"type\":\"text\",\"text\":\"Work\"}],\"finishReason\":null,"
        + "\"restorable\":false,\"authorId\":null}")));

    Message message = v0.messages().get("c1", "m1");

    assertThat(message.getFinishReason()).isNull();
    assertThat(message.getParts()).hasSize(1);
    assertThat(message.getUsage()).isNull();
  }

  @Test void stopPostsToTheMessage() {
    server.stubFor(post("/v2/chats/c1/messages/m1/stop").willReturn(okJson("{\"messageId\":\"m1\"}")));

    StopMessageResponse stopped = v0.messages().stop("c1", "m1");

    assertThat(stopped.getMessageId()).isEqualTo("m1");
    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1/stop"))
        .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY)));
  }
}
