package io.github.v0java.internal;

import io.github.v0java.V0Exception;
import java.io.IOException;

/**
 * Carries the SDK exception for a key that could not be obtained through OkHttp's call chain,
 * which only reports {@link IOException}s (a runtime exception thrown on OkHttp's threads would
 * escape to the thread's handler instead of the caller). The SDK unwraps it where it turns I/O
 * failures into its own exceptions; it is never retried.
 */
public final class CredentialsFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final V0Exception exception;

  public CredentialsFailure(V0Exception exception) {
    super(exception.getMessage(), exception);
    this.exception = exception;
  }

  /** The exception to throw to the caller. */
  public V0Exception exception() {
    return exception;
  }
}
