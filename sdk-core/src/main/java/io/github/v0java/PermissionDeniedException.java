package io.github.v0java;

import okhttp3.Headers;

/** HTTP 403: the API key may not do this (plan, team or chat permissions). */
public final class PermissionDeniedException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
