package io.github.v0java;

/** A running operation that can be stopped from any thread. */
public interface Cancellable {
  /** Stops the operation at once; idempotent. No callback follows a cancel. */
  void cancel();

  /**
   * True once {@link #cancel()} was called.
   *
   * @return true once {@link #cancel()} was called
   */
  boolean isCancelled();
}
