package io.github.v0java;

/**
 * The base of every exception the SDK throws. Unchecked, like OkHttp's and Retrofit's runtime
 * failures, so that callers catch only what they can handle: {@link V0ApiException} for an error
 * answer, {@link V0NetworkException} for a failed exchange, {@link V0DecodingException} for a
 * body the SDK could not read, {@link V0InvalidRequestException} for input refused before any
 * network call.
 */
public class V0Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure described by {@code message}.
   *
   * @param message what went wrong
   */
  public V0Exception(String message) {
    super(message);
  }

  /**
   * A failure described by {@code message}, caused by {@code cause}.
   *
   * @param message what went wrong
   * @param cause the underlying failure, kept as the cause
   */
  public V0Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
