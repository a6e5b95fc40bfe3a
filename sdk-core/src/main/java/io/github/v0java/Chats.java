package io.github.v0java;

import io.github.v0java.api.ChatsApi;
import io.github.v0java.model.AsyncChat;
import io.github.v0java.model.Chat;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.ConnectStatus;
import io.github.v0java.model.ConnectStatusPending;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.Message;

/**
 * Chat operations of API v2. A chat is created from a first message, whose answer arrives in one
 * of three ways: {@link #create} waits for it, {@link #createStream} streams it as it is
 * generated, {@link #createAsync} returns at once with ids to poll.
 */
public final class Chats {
  private final V0Client client;
  private final ChatsApi api;

  Chats(V0Client client) {
    this.client = client;
    this.api = client.service(ChatsApi.class);
  }

  /**
   * Creates a chat and waits until the first answer is generated ({@code POST /chats}).
   * Generations can take minutes: prefer {@link #createStream} or {@link #createAsync} for
   * anything interactive.
   */
  public ChatWithUsage create(CreateChatRequest request) {
    checkCreate(request);
    return client.execute(api.create(request));
  }

  /**
   * Creates a chat and returns at once ({@code POST /chats/async}, status 202) with a handle on
   * its first generation: {@link PendingGeneration#chatId()} is the new chat, and
   * {@link PendingGeneration#await()} polls the message until it is done.
   */
  public PendingGeneration<Message> createAsync(CreateChatRequest request) {
    return createAsync(request, PollingOptions.defaults());
  }

  /** Like {@link #createAsync(CreateChatRequest)}, polling as {@code options} say. */
  public PendingGeneration<Message> createAsync(CreateChatRequest request, PollingOptions options) {
    checkCreate(request);
    AsyncChat accepted = client.execute(api.createAsync(request));
    return client.messages().pending(accepted.getChatId(), accepted.getMessageId(), options);
  }

  /**
   * Creates a chat and streams its first answer ({@code POST /chats/stream}): the chat, its title
   * and the message's parts as they are generated. Close the stream to cancel.
   */
  public EventStream<ChatStreamEvent> createStream(CreateChatRequest request) {
    checkCreate(request);
    return client.streams().open(api.createStream(request), ChatStreamEvent.class,
        client.recovery(null));
  }

  /** Like {@link #createStream(CreateChatRequest)}, delivering to {@code listener} on OkHttp's threads. */
  public Cancellable createStream(CreateChatRequest request, StreamListener<ChatStreamEvent> listener) {
    checkCreate(request);
    return client.streams().enqueue(api.createStream(request), ChatStreamEvent.class, listener,
        client.recovery(null));
  }

  /** Returns the chat ({@code GET /chats/{chatId}}). */
  public Chat get(String chatId) {
    return client.execute(api.get(RequestValidator.pathId("chatId", chatId)));
  }

  /**
   * Reattaches to the chat's running generation ({@code POST /chats/{chatId}/resume}), streaming
   * it from the start: after a dropped connection, or from another device.
   */
  public EventStream<ChatStreamEvent> resume(String chatId) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.streams().open(api.resume(id), ChatStreamEvent.class, client.recovery(id));
  }

  /** Like {@link #resume(String)}, delivering to {@code listener} on OkHttp's threads. */
  public Cancellable resume(String chatId, StreamListener<ChatStreamEvent> listener) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.streams().enqueue(api.resume(id), ChatStreamEvent.class, listener,
        client.recovery(id));
  }

  /**
   * Returns the status of a Vercel Connect setup ({@code GET /chats/{chatId}/connect/status}):
   * pending, ready (with the connector) or error; a status added later is a
   * {@code ConnectStatus.Unknown}. {@code requestId} comes from an {@link AgentRequest.VercelConnect}.
   */
  public ConnectStatus getConnectStatus(String chatId, String requestId) {
    return client.execute(api.getConnectStatus(RequestValidator.pathId("chatId", chatId),
        connectRequestId(requestId)));
  }

  /**
   * A handle on a Vercel Connect setup the user completes in a browser: {@link
   * PendingGeneration#await()} polls {@link #getConnectStatus} (same backoff, {@code Retry-After},
   * timeout and cancellation as a generation) until the status is no longer {@code pending}, and
   * returns it: ready, error, or a status added later. Then resolve with
   * {@link AgentRequest.VercelConnect#completed()}.
   */
  public PendingGeneration<ConnectStatus> connectSetup(String chatId, String requestId,
      PollingOptions options) {
    final String chat = RequestValidator.pathId("chatId", chatId);
    final String request = connectRequestId(requestId);
    if (options == null) throw new V0InvalidRequestException("options", "is null");
    return new PendingGeneration<>(client, chat, request, new PendingGeneration.Target<ConnectStatus>() {
      @Override public retrofit2.Call<ConnectStatus> poll() {
        return api.getConnectStatus(chat, request);
      }

      @Override public boolean isDone(ConnectStatus polled) {
        return !(polled instanceof ConnectStatusPending);
      }

      @Override public Object progressOf(ConnectStatus polled) {
        return polled;
      }

      @Override public retrofit2.Call<?> stop() {
        return null; // A setup happens in the user's browser; there is nothing to stop.
      }
    }, options, "Vercel Connect setup " + request + " of chat " + chat);
  }

  private static String connectRequestId(String requestId) {
    if (requestId == null) throw new V0InvalidRequestException("requestId", "is null");
    if (requestId.trim().isEmpty()) throw new V0InvalidRequestException("requestId", "is blank");
    if (requestId.length() > 128) {
      throw new V0InvalidRequestException("requestId", "is " + requestId.length()
          + " characters long; at most 128 are allowed");
    }
    return requestId;
  }

  private static void checkCreate(CreateChatRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    RequestValidator.metadata("metadata", request.getMetadata());
  }
}
