package io.github.v0java;

import java.io.IOException;

/**
 * The exchange with the server failed: connection refused or reset, timeout, TLS failure,
 * cancellation. The server may or may not have acted on the request. The cause is the
 * {@link IOException} OkHttp reported.
 */
public final class V0NetworkException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /**
   * An exchange that failed with OkHttp's {@code cause}.
   *
   * @param message what went wrong
   * @param cause the underlying failure, kept as the cause
   */
  public V0NetworkException(String message, IOException cause) {
    super(message, cause);
  }

  @Override public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
