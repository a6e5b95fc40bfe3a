package io.github.v0java.testing;

import static io.github.v0java.testing.Http.array;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsyncPollingTest extends FakeServerTest {

  /** Polls until finished; returns every message seen. */
  private List<Map<String, Object>> pollV2(String chatId, String messageId) {
    List<Map<String, Object>> seen = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Http.Reply reply = http.get("/v2/chats/" + chatId + "/messages/" + messageId);
      assertThat(reply.status).isEqualTo(200);
      Schemas.assertValid("v2/Message", reply.body);
      seen.add(reply.json());
      if (reply.json().get("finishReason") != null) return seen;
    }
    throw new AssertionError("never finished");
  }

  @ParameterizedTest @ValueSource(ints = {1, 2, 3, 5, 10})
  void anAsyncSendFinishesAfterExactlyNPolls(int polls) {
    fake.asyncFinishesAfterPolls(polls);
    String messageId = (String) http.post("/v2/chats/chat_p/messages/async", PROMPT).json().get("messageId");

    List<Map<String, Object>> seen = pollV2("chat_p", messageId);

    assertThat(seen).hasSize(polls);
    assertThat(fake.requests(Operation.GET_MESSAGE)).hasSize(polls);
    Map<String, Object> last = seen.get(polls - 1);
    assertThat(last).containsEntry("finishReason", "stop").containsEntry("chatId", "chat_p")
        .containsEntry("id", FakeV0Server.ASYNC_MESSAGE_ID);
    int previousCount = 0;
    int previousSize = 0;
    for (Map<String, Object> message : seen) {
      if (message != last) assertThat(message).containsEntry("finishReason", null);
      List<Object> parts = array(message.get("parts"));
      int size = Json.write(parts).length();
      assertThat(parts.size()).as("parts never shrink").isGreaterThanOrEqualTo(previousCount).isPositive();
      assertThat(size).as("parts grow from poll to poll").isGreaterThan(previousSize);
      previousCount = parts.size();
      previousSize = size;
    }
  }

  @Test void theDefaultIsThreePollsAndLaterPollsStayFinished() {
    String messageId = (String) http.post("/v2/chats/async", PROMPT).json().get("messageId");

    assertThat(pollV2(FakeV0Server.CHAT_ID, messageId)).hasSize(FakeV0Server.DEFAULT_ASYNC_POLLS);
    assertThat(http.get(CHAT + "/messages/" + messageId).json()).containsEntry("finishReason", "stop");
  }

  @Test void eachAsyncSendStartsTheCountAgain() {
    fake.asyncFinishesAfterPolls(2);
    http.post(CHAT + "/messages/async", PROMPT);
    assertThat(pollV2(FakeV0Server.CHAT_ID, FakeV0Server.ASYNC_MESSAGE_ID)).hasSize(2);

    http.post(CHAT + "/messages/async", PROMPT);
    assertThat(pollV2(FakeV0Server.CHAT_ID, FakeV0Server.ASYNC_MESSAGE_ID)).hasSize(2);
  }

  @Test void changingTheCountStartsAgain() {
    http.post(CHAT + "/messages/async", PROMPT);
    http.get(CHAT + "/messages/" + FakeV0Server.ASYNC_MESSAGE_ID);

    fake.asyncFinishesAfterPolls(4);

    assertThat(pollV2(FakeV0Server.CHAT_ID, FakeV0Server.ASYNC_MESSAGE_ID)).hasSize(4);
  }

  @Test void otherMessagesAreFinishedAtOnce() {
    http.post(CHAT + "/messages/async", PROMPT);

    assertThat(pollV2(FakeV0Server.CHAT_ID, "msg_other")).hasSize(1);
  }

  @ParameterizedTest @ValueSource(ints = {1, 4})
  void aV1AsyncPlaceholderFinishesAfterExactlyNPolls(int polls) {
    fake.asyncFinishesAfterPolls(polls);
    Map<String, Object> chat = http.post("/v1/chats", "{\"message\":\"x\",\"responseMode\":\"async\"}").json();
    List<Object> messages = array(chat.get("messages"));
    String placeholder = (String) Http.map(messages.get(messages.size() - 1)).get("id");

    List<Map<String, Object>> seen = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Http.Reply reply = http.get("/v1/chats/" + chat.get("id") + "/messages/" + placeholder);
      Schemas.assertValid("v1/MessageDetail", reply.body);
      seen.add(reply.json());
      if (reply.json().containsKey("finishReason")) break;
    }

    assertThat(seen).hasSize(polls);
    assertThat(seen.get(polls - 1)).containsEntry("finishReason", "stop")
        .containsEntry("content", Generation.V1_ROWS_TEXT);
    for (int i = 1; i < polls; i++) {
      assertThat(((String) seen.get(i).get("content")).length())
          .isGreaterThan(((String) seen.get(i - 1).get("content")).length());
    }
  }

  @Test void aV1SyncCallDoesNotRestartTheCount() {
    fake.asyncFinishesAfterPolls(2);
    http.post("/v1/chats", "{\"message\":\"x\",\"responseMode\":\"async\"}");
    http.get(V1_CHAT + "/messages/" + FakeV0Server.V1_ASYNC_MESSAGE_ID);
    http.post("/v1/chats", "{\"message\":\"x\",\"responseMode\":\"sync\"}");

    assertThat(http.get(V1_CHAT + "/messages/" + FakeV0Server.V1_ASYNC_MESSAGE_ID).json())
        .containsEntry("finishReason", "stop");
  }
}
