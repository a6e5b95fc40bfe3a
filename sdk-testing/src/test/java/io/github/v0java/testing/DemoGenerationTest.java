package io.github.v0java.testing;

import static io.github.v0java.testing.Http.array;
import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGenerationTest extends FakeServerTest {

  @Test void theDefaultMessageStreamIsARealisticGenerationForTheChatOfThePath() {
    Http.Sse sse = http.stream("/v2/chats/chat_xyz/messages/stream", PROMPT);

    assertThat(sse.failure).isNull();
    List<Map<String, Object>> events = sse.json();
    Map<String, Object> opening = events.get(0);
    assertThat(opening).containsEntry("object", "message").containsEntry("chatId", "chat_xyz")
        .containsEntry("id", FakeV0Server.MESSAGE_ID).containsEntry("role", "assistant")
        .containsEntry("finishReason", null).containsEntry("content", "");
    assertThat(array(opening.get("parts"))).isEmpty();
    Map<String, Object> last = events.get(events.size() - 1);
    assertThat(last).containsEntry("object", "message").containsEntry("finishReason", "stop")
        .containsEntry("chatId", "chat_xyz");
    assertThat(events.get(events.size() - 2)).containsEntry("object", "message.usage");
    assertThat(events.subList(1, events.size() - 2)).allSatisfy(e ->
        assertThat(e).containsEntry("object", "message.parts.chunk").containsEntry("id", FakeV0Server.MESSAGE_ID));
    for (String data : sse.data()) Schemas.assertValid("v2/MessageStreamEvent", data);
  }

  @Test void theDeltasBuildExactlyTheFinalSnapshot() {
    List<Map<String, Object>> events = http.stream(CHAT + "/messages/stream", PROMPT).json();

    List<Object> parts = MiniPatch.emptyList();
    int textGrowth = 0;
    for (Map<String, Object> event : events) {
      if (!"message.parts.chunk".equals(event.get("object"))) continue;
      List<Object> before = parts;
      parts = MiniPatch.apply(parts, event.get("delta"));
      if (before.size() == parts.size() && "text".equals(map(parts.get(parts.size() - 1)).get("type"))) {
        String old = (String) map(before.get(before.size() - 1)).get("text");
        String now = (String) map(parts.get(parts.size() - 1)).get("text");
        if (!old.equals(now)) {
          assertThat(now).as("text grows one word at a time").startsWith(old + " ").doesNotContain(old + "  ");
          assertThat(now.substring(old.length() + 1)).doesNotContain(" ");
          textGrowth++;
        }
      }
    }
    Map<String, Object> last = events.get(events.size() - 1);
    assertThat(parts).isEqualTo(last.get("parts"));
    assertThat(textGrowth).isGreaterThan(20);
    assertThat(last.get("content")).isEqualTo(map(parts.get(parts.size() - 1)).get("text"));
  }

  @Test void theFinalMessageHasEveryKindOfPart() {
    List<Map<String, Object>> events = http.stream(CHAT + "/messages/stream", PROMPT).json();
    List<Object> parts = array(events.get(events.size() - 1).get("parts"));

    List<String> kinds = parts.stream().map(p -> (String) map(p).get("type")).collect(Collectors.toList());
    assertThat(kinds).containsExactly("thinking", "file-read", "search", "file-edit", "file-edit", "bash",
        "tool-call", "text");
    assertThat(map(parts.get(3))).containsEntry("operation", "create");
    assertThat(map(parts.get(4))).containsEntry("operation", "update");
    assertThat(map(parts.get(5))).containsEntry("command", "pnpm lint").containsEntry("exitCode", 0.0)
        .containsKey("output");
    assertThat(map(parts.get(6))).containsEntry("status", "ok").containsKeys("input", "output");
    assertThat(parts).allSatisfy(p -> assertThat(map(p)).containsKeys("startedAt", "finishedAt"));
    assertThat(map(events.get(events.size() - 2).get("usage"))).containsKeys("tokens", "creditsCost");
  }

  @Test void theSyncAnswerIsTheSameFinalMessage() {
    List<Map<String, Object>> events = http.stream(CHAT + "/messages/stream", PROMPT).json();
    Map<String, Object> streamed = new java.util.LinkedHashMap<>(events.get(events.size() - 1));
    streamed.remove("object");

    Http.Reply sync = http.post(CHAT + "/messages", PROMPT);

    assertThat(sync.json()).isEqualTo(streamed);
    assertThat(Fixtures.demoMessage(FakeV0Server.CHAT_ID, FakeV0Server.MESSAGE_ID)).isEqualTo(sync.body);
  }

  @Test void theCreateChatStreamOpensWithTheChatAndItsTitle() {
    Http.Sse sse = http.stream("/v2/chats/stream", PROMPT);

    List<Map<String, Object>> events = sse.json();
    assertThat(events.get(0)).containsEntry("object", "chat").containsEntry("id", FakeV0Server.CHAT_ID)
        .doesNotContainKey("title");
    List<String> titles = new ArrayList<>();
    int i = 1;
    for (; "chat.title".equals(events.get(i).get("object")); i++) titles.add((String) events.get(i).get("delta"));
    assertThat(titles).containsExactly("Todo", "Todo app", "Todo app with", "Todo app with filters");
    assertThat(events.get(i)).containsEntry("object", "message").containsEntry("chatId", FakeV0Server.CHAT_ID);
    assertThat(events.get(events.size() - 2)).containsEntry("object", "message").containsEntry("finishReason", "stop");
    assertThat(events.get(events.size() - 1)).containsEntry("object", "chat")
        .containsEntry("title", Fixtures.TITLE);
    // Upstream's ChatStreamEvent lists chat, chat.title, chunk, usage and error; the message snapshots are
    // MessageStreamEvent's.
    for (String data : sse.data()) {
      assertThat(Schemas.problems("v2/ChatStreamEvent", data).isEmpty()
          || Schemas.problems("v2/MessageStreamEvent", data).isEmpty()).as(data).isTrue();
    }
  }

  @Test void resumeStreamsTheChatOfThePath() {
    List<Map<String, Object>> events = http.stream("/v2/chats/chat_r/resume", "{}").json();

    assertThat(events.get(0)).containsEntry("object", "chat").containsEntry("id", "chat_r");
    assertThat(events.get(events.size() - 2)).containsEntry("object", "message").containsEntry("chatId", "chat_r")
        .containsEntry("finishReason", "stop");
  }

  @Test void theV1StreamBuildsTheContentOfTheSyncAnswer() {
    Http.Sse sse = http.stream(V1_CHAT + "/messages", "{\"message\":\"x\",\"responseMode\":\"experimental_stream\"}");

    List<String> data = sse.data();
    assertThat(data.get(0)).isEqualTo("{\"type\":\"connected\"}");
    assertThat(Http.object(data.get(1))).containsEntry("object", "chat").containsEntry("id", FakeV0Server.CHAT_ID);
    assertThat(Http.object(data.get(2))).containsEntry("object", "chat.title");
    assertThat(data.get(data.size() - 2)).isEqualTo("{\"type\":\"done\"}");
    assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    List<Object> content = MiniPatch.emptyList();
    for (String event : data.subList(3, data.size() - 2)) {
      content = MiniPatch.apply(content, Http.object(event).get("delta"));
    }

    Map<String, Object> chat = http.post(V1_CHAT + "/messages", "{\"message\":\"x\"}").json();
    Map<String, Object> answer = map(array(chat.get("messages")).get(1));
    assertThat(content).isEqualTo(answer.get("experimental_content"));
    assertThat(content).hasSize(2);
  }
}
