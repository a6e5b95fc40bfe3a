package io.github.v0java;

/**
 * Sees an asynchronous generation grow while {@link PendingGeneration#await} waits: called on the
 * waiting thread with each polled state whose parts changed, so an app can render partial output.
 *
 * @param <T> the polled message type ({@code Message} in v2, {@code MessageDetail} in v1)
 */
public abstract class PollListener<T> {
  /**
   * A polled state that differs from the previous one.
   *
   * @param state the new state, not finished yet or the finished one
   */
  public void onProgress(T state) {
  }
}
