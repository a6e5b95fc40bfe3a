package io.github.v0java;

import okhttp3.Headers;

/** HTTP 429: too many requests. {@link #retryAfterMillis()} says when to try again, if the server said. */
public final class RateLimitException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  /** The wait the server asked for, in milliseconds; -1 when it gave none. */
  private final long retryAfterMillis;

  RateLimitException(int statusCode, String errorType, String errorMessage, String requestId,
      Headers headers, String body, long retryAfterMillis) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * The wait the server asked for ({@code Retry-After-Ms}, or {@code Retry-After} in seconds or as
   * an HTTP date), in milliseconds; -1 when it gave none.
   *
   * @return the wait the server asked for
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
