package io.github.v0java.testing;

import static io.github.v0java.testing.Json.obj;

/**
 * Events of the legacy v1 {@code experimental_stream} (the JSON after {@code data: }), for
 * {@link StreamScript}. The content of a v1 message is an array of rows; deltas apply to it.
 */
public final class V1StreamEvents {
  /** The payload of the last line of a v1 stream: {@code data: [DONE]}. */
  public static final String DONE = "[DONE]";

  private V1StreamEvents() {
  }

  /**
   * {@code {"type":"connected"}}.
   *
   * @return the event's JSON, the first a v1 stream sends
   */
  public static String connected() {
    return "{\"type\":\"connected\"}";
  }

  /**
   * A chat object event ({@code object: "chat"}) with chat metadata.
   *
   * @param chatId the chat's id in the JSON
   * @param name the chat's name
   * @return the event's JSON
   */
  public static String chat(String chatId, String name) {
    return Json.write(obj("object", "chat", "id", chatId, "name", name, "privacy", "private",
        "createdAt", Fixtures.timestamp(0), "webUrl", "https://v0.dev/chat/" + chatId,
        "apiUrl", "https://api.v0.dev/v1/chats/" + chatId));
  }

  /**
   * A {@code chat.title} event.
   *
   * @param chatId the chat's id in the JSON
   * @param title the title
   * @return the event's JSON
   */
  public static String chatTitle(String chatId, String title) {
    return Json.write(obj("object", "chat.title", "id", chatId, "title", title));
  }

  /**
   * {@code {"delta": <delta>}} with any delta JSON.
   *
   * @param deltaJson the jsondiffpatch delta of the message's content rows
   * @return the event's JSON
   */
  public static String delta(String deltaJson) {
    return "{\"delta\":" + Json.requireValid(deltaJson) + "}";
  }

  /**
   * A jsondiffpatch delta inserting a content row at {@code index}.
   *
   * @param index the zero-based position of the row
   * @param rowJson the row's JSON array
   * @return the delta's JSON, for {@link #delta}
   */
  public static String insertRow(int index, String rowJson) {
    return delta("{\"" + index + "\":[" + Json.requireValid(rowJson) + "],\"_t\":\"a\"}");
  }

  /**
   * A v0 string-append delta {@code [[i0, i1, ..., "text"], 9, 9]} appending {@code text} at the path.
   *
   * @param text the text to append
   * @param path the indexes leading to the string in the content rows
   * @return the delta's JSON, for {@link #delta}
   */
  public static String appendText(String text, int... path) {
    StringBuilder delta = new StringBuilder("[[");
    for (int index : path) delta.append(index).append(',');
    delta.append(Json.quote(text)).append("],9,9]");
    return delta("" + delta);
  }

  /**
   * {@code {"type":"done"}}.
   *
   * @return the event's JSON, the last a v1 stream sends
   */
  public static String done() {
    return "{\"type\":\"done\"}";
  }

  /**
   * An error event {@code {"error":{"message","type"}}}.
   *
   * @param message the error's human-readable message
   * @param type the v1 error type, such as {@code unauthorized_error}
   * @return the event's JSON
   */
  public static String error(String message, String type) {
    return Fixtures.v1Error(message, type);
  }
}
