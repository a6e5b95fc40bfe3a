package io.github.v0java.testing;

import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo generation, built by really growing a parts array so that every delta, every
 * intermediate state (for async polls) and the final snapshot agree with each other.
 */
final class Generation {
  static final String THINKING_1 = "The user wants a todo app";
  static final String THINKING_2 = THINKING_1 + " with filters.";
  static final String THINKING_3 = THINKING_2
      + " I'll read the current page, add a TodoList component and wire it into the page.";
  static final String ANSWER = "I built a **todo app** with filters: add tasks, mark them complete and switch"
      + " between All, Active and Completed. The list lives in `components/todo-list.tsx` and is rendered by"
      + " `app/page.tsx`.";
  static final String V1_ROW_1 = "I built a todo app with filters: add tasks, mark them complete and switch"
      + " between All, Active and Completed.";
  static final String V1_ROW_2 = "Run pnpm dev to try it.";
  static final String V1_ROWS_TEXT = V1_ROW_1 + "\n\n" + V1_ROW_2;
  static final String TODO_LIST_SOURCE = "\"use client\"\n\nimport { useState } from \"react\"\n\n"
      + "export function TodoList() {\n  const [todos, setTodos] = useState<string[]>([])\n  return <ul>{todos.map((t) => <li key={t}>{t}</li>)}</ul>\n}\n";
  static final String PAGE_SOURCE = "import { TodoList } from \"@/components/todo-list\"\n\n"
      + "export default function Page() {\n  return <TodoList />\n}\n";

  final String chatId;
  final String messageId;
  private final List<Map<String, Object>> parts = new ArrayList<>();
  /** The message events (opening snapshot, chunks, usage, final snapshot), as JSON. */
  final List<String> events = new ArrayList<>();
  /** The parts after each chunk, in order. */
  final List<List<Map<String, Object>>> progress = new ArrayList<>();
  private long clock = 1_300;

  private Generation(String chatId, String messageId) {
    this.chatId = chatId;
    this.messageId = messageId;
  }

  static Generation demo(String chatId, String messageId) {
    return demo(chatId, messageId, null);
  }

  /** The demo generation ending with {@code endingPartJson} (a part asking the user) when not null. */
  @SuppressWarnings("unchecked") // The part is a JSON object (checked by the caller).
  static Generation demo(String chatId, String messageId, String endingPartJson) {
    Generation g = new Generation(chatId, messageId);
    g.events.add(Json.write(withObject("message",
        Fixtures.messageMap(chatId, messageId, list(), "", null, Fixtures.zeroUsageMap(), 1_118))));

    int thinking = g.insert(obj("type", "thinking", "text", THINKING_1, "startedAt", g.tick(200)));
    g.setText(thinking, THINKING_2);
    g.setText(thinking, THINKING_3);
    g.set(thinking, obj("finishedAt", g.tick(2_700)));

    String start = g.tick(100);
    g.insert(obj("type", "file-read", "paths", list("app/page.tsx", "package.json"),
        "startedAt", start, "finishedAt", g.tick(300)));
    start = g.tick(100);
    g.insert(obj("type", "search", "scope", "repo", "query", "todo list component",
        "startedAt", start, "finishedAt", g.tick(400)));
    start = g.tick(100);
    g.insert(obj("type", "file-edit", "operation", "create", "path", "components/todo-list.tsx",
        "startedAt", start, "finishedAt", g.tick(1_900)));
    start = g.tick(100);
    g.insert(obj("type", "file-edit", "operation", "update", "path", "app/page.tsx",
        "startedAt", start, "finishedAt", g.tick(800)));
    int bash = g.insert(obj("type", "bash", "command", "pnpm lint", "isDangerous", false, "timeoutMs", 120000,
        "startedAt", g.tick(100)));
    g.set(bash, obj("output", "\u2714 No ESLint warnings or errors", "exitCode", 0, "finishedAt", g.tick(3_200)));
    start = g.tick(100);
    g.insert(obj("type", "tool-call", "name", "linear_create_issue",
        "input", obj("title", "Add dark mode to the todo app", "teamKey", "WEB"),
        "output", obj("id", "LIN-42", "url", "https://linear.app/acme/issue/LIN-42"),
        "status", "ok",
        "suggestedPermissions", list(obj("type", "ALLOW_DYNAMIC_TOOL_STRICT", "toolName", "linear_create_issue",
            "input", obj("title", "Add dark mode to the todo app"), "taskNameActive", "Creating issue",
            "taskNameComplete", "Created issue", "userMessage", "Allow v0 to create Linear issues?")),
        "startedAt", start, "finishedAt", g.tick(900)));

    String[] words = ANSWER.split(" ");
    int text = g.insert(obj("type", "text", "text", words[0], "startedAt", g.tick(100)));
    StringBuilder sofar = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      sofar.append(' ').append(words[i]);
      g.tick(60);
      g.setText(text, sofar.toString());
    }
    g.set(text, obj("finishedAt", g.tick(60)));
    if (endingPartJson != null) {
      Map<String, Object> ending = (Map<String, Object>) Json.parseOrNull(endingPartJson);
      ending.put("startedAt", g.tick(100));
      g.insert(ending);
    }

    g.events.add(Json.write(obj("object", "message.usage", "id", messageId, "usage", Fixtures.usageMap(1.0))));
    g.events.add(Json.write(withObject("message", g.finalMessage())));
    return g;
  }

  /** The completed message. */
  Map<String, Object> finalMessage() {
    return Fixtures.messageMap(chatId, messageId, Json.deepCopy(parts), ANSWER, "stop", Fixtures.usageMap(1.0),
        clock + 200);
  }

  /**
   * The message as a poll {@code poll} of {@code polls} sees it: unfinished with a growing share of
   * the parts until the last poll, which sees the completed message.
   */
  Map<String, Object> messageAtPoll(int poll, int polls) {
    if (poll >= polls) return finalMessage();
    double share = (double) poll / polls;
    int index = Math.max(0, (int) Math.floor(share * progress.size()) - 1);
    return Fixtures.messageMap(chatId, messageId, Json.deepCopy(progress.get(index)), "", null,
        Fixtures.usageMap(share), 1_118 + poll * 1_000L);
  }

  private String tick(long millis) {
    clock += millis;
    return Fixtures.timestamp(clock);
  }

  private int insert(Map<String, Object> part) {
    int index = parts.size();
    parts.add(part);
    chunk(obj(String.valueOf(index), list(part), "_t", "a"));
    return index;
  }

  private void setText(int index, String text) {
    set(index, obj("text", text));
  }

  /** Sets fields of part {@code index}: {@code [old, new]} for a present field, {@code [new]} for a new one. */
  private void set(int index, Map<String, Object> changes) {
    Map<String, Object> part = parts.get(index);
    Map<String, Object> delta = new LinkedHashMap<>();
    for (Map.Entry<String, Object> change : changes.entrySet()) {
      delta.put(change.getKey(), part.containsKey(change.getKey())
          ? list(part.get(change.getKey()), change.getValue())
          : list(change.getValue()));
      part.put(change.getKey(), change.getValue());
    }
    chunk(obj(String.valueOf(index), delta, "_t", "a"));
  }

  private void chunk(Map<String, Object> delta) {
    events.add(Json.write(obj("object", "message.parts.chunk", "id", messageId, "delta", delta)));
    progress.add(Json.deepCopy(parts));
  }

  static Map<String, Object> withObject(String object, Map<String, Object> body) {
    Map<String, Object> result = obj("object", object);
    result.putAll(body);
    return result;
  }

  // ---------------------------------------------------------------- v1

  /** The v1 content rows ({@code [0, ["p", {}, text]]}) with a share (0..1) of the words. */
  static List<Object> v1Rows(double share) {
    String[] first = V1_ROW_1.split(" ");
    String[] second = V1_ROW_2.split(" ");
    int total = first.length + second.length;
    int words = (int) Math.round(share * total);
    List<Object> rows = new ArrayList<>();
    if (words > 0) rows.add(row(String.join(" ", java.util.Arrays.copyOf(first, Math.min(words, first.length)))));
    if (words > first.length) {
      rows.add(row(String.join(" ", java.util.Arrays.copyOf(second, words - first.length))));
    }
    return rows;
  }

  static List<Object> row(String text) {
    return list(0, list("p", obj(), text));
  }

  /** The v1 {@code experimental_stream} events of the demo: connected, chat, title, deltas, done, [DONE]. */
  static List<String> v1StreamEvents(String chatId) {
    List<String> events = new ArrayList<>();
    events.add(V1StreamEvents.connected());
    events.add(V1StreamEvents.chat(chatId, Fixtures.TITLE));
    events.add(V1StreamEvents.chatTitle(chatId, Fixtures.TITLE));
    String[] first = V1_ROW_1.split(" ");
    events.add(V1StreamEvents.insertRow(0, Json.write(row(first[0]))));
    for (int i = 1; i < first.length; i++) events.add(V1StreamEvents.appendText(" " + first[i], 0, 1, 2));
    String[] second = V1_ROW_2.split(" ");
    events.add(V1StreamEvents.insertRow(1, Json.write(row(second[0]))));
    for (int i = 1; i < second.length; i++) events.add(V1StreamEvents.appendText(" " + second[i], 1, 1, 2));
    events.add(V1StreamEvents.done());
    events.add(V1StreamEvents.DONE);
    return events;
  }
}
