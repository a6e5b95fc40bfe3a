package io.github.v0java;

/**
 * A stream ended before its message was finished: the connection dropped, timed out or the body
 * ended without a final snapshot. The generation may still be running on the server;
 * {@link #lastState()} holds what had arrived, and its message id can be polled.
 */
public final class V0StreamInterruptedException extends V0Exception {
  private static final long serialVersionUID = 1L;

  private final transient MessageState lastState;

  V0StreamInterruptedException(String message, MessageState lastState, Throwable cause) {
    super(message, cause);
    this.lastState = lastState;
  }

  /**
   * The accumulated message when the stream ended.
   *
   * @return the accumulated message when the stream ended
   */
  public MessageState lastState() {
    return lastState;
  }
}
