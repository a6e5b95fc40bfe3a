package io.github.v0java.internal.delta;

/**
 * A delta that could not be applied: malformed, or not matching the value it was applied to.
 * When this is thrown the value is exactly as it was before the call.
 *
 * <p>Checked, because a stream must be able to reject one chunk and carry on: callers decide
 * whether a rejected chunk is reported, skipped or fatal.
 */
public final class DeltaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String path;

  DeltaException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  /** Where applying failed, such as {@code parts[2].text}; the root's name when at the root. */
  public String path() {
    return path;
  }
}
