package io.github.v0java.internal;

/** Checks an API key before it is put in a header, without ever echoing it. */
public final class ApiKeys {
  private ApiKeys() {
  }

  /**
   * Throws {@link IllegalArgumentException} if the key is missing, blank or would break the
   * header (a CR, LF or other control character). The message never contains the key.
   */
  public static void check(String key) {
    if (key == null) throw new IllegalArgumentException("apiKey is missing");
    if (key.trim().isEmpty()) throw new IllegalArgumentException("apiKey is blank");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("apiKey contains a line break (CR or LF) at index " + i);
      }
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("apiKey contains a control character at index " + i);
      }
    }
  }
}
