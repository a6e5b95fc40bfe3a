package io.github.v0java;

import io.github.v0java.model.Chat;
import io.github.v0java.model.FinishReason;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessageUsage;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The message as a stream or a poll has built it so far: an immutable snapshot, safe to keep and
 * to hand to another thread (an Android UI, say) while the stream goes on.
 *
 * <p>{@link #parts()} is the ordered narrative (text, thinking, file edits, commands, tool calls,
 * agent actions); {@link #isComplete()} turns true once the API sets a finish reason.
 */
public final class MessageState {
  static final MessageState EMPTY = new MessageState(null, null, Collections.<MessagePart>emptyList(),
      null, null, null, null, null);

  private final Message message;
  private final String messageId;
  private final List<MessagePart> parts;
  private final MessageUsage usage;
  private final FinishReason finishReason;
  private final String content;
  private final Chat chat;
  private final String title;

  MessageState(Message message, String messageId, List<MessagePart> parts, MessageUsage usage,
      FinishReason finishReason, String content, Chat chat, String title) {
    this.message = message;
    this.messageId = messageId;
    this.parts = parts;
    this.usage = usage;
    this.finishReason = finishReason;
    this.content = content;
    this.chat = chat;
    this.title = title;
  }

  /**
   * The latest full snapshot of the message the API sent, or null before the first one.
   *
   * @return the latest full snapshot of the message the API sent, or null before the first one
   */
  public @Nullable Message snapshot() {
    return message;
  }

  /**
   * The id of the message being generated, or null before any event named it.
   *
   * @return the id of the message being generated, or null before any event named it
   */
  public @Nullable String messageId() {
    return messageId;
  }

  /**
   * The parts so far, in order; unmodifiable.
   *
   * @return the parts so far, in order
   */
  public List<MessagePart> parts() {
    return parts;
  }

  /**
   * Token usage and credits so far, or null before the API reported any.
   *
   * @return token usage and credits so far, or null before the API reported any
   */
  public @Nullable MessageUsage usage() {
    return usage;
  }

  /**
   * Why generation ended, or null while the agent is still generating.
   *
   * @return why generation ended, or null while the agent is still generating
   */
  public @Nullable FinishReason finishReason() {
    return finishReason;
  }

  /**
   * The message's closing prose from the latest snapshot ("" when none), or null before one.
   *
   * @return the prose, or null before the first snapshot
   */
  public @Nullable String content() {
    return content;
  }

  /**
   * The chat, for streams that create or resume one; null otherwise or before it arrived.
   *
   * @return the chat, or null
   */
  public @Nullable Chat chat() {
    return chat;
  }

  /**
   * The chat title so far, for chat streams; null when none arrived.
   *
   * @return the title, or null
   */
  public @Nullable String title() {
    return title;
  }

  /**
   * True once the message is final: the API set its finish reason.
   *
   * @return true once the message is final
   */
  public boolean isComplete() {
    return finishReason != null;
  }

  /**
   * This state as a {@link Message}: the latest snapshot with the current parts, usage, finish
   * reason and content; null before the first snapshot.
   *
   * @return the message so far, or null before the first snapshot
   */
  public @Nullable Message toMessage() {
    if (message == null) return null;
    // Through JSON rather than the builder, so that a snapshot missing a field the spec calls
    // required (the server's business, not the caller's) still converts.
    JsonAdapter<Message> adapter = V0Json.moshi().adapter(Message.class);
    @SuppressWarnings("unchecked") // A message encodes to a JSON object.
    Map<String, Object> json = (Map<String, Object>) adapter.toJsonValue(message);
    json.put("parts", V0Json.moshi().adapter(PARTS).toJsonValue(parts));
    if (usage != null) json.put("usage", V0Json.moshi().adapter(MessageUsage.class).toJsonValue(usage));
    json.put("finishReason", finishReason == null ? null : finishReason.value());
    if (content != null) json.put("content", content);
    return adapter.fromJsonValue(json);
  }

  private static final java.lang.reflect.Type PARTS =
      Types.newParameterizedType(List.class, MessagePart.class);

  MessageState withChat(Chat chat) {
    return new MessageState(message, messageId, parts, usage, finishReason, content, chat, title);
  }

  MessageState withTitle(String title) {
    return new MessageState(message, messageId, parts, usage, finishReason, content, chat, title);
  }

  @Override public String toString() {
    return "MessageState{messageId=" + messageId + ", parts=" + parts.size() + ", finishReason="
        + finishReason + ", usage=" + usage + "}";
  }
}
