package io.github.v0java.rx;

import io.github.v0java.Cancellable;
import io.github.v0java.MessageState;
import io.github.v0java.StreamListener;
import io.github.v0java.UsageFilter;
import io.github.v0java.V0Client;
import io.github.v0java.model.ChatPreview;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.ConnectStatus;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.ResolveTaskRequest;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.UsageEvent;
import io.github.v0java.PendingGeneration;
import io.github.v0java.PollingOptions;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.functions.Action;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.Iterator;
import io.reactivex.rxjava3.functions.Supplier;

/**
 * RxJava 3 views of a {@link V0Client}'s streams. Every source is cold: nothing is sent before
 * subscription, and each subscription makes its own request. Disposing cancels the HTTP call at
 * once. Events arrive on OkHttp's threads; use {@code observeOn} to render them elsewhere (on
 * Android, {@code observeOn(AndroidSchedulers.mainThread())}). Failures arrive through
 * {@code onError} as the SDK's typed exceptions.
 *
 * <pre>{@code
 * RxV0 rx = RxV0.create(v0);
 * disposable = rx.sendStreamStates(chatId, request)
 *     .observeOn(AndroidSchedulers.mainThread())
 *     .subscribe(state -> render(state.parts()), error -> show(error));
 * }</pre>
 */
public final class RxV0 {
  private final V0Client client;
  private final boolean stopOnDispose;

  private RxV0(V0Client client, boolean stopOnDispose) {
    this.client = client;
    this.stopOnDispose = stopOnDispose;
  }

  /**
   * Rx views over {@code client}; cheap, holds no resources of its own.
   *
   * @param client the client whose calls this uses
   * @return a new instance; share one per client
   */
  public static RxV0 create(V0Client client) {
    if (client == null) throw new NullPointerException("client == null");
    return new RxV0(client, false);
  }

  /**
   * Rx views whose stream subscriptions, when disposed before the message finished, also stop
   * the generation on the server ({@code POST .../stop}, sent in the background). Off by
   * default: disposing only stops listening, and the generation runs on. For polling, the same
   * choice is {@link PollingOptions.Builder#stopOnCancel}.
   *
   * @return a copy of these views that stops the generation when disposed early
   */
  public RxV0 stoppingGenerationsOnDispose() {
    return new RxV0(client, true);
  }

  private void stopInBackground(final String chatId, final String messageId) {
    if (!stopOnDispose || chatId == null || messageId == null) return;
    Completable.fromAction(new Action() {
      @Override public void run() {
        client.messages().stop(chatId, messageId);
      }
    }).subscribeOn(Schedulers.io()).onErrorComplete().subscribe();
  }

  /**
   * The events of sending a message with streaming ({@code POST /chats/{chatId}/messages/stream}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a cold observable of every stream event, completing when the message is done
   */
  public Observable<MessageStreamEvent> sendStream(String chatId, SendMessageRequest request) {
    return StreamObservables.events(sendStarter(chatId, request));
  }

  /**
   * The accumulated message after each event of {@link #sendStream}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a cold observable of the accumulated state, one per event
   */
  public Observable<MessageState> sendStreamStates(String chatId, SendMessageRequest request) {
    return StreamObservables.states(sendStarter(chatId, request));
  }

  /**
   * The finished message of {@link #sendStream}, once the stream completes.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a cold single of the message as streamed to its end
   */
  public Single<Message> sendStreamMessage(String chatId, SendMessageRequest request) {
    return StreamObservables.finalMessage(sendStarter(chatId, request));
  }

  /**
   * The events of creating a chat with streaming ({@code POST /chats/stream}).
   *
   * @param request the request body; checked before anything is sent
   * @return a cold observable of every stream event, from the new chat to the finished message
   */
  public Observable<ChatStreamEvent> createChatStream(CreateChatRequest request) {
    return StreamObservables.events(createStarter(request));
  }

  /**
   * The accumulated message (with chat and title) after each event of {@link #createChatStream}.
   *
   * @param request the request body; checked before anything is sent
   * @return a cold observable of the accumulated state, one per event
   */
  public Observable<MessageState> createChatStreamStates(CreateChatRequest request) {
    return StreamObservables.states(createStarter(request));
  }

  /**
   * The finished first message of {@link #createChatStream}.
   *
   * @param request the request body; checked before anything is sent
   * @return a cold single of the first message as streamed to its end
   */
  public Single<Message> createChatStreamMessage(CreateChatRequest request) {
    return StreamObservables.finalMessage(createStarter(request));
  }

  /**
   * The events of resuming a chat's running generation ({@code POST /chats/{chatId}/resume}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return a cold observable of the events from where the generation is now
   */
  public Observable<ChatStreamEvent> resumeChat(String chatId) {
    return StreamObservables.events(resumeStarter(chatId));
  }

  /**
   * The accumulated message after each event of {@link #resumeChat}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return a cold observable of the accumulated state, one per event
   */
  public Observable<MessageState> resumeChatStates(String chatId) {
    return StreamObservables.states(resumeStarter(chatId));
  }

  /**
   * Sends a message asynchronously on subscribe and emits the finished message once polling
   * sees it done. Polling blocks a thread of {@link Schedulers#io()} between polls; disposing
   * stops polling at once (and the generation too if {@code options} say
   * {@link PollingOptions.Builder#stopOnCancel}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold single of the finished message
   */
  public Single<Message> sendAsync(final String chatId, final SendMessageRequest request,
      final PollingOptions options) {
    return PollingObservables.finalState(new PollingObservables.Starter<Message>() {
      @Override public PendingGeneration<Message> start() {
        return client.messages().sendAsync(chatId, request, options);
      }
    });
  }

  /**
   * Like {@link #sendAsync}, emitting every polled state whose parts changed, the last finished.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold observable of each changed state, completing after the finished one
   */
  public Observable<Message> sendAsyncStates(final String chatId, final SendMessageRequest request,
      final PollingOptions options) {
    return PollingObservables.states(new PollingObservables.Starter<Message>() {
      @Override public PendingGeneration<Message> start() {
        return client.messages().sendAsync(chatId, request, options);
      }
    });
  }

  /**
   * Waits for a message that is generating (a known id): the finished message.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold single of the finished message
   */
  public Single<Message> awaitMessage(final String chatId, final String messageId,
      final PollingOptions options) {
    return PollingObservables.finalState(new PollingObservables.Starter<Message>() {
      @Override public PendingGeneration<Message> start() {
        return client.messages().pending(chatId, messageId, options);
      }
    });
  }

  /**
   * The events of answering the task a chat waits for, with streaming ({@code POST
   * /chats/{chatId}/messages/resolve/stream}); see {@code io.github.v0java.AgentRequest}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a cold observable of every stream event of the answer's generation
   */
  public Observable<MessageStreamEvent> resolveStream(String chatId, ResolveTaskRequest request) {
    return StreamObservables.events(resolveStarter(chatId, request));
  }

  /**
   * The accumulated message after each event of {@link #resolveStream}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a cold observable of the accumulated state, one per event
   */
  public Observable<MessageState> resolveStreamStates(String chatId, ResolveTaskRequest request) {
    return StreamObservables.states(resolveStarter(chatId, request));
  }

  /**
   * The finished message of {@link #resolveStream}, once the stream completes.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return a cold single of the message as streamed to its end
   */
  public Single<Message> resolveStreamMessage(String chatId, ResolveTaskRequest request) {
    return StreamObservables.finalMessage(resolveStarter(chatId, request));
  }

  /**
   * Answers the task a chat waits for asynchronously on subscribe and emits the finished message
   * once polling sees it done; polls and disposes like {@link #sendAsync}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold single of the finished message
   */
  public Single<Message> resolveAsync(String chatId, ResolveTaskRequest request, PollingOptions options) {
    return PollingObservables.finalState(resolveAsyncStarter(chatId, request, options));
  }

  /**
   * Like {@link #resolveAsync}, emitting every polled state whose parts changed, the last finished.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold observable of each changed state, completing after the finished one
   */
  public Observable<Message> resolveAsyncStates(String chatId, ResolveTaskRequest request,
      PollingOptions options) {
    return PollingObservables.states(resolveAsyncStarter(chatId, request, options));
  }

  /**
   * Waits for a Vercel Connect setup the user completes in a browser: polls its status on
   * subscribe and emits the first one that is not {@code pending} (ready, error, or a status added
   * later). Disposing stops polling at once.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param requestId the Vercel Connect request id from the setup task
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold single of the first status that is not pending
   */
  public Single<ConnectStatus> connectSetup(String chatId, String requestId, PollingOptions options) {
    return PollingObservables.finalState(connectStarter(chatId, requestId, options));
  }

  /**
   * Like {@link #connectSetup}, emitting every polled status that changed, the last not pending.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param requestId the Vercel Connect request id from the setup task
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold observable of each changed status, completing after the first not pending
   */
  public Observable<ConnectStatus> connectSetupStates(String chatId, String requestId,
      PollingOptions options) {
    return PollingObservables.states(connectStarter(chatId, requestId, options));
  }

  private PollingObservables.Starter<Message> resolveAsyncStarter(final String chatId,
      final ResolveTaskRequest request, final PollingOptions options) {
    return new PollingObservables.Starter<Message>() {
      @Override public PendingGeneration<Message> start() {
        return client.messages().resolveAsync(chatId, request, options);
      }
    };
  }

  private PollingObservables.Starter<ConnectStatus> connectStarter(final String chatId,
      final String requestId, final PollingOptions options) {
    return new PollingObservables.Starter<ConnectStatus>() {
      @Override public PendingGeneration<ConnectStatus> start() {
        return client.chats().connectSetup(chatId, requestId, options);
      }
    };
  }

  /**
   * Waits for a chat's preview to be ready (polling {@code GET /chats/{chatId}/preview} until it is
   * not null, as {@code options} say) and emits it. Nothing is polled before subscription;
   * disposing stops polling at once. The preview's token is a secret: do not log it.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a cold single of the ready preview
   */
  public Single<ChatPreview> awaitPreview(final String chatId, final PollingOptions options) {
    return PollingObservables.finalState(new PollingObservables.Starter<ChatPreview>() {
      @Override public PendingGeneration<ChatPreview> start() {
        return client.chats().pendingPreview(chatId, options);
      }
    });
  }

  /**
   * All messages of a chat. Backpressured: a page is fetched only when the items requested so
   * far need it, and nothing is fetched before the first request.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param pageSize items per page, 1 to 100; the fewer, the sooner the first item
   * @return a cold flowable that fetches the next page only as items are requested
   */
  public Flowable<Message> listAll(final String chatId, final int pageSize) {
    return PageFlowables.items(new Supplier<Iterator<Message>>() {
      @Override public Iterator<Message> get() {
        return client.messages().listAll(chatId, pageSize).iterator();
      }
    });
  }

  /**
   * Every usage event of {@code filter} ({@code GET /usage/events}), {@code pageSize} per page.
   * Backpressured like {@link #listAll}: a page is fetched only when the items requested need it.
   *
   * @param filter which events: the scope and time range
   * @param pageSize items per page, 1 to 100; the fewer, the sooner the first item
   * @return a cold flowable that fetches the next page only as items are requested
   */
  public Flowable<UsageEvent> listAllUsageEvents(final UsageFilter filter, final int pageSize) {
    return PageFlowables.items(new Supplier<Iterator<UsageEvent>>() {
      @Override public Iterator<UsageEvent> get() {
        return client.usage().listAllEvents(filter, pageSize).iterator();
      }
    });
  }

  /**
   * Stops a generation on the server ({@code POST /chats/{chatId}/messages/{messageId}/stop}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @return a cold completable that sends the stop request on subscribe
   */
  public Completable stop(final String chatId, final String messageId) {
    return Completable.fromAction(new Action() {
      @Override public void run() {
        client.messages().stop(chatId, messageId);
      }
    });
  }

  private StreamObservables.Starter<MessageStreamEvent> sendStarter(final String chatId,
      final SendMessageRequest request) {
    return new MessageStarter(chatId) {
      @Override public Cancellable start(StreamListener<MessageStreamEvent> listener) {
        return client.messages().sendStream(chatId, request, listener);
      }
    };
  }

  private StreamObservables.Starter<MessageStreamEvent> resolveStarter(final String chatId,
      final ResolveTaskRequest request) {
    return new MessageStarter(chatId) {
      @Override public Cancellable start(StreamListener<MessageStreamEvent> listener) {
        return client.messages().resolveStream(chatId, request, listener);
      }
    };
  }

  /** A message stream of one chat, whose generation a dispose may stop. */
  private abstract class MessageStarter implements StreamObservables.Starter<MessageStreamEvent> {
    private final String chatId;

    MessageStarter(String chatId) {
      this.chatId = chatId;
    }

    @Override public void stopAfterDispose(MessageState lastState) {
      stopInBackground(chatId, lastState.messageId());
    }
  }

  private StreamObservables.Starter<ChatStreamEvent> createStarter(final CreateChatRequest request) {
    return new StreamObservables.Starter<ChatStreamEvent>() {
      @Override public Cancellable start(StreamListener<ChatStreamEvent> listener) {
        return client.chats().createStream(request, listener);
      }

      @Override public void stopAfterDispose(MessageState lastState) {
        stopInBackground(chatOf(lastState), lastState.messageId());
      }
    };
  }

  private StreamObservables.Starter<ChatStreamEvent> resumeStarter(final String chatId) {
    return new StreamObservables.Starter<ChatStreamEvent>() {
      @Override public Cancellable start(StreamListener<ChatStreamEvent> listener) {
        return client.chats().resume(chatId, listener);
      }

      @Override public void stopAfterDispose(MessageState lastState) {
        stopInBackground(chatId, lastState.messageId());
      }
    };
  }

  private static String chatOf(MessageState state) {
    if (state.chat() != null) return state.chat().getId();
    return state.snapshot() != null ? state.snapshot().getChatId() : null;
  }
}
