package io.github.v0java;

import okhttp3.Headers;

/** HTTP 413: the request body is larger than the API accepts. */
public final class PayloadTooLargeException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
