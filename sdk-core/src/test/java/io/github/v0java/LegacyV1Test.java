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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.v1.model.ChatDetail;
import io.github.v0java.v1.model.ChatPrivacy;
import io.github.v0java.v1.model.CreateChatRequest;
import io.github.v0java.v1.model.FinishReason;
import io.github.v0java.v1.model.ForkChatRequest;
import io.github.v0java.v1.model.MessageDetail;
import io.github.v0java.v1.model.MessageRole;
import io.github.v0java.v1.model.MessageSummary;
import io.github.v0java.v1.model.MessageSummaryList;
import io.github.v0java.v1.model.MessageType;
import io.github.v0java.v1.model.ModelConfiguration;
import io.github.v0java.v1.model.ModelId;
import io.github.v0java.v1.model.ResponseMode;
import io.github.v0java.v1.model.SendMessageRequest;
import io.github.v0java.v1.model.StopMessageResponse;
import io.github.v0java.v1.model.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LegacyV1Test {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  @Test void createChatPostsTheRequestAndDecodesChatDetail() {
    server.stubFor(post("/v1/chats").willReturn(okJson(TestServers.resource("v1/chat-detail.json"))));

    ChatDetail chat = v0.v1().createChat(CreateChatRequest.builder()
        .message("Create a landing page")
        .system("You are an expert coder")
        .chatPrivacy(ChatPrivacy.TEAM)
        .modelConfiguration(ModelConfiguration.builder().modelId(ModelId.V0_MAX).imageGenerations(false).build())
        .build());

    server.verify(postRequestedFor(urlEqualTo("/v1/chats"))
        .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY))
        .withRequestBody(equalToJson("{\"message\":\"Create a landing page\",\"system\":\"You are an expert coder\","
            + "\"chatPrivacy\":\"team\",\"modelConfiguration\":{\"modelId\":\"v0-max\",\"imageGenerations\":false}}")));
    assertThat(chat.getId()).isEqualTo("chat_v1_9a");
    assertThat(chat.getObject()).isEqualTo("chat");
    assertThat(chat.getPrivacy()).isSameAs(ChatPrivacy.PRIVATE);
    assertThat(chat.getLatestVersion().getStatus()).isSameAs(VersionStatus.COMPLETED);
    assertThat(chat.getLatestVersion().getFiles().get(0).getName()).isEqualTo("app/page.tsx");
    assertThat(chat.getMessages()).extracting(MessageSummary::getRole)
        .containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
    assertThat(chat.getMessages().get(0).getType()).isSameAs(MessageType.MESSAGE);
    assertThat(chat.getFiles().get(0).getMeta()).containsEntry("path", "app/page.tsx");
    assertThat(chat.getPermissions().getWrite()).isTrue();
  }

  @Test void createChatRefusesAnotherResponseMode() {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.v1().createChat(CreateChatRequest.builder().message("x").responseMode(ResponseMode.ASYNC).build()));

    assertThat(e.field()).isEqualTo("responseMode");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test void sendMessagePostsToTheChat() {
    server.stubFor(post("/v1/chats/chat_v1_9a/messages").willReturn(okJson(TestServers.resource("v1/chat-detail.json"))));

    ChatDetail chat = v0.v1().sendMessage("chat_v1_9a", SendMessageRequest.builder().message("Add a footer")
        .responseMode(ResponseMode.SYNC).build());

    server.verify(postRequestedFor(urlEqualTo("/v1/chats/chat_v1_9a/messages"))
        .withRequestBody(equalToJson("{\"message\":\"Add a footer\",\"responseMode\":\"sync\"}")));
    assertThat(chat.getText()).isEqualTo("Create a landing page");
  }

  @Test void forkSendsVersionAndPrivacy() {
    server.stubFor(post("/v1/chats/chat_v1_9a/fork").willReturn(okJson(TestServers.resource("v1/chat-detail.json"))));

    ChatDetail fork = v0.v1().fork("chat_v1_9a", ForkChatRequest.builder().versionId("ver_1")
        .privacy(ChatPrivacy.PRIVATE).build());

    server.verify(postRequestedFor(urlEqualTo("/v1/chats/chat_v1_9a/fork"))
        .withRequestBody(equalToJson("{\"versionId\":\"ver_1\",\"privacy\":\"private\"}")));
    assertThat(fork.getId()).isEqualTo("chat_v1_9a");
  }

  @Test void forkWithoutRequestSendsAnEmptyObject() {
    server.stubFor(post("/v1/chats/c1/fork").willReturn(okJson(TestServers.resource("v1/chat-detail.json"))));

    v0.v1().fork("c1", null);

    server.verify(postRequestedFor(urlEqualTo("/v1/chats/c1/fork")).withRequestBody(equalToJson("{}")));
  }

  static String summary(String id) {
    return "{\"id\":\"" + id + "\",\"object\":\"message\",\"content\":\"text " + id + "\","
        + "\"createdAt\":\"2026-11-20T08:00:00.000Z\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"apiUrl\":\"https://api.v0.dev/v1/x\",\"authorId\":null}";
  }

  static String page(String ids, boolean hasMore, String next) {
    StringBuilder data = new StringBuilder();
    for (String id : ids.isEmpty() ? new String[0] : ids.split(",")) {
      if (data.length() > 0) data.append(',');
      data.append(summary(id));
    }
    return "{\"object\":\"list\",\"data\":[" + data + "],\"pagination\":{\"hasMore\":" + hasMore
        + (next != null ? ",\"nextCursor\":\"" + next + "\"" : "") + "}}";
  }

  @Test void findMessagesSendsLimitAndCursor() {
    server.stubFor(get(urlPathEqualTo("/v1/chats/c1/messages")).willReturn(okJson(page("m1,m2", true, "cur_b"))));

    MessageSummaryList list = v0.v1().findMessages("c1", 2, "cur_a");

    server.verify(getRequestedFor(urlEqualTo("/v1/chats/c1/messages?limit=2&cursor=cur_a")));
    assertThat(list.getData()).extracting(MessageSummary::getId).containsExactly("m1", "m2");
    assertThat(list.getPagination().getHasMore()).isTrue();
    assertThat(list.getPagination().getNextCursor()).isEqualTo("cur_b");
  }

  @Test void findAllMessagesWalksThePagesLazily() {
    server.stubFor(get(urlEqualTo("/v1/chats/c1/messages?limit=2")).willReturn(okJson(page("m1,m2", true, "p2"))));
    server.stubFor(get(urlEqualTo("/v1/chats/c1/messages?limit=2&cursor=p2")).willReturn(okJson(page("m3,m4", true, "p3"))));
    server.stubFor(get(urlEqualTo("/v1/chats/c1/messages?limit=2&cursor=p3")).willReturn(okJson(page("m5", false, null))));

    java.util.Iterator<MessageSummary> it = v0.v1().findAllMessages("c1", 2).iterator();
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(it.next().getId()).isEqualTo("m1");
    assertThat(server.getAllServeEvents()).hasSize(1);
    List<String> rest = new ArrayList<>();
    it.forEachRemaining(m -> rest.add(m.getId()));

    assertThat(rest).containsExactly("m2", "m3", "m4", "m5");
    assertThat(server.getAllServeEvents()).hasSize(3);
  }

  @Test void getMessageDecodesMessageDetail() {
    server.stubFor(get("/v1/chats/c1/messages/m1").willReturn(okJson("{\"id\":\"m1\",\"object\":\"message\","
        + "\"content\":\"Done.\",\"experimental_content\":[[0,[\"p\",{},\"Done.\"]]],\"createdAt\":\"2026-11-20T08:00:00.000Z\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"finishReason\":\"stop\",\"apiUrl\":\"https://api.v0.dev/v1/x\","
        + "\"authorId\":null,\"chatId\":\"c1\"}")));

    MessageDetail message = v0.v1().getMessage("c1", "m1");

    assertThat(message.getContent()).isEqualTo("Done.");
    assertThat(message.getFinishReason()).isSameAs(FinishReason.STOP);
    assertThat(message.getExperimentalContent()).hasSize(1);
    assertThat(message.getChatId()).isEqualTo("c1");
  }

  @Test void stopAnswersSuccess() {
    server.stubFor(post("/v1/chats/c1/messages/m1/stop").willReturn(okJson("{\"success\":true}")));

    StopMessageResponse stopped = v0.v1().stop("c1", "m1");

    assertThat(stopped.getSuccess()).isTrue();
    server.verify(postRequestedFor(urlEqualTo("/v1/chats/c1/messages/m1/stop")));
  }

  @Test void createChatAsyncPollsThePlaceholderUntilFinished() {
    server.stubFor(post("/v1/chats").willReturn(okJson(TestServers.resource("v1/chat-detail.json"))));
    String pending = "{\"id\":\"msg_a1\",\"object\":\"message\",\"content\":\"Work\",\"createdAt\":\"2026-11-20T08:00:01.000Z\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"apiUrl\":\"x\",\"authorId\":null,\"chatId\":\"chat_v1_9a\"}";
    server.stubFor(get("/v1/chats/chat_v1_9a/messages/msg_a1").inScenario("v1").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(pending)).willSetStateTo("done"));
    server.stubFor(get("/v1/chats/chat_v1_9a/messages/msg_a1").inScenario("v1").whenScenarioStateIs("done")
        .willReturn(okJson(pending.replace("\"Work\"", "\"Work done\"").replace("\"chatId\"", "\"finishReason\":\"stop\",\"chatId\""))));

    PendingGeneration<MessageDetail> generation = v0.v1().createChatAsync(
        CreateChatRequest.builder().message("Create a landing page").build(),
        PollingOptions.builder().initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(2, TimeUnit.MILLISECONDS).build());
    MessageDetail done = generation.await();

    server.verify(postRequestedFor(urlEqualTo("/v1/chats"))
        .withRequestBody(equalToJson("{\"message\":\"Create a landing page\",\"responseMode\":\"async\"}")));
    assertThat(generation.chatId()).isEqualTo("chat_v1_9a");
    assertThat(generation.messageId()).isEqualTo("msg_a1");
    assertThat(done.getContent()).isEqualTo("Work done");
    server.verify(2, getRequestedFor(urlEqualTo("/v1/chats/chat_v1_9a/messages/msg_a1")));
  }

  private void serveV1Stream(String path, String body) {
    server.stubFor(post(path).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body)));
  }

  @Test void createChatStreamFoldsDeltasIntoTheContentRows() {
    serveV1Stream("/v1/chats", "data: {\"type\":\"connected\"}\n\n"
        + "data: {\"object\":\"chat\",\"id\":\"chat_v1_9a\",\"name\":\"Landing\"}\n\n"
        + "data: {\"object\":\"chat.title\",\"id\":\"chat_v1_9a\",\"title\":\"Landing page\"}\n\n"
        + "data: {\"delta\":[[[\"p\",\"Hello\"]]]}\n\n"
        + "data: {\"delta\":[[0,1,\" world\"],9,9]}\n\n"
        + "data: {\"delta\":{\"1\":[[\"p\",\"Second row\"]],\"_t\":\"a\"}}\n\n"
        + "data: {\"type\":\"done\"}\n\n"
        + "data: [DONE]\n\n");

    List<V1StreamEvent.Kind> kinds = new ArrayList<>();
    try (V1Stream stream = v0.v1().createChatStream(CreateChatRequest.builder().message("Landing").build())) {
      for (V1StreamEvent event : stream) kinds.add(event.kind());
      assertThat(stream.content()).isEqualTo(List.of(List.of("p", "Hello world"), List.of("p", "Second row")));
      assertThat(stream.chat()).containsEntry("name", "Landing");
      assertThat(stream.isFinished()).isTrue();
    }

    server.verify(postRequestedFor(urlEqualTo("/v1/chats"))
        .withRequestBody(equalToJson("{\"message\":\"Landing\",\"responseMode\":\"experimental_stream\"}")));
    assertThat(kinds).containsExactly(V1StreamEvent.Kind.CONNECTED, V1StreamEvent.Kind.CHAT,
        V1StreamEvent.Kind.CHAT, V1StreamEvent.Kind.DELTA, V1StreamEvent.Kind.DELTA, V1StreamEvent.Kind.DELTA,
        V1StreamEvent.Kind.DONE);
  }

  @Test void sendMessageStreamEndingEarlyIsAnInterruption() {
    serveV1Stream("/v1/chats/c1/messages", "data: {\"type\":\"connected\"}\n\ndata: {\"delta\":[[[\"p\",\"Hal\"]]]}\n\n");

    V1Stream stream = v0.v1().sendMessageStream("c1", SendMessageRequest.builder().message("x").build());

    assertThat(catchThrowableOfType(V0StreamInterruptedException.class, stream::awaitCompletion)).isNotNull();
    assertThat(stream.content()).isEqualTo(List.of(List.of("p", "Hal")));
  }

  @Test void v1StreamErrorIsAStreamException() {
    serveV1Stream("/v1/chats/c1/messages", "data: {\"type\":\"connected\"}\n\n"
        + "data: {\"error\":{\"message\":\"quota exceeded\",\"type\":\"too_many_requests_error\"}}\n\n");

    V0StreamException e = catchThrowableOfType(V0StreamException.class,
        () -> v0.v1().sendMessageStream("c1", SendMessageRequest.builder().message("x").build()).awaitCompletion());

    assertThat(e.errorMessage()).isEqualTo("quota exceeded");
    assertThat(e.code()).isEqualTo("too_many_requests_error");
  }
}
