package io.github.v0java;

import io.github.v0java.v1.api.ChatsApi;
import io.github.v0java.v1.model.ChatDetail;
import io.github.v0java.v1.model.CreateChatRequest;
import io.github.v0java.v1.model.ForkChatRequest;
import io.github.v0java.v1.model.MessageDetail;
import io.github.v0java.v1.model.MessageSummaryList;
import io.github.v0java.v1.model.ResponseMode;
import io.github.v0java.v1.model.SendMessageRequest;
import io.github.v0java.v1.model.StopMessageResponse;

/**
 * The legacy API v1 ({@code https://api.v0.dev/v1}), for applications not yet on v2. Its models
 * live in {@code io.github.v0java.v1.model}. New code should use {@link V0Client#chats()} and
 * {@link V0Client#messages()}.
 */
public final class LegacyV1 {
  private final V0Client client;
  private final ChatsApi api;

  LegacyV1(V0Client client) {
    this.client = client;
    this.api = client.service(ChatsApi.class);
  }

  /**
   * Creates a chat and waits for the answer ({@code POST /chats}, {@code responseMode} sync).
   *
   * @throws V0InvalidRequestException if the request asks for another response mode
   */
  public ChatDetail createChat(CreateChatRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    RequestValidator.metadata("metadata", request.getMetadata());
    checkSync(request.getResponseMode());
    return client.execute(api.create(request));
  }

  /**
   * Sends a message and waits for the answer ({@code POST /chats/{chatId}/messages},
   * {@code responseMode} sync); returns the chat with its messages.
   */
  public ChatDetail sendMessage(String chatId, SendMessageRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    checkSync(request.getResponseMode());
    return client.execute(api.sendMessage(id, request));
  }

  /**
   * Forks a chat from one of its versions ({@code POST /chats/{chatId}/fork}); the new chat is
   * private unless {@code request} says otherwise.
   *
   * @param request the version to fork from and the privacy, or null for the latest version
   */
  public ChatDetail fork(String chatId, ForkChatRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.execute(api.fork(id, request != null ? request : ForkChatRequest.builder().build()));
  }

  /**
   * One page of a chat's messages, newest first ({@code GET /chats/{chatId}/messages}).
   *
   * @param limit page size, or null for the API's default
   * @param cursor the previous page's {@code pagination.nextCursor}, or null for the first page
   */
  public MessageSummaryList findMessages(String chatId, Integer limit, String cursor) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.execute(api.findMessages(id, limit, cursor));
  }

  /** A message of a chat ({@code GET /chats/{chatId}/messages/{messageId}}). */
  public MessageDetail getMessage(String chatId, String messageId) {
    return client.execute(api.getMessage(RequestValidator.pathId("chatId", chatId),
        RequestValidator.pathId("messageId", messageId)));
  }

  /** Stops a generation ({@code POST /chats/{chatId}/messages/{messageId}/stop}). */
  public StopMessageResponse stop(String chatId, String messageId) {
    return client.execute(api.stop(RequestValidator.pathId("chatId", chatId),
        RequestValidator.pathId("messageId", messageId)));
  }

  private static void checkSync(ResponseMode mode) {
    if (mode != null && !ResponseMode.SYNC.equals(mode)) {
      throw new V0InvalidRequestException("responseMode",
          "is " + mode + "; this method waits for the answer (sync)");
    }
  }
}
