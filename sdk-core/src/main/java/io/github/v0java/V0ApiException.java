package io.github.v0java;

import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. Subclasses name the documented statuses, so callers
 * can catch exactly the case they handle ({@link NotFoundException}, {@link RateLimitException},
 * ...); {@link UnexpectedStatusException} covers any other status.
 *
 * <p>The parsed error is the v2 body {@code {"message": ...}} or the v1 body
 * {@code {"error": {"message": ..., "type": ...}}}; the raw body is kept whatever its shape.
 */
public class V0ApiException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int statusCode;
  /** The v1 error type, or null. */
  private final String errorType;
  /** The error message the body carried, or null. */
  private final String errorMessage;
  /** The server's request id for support, or null. */
  private final String requestId;
  private final transient Headers headers;
  /** The raw body, whatever its shape. */
  private final String body;

  V0ApiException(int statusCode, String errorType, String errorMessage, String requestId,
      Headers headers, String body) {
    super(describe(statusCode, errorType, errorMessage, requestId));
    this.statusCode = statusCode;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
    this.headers = headers;
    this.body = body;
  }

  private static String describe(int statusCode, String type, String message, String requestId) {
    StringBuilder result = new StringBuilder("HTTP ").append(statusCode);
    if (type != null) result.append(' ').append(type);
    if (message != null) result.append(": ").append(message);
    if (requestId != null) result.append(" (request id ").append(requestId).append(')');
    return result.toString();
  }

  /**
   * The HTTP status code, such as 404.
   *
   * @return the HTTP status code, such as 404
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The error type the body names ({@code not_found_error}, ...; the v1 API sends one), or null
   * when the body names none.
   *
   * @return the error type, or null
   */
  public @Nullable String errorType() {
    return errorType;
  }

  /**
   * The human-readable message of the body, or null when the body has none.
   *
   * @return the human-readable message of the body, or null when the body has none
   */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /**
   * The request id the server reported in a response header, or null. Quote it to support.
   *
   * @return the request id the server reported in a response header, or null
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The response headers (empty if the exception was serialized).
   *
   * @return the response headers (empty if the exception was serialized)
   */
  public Headers headers() {
    return headers != null ? headers : Headers.of();
  }

  /**
   * The raw response body as text (possibly empty, truncated past 1 MiB).
   *
   * @return the raw response body as text
   */
  public String body() {
    return body;
  }
}
