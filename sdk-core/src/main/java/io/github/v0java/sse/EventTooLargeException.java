package io.github.v0java.sse;

import java.io.IOException;

/**
 * Thrown when a server-sent event, or one line of the stream, is longer than the reader's
 * configurable {@code maxEventBytes} limit. The reader stops there instead of buffering without
 * bound, so a broken or hostile server cannot exhaust the heap.
 */
public final class EventTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The limit that was exceeded, in bytes. */
  private final long maxEventBytes;

  EventTooLargeException(long maxEventBytes) {
    super("server-sent event exceeds maxEventBytes, the configurable limit of "
        + maxEventBytes + " bytes");
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * The limit that was exceeded, in bytes.
   *
   * @return the limit that was exceeded, in bytes
   */
  public long maxEventBytes() {
    return maxEventBytes;
  }
}
