package io.github.v0java;

/** The operation was cancelled by the caller ({@link Cancellable#cancel()}) while waiting. */
public final class V0CancelledException extends V0Exception {
  private static final long serialVersionUID = 1L;

  V0CancelledException(String message) {
    super(message);
  }
}
