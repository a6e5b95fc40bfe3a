package io.github.v0java;

import okhttp3.Headers;

/** HTTP 409: the request conflicts with the resource's state (for example a generation already running). */
public final class ConflictException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  ConflictException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
