package io.github.v0java;

import okhttp3.Headers;

/** HTTP 422: the request was well-formed but its values were refused. */
public final class UnprocessableEntityException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
