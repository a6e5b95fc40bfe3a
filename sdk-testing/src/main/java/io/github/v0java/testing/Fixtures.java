package io.github.v0java.testing;

import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realistic JSON bodies of the v0 API, shaped after the upstream OpenAPI schemas (v2 {@code Chat},
 * {@code ChatWithUsage}, {@code Message}, {@code Error}; v1 {@code ChatDetail}, {@code MessageDetail},
 * {@code MessageSummaryList} and the v1 error objects). Use them to build your own WireMock stubs
 * when the scripting API of {@link FakeV0Server} is not enough.
 */
public final class Fixtures {
  /** The instant every fake timestamp counts from. */
  public static final Instant EPOCH = Instant.parse("2026-11-20T09:15:01.000Z");
  /** Author of the fake chats. */
  public static final String AUTHOR_ID = "user_19xq";
  /** Prompt used when a request carries none. */
  public static final String PROMPT = "Create a todo app with filters";
  /** Title of the fake chats. */
  public static final String TITLE = "Todo app with filters";

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Fixtures() {
  }

  /**
   * {@link #EPOCH} plus {@code millis}, as ISO-8601 with milliseconds and {@code Z}.
   *
   * @param millis milliseconds after {@link #EPOCH}
   * @return the timestamp as the API writes it
   */
  public static String timestamp(long millis) {
    return ISO.format(EPOCH.plusMillis(millis));
  }

  // ---------------------------------------------------------------- v2

  /**
   * A v2 {@code Chat}.
   *
   * @param chatId the chat's id in the JSON
   * @param title the chat's title, or null
   * @return the JSON object
   */
  public static String chat(String chatId, String title) {
    return Json.write(chatMap(chatId, title, "private", null));
  }

  /**
   * A v2 {@code ChatWithUsage}: {@code {chat, usage}}.
   *
   * @param chatId the chat's id in the JSON
   * @param title the chat's title, or null
   * @return the JSON object
   */
  public static String chatWithUsage(String chatId, String title) {
    return Json.write(obj("chat", chatMap(chatId, title, "private", null), "usage", usageMap(1.0)));
  }

  /**
   * The completed assistant message of {@link StreamScript#demoGeneration(String, String)}, a v2 {@code Message}.
   *
   * @param chatId the chat's id in the JSON
   * @param messageId the message's id in the JSON
   * @return the JSON object
   */
  public static String demoMessage(String chatId, String messageId) {
    return Json.write(Generation.demo(chatId, messageId).finalMessage());
  }

  /**
   * A v2 user {@code Message} whose only part is the prompt.
   *
   * @param chatId the chat's id in the JSON
   * @param messageId the message's id in the JSON
   * @param text the prompt
   * @return the JSON object
   */
  public static String userMessage(String chatId, String messageId, String text) {
    return Json.write(userMessageMap(chatId, messageId, text, 0));
  }

  /**
   * A v2 {@code Usage}: {@code {tokens, creditsCost}} of a typical generation.
   *
   * @return the JSON object
   */
  public static String usage() {
    return Json.write(usageMap(1.0));
  }

  /**
   * The v2 error body {@code {"message": ...}}.
   *
   * @param message the error's human-readable message
   * @return the JSON object
   */
  public static String error(String message) {
    return Json.write(obj("message", message));
  }

  static Map<String, Object> chatMap(String chatId, String title, String privacy, Map<String, Object> metadata) {
    Map<String, Object> chat = obj("id", chatId);
    if (title != null) chat.put("title", title);
    chat.put("privacy", privacy);
    chat.put("createdAt", timestamp(0));
    chat.put("updatedAt", timestamp(title == null ? 0 : 99_512));
    chat.put("authorId", AUTHOR_ID);
    chat.put("vercelProjectId", "prj_8812");
    chat.put("metadata", metadata == null ? obj() : metadata);
    chat.put("writePermission", true);
    return chat;
  }

  /** Usage scaled by {@code progress} (0..1) of the typical generation: 1520 input tokens, 4310 output. */
  static Map<String, Object> usageMap(double progress) {
    long output = Math.round(4310 * progress);
    long cacheRead = 12000;
    long cacheWrite = 800;
    long input = 1520;
    double inputCost = 0.0015;
    double outputCost = round4(0.00001 * output);
    double total = round4(inputCost + outputCost + 0.0012 + 0.0004);
    return obj(
        "tokens", obj("input", input, "output", output, "cacheRead", cacheRead, "cacheWrite", cacheWrite,
            "total", input + output + cacheRead + cacheWrite),
        "creditsCost", obj("input", inputCost, "output", outputCost, "cacheRead", 0.0012, "cacheWrite", 0.0004,
            "total", total));
  }

  static Map<String, Object> zeroUsageMap() {
    return obj(
        "tokens", obj("input", 0, "output", 0, "cacheRead", 0, "cacheWrite", 0, "total", 0),
        "creditsCost", obj("input", 0, "output", 0, "cacheRead", 0, "cacheWrite", 0, "total", 0));
  }

  private static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  static Map<String, Object> messageMap(String chatId, String messageId, Object parts, String content,
      String finishReason, Map<String, Object> usage, long updatedMillis) {
    return obj(
        "id", messageId,
        "chatId", chatId,
        "role", "assistant",
        "createdAt", timestamp(1_118),
        "updatedAt", timestamp(updatedMillis),
        "content", content,
        "parts", parts,
        "finishReason", finishReason,
        "restorable", finishReason != null,
        "authorId", null,
        "usage", usage);
  }

  static Map<String, Object> userMessageMap(String chatId, String messageId, String text, long createdMillis) {
    return obj(
        "id", messageId,
        "chatId", chatId,
        "role", "user",
        "createdAt", timestamp(createdMillis),
        "updatedAt", timestamp(createdMillis),
        "content", text,
        "parts", list(obj("type", "text", "text", text)),
        "finishReason", null,
        "restorable", false,
        "authorId", AUTHOR_ID,
        "usage", zeroUsageMap());
  }

  // ---------------------------------------------------------------- v1

  /**
   * A v1 {@code ChatDetail} whose messages are the prompt and a completed answer.
   *
   * @param chatId the chat's id in the JSON
   * @param prompt the user's first message
   * @return the JSON object
   */
  public static String v1ChatDetail(String chatId, String prompt) {
    return Json.write(v1ChatDetailMap(chatId, prompt, FakeV0Server.V1_MESSAGE_ID, true));
  }

  /**
   * A completed v1 assistant {@code MessageDetail}.
   *
   * @param chatId the chat's id in the JSON
   * @param messageId the message's id in the JSON
   * @return the JSON object
   */
  public static String v1MessageDetail(String chatId, String messageId) {
    return Json.write(v1MessageMap(chatId, messageId, "assistant", Generation.V1_ROWS_TEXT, Generation.v1Rows(1.0),
        "stop", true));
  }

  /**
   * The v1 error body {@code {"error": {"message", "type"}}}.
   *
   * @param message the error's human-readable message
   * @param type the error type, such as {@link #v1ErrorType}'s
   * @return the JSON object
   */
  public static String v1Error(String message, String type) {
    return Json.write(obj("error", obj("message", message, "type", type)));
  }

  /**
   * The v1 error {@code type} for an HTTP status ({@code unauthorized_error} for 401, ...).
   *
   * @param status the HTTP status, such as 404
   * @return the type; {@code internal_server_error} or {@code unknown_error} for other statuses
   */
  public static String v1ErrorType(int status) {
    switch (status) {
      case 401: return "unauthorized_error";
      case 403: return "forbidden_error";
      case 404: return "not_found_error";
      case 409: return "conflict_error";
      case 413: return "payload_too_large_error";
      case 422: return "unprocessable_entity_error";
      case 429: return "too_many_requests_error";
      case 500: return "internal_server_error";
      default: return status >= 500 ? "internal_server_error" : "unknown_error";
    }
  }

  static Map<String, Object> v1ChatDetailMap(String chatId, String prompt, String assistantId, boolean finished) {
    String webUrl = "https://v0.dev/chat/" + chatId;
    Map<String, Object> version = obj(
        "id", "ver_" + chatId.replace("chat_", ""),
        "object", "version",
        "status", finished ? "completed" : "pending",
        "demoUrl", "https://demo-" + chatId.toLowerCase().replace('_', '-') + ".vusercontent.net",
        "screenshotUrl", "https://api.v0.dev/v1/chats/" + chatId + "/versions/latest/screenshot",
        "createdAt", timestamp(60_000),
        "updatedAt", timestamp(finished ? 130_000 : 60_000),
        "files", finished
            ? list(obj("object", "file", "name", "components/todo-list.tsx", "content", Generation.TODO_LIST_SOURCE,
                "locked", false),
                obj("object", "file", "name", "app/page.tsx", "content", Generation.PAGE_SOURCE, "locked", false))
            : list());
    List<Object> messages = new ArrayList<>();
    messages.add(v1MessageSummary(chatId, FakeV0Server.V1_USER_MESSAGE_ID, "user", prompt, null, null, 0));
    messages.add(finished
        ? v1MessageSummary(chatId, assistantId, "assistant", Generation.V1_ROWS_TEXT, Generation.v1Rows(1.0), "stop", 1_000)
        : v1MessageSummary(chatId, assistantId, "assistant", "", list(), null, 1_000));
    Map<String, Object> chat = obj(
        "id", chatId,
        "object", "chat",
        "shareable", false,
        "privacy", "private",
        "name", TITLE,
        "title", TITLE,
        "createdAt", timestamp(0),
        "updatedAt", timestamp(finished ? 130_000 : 1_000),
        "favorite", false,
        "authorId", AUTHOR_ID,
        "projectId", "proj_77",
        "webUrl", webUrl,
        "apiUrl", "https://api.v0.dev/v1/chats/" + chatId,
        "latestVersion", version,
        "url", webUrl,
        "messages", messages,
        "files", finished
            ? list(obj("lang", "tsx", "meta", obj("path", "components/todo-list.tsx"), "source", Generation.TODO_LIST_SOURCE),
                obj("lang", "tsx", "meta", obj("path", "app/page.tsx"), "source", Generation.PAGE_SOURCE))
            : list(),
        "text", prompt,
        "modelConfiguration", obj("modelId", "v0-pro", "imageGenerations", false, "thinking", false),
        "permissions", obj("write", true),
        "metadata", obj());
    return chat;
  }

  static Map<String, Object> v1MessageSummary(String chatId, String messageId, String role, String content,
      List<Object> rows, String finishReason, long createdMillis) {
    Map<String, Object> message = obj(
        "id", messageId,
        "object", "message",
        "content", content);
    if (rows != null) message.put("experimental_content", rows);
    message.put("createdAt", timestamp(createdMillis));
    message.put("updatedAt", timestamp(createdMillis + (finishReason != null ? 129_000 : 0)));
    message.put("type", "message");
    message.put("role", role);
    if (finishReason != null) message.put("finishReason", finishReason);
    message.put("apiUrl", "https://api.v0.dev/v1/chats/" + chatId + "/messages/" + messageId);
    message.put("authorId", "user".equals(role) ? AUTHOR_ID : null);
    return message;
  }

  static Map<String, Object> v1MessageMap(String chatId, String messageId, String role, String content,
      List<Object> rows, String finishReason, boolean withChatId) {
    Map<String, Object> message = v1MessageSummary(chatId, messageId, role, content, rows, finishReason, 1_000);
    if (withChatId) message.put("chatId", chatId);
    return message;
  }
}
