package io.github.v0java;

import okhttp3.Headers;

/** HTTP 400: the server refused the request as malformed. */
public final class BadRequestException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
