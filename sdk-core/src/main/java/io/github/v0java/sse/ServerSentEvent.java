package io.github.v0java.sse;

import okio.ByteString;

/**
 * One event dispatched from a {@code text/event-stream}: its type, its data and the last event ID
 * in force when it was dispatched. Immutable.
 */
public final class ServerSentEvent {
  /** Data longer than this is cut short in {@link #toString()}, which is meant for logs. */
  private static final int TO_STRING_DATA_CHARS = 64;

  private final String type;
  private final ByteString dataBytes;
  private volatile String data;
  private final String lastEventId;

  /**
   * @param type the event type, {@code "message"} for an event with no {@code event} field
   * @param data the event's data lines joined with {@code "\n"}
   * @param lastEventId the last event ID, or {@code ""} if there is none
   */
  public ServerSentEvent(String type, String data, String lastEventId) {
    if (type == null) throw new NullPointerException("type == null");
    if (data == null) throw new NullPointerException("data == null");
    if (lastEventId == null) throw new NullPointerException("lastEventId == null");
    this.type = type;
    this.data = data;
    this.dataBytes = ByteString.encodeUtf8(data);
    this.lastEventId = lastEventId;
  }

  private ServerSentEvent(String type, ByteString dataBytes, String lastEventId, boolean unused) {
    this.type = type;
    this.dataBytes = dataBytes;
    this.lastEventId = lastEventId;
  }

  /** An event whose data is decoded from {@code dataBytes} only when {@link #data()} is asked. */
  static ServerSentEvent ofBytes(String type, ByteString dataBytes, String lastEventId) {
    return new ServerSentEvent(type, dataBytes, lastEventId, false);
  }

  /**
   * The event type: the last {@code event} field's value, or {@code "message"} if none.
   *
   * @return the event type
   */
  public String type() {
    return type;
  }

  /**
   * The data lines of this event, joined with {@code "\n"}; possibly empty, never null.
   *
   * @return the data lines of this event, joined with {@code "\n"}
   */
  public String data() {
    String result = data;
    if (result == null) {
      byte[] bytes = dataBytes.toByteArray();
      data = result = ServerSentEventReader.decodeUtf8(bytes, bytes.length);
    }
    return result;
  }

  /**
   * The data as the UTF-8 bytes received (lines joined with LF), for parsers that read bytes:
   * cheaper than {@link #data()}, which decodes them. Ill-formed sequences are left as they
   * came; {@link #data()} replaces them with U+FFFD.
   *
   * @return the data as the UTF-8 bytes received
   */
  public ByteString dataBytes() {
    return dataBytes;
  }

  /**
   * The last event ID of the stream when this event was dispatched, which may have been set by an
   * earlier event; {@code ""} if none. A client sends it back in {@code Last-Event-ID} to resume.
   *
   * @return the last event ID of the stream when this event was dispatched, which may have been set
   *     by an earlier event
   */
  public String lastEventId() {
    return lastEventId;
  }

  @Override public boolean equals(Object other) {
    if (this == other) return true;
    if (!(other instanceof ServerSentEvent)) return false;
    ServerSentEvent that = (ServerSentEvent) other;
    return type.equals(that.type) && data().equals(that.data()) && lastEventId.equals(that.lastEventId);
  }

  @Override public int hashCode() {
    int result = type.hashCode();
    result = 31 * result + data().hashCode();
    result = 31 * result + lastEventId.hashCode();
    return result;
  }

  /** A short description for logs; long data is truncated. */
  @Override public String toString() {
    StringBuilder result = new StringBuilder()
        .append("ServerSentEvent{type=").append(type)
        .append(", lastEventId=").append(lastEventId)
        .append(", data=");
    String data = data();
    if (data.length() <= TO_STRING_DATA_CHARS) {
      result.append(data);
    } else {
      int end = TO_STRING_DATA_CHARS;
      if (Character.isHighSurrogate(data.charAt(end - 1))) end--; // Don't split a code point.
      result.append(data, 0, end).append("…(").append(data.length()).append(" chars)");
    }
    return result.append('}').toString();
  }
}
