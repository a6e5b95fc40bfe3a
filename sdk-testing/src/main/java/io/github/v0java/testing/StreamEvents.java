package io.github.v0java.testing;

import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

import java.util.Map;

/**
 * JSON of v2 stream events ({@code MessageStreamEvent} and {@code ChatStreamEvent}), for
 * {@link StreamScript}. Each method returns the JSON that goes after {@code data: }.
 *
 * <p>Methods without a message id use {@link FakeV0Server#MESSAGE_ID}; methods without a chat id
 * use {@link FakeV0Server#CHAT_ID}.
 */
public final class StreamEvents {
  private StreamEvents() {
  }

  // ---------------------------------------------------------------- snapshots

  /**
   * A {@code message} snapshot: the full assistant {@code Message}.
   *
   * @param chatId the chat the event belongs to
   * @param messageId the message the event belongs to
   * @param partsJson the JSON array of parts, such as {@code [{"type":"text","text":"Hi"}]}
   * @param finishReason null while generating; {@code stop}, {@code error}, ... once final
   * @param content the message's {@code content} text
   * @return the event's JSON
   */
  public static String snapshot(String chatId, String messageId, String partsJson, String finishReason,
      String content) {
    return Json.write(Generation.withObject("message", Fixtures.messageMap(chatId, messageId,
        Json.raw(Json.requireValid(partsJson)), content, finishReason,
        finishReason == null ? Fixtures.zeroUsageMap() : Fixtures.usageMap(1.0), finishReason == null ? 1_118 : 99_512)));
  }

  /**
   * {@link #snapshot(String, String, String, String, String)} for the default chat and message.
   *
   * @param partsJson the JSON array of parts, such as {@code [{"type":"text","text":"Hi"}]}
   * @param finishReason null while generating; {@code stop}, {@code error}, ... once final
   * @param content the message's {@code content} text
   * @return the event's JSON
   */
  public static String snapshot(String partsJson, String finishReason, String content) {
    return snapshot(FakeV0Server.CHAT_ID, FakeV0Server.MESSAGE_ID, partsJson, finishReason, content);
  }

  /**
   * The snapshot a stream opens with: no parts, {@code finishReason: null}, empty content.
   *
   * @param chatId the chat the event belongs to
   * @param messageId the message the event belongs to
   * @return the event's JSON
   */
  public static String openingSnapshot(String chatId, String messageId) {
    return snapshot(chatId, messageId, "[]", null, "");
  }

  /**
   * {@link #openingSnapshot(String, String)} for the default chat and message.
   *
   * @return the event's JSON
   */
  public static String openingSnapshot() {
    return openingSnapshot(FakeV0Server.CHAT_ID, FakeV0Server.MESSAGE_ID);
  }

  /**
   * A final snapshot ({@code finishReason: "stop"}) whose only part is a text part, and whose content is that text.
   *
   * @param chatId the chat the event belongs to
   * @param messageId the message the event belongs to
   * @param text the text, as the user would read it
   * @return the event's JSON
   */
  public static String finalTextSnapshot(String chatId, String messageId, String text) {
    return snapshot(chatId, messageId, "[" + textPart(text) + "]", "stop", text);
  }

  /**
   * {@link #finalTextSnapshot(String, String, String)} for the default chat and message.
   *
   * @param text the text, as the user would read it
   * @return the event's JSON
   */
  public static String finalTextSnapshot(String text) {
    return finalTextSnapshot(FakeV0Server.CHAT_ID, FakeV0Server.MESSAGE_ID, text);
  }

  // ---------------------------------------------------------------- chunks

  /**
   * A {@code message.parts.chunk} with any delta (JSON).
   *
   * @param messageId the message the event belongs to
   * @param deltaJson the jsondiffpatch delta of the message's parts
   * @return the event's JSON
   */
  public static String chunk(String messageId, String deltaJson) {
    return "{\"object\":\"message.parts.chunk\",\"id\":" + Json.quote(messageId) + ",\"delta\":"
        + Json.requireValid(deltaJson) + "}";
  }

  /**
   * {@link #chunk(String, String)} for the default message.
   *
   * @param deltaJson the jsondiffpatch delta of the message's parts
   * @return the event's JSON
   */
  public static String chunk(String deltaJson) {
    return chunk(FakeV0Server.MESSAGE_ID, deltaJson);
  }

  /**
   * A chunk inserting a part at {@code index}: {@code {"N":[part],"_t":"a"}}.
   *
   * @param messageId the message the event belongs to
   * @param index the zero-based position in the message's parts
   * @param partJson the part's JSON, such as {@link #textPart}'s
   * @return the event's JSON
   */
  public static String insertPart(String messageId, int index, String partJson) {
    return chunk(messageId, "{\"" + index + "\":[" + Json.requireValid(partJson) + "],\"_t\":\"a\"}");
  }

  /**
   * {@link #insertPart(String, int, String)} for the default message.
   *
   * @param index the zero-based position in the message's parts
   * @param partJson the part's JSON, such as {@link #textPart}'s
   * @return the event's JSON
   */
  public static String insertPart(int index, String partJson) {
    return insertPart(FakeV0Server.MESSAGE_ID, index, partJson);
  }

  /**
   * A chunk inserting a text part {@code {"type":"text","text":...}} at {@code index}.
   *
   * @param messageId the message the event belongs to
   * @param index the zero-based position in the message's parts
   * @param text the text, as the user would read it
   * @return the event's JSON
   */
  public static String insertTextPart(String messageId, int index, String text) {
    return insertPart(messageId, index, textPart(text));
  }

  /**
   * {@link #insertTextPart(String, int, String)} for the default message.
   *
   * @param index the zero-based position in the message's parts
   * @param text the text, as the user would read it
   * @return the event's JSON
   */
  public static String insertTextPart(int index, String text) {
    return insertTextPart(FakeV0Server.MESSAGE_ID, index, text);
  }

  /**
   * A chunk growing the text of part {@code partIndex}, as jsondiffpatch with old and new text in
   * full: {@code {"N":{"text":[old,new]},"_t":"a"}}.
   *
   * @param messageId the message the event belongs to
   * @param partIndex the zero-based position of the text part
   * @param oldText the part's whole text before
   * @param newText the part's whole text after
   * @return the event's JSON
   */
  public static String textDelta(String messageId, int partIndex, String oldText, String newText) {
    return chunk(messageId, Json.write(obj(String.valueOf(partIndex), obj("text", list(oldText, newText)), "_t", "a")));
  }

  /**
   * {@link #textDelta(String, int, String, String)} for the default message.
   *
   * @param partIndex the zero-based position of the text part
   * @param oldText the part's whole text before
   * @param newText the part's whole text after
   * @return the event's JSON
   */
  public static String textDelta(int partIndex, String oldText, String newText) {
    return textDelta(FakeV0Server.MESSAGE_ID, partIndex, oldText, newText);
  }

  // ---------------------------------------------------------------- parts (JSON of one part)

  /**
   * A {@code text} part.
   *
   * @param text the text, as the user would read it
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String textPart(String text) {
    return Json.write(obj("type", "text", "text", text));
  }

  /**
   * A {@code thinking} part.
   *
   * @param text the text, as the user would read it
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String thinkingPart(String text) {
    return Json.write(obj("type", "thinking", "text", text));
  }

  /**
   * A {@code file-read} part.
   *
   * @param paths the paths read
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String fileReadPart(String... paths) {
    return Json.write(obj("type", "file-read", "paths", list((Object[]) paths)));
  }

  /**
   * A {@code file-edit} part ({@code create}, {@code update}, {@code delete}, {@code rename}, {@code patch}).
   *
   * @param operation the edit: {@code create}, {@code update}, {@code delete}, {@code rename} or
   *     {@code patch}
   * @param path the edited file's path
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String fileEditPart(String operation, String path) {
    return Json.write(obj("type", "file-edit", "operation", operation, "path", path));
  }

  /**
   * A {@code search} part ({@code repo} or {@code web}).
   *
   * @param scope {@code repo} or {@code web}
   * @param query what was searched for
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String searchPart(String scope, String query) {
    return Json.write(obj("type", "search", "scope", scope, "query", query));
  }

  /**
   * A finished {@code bash} part.
   *
   * @param command the shell command run
   * @param output what it printed
   * @param exitCode its exit status
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String bashPart(String command, String output, int exitCode) {
    return Json.write(obj("type", "bash", "command", command, "output", output, "exitCode", exitCode,
        "isDangerous", false, "timeoutMs", 120000));
  }

  /**
   * A {@code tool-call} part with JSON input and output, status {@code ok}.
   *
   * @param name the tool's name
   * @param inputJson the tool's input as JSON
   * @param outputJson the tool's output as JSON
   * @return the part's JSON, for {@link #snapshot} or {@link #insertPart}
   */
  public static String toolCallPart(String name, String inputJson, String outputJson) {
    return Json.write(obj("type", "tool-call", "name", name, "input", Json.raw(Json.requireValid(inputJson)),
        "output", Json.raw(Json.requireValid(outputJson)), "status", "ok"));
  }

  // ---------------------------------------------------------------- other events

  /**
   * A {@code message.usage} event with the given token counts (credits derived from them).
   *
   * @param messageId the message the event belongs to
   * @param inputTokens input tokens used
   * @param outputTokens output tokens used
   * @return the event's JSON
   */
  public static String usage(String messageId, int inputTokens, int outputTokens) {
    Map<String, Object> tokens = obj("input", inputTokens, "output", outputTokens, "cacheRead", 0, "cacheWrite", 0,
        "total", inputTokens + outputTokens);
    double in = round6(inputTokens / 1_000_000.0);
    double out = round6(outputTokens * 10 / 1_000_000.0);
    Map<String, Object> credits = obj("input", in, "output", out, "cacheRead", 0, "cacheWrite", 0,
        "total", round6(in + out));
    return Json.write(obj("object", "message.usage", "id", messageId, "usage", obj("tokens", tokens, "creditsCost", credits)));
  }

  private static double round6(double value) {
    return Math.round(value * 1_000_000) / 1_000_000.0;
  }

  /**
   * {@link #usage(String, int, int)} for the default message.
   *
   * @param inputTokens input tokens used
   * @param outputTokens output tokens used
   * @return the event's JSON
   */
  public static String usage(int inputTokens, int outputTokens) {
    return usage(FakeV0Server.MESSAGE_ID, inputTokens, outputTokens);
  }

  /**
   * An {@code error} event; {@code code} may be null (then absent).
   *
   * @param messageId the message the event belongs to
   * @param message the error's human-readable message
   * @param code the error code, or null to leave it out
   * @return the event's JSON
   */
  public static String error(String messageId, String message, String code) {
    Map<String, Object> event = obj("object", "error", "id", messageId, "message", message);
    if (code != null) event.put("code", code);
    return Json.write(event);
  }

  /**
   * {@link #error(String, String, String)} for the default message.
   *
   * @param message the error's human-readable message
   * @param code the error code, or null to leave it out
   * @return the event's JSON
   */
  public static String error(String message, String code) {
    return error(FakeV0Server.MESSAGE_ID, message, code);
  }

  /**
   * A {@code chat} event: the chat snapshot (a {@code Chat} with {@code object: "chat"}); title may be null.
   *
   * @param chatId the chat the event belongs to
   * @param title the chat's title, or null
   * @return the event's JSON
   */
  public static String chat(String chatId, String title) {
    return Json.write(Generation.withObject("chat", Fixtures.chatMap(chatId, title, "private", null)));
  }

  /**
   * A {@code chat.title} event; {@code titleSoFar} is the whole title at this point.
   *
   * @param chatId the chat the event belongs to
   * @param titleSoFar the title streamed up to now
   * @return the event's JSON
   */
  public static String chatTitle(String chatId, String titleSoFar) {
    return Json.write(obj("object", "chat.title", "id", chatId, "delta", titleSoFar));
  }

  /**
   * Any JSON, as it is (an unknown {@code object} kind, a malformed event, ...). Not validated.
   *
   * @param json the event's JSON, sent unchanged
   * @return {@code json}
   */
  public static String raw(String json) {
    return json;
  }
}
