package io.github.v0java;

import io.github.v0java.internal.RetryAfter;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import org.jspecify.annotations.Nullable;

/**
 * A generation running on the server, started by an asynchronous call: {@link #await()} polls
 * the message until it is finished, with exponential backoff and jitter, honouring
 * {@code Retry-After} on 429 and 503, riding out transient failures (connection errors, 5xx)
 * until the timeout, and surfacing anything else as the typed {@link V0ApiException}.
 *
 * <p>{@link #cancel()} stops waiting at once, from any thread; with
 * {@link PollingOptions.Builder#stopOnCancel} it also stops the generation on the server.
 *
 * <p>The same poller waits for a Vercel Connect setup ({@code Chats#connectSetup}): then the
 * polled state is its {@code ConnectStatus} and {@link #messageId()} its request id.
 *
 * @param <T> the message type ({@code Message} in v2, {@code MessageDetail} in v1), or
 *     {@code ConnectStatus}
 */
public final class PendingGeneration<T> implements Cancellable {
  /** How to poll one kind of message. */
  interface Target<T> {
    Call<T> poll();

    boolean isDone(T message);

    /** What must change for a poll to count as progress (the parts). */
    Object progressOf(T message);

    /** The call that stops the generation on the server, or null when there is none. */
    Call<?> stop();
  }

  private final V0Client client;
  private final String chatId;
  private final String messageId;
  private final Target<T> target;
  private final PollingOptions options;
  private final Object lock = new Object();
  private volatile boolean cancelled;
  private Call<T> inFlight; // Guarded by lock.
  private volatile T lastPolled;
  /** What is awaited, for messages: "message m1 of chat c1". */
  private final String subject;

  PendingGeneration(V0Client client, String chatId, String messageId, Target<T> target,
      PollingOptions options) {
    this(client, chatId, messageId, "message " + messageId + " of chat " + chatId, target, options);
  }

  /**
   * Polls something other than a message ({@code messageId} null): the same backoff, timeout and
   * cancellation; {@code subject} names it in exceptions. {@link Target#stop()} may return null.
   */
  PendingGeneration(V0Client client, String chatId, String messageId, String subject,
      Target<T> target, PollingOptions options) {
    this.client = client;
    this.chatId = chatId;
    this.messageId = messageId;
    this.subject = subject;
    this.target = target;
    this.options = options;
  }

  /**
   * The chat the generation belongs to.
   *
   * @return the chat the generation belongs to
   */
  public String chatId() {
    return chatId;
  }

  /**
   * The assistant message receiving the answer (null when what is awaited is not a message; for a Vercel
   * Connect setup, its request id).
   *
   * @return the message's id, the setup's request id, or null
   */
  public String messageId() {
    return messageId;
  }

  /**
   * The last state polled, or null before the first poll answered.
   *
   * @return the last state polled, or null before the first poll answered
   */
  public @Nullable T lastPolled() {
    return lastPolled;
  }

  /**
   * Waits until the message is finished and returns it.
   *
   * @return the finished result
   */
  public T await() {
    return await(null);
  }

  /**
   * Waits until the message is finished and returns it, telling {@code listener} about each
   * polled state whose parts changed.
   *
   * @param listener told about each changed state, on the calling thread
   * @return the finished result
   * @throws V0TimeoutException if the timeout passed first (carries the last state)
   * @throws V0CancelledException if {@link #cancel()} was called
   * @throws V0ApiException for an error status other than 429 and 5xx
   */
  public T await(PollListener<T> listener) {
    PollingOptions.Clock clock = options.clock;
    long start = clock.nanoTime();
    long deadline = start + options.timeoutNanos;
    Object lastProgress = null;
    boolean first = true;
    for (int attempt = 0; ; attempt++) {
      checkCancelled();
      long waitNanos = -1;
      try {
        T message = poll();
        lastPolled = message;
        if (message != null) {
          Object progress = target.progressOf(message);
          if (listener != null && (first || !equal(progress, lastProgress))) listener.onProgress(message);
          lastProgress = progress;
          first = false;
          if (target.isDone(message)) return message;
        }
      } catch (RateLimitException e) {
        waitNanos = retryAfterNanos(e);
      } catch (InternalServerException e) {
        waitNanos = e.statusCode() == 503 ? retryAfterNanos(e) : -1;
      } catch (V0NetworkException e) {
        checkCancelled();
        // Transient: connection refused, reset or timed out. Poll again after the backoff.
      }
      if (waitNanos < 0) waitNanos = options.intervalNanos(attempt);
      long remaining = deadline - clock.nanoTime();
      if (remaining <= 0) throw timeout(start);
      sleep(Math.min(waitNanos, remaining));
      if (deadline - clock.nanoTime() <= 0) {
        checkCancelled();
        throw timeout(start);
      }
    }
  }

  private T poll() {
    Call<T> call = target.poll();
    synchronized (lock) {
      if (cancelled) throw cancelledException();
      inFlight = call;
    }
    try {
      return client.execute(call);
    } finally {
      synchronized (lock) {
        inFlight = null;
      }
    }
  }

  private long retryAfterNanos(V0ApiException e) {
    long millis = RetryAfter.millis(e.headers(), System.currentTimeMillis());
    if (millis < 0) return -1;
    return Math.min(millis * 1_000_000L, options.maxRetryAfterNanos);
  }

  private void sleep(long nanos) {
    try {
      if (options.clock == PollingOptions.SYSTEM_CLOCK) {
        synchronized (lock) {
          long end = System.nanoTime() + nanos;
          long left = nanos;
          while (!cancelled && left > 0) {
            lock.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            left = end - System.nanoTime();
          }
        }
      } else {
        options.clock.sleep(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new V0CancelledException("interrupted while waiting for " + subject);
    }
    checkCancelled();
  }

  private V0TimeoutException timeout(long start) {
    long seconds = (options.clock.nanoTime() - start) / 1_000_000_000L;
    return new V0TimeoutException(subject + " was not finished after " + seconds + " s", lastPolled);
  }

  private void checkCancelled() {
    if (cancelled) throw cancelledException();
  }

  private V0CancelledException cancelledException() {
    return new V0CancelledException("waiting for " + subject + " was cancelled");
  }

  private static boolean equal(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  /**
   * Stops waiting at once: a poll in flight is cancelled and {@link #await} throws
   * {@link V0CancelledException}. Stops the generation on the server too if the options say so.
   */
  @Override public void cancel() {
    Call<T> call;
    synchronized (lock) {
      if (cancelled) return;
      cancelled = true;
      call = inFlight;
      lock.notifyAll();
    }
    if (call != null) call.cancel();
    if (options.stopOnCancel) {
      @SuppressWarnings("unchecked") // The answer is ignored whatever its type.
      Call<Object> stop = (Call<Object>) target.stop();
      if (stop == null) return; // Nothing to stop on the server.
      stop.enqueue(new Callback<Object>() {
        @Override public void onResponse(Call<Object> call, Response<Object> response) {
          if (response.errorBody() != null) response.errorBody().close();
        }

        @Override public void onFailure(Call<Object> call, Throwable t) {
          // Best effort: the generation finishes on its own.
        }
      });
    }
  }

  @Override public boolean isCancelled() {
    return cancelled;
  }

  @Override public String toString() {
    return "PendingGeneration{chatId=" + chatId + ", messageId=" + messageId + "}";
  }
}
