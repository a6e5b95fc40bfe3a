package io.github.v0java;

import org.jspecify.annotations.Nullable;

/**
 * Waiting for a generation took longer than its timeout. The generation may still finish on the
 * server; {@link #lastPolled()} is the last state seen.
 */
public final class V0TimeoutException extends V0Exception {
  private static final long serialVersionUID = 1L;

  private final transient Object lastPolled;

  V0TimeoutException(String message, Object lastPolled) {
    super(message);
    this.lastPolled = lastPolled;
  }

  /**
   * The last polled message ({@code Message} in v2, {@code MessageDetail} in v1; for a Vercel
   * Connect setup its {@code ConnectStatus}), or null if no poll succeeded.
   *
   * @return the last polled value, or null
   */
  public @Nullable Object lastPolled() {
    return lastPolled;
  }
}
