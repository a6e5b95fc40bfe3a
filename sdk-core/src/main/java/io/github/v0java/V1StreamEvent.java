package io.github.v0java;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of a legacy v1 {@code experimental_stream}: {@code {"type":"connected"}}, a chat
 * object ({@code object} is {@code chat} or starts with {@code chat.}), a content delta
 * ({@code {"delta": ...}}), {@code {"type":"done"}}, or anything else, kept as raw JSON.
 */
public final class V1StreamEvent {
  /** What an event is. */
  public enum Kind {
    /** The stream is open. */
    CONNECTED,
    /** Chat metadata: the chat, or a {@code chat.*} update such as its title. */
    CHAT,
    /** A delta to apply to the message content (its rows). */
    DELTA,
    /** The generation finished. */
    DONE,
    /** An event this SDK does not know; {@link #json()} has it whole. */
    UNKNOWN
  }

  private final Kind kind;
  private final Map<String, Object> json;

  V1StreamEvent(Kind kind, Map<String, Object> json) {
    this.kind = kind;
    this.json = json;
  }

  static V1StreamEvent of(Map<String, Object> json) {
    Object type = json.get("type");
    Object object = json.get("object");
    Kind kind;
    if ("connected".equals(type)) {
      kind = Kind.CONNECTED;
    } else if ("done".equals(type)) {
      kind = Kind.DONE;
    } else if (json.containsKey("delta") && object == null) {
      kind = Kind.DELTA;
    } else if (object instanceof String
        && (object.equals("chat") || ((String) object).startsWith("chat."))) {
      kind = Kind.CHAT;
    } else {
      kind = Kind.UNKNOWN;
    }
    return new V1StreamEvent(kind, json);
  }

  /**
   * What kind of event this is; {@link Kind#UNKNOWN} for a kind added later.
   *
   * @return what kind of event this is
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The event as received: unmodifiable maps, lists, strings, doubles, booleans and nulls.
   *
   * @return the event as received
   */
  public Map<String, Object> json() {
    return json;
  }

  /**
   * The delta of a {@link Kind#DELTA} event, else null.
   *
   * @return the delta of a {@link Kind#DELTA} event, else null
   */
  public @Nullable Object delta() {
    return kind == Kind.DELTA ? json.get("delta") : null;
  }

  @Override public String toString() {
    return "V1StreamEvent{" + kind + ", " + json + "}";
  }
}
