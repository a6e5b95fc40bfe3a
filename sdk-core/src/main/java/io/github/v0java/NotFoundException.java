package io.github.v0java;

import okhttp3.Headers;

/** HTTP 404: the chat, message or other resource does not exist or is not visible to this key. */
public final class NotFoundException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
