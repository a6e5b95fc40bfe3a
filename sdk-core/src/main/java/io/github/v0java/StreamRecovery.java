package io.github.v0java;

import com.squareup.moshi.JsonAdapter;
import io.github.v0java.model.Message;
import okio.Buffer;
import okio.ByteString;

/**
 * Recovers a stream whose connection broke before its message finished, by polling the message
 * until it is done: the answer is not lost with the connection.
 */
final class StreamRecovery {
  private final V0Client client;
  private final String chatId;
  private final PollingOptions options;

  /** @param chatId the chat, when the request named it; else taken from the stream's state */
  StreamRecovery(V0Client client, String chatId, PollingOptions options) {
    this.client = client;
    this.chatId = chatId;
    this.options = options;
  }

  /**
   * The poll that waits for the message of {@code state} to finish, not started yet; null when the
   * state does not say which message to poll.
   */
  PendingGeneration<Message> pending(MessageState state) {
    String chat = chatId;
    if (chat == null && state.chat() != null) chat = state.chat().getId();
    if (chat == null && state.snapshot() != null) chat = state.snapshot().getChatId();
    String message = state.messageId();
    if (chat == null || message == null) return null;
    return client.messages().pending(chat, message, options);
  }

  /** The {@code message} stream event carrying {@code message}, as the stream would send it. */
  ByteString snapshotEvent(Message message) {
    JsonAdapter<Message> adapter = client.moshi().adapter(Message.class);
    String json = adapter.toJson(message);
    return new Buffer().writeUtf8("{\"object\":\"message\"")
        .writeUtf8(json.length() > 2 ? "," : "")
        .writeUtf8(json, 1, json.length())
        .readByteString();
  }
}
