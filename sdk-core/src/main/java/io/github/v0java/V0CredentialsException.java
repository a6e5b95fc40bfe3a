package io.github.v0java;

/**
 * The {@link ApiKeySupplier} threw instead of answering a key, so the request was not sent. The
 * cause is what it threw; the message names only its type.
 */
public final class V0CredentialsException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /**
   * A key supplier's failure.
   *
   * @param message what failed, naming only the exception's type (never the key)
   * @param cause what the supplier threw
   */
  public V0CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
