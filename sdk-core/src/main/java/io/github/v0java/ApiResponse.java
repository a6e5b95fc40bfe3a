package io.github.v0java;

import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer with its HTTP details, for callers who need the status or headers (rate
 * limit headers, the request id) and not only the decoded body.
 *
 * @param <T> the decoded body type
 */
public final class ApiResponse<T> {
  private final int statusCode;
  private final Headers headers;
  private final T body;

  ApiResponse(int statusCode, Headers headers, T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  /**
   * The HTTP status code, such as 200 or 202.
   *
   * @return the HTTP status code, such as 200 or 202
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The response headers.
   *
   * @return the response headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The request id the server reported ({@code x-request-id} or {@code x-vercel-id}), or null.
   *
   * @return the request id, or null when the server sent none
   */
  public @Nullable String requestId() {
    return ApiErrors.requestId(headers);
  }

  /**
   * The decoded body; null only for answers without one (204).
   *
   * @return the decoded body, or null for a 204
   */
  public @Nullable T body() {
    return body;
  }

  @Override public String toString() {
    return "ApiResponse{statusCode=" + statusCode + ", body=" + body + "}";
  }
}
