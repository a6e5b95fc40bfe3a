package io.github.v0java.testing;

import static io.github.v0java.testing.Http.array;
import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation answers out of the box with the shape upstream documents. */
class DefaultOperationsTest extends FakeServerTest {

  @Test void theSchemaCheckItselfCatchesWrongBodies() {
    assertThat(Schemas.problems("v2/Message", "{\"id\":\"m\"}")).isNotEmpty();
    assertThat(Schemas.problems("v2/Chat", Fixtures.chat("c", "t").replace("\"private\"", "\"secret\""))).isNotEmpty();
    assertThat(Schemas.problems("v1/ChatDetail", "{\"id\":\"c\",\"object\":\"chat\",\"extra\":1}")).isNotEmpty();
  }

  // ---------------------------------------------------------------- v2

  @Test void createChatAnswersChatWithUsage() {
    Http.Reply reply = http.post("/v2/chats", PROMPT);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.headers.get("Content-Type")).startsWith("application/json");
    Schemas.assertValid("v2/ChatWithUsage", reply.body);
    Map<String, Object> chat = map(reply.json().get("chat"));
    assertThat(chat).containsEntry("id", FakeV0Server.CHAT_ID).containsEntry("title", Fixtures.TITLE)
        .containsEntry("privacy", "private");
    assertThat(map(map(reply.json().get("usage")).get("tokens"))).containsEntry("total", 18630.0);
  }

  @Test void createChatEchoesTitlePrivacyAndMetadata() {
    Http.Reply reply = http.post("/v2/chats",
        "{\"message\":\"x\",\"title\":\"Shop\",\"privacy\":\"team\",\"metadata\":{\"ticket\":\"T-1\"}}");

    Schemas.assertValid("v2/ChatWithUsage", reply.body);
    assertThat(map(reply.json().get("chat"))).containsEntry("title", "Shop").containsEntry("privacy", "team")
        .containsEntry("metadata", Map.of("ticket", "T-1"));
  }

  @Test void createChatAsyncAnswers202WithIds() {
    Http.Reply reply = http.post("/v2/chats/async", PROMPT);

    assertThat(reply.status).isEqualTo(202);
    Schemas.assertValid("v2/AsyncChat", reply.body);
    assertThat(reply.json()).containsEntry("chatId", FakeV0Server.CHAT_ID)
        .containsEntry("messageId", FakeV0Server.ASYNC_MESSAGE_ID);
  }

  @Test void getChatEchoesTheId() {
    Http.Reply reply = http.get("/v2/chats/chat_abc");

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/Chat", reply.body);
    assertThat(reply.json()).containsEntry("id", "chat_abc");
  }

  @Test void sendMessageAnswersTheFinishedMessage() {
    Http.Reply reply = http.post("/v2/chats/chat_abc/messages", PROMPT);

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/Message", reply.body);
    assertThat(reply.json()).containsEntry("chatId", "chat_abc").containsEntry("id", FakeV0Server.MESSAGE_ID)
        .containsEntry("finishReason", "stop");
  }

  @Test void sendMessageAsyncAnswers202() {
    Http.Reply reply = http.post("/v2/chats/chat_abc/messages/async", PROMPT);

    assertThat(reply.status).isEqualTo(202);
    Schemas.assertValid("v2/AsyncMessage", reply.body);
    assertThat(reply.json()).containsEntry("messageId", FakeV0Server.ASYNC_MESSAGE_ID);
  }

  @Test void listMessagesAnswersAPage() {
    Http.Reply reply = http.get("/v2/chats/chat_abc/messages");

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/MessageListResponse", reply.body);
    List<Object> messages = array(reply.json().get("messages"));
    assertThat(messages).hasSize(FakeV0Server.DEFAULT_HISTORY_SIZE);
    assertThat(reply.json()).containsEntry("cursor", null);
    assertThat(map(messages.get(0))).containsEntry("role", "assistant").containsEntry("chatId", "chat_abc");
    assertThat(map(messages.get(messages.size() - 1))).containsEntry("role", "user")
        .containsEntry("content", Fixtures.PROMPT);
  }

  @Test void getMessageEchoesTheIds() {
    Http.Reply reply = http.get("/v2/chats/chat_abc/messages/msg_42");

    Schemas.assertValid("v2/Message", reply.body);
    assertThat(reply.json()).containsEntry("chatId", "chat_abc").containsEntry("id", "msg_42");
  }

  @Test void stopAnswersTheMessageId() {
    Http.Reply reply = http.post("/v2/chats/chat_abc/messages/msg_42/stop", "{}");

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/StopMessageResponse", reply.body);
    assertThat(reply.json()).containsEntry("messageId", "msg_42");
  }

  private static final String TASK = "{\"task\":{\"type\":\"plan-exit-response\",\"status\":\"approved\","
      + "\"content\":\"Go ahead\"}}";

  @Test void resolveAnswersTheResumedGeneration() {
    Http.Reply reply = http.post("/v2/chats/chat_abc/messages/resolve", TASK);

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/Message", reply.body);
    assertThat(reply.json()).containsEntry("chatId", "chat_abc").containsEntry("id", FakeV0Server.RESOLVED_MESSAGE_ID)
        .containsEntry("finishReason", "stop");
  }

  @Test void resolveStreamAnswersServerSentEvents() {
    Http.Sse sse = http.stream("/v2/chats/chat_abc/messages/resolve/stream", TASK);

    assertThat(sse.failure).isNull();
    for (String data : sse.data()) Schemas.assertValid("v2/MessageStreamEvent", data);
    assertThat(Http.object(sse.data().get(sse.data().size() - 1))).containsEntry("finishReason", "stop")
        .containsEntry("id", FakeV0Server.RESOLVED_MESSAGE_ID);
  }

  @Test void resolveAsyncAnswers202AndTheMessagePollsFinished() {
    Http.Reply reply = http.post("/v2/chats/chat_abc/messages/resolve/async", TASK);
    Http.Reply polled = http.get("/v2/chats/chat_abc/messages/" + FakeV0Server.RESOLVED_MESSAGE_ID);

    assertThat(reply.status).isEqualTo(202);
    Schemas.assertValid("v2/AsyncMessage", reply.body);
    assertThat(reply.json()).containsEntry("messageId", FakeV0Server.RESOLVED_MESSAGE_ID);
    Schemas.assertValid("v2/Message", polled.body);
    assertThat(polled.json()).containsEntry("finishReason", "stop");
  }

  @Test void resolveWithoutAKnownTaskIs422() {
    for (String path : new String[] {CHAT + "/messages/resolve", CHAT + "/messages/resolve/stream",
        CHAT + "/messages/resolve/async"}) {
      for (String body : new String[] {"{}", "{\"task\":{\"type\":\"guess\"}}", "{\"task\":\"approved\"}"}) {
        Http.Reply reply = http.post(path, body);
        assertThat(reply.status).as(path + " " + body).isEqualTo(422);
        Schemas.assertValid("v2/Error", reply.body);
      }
    }
  }

  @Test void connectStatusIsReadyByDefaultAndPendingWhenScripted() {
    String path = CHAT + "/connect/status?requestId=" + AgentActions.CONNECT_REQUEST_ID;
    Http.Reply ready = http.get(path);
    Schemas.assertValid("v2/ConnectStatus", ready.body);
    assertThat(ready.json()).containsEntry("status", "ready");
    assertThat(map(ready.json().get("connector"))).containsEntry("id", "conn_5Tz1");

    fake.connectReadyAfterPolls(3);
    List<Object> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Http.Reply reply = http.get(path);
      Schemas.assertValid("v2/ConnectStatus", reply.body);
      statuses.add(reply.json().get("status"));
    }
    assertThat(statuses).containsExactly("pending", "pending", "ready", "ready");
    assertThat(http.get(CHAT + "/connect/status").status).isEqualTo(422);
  }

  @Test void generationsCanEndWithEachKindOfRequest() {
    for (String part : new String[] {AgentActions.questions(), AgentActions.plan(), AgentActions.integrations(),
        AgentActions.vercelConnect(), AgentActions.permission()}) {
      fake.generationsEndWith(part);
      Http.Reply reply = http.post(CHAT + "/messages", PROMPT);
      Http.Sse sse = http.stream(CHAT + "/messages/stream", PROMPT);

      Schemas.assertValid("v2/Message", reply.body);
      List<Object> parts = array(reply.json().get("parts"));
      Map<String, Object> last = map(parts.get(parts.size() - 1));
      Map<String, Object> expected = Http.object(part);
      assertThat(last).containsAllEntriesOf(expected);
      for (String data : sse.data()) Schemas.assertValid("v2/MessageStreamEvent", data);
      List<Object> streamed = array(Http.object(sse.data().get(sse.data().size() - 1)).get("parts"));
      assertThat(streamed).isEqualTo(parts);
    }
  }

  @Test void requestsWithoutAMessageAre422() {
    for (String path : new String[] {"/v2/chats", "/v2/chats/async", CHAT + "/messages", CHAT + "/messages/async"}) {
      Http.Reply reply = http.post(path, "{\"system\":\"x\"}");
      assertThat(reply.status).as(path).isEqualTo(422);
      Schemas.assertValid("v2/Error", reply.body);
    }
    assertThat(http.post("/v2/chats", "not json").status).isEqualTo(422);
  }

  @Test void unservedPathsAre404() {
    Http.Reply v2 = http.execute(http.request("DELETE", "/v2/chats/chat_abc/messages", null).build());
    Http.Reply v1 = http.get("/v1/projects");

    assertThat(v2.status).isEqualTo(404);
    Schemas.assertValid("v2/Error", v2.body);
    assertThat(v1.status).isEqualTo(404);
    Schemas.assertValid("v1/NotFoundError", v1.body);
  }

  // ---------------------------------------------------------------- v1

  @Test void v1CreateChatSyncAnswersAFinishedChatDetail() {
    Http.Reply reply = http.post("/v1/chats", "{\"message\":\"Build a landing page\",\"responseMode\":\"sync\"}");

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v1/ChatDetail", reply.body);
    Map<String, Object> chat = reply.json();
    assertThat(chat).containsEntry("id", FakeV0Server.CHAT_ID).containsEntry("text", "Build a landing page");
    assertThat(map(chat.get("latestVersion"))).containsEntry("status", "completed");
    List<Object> messages = array(chat.get("messages"));
    assertThat(map(messages.get(0))).containsEntry("role", "user").containsEntry("content", "Build a landing page");
    assertThat(map(messages.get(1))).containsEntry("role", "assistant").containsEntry("finishReason", "stop")
        .containsEntry("id", FakeV0Server.V1_MESSAGE_ID);
  }

  @Test void v1SendMessageWithoutModeIsSync() {
    Http.Reply reply = http.post("/v1/chats/chat_abc/messages", "{\"message\":\"Add a footer\"}");

    Schemas.assertValid("v1/ChatDetail", reply.body);
    assertThat(reply.json()).containsEntry("id", "chat_abc");
  }

  @Test void v1AsyncAnswersAPlaceholder() {
    Http.Reply reply = http.post("/v1/chats/chat_abc/messages", "{\"message\":\"Add a footer\",\"responseMode\":\"async\"}");

    Schemas.assertValid("v1/ChatDetail", reply.body);
    List<Object> messages = array(reply.json().get("messages"));
    Map<String, Object> placeholder = map(messages.get(messages.size() - 1));
    assertThat(placeholder).containsEntry("id", FakeV0Server.V1_ASYNC_MESSAGE_ID).containsEntry("role", "assistant")
        .containsEntry("content", "").doesNotContainKey("finishReason");
    assertThat(map(reply.json().get("latestVersion"))).containsEntry("status", "pending");
  }

  @Test void v1StreamModeAnswersServerSentEvents() {
    Http.Sse sse = http.stream("/v1/chats", "{\"message\":\"x\",\"responseMode\":\"experimental_stream\"}");

    assertThat(sse.failure).isNull();
    assertThat(sse.data().get(0)).isEqualTo("{\"type\":\"connected\"}");
    assertThat(sse.data().get(sse.events.size() - 1)).isEqualTo("[DONE]");
  }

  @Test void v1UnknownResponseModeIs422() {
    Http.Reply reply = http.post("/v1/chats", "{\"message\":\"x\",\"responseMode\":\"later\"}");

    assertThat(reply.status).isEqualTo(422);
    Schemas.assertValid("v1/UnprocessableEntityError", reply.body);
  }

  @Test void v1ForkAnswersANewChat() {
    Http.Reply reply = http.post(V1_CHAT + "/fork", "{\"versionId\":\"ver_1\",\"privacy\":\"team\"}");

    Schemas.assertValid("v1/ChatDetail", reply.body);
    assertThat(reply.json()).containsEntry("id", FakeV0Server.FORKED_CHAT_ID).containsEntry("privacy", "team");
  }

  @Test void v1FindMessagesAnswersAList() {
    Http.Reply reply = http.get(V1_CHAT + "/messages");

    Schemas.assertValid("v1/MessageSummaryList", reply.body);
    assertThat(reply.json()).containsEntry("object", "list");
    assertThat(array(reply.json().get("data"))).hasSize(FakeV0Server.DEFAULT_HISTORY_SIZE);
    assertThat(map(reply.json().get("pagination"))).containsEntry("hasMore", false).doesNotContainKey("nextCursor");
  }

  @Test void v1GetMessageAnswersMessageDetail() {
    Http.Reply reply = http.get(V1_CHAT + "/messages/msg_9");

    Schemas.assertValid("v1/MessageDetail", reply.body);
    assertThat(reply.json()).containsEntry("id", "msg_9").containsEntry("chatId", FakeV0Server.CHAT_ID)
        .containsEntry("finishReason", "stop");
  }

  @Test void v1StopAnswersSuccess() {
    Http.Reply reply = http.post(V1_CHAT + "/messages/msg_9/stop", "{}");

    Schemas.assertValid("v1/StopMessageResponse", reply.body);
    assertThat(reply.body).isEqualTo("{\"success\":true}");
  }
}
