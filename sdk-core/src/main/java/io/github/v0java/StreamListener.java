package io.github.v0java;

/**
 * Receives a stream's events without blocking the caller's thread. Methods are called in order on
 * one OkHttp thread; none is called after {@link #onComplete} or {@link #onFailure}, or after the
 * stream was cancelled. Hop to your UI thread inside them if you render.
 *
 * @param <E> the event type
 */
public abstract class StreamListener<E> {
  /**
   * An event arrived; {@code state} is the message after it.
   *
   * @param event the decoded event (unknown kinds included)
   * @param state the accumulated message, events so far applied
   */
  public void onEvent(E event, MessageState state) {
  }

  /**
   * The stream ended with the finished message.
   *
   * @param finalState the accumulated message, finished
   */
  public void onComplete(MessageState finalState) {
  }

  /**
   * The stream failed: {@link V0ApiException} for an error status, {@link V0StreamException} for
   * an error event, {@link V0StreamInterruptedException} if it ended early,
   * {@link V0NetworkException} if no answer came.
   *
   * @param failure why, one of the typed exceptions above
   */
  public void onFailure(V0Exception failure) {
  }
}
