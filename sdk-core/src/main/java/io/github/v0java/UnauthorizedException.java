package io.github.v0java;

import okhttp3.Headers;

/** HTTP 401: the API key is missing, wrong or revoked. */
public final class UnauthorizedException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
