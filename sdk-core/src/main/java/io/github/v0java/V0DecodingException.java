package io.github.v0java;

/**
 * A successful answer whose body the SDK could not read: not JSON, truncated, or of the wrong
 * shape. {@link #statusCode()} is the HTTP status of that answer.
 */
public final class V0DecodingException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer that could not be decoded. */
  private final int statusCode;

  /**
   * A body of an answer with {@code statusCode} that could not be decoded, and why.
   *
   * @param statusCode the answer's HTTP status
   * @param message what could not be decoded
   * @param cause the underlying failure, kept as the cause
   */
  public V0DecodingException(int statusCode, String message, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /**
   * The HTTP status of the answer whose body could not be decoded.
   *
   * @return the HTTP status of the answer whose body could not be decoded
   */
  public int statusCode() {
    return statusCode;
  }
}
