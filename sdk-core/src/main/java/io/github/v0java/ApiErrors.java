package io.github.v0java;

import com.squareup.moshi.JsonReader;
import io.github.v0java.internal.CredentialsFailure;
import io.github.v0java.internal.RetryAfter;
import java.io.IOException;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Turns an error answer into the typed {@link V0ApiException} for its status. */
final class ApiErrors {
  /** Error bodies are read up to this size; the rest is dropped rather than held in memory. */
  static final long MAX_ERROR_BODY_BYTES = 1024 * 1024;

  private ApiErrors() {
  }

  /**
   * The exception for an exchange that failed with {@code e}: the SDK exception a
   * {@link CredentialsFailure} carries (the key could not be obtained, nothing was sent), or
   * {@link V0NetworkException}.
   */
  static V0Exception failed(Request request, IOException e) {
    if (e instanceof CredentialsFailure) return ((CredentialsFailure) e).exception();
    return new V0NetworkException(request.method() + " " + request.url().encodedPath()
        + " failed: " + e, e);
  }

  static V0ApiException from(int statusCode, Headers headers, ResponseBody body) {
    String text = readBounded(body);
    String type = null;
    String message = null;
    Object json = parseJson(text);
    if (json instanceof Map) {
      Map<?, ?> root = (Map<?, ?>) json;
      Object error = root.get("error");
      if (error instanceof Map) { // v1: {"error": {"message": ..., "type": ...}}
        type = asString(((Map<?, ?>) error).get("type"));
        message = asString(((Map<?, ?>) error).get("message"));
      } else if (error instanceof String) {
        message = (String) error;
      }
      if (message == null) message = asString(root.get("message")); // v2: {"message": ...}
      if (type == null) type = asString(root.get("type"));
    }
    if (message == null && !text.isEmpty() && json == null) message = abbreviate(text);
    String requestId = requestId(headers);
    switch (statusCode) {
      case 400: return new BadRequestException(statusCode, type, message, requestId, headers, text);
      case 401: return new UnauthorizedException(statusCode, type, message, requestId, headers, text);
      case 403:
        return new PermissionDeniedException(statusCode, type, message, requestId, headers, text);
      case 404: return new NotFoundException(statusCode, type, message, requestId, headers, text);
      case 409: return new ConflictException(statusCode, type, message, requestId, headers, text);
      case 413:
        return new PayloadTooLargeException(statusCode, type, message, requestId, headers, text);
      case 422:
        return new UnprocessableEntityException(statusCode, type, message, requestId, headers, text);
      case 429:
        return new RateLimitException(statusCode, type, message, requestId, headers, text,
            RetryAfter.millis(headers, System.currentTimeMillis()));
      default:
        if (statusCode >= 500 && statusCode <= 599) {
          return new InternalServerException(statusCode, type, message, requestId, headers, text);
        }
        return new UnexpectedStatusException(statusCode, type, message, requestId, headers, text);
    }
  }

  static String requestId(Headers headers) {
    String id = headers.get("x-request-id");
    return id != null ? id : headers.get("x-vercel-id");
  }

  private static String readBounded(ResponseBody body) {
    if (body == null) return "";
    try {
      BufferedSource source = body.source();
      Buffer buffer = new Buffer();
      while (buffer.size() < MAX_ERROR_BODY_BYTES) {
        long read = source.read(buffer, MAX_ERROR_BODY_BYTES - buffer.size());
        if (read == -1) break;
      }
      return buffer.readUtf8();
    } catch (IOException e) {
      return ""; // The status still tells the kind of failure; a lost body must not hide it.
    } finally {
      body.close();
    }
  }

  private static Object parseJson(String text) {
    if (text.isEmpty()) return null;
    try {
      return JsonReader.of(new Buffer().writeUtf8(text)).readJsonValue();
    } catch (IOException | RuntimeException e) {
      return null; // Not JSON (an HTML error page from a proxy, say): the raw text is kept.
    }
  }

  private static String asString(Object value) {
    return value instanceof String ? (String) value : null;
  }

  private static String abbreviate(String text) {
    String trimmed = text.trim();
    return trimmed.length() <= 200 ? trimmed : trimmed.substring(0, 200) + "…";
  }
}
