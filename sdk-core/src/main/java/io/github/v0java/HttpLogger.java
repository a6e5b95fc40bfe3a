package io.github.v0java;

/**
 * Receives one line per request and per response the SDK exchanges, for debugging: method, URL,
 * headers, status and timing, never bodies. Credentials are redacted before a line is formed:
 * {@code Authorization} shows as {@code Bearer ██}.
 */
public interface HttpLogger {
  /**
   * Receives one line (request or response, already redacted); called on OkHttp's threads.
   *
   * @param line the line, without a trailing newline
   */
  void log(String line);
}
