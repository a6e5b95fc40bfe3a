package io.github.v0java;

import okhttp3.Headers;

/** An error status the API does not document (any status other than 400, 401, 403, 404, 409, 413, 422, 429 and 5xx). */
public final class UnexpectedStatusException extends V0ApiException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(int statusCode, String errorType, String errorMessage, String requestId, Headers headers,
      String body) {
    super(statusCode, errorType, errorMessage, requestId, headers, body);
  }
}
