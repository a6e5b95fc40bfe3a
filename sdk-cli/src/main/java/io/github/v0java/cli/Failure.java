package io.github.v0java.cli;

import io.github.v0java.UnauthorizedException;
import io.github.v0java.V0ApiException;
import io.github.v0java.V0CancelledException;
import io.github.v0java.V0DecodingException;
import io.github.v0java.V0InvalidRequestException;
import io.github.v0java.V0NetworkException;
import io.github.v0java.V0StreamException;
import io.github.v0java.V0StreamInterruptedException;
import io.github.v0java.V0TimeoutException;
import io.github.v0java.V0UnsafePathException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed command, described for people (stderr) and for scripts ({@code {"error": {"kind",
 * "status", "code", "message"}}}), with its exit code: 1 for an API, network or stream failure,
 * 2 for input refused before anything was sent.
 */
record Failure(String kind, Integer status, String code, String message, String hint, int exitCode) {
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  static Failure of(Throwable error, String baseUrl) {
    if (error instanceof V0ApiException api) {
      String message = api.errorMessage() != null ? api.errorMessage() : api.getMessage();
      String hint = null;
      if (api instanceof UnauthorizedException) {
        hint = "check the API key (--api-key or the environment variable V0_API_KEY)";
      } else if (api.statusCode() == 403) {
        hint = "the API key is valid but may not do this (plan or team permissions)";
      } else if (api.statusCode() == 429) {
        hint = "rate limited: try again later";
      }
      String text = "HTTP " + api.statusCode() + ": " + message
          + (api.requestId() != null ? " (request id " + api.requestId() + ")" : "");
      return new Failure("api", api.statusCode(), api.errorType(), text, hint, EXIT_FAILURE);
    }
    if (error instanceof V0NetworkException network) {
      Throwable cause = network.getCause();
      String reason = cause != null && cause.getMessage() != null
          ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : network.getMessage();
      return new Failure("network", null, null,
          "cannot reach " + (baseUrl != null ? baseUrl : "the server") + " (" + reason + ")",
          "check --base-url and the network connection", EXIT_FAILURE);
    }
    if (error instanceof V0StreamException stream) {
      return new Failure("stream", null, stream.code(),
          "the generation failed: " + stream.errorMessage(), null, EXIT_FAILURE);
    }
    if (error instanceof V0StreamInterruptedException interrupted) {
      String messageId = interrupted.lastState() != null ? interrupted.lastState().messageId() : null;
      return new Failure("stream_interrupted", null, null, interrupted.getMessage(),
          messageId != null ? "the generation may still be running: see it with"
              + " 'v0 message get CHAT_ID " + messageId + "'" : null, EXIT_FAILURE);
    }
    if (error instanceof V0TimeoutException timeout) {
      return new Failure("timeout", null, null, timeout.getMessage(),
          "the generation may still finish: wait longer with --timeout SECONDS", EXIT_FAILURE);
    }
    if (error instanceof V0DecodingException decoding) {
      return new Failure("decoding", decoding.statusCode(), null, decoding.getMessage(), null,
          EXIT_FAILURE);
    }
    if (error instanceof V0CancelledException) {
      return new Failure("cancelled", null, null, error.getMessage(), null, EXIT_FAILURE);
    }
    if (error instanceof V0UnsafePathException unsafe) {
      return new Failure("unsafe_path", null, null, unsafe.getMessage(), "nothing was written",
          EXIT_FAILURE);
    }
    if (error instanceof V0InvalidRequestException invalid) {
      return new Failure("invalid_request", null, invalid.field(), invalid.getMessage(), null,
          EXIT_USAGE);
    }
    if (error instanceof IOException) {
      return new Failure("io", null, null, String.valueOf(error.getMessage()), null, EXIT_FAILURE);
    }
    return new Failure("internal", null, null, error.toString(), null, EXIT_FAILURE);
  }

  /** The {@code error} object of the JSON output. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", kind);
    json.put("status", status);
    json.put("code", code);
    json.put("message", message);
    return json;
  }
}
