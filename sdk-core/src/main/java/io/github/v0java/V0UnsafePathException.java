package io.github.v0java;

/**
 * A file path from the server was refused before anything was written: absolute, with a
 * {@code ..} segment, a backslash, a drive prefix, a control character, or resolving outside the
 * target directory. Server paths are untrusted input; {@link #path()} is the refused one.
 */
public final class V0UnsafePathException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /** The refused path, as the server sent it. */
  private final String path;

  V0UnsafePathException(String path, String reason) {
    super("refused file path " + quote(path) + ": " + reason);
    this.path = path;
  }

  /**
   * The path as the server sent it.
   *
   * @return the path as the server sent it
   */
  public String path() {
    return path;
  }

  /** The path in double quotes, control characters escaped so that a message stays one line. */
  static String quote(String path) {
    if (path == null) return "null";
    StringBuilder quoted = new StringBuilder(path.length() + 2).append('"');
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
