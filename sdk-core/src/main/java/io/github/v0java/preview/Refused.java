package io.github.v0java.preview;

/** A request the proxy will not forward: the status to answer and why, never echoing input. */
final class Refused extends Exception {
  private static final long serialVersionUID = 1L;

  final int status;

  Refused(int status, String reason) {
    super(reason);
    this.status = status;
  }
}
