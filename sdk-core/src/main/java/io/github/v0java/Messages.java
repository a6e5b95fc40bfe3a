package io.github.v0java;

import io.github.v0java.api.MessagesApi;
import io.github.v0java.model.AsyncMessage;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageList;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.model.ResolveTaskRequest;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.StopMessageResponse;
import org.jspecify.annotations.Nullable;

/**
 * Message operations of API v2: send a message to a chat (waiting for the answer, streaming it,
 * or returning at once to poll), answer what the agent asked ({@code resolve}, in the same three
 * ways; see {@link AgentRequest}), list and get messages, stop a generation.
 */
public final class Messages {
  /** The page size the API uses when none is given. */
  public static final int DEFAULT_LIMIT = 20;
  /** The largest page the API returns. */
  public static final int MAX_LIMIT = 100;

  private final V0Client client;
  private final MessagesApi api;

  Messages(V0Client client) {
    this.client = client;
    this.api = client.service(MessagesApi.class);
  }

  /**
   * Sends a message and waits until the answer is generated ({@code POST
   * /chats/{chatId}/messages}); returns the assistant's finished message.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the assistant's finished message
   */
  public Message send(String chatId, SendMessageRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkSend(request);
    return client.execute(api.send(id, request));
  }

  /**
   * Sends a message and returns at once ({@code POST /chats/{chatId}/messages/async}, status 202)
   * with a handle on the generation: {@link PendingGeneration#await()} polls until it is done.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> sendAsync(String chatId, SendMessageRequest request) {
    return sendAsync(chatId, request, PollingOptions.defaults());
  }

  /**
   * Like {@link #sendAsync(String, SendMessageRequest)}, polling as {@code options} say.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> sendAsync(String chatId, SendMessageRequest request,
      PollingOptions options) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkSend(request);
    AsyncMessage accepted = client.execute(api.sendAsync(id, request));
    return pending(id, accepted.getMessageId(), options);
  }

  /**
   * A handle on a message that may still be generating, to wait for it: after an asynchronous
   * send, or when a stream was interrupted and its message id is known.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> pending(String chatId, String messageId, PollingOptions options) {
    final String chat = RequestValidator.pathId("chatId", chatId);
    final String message = RequestValidator.pathId("messageId", messageId);
    if (options == null) throw new V0InvalidRequestException("options", "is null");
    return new PendingGeneration<>(client, chat, message, new PendingGeneration.Target<Message>() {
      @Override public retrofit2.Call<Message> poll() {
        return api.get(chat, message);
      }

      @Override public boolean isDone(Message polled) {
        return polled.getFinishReason() != null;
      }

      @Override public Object progressOf(Message polled) {
        return polled.getParts();
      }

      @Override public retrofit2.Call<?> stop() {
        return api.stop(chat, message);
      }
    }, options);
  }

  /**
   * Sends a message and streams the answer as it is generated ({@code POST
   * /chats/{chatId}/messages/stream}). Close the stream to cancel.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the events as they arrive; close the stream to cancel
   */
  public EventStream<MessageStreamEvent> sendStream(String chatId, SendMessageRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkSend(request);
    return open(id, api.sendStream(id, request));
  }

  /**
   * Like {@link #sendStream(String, SendMessageRequest)}, delivering to {@code listener}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param listener told about each event, then the end or the failure, on OkHttp's threads
   * @return a handle that cancels the stream
   */
  public Cancellable sendStream(String chatId, SendMessageRequest request,
      StreamListener<MessageStreamEvent> listener) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkSend(request);
    return enqueue(id, api.sendStream(id, request), listener);
  }

  /**
   * Answers the task the chat waits for (questions, a plan, integrations, permissions, a Vercel
   * Connect setup; see {@link AgentRequest}) and waits until the agent's next message is generated
   * ({@code POST /chats/{chatId}/messages/resolve}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param task the answer, such as one of {@link AgentRequest}'s (wrapped in the request body for
   *     you)
   * @return the agent's next message, finished
   */
  public Message resolve(String chatId, ResolveTask task) {
    return resolve(chatId, requestOf(task));
  }

  /**
   * Like {@link #resolve(String, ResolveTask)}, with model settings for the resumed generation.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the agent's next message, finished
   */
  public Message resolve(String chatId, ResolveTaskRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkResolve(request);
    return client.execute(api.resolve(id, request));
  }

  /**
   * Answers the task the chat waits for and returns at once ({@code POST
   * /chats/{chatId}/messages/resolve/async}, status 202) with a handle on the generation it
   * resumes, polled like {@link #sendAsync}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param task the answer, such as one of {@link AgentRequest}'s (wrapped in the request body for
   *     you)
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> resolveAsync(String chatId, ResolveTask task) {
    return resolveAsync(chatId, requestOf(task), PollingOptions.defaults());
  }

  /**
   * Like {@link #resolveAsync(String, ResolveTask)}, polling as {@code options} say.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> resolveAsync(String chatId, ResolveTaskRequest request,
      PollingOptions options) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkResolve(request);
    if (options == null) throw new V0InvalidRequestException("options", "is null");
    AsyncMessage accepted = client.execute(api.resolveAsync(id, request));
    return pending(id, accepted.getMessageId(), options);
  }

  /**
   * Answers the task the chat waits for and streams the agent's next message as it is generated
   * ({@code POST /chats/{chatId}/messages/resolve/stream}): the same events, accumulation and
   * recovery as {@link #sendStream}. Close the stream to cancel.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param task the answer, such as one of {@link AgentRequest}'s (wrapped in the request body for
   *     you)
   * @return the events as they arrive; close the stream to cancel
   */
  public EventStream<MessageStreamEvent> resolveStream(String chatId, ResolveTask task) {
    return resolveStream(chatId, requestOf(task));
  }

  /**
   * Like {@link #resolveStream(String, ResolveTask)}, with model settings.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the events as they arrive; close the stream to cancel
   */
  public EventStream<MessageStreamEvent> resolveStream(String chatId, ResolveTaskRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkResolve(request);
    return open(id, api.resolveStream(id, request));
  }

  /**
   * Like {@link #resolveStream(String, ResolveTaskRequest)}, delivering to {@code listener}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param listener told about each event, then the end or the failure, on OkHttp's threads
   * @return a handle that cancels the stream
   */
  public Cancellable resolveStream(String chatId, ResolveTaskRequest request,
      StreamListener<MessageStreamEvent> listener) {
    String id = RequestValidator.pathId("chatId", chatId);
    checkResolve(request);
    return enqueue(id, api.resolveStream(id, request), listener);
  }

  /**
   * Returns one page of the chat's messages ({@code GET /chats/{chatId}/messages}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param limit page size, 1 to {@value #MAX_LIMIT}
   * @param cursor the cursor of the previous page, or null for the first page
   * @return one page of the chat's messages
   */
  public MessageList list(String chatId, int limit, @Nullable String cursor) {
    String id = RequestValidator.pathId("chatId", chatId);
    RequestValidator.limit("limit", limit, 1, MAX_LIMIT);
    return client.execute(api.list(id, limit, cursor));
  }

  /**
   * All messages of the chat, fetched {@code pageSize} at a time as the iteration proceeds.
   *
   * <pre>{@code
   * for (Message message : v0.messages().listAll(chatId, 100)) { ... }
   * }</pre>
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param pageSize messages per page, 1 to {@value #MAX_LIMIT}
   * @return an iterable that fetches each next page only when the iteration reaches it
   */
  public Paginated<MessageList, Message> listAll(String chatId, final int pageSize) {
    final String id = RequestValidator.pathId("chatId", chatId);
    RequestValidator.limit("limit", pageSize, 1, MAX_LIMIT);
    return new Paginated<>(new Paginated.Source<MessageList, Message>() {
      @Override public MessageList fetch(String cursor) {
        return client.execute(api.list(id, pageSize, cursor));
      }

      @Override public java.util.List<Message> items(MessageList page) {
        return page.getMessages();
      }

      @Override public String nextCursor(MessageList page) {
        return page.getCursor();
      }
    });
  }

  /**
   * Returns the first page of the chat's messages, {@value #DEFAULT_LIMIT} at most.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the first page of the chat's messages, {@value #DEFAULT_LIMIT} at most
   */
  public MessageList list(String chatId) {
    return list(chatId, DEFAULT_LIMIT, null);
  }

  /**
   * Returns a message ({@code GET /chats/{chatId}/messages/{messageId}}); while it is being
   * generated its {@code finishReason} is null and its parts grow.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @return a message ({@code GET /chats/{chatId}/messages/{messageId}})
   */
  public Message get(String chatId, String messageId) {
    return client.execute(api.get(RequestValidator.pathId("chatId", chatId),
        RequestValidator.pathId("messageId", messageId)));
  }

  /**
   * Stops a generation ({@code POST /chats/{chatId}/messages/{messageId}/stop}); the agent stops
   * at its next safe point and the message is marked finished.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @return the API's confirmation, naming the stopped message
   */
  public StopMessageResponse stop(String chatId, String messageId) {
    return client.execute(api.stop(RequestValidator.pathId("chatId", chatId),
        RequestValidator.pathId("messageId", messageId)));
  }

  /** Opens a message stream of chat {@code chatId}, recovered by polling if it breaks. */
  private EventStream<MessageStreamEvent> open(String chatId, retrofit2.Call<okhttp3.ResponseBody> call) {
    return client.streams().open(call, MessageStreamEvent.class, client.recovery(chatId));
  }

  private Cancellable enqueue(String chatId, retrofit2.Call<okhttp3.ResponseBody> call,
      StreamListener<MessageStreamEvent> listener) {
    return client.streams().enqueue(call, MessageStreamEvent.class, listener, client.recovery(chatId));
  }

  private static ResolveTaskRequest requestOf(ResolveTask task) {
    ResolveTasks.check(task);
    return ResolveTaskRequest.builder().task(task).build();
  }

  private static void checkResolve(ResolveTaskRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    ResolveTasks.check(request.getTask());
  }

  private static void checkSend(SendMessageRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
  }
}
