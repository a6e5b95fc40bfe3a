package io.github.v0java;

import io.github.v0java.v1.api.ChatsApi;
import io.github.v0java.v1.model.ChatDetail;
import io.github.v0java.v1.model.CreateChatRequest;
import io.github.v0java.v1.model.ForkChatRequest;
import io.github.v0java.v1.model.MessageDetail;
import io.github.v0java.v1.model.MessageRole;
import io.github.v0java.v1.model.MessageSummary;
import io.github.v0java.v1.model.MessageSummaryList;
import io.github.v0java.v1.model.Pagination;
import io.github.v0java.v1.model.ResponseMode;
import io.github.v0java.v1.model.SendMessageRequest;
import io.github.v0java.v1.model.StopMessageResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The legacy API v1 ({@code https://api.v0.dev/v1}), for applications not yet on v2. Its models
 * live in {@code io.github.v0java.v1.model}. New code should use {@link V0Client#chats()} and
 * {@link V0Client#messages()}.
 */
public final class LegacyV1 {
  private final V0Client client;
  private final ChatsApi api;
  private final StreamingApi streamingApi;

  LegacyV1(V0Client client) {
    this.client = client;
    this.api = client.service(ChatsApi.class);
    this.streamingApi = client.v1Retrofit().create(StreamingApi.class);
  }

  /**
   * Creates a chat and waits for the answer ({@code POST /chats}, {@code responseMode} sync).
   *
   * @param request the request body; checked before anything is sent
   * @return the new chat with its messages, the answer finished
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
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the chat with its messages, the answer finished
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
   * Creates a chat with {@code responseMode} async: returns at once with a handle on the
   * placeholder assistant message, which {@link PendingGeneration#await()} polls ({@code GET
   * /chats/{chatId}/messages/{messageId}}) until it is finished.
   *
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<MessageDetail> createChatAsync(CreateChatRequest request,
      PollingOptions options) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    RequestValidator.metadata("metadata", request.getMetadata());
    ChatDetail chat = client.execute(api.create(request.toBuilder().responseMode(ResponseMode.ASYNC).build()));
    return pending(chat, options);
  }

  /**
   * Like {@link #sendMessage}, with {@code responseMode} async: see {@link #createChatAsync}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<MessageDetail> sendMessageAsync(String chatId, SendMessageRequest request,
      PollingOptions options) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    ChatDetail chat = client.execute(api.sendMessage(id,
        request.toBuilder().responseMode(ResponseMode.ASYNC).build()));
    return pending(chat, options);
  }

  /** The placeholder of an async answer is the chat's newest assistant message. */
  private PendingGeneration<MessageDetail> pending(ChatDetail chat, PollingOptions options) {
    String messageId = null;
    List<MessageSummary> messages = chat.getMessages();
    if (messages != null) {
      for (int i = messages.size() - 1; i >= 0 && messageId == null; i--) {
        if (MessageRole.ASSISTANT.equals(messages.get(i).getRole())) messageId = messages.get(i).getId();
      }
    }
    if (messageId == null) {
      throw new V0DecodingException(200, "the async answer of chat " + chat.getId()
          + " has no assistant placeholder message to poll", null);
    }
    return pending(chat.getId(), messageId, options);
  }

  /**
   * A handle on a v1 message that may still be generating, to wait for it.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<MessageDetail> pending(String chatId, String messageId,
      PollingOptions options) {
    final String chat = RequestValidator.pathId("chatId", chatId);
    final String message = RequestValidator.pathId("messageId", messageId);
    if (options == null) throw new V0InvalidRequestException("options", "is null");
    return new PendingGeneration<>(client, chat, message, new PendingGeneration.Target<MessageDetail>() {
      @Override public retrofit2.Call<MessageDetail> poll() {
        return api.getMessage(chat, message);
      }

      @Override public boolean isDone(MessageDetail polled) {
        return polled.getFinishReason() != null;
      }

      @Override public Object progressOf(MessageDetail polled) {
        return polled.getContent();
      }

      @Override public retrofit2.Call<?> stop() {
        return api.stop(chat, message);
      }
    }, options);
  }

  /**
   * Creates a chat with {@code responseMode} experimental_stream: the answer streams as
   * Server-Sent Events through the same reader and delta applier as v2. Close the stream to
   * cancel.
   *
   * @param request the request body; checked before anything is sent
   * @return the events as they arrive; close the stream to cancel
   */
  public V1Stream createChatStream(CreateChatRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    RequestValidator.metadata("metadata", request.getMetadata());
    return client.streams().openV1(streamingApi.create(
        request.toBuilder().responseMode(ResponseMode.EXPERIMENTAL_STREAM).build()));
  }

  /**
   * Like {@link #sendMessage}, with {@code responseMode} experimental_stream.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the events as they arrive; close the stream to cancel
   */
  public V1Stream sendMessageStream(String chatId, SendMessageRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    return client.streams().openV1(streamingApi.sendMessage(id,
        request.toBuilder().responseMode(ResponseMode.EXPERIMENTAL_STREAM).build()));
  }

  /** The two v1 operations whose answer is an event stream when responseMode asks for one. */
  interface StreamingApi {
    @retrofit2.http.Streaming
    @retrofit2.http.POST("chats")
    retrofit2.Call<okhttp3.ResponseBody> create(@retrofit2.http.Body CreateChatRequest request);

    @retrofit2.http.Streaming
    @retrofit2.http.POST("chats/{chatId}/messages")
    retrofit2.Call<okhttp3.ResponseBody> sendMessage(@retrofit2.http.Path("chatId") String chatId,
        @retrofit2.http.Body SendMessageRequest request);
  }

  /**
   * Forks a chat from one of its versions ({@code POST /chats/{chatId}/fork}); the new chat is
   * private unless {@code request} says otherwise.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the version to fork from and the privacy, or null for the latest version
   * @return the new chat
   */
  public ChatDetail fork(String chatId, @Nullable ForkChatRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.execute(api.fork(id, request != null ? request : ForkChatRequest.builder().build()));
  }

  /**
   * One page of a chat's messages, newest first ({@code GET /chats/{chatId}/messages}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param limit page size, or null for the API's default
   * @param cursor the previous page's {@code pagination.nextCursor}, or null for the first page
   * @return one page of a chat's messages, newest first
   */
  public MessageSummaryList findMessages(String chatId, @Nullable Integer limit,
      @Nullable String cursor) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.execute(api.findMessages(id, limit, cursor));
  }

  /**
   * All messages of a chat, newest first, fetched a page at a time as the iteration proceeds
   * (following {@code pagination.nextCursor} while {@code hasMore}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param pageSize messages per page, or null for the API's default
   * @return an iterable that fetches each next page only when the iteration reaches it
   */
  public Paginated<MessageSummaryList, MessageSummary> findAllMessages(String chatId,
      final @Nullable Integer pageSize) {
    final String id = RequestValidator.pathId("chatId", chatId);
    return new Paginated<>(new Paginated.Source<MessageSummaryList, MessageSummary>() {
      @Override public MessageSummaryList fetch(String cursor) {
        return client.execute(api.findMessages(id, pageSize, cursor));
      }

      @Override public List<MessageSummary> items(MessageSummaryList page) {
        return page.getData();
      }

      @Override public String nextCursor(MessageSummaryList page) {
        Pagination pagination = page.getPagination();
        if (pagination == null || !Boolean.TRUE.equals(pagination.getHasMore())) return null;
        return pagination.getNextCursor();
      }
    });
  }

  /**
   * A message of a chat ({@code GET /chats/{chatId}/messages/{messageId}}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @return a message of a chat ({@code GET /chats/{chatId}/messages/{messageId}})
   */
  public MessageDetail getMessage(String chatId, String messageId) {
    return client.execute(api.getMessage(RequestValidator.pathId("chatId", chatId),
        RequestValidator.pathId("messageId", messageId)));
  }

  /**
   * Stops a generation ({@code POST /chats/{chatId}/messages/{messageId}/stop}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @return the API's answer, saying whether it stopped
   */
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
