package io.github.v0java;

import okhttp3.Headers;

/** HTTP 5xx: the server failed. Safe to retry idempotent requests later. */
public final class InternalServerException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  InternalServerException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
