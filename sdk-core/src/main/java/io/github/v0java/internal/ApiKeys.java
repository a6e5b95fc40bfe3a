package io.github.v0java.internal;

/** Checks an API key or token before it is put in a header, without ever echoing it. */
public final class ApiKeys {
  private ApiKeys() {
  }

  /**
   * Throws {@link IllegalArgumentException} if the key is missing, blank or would break the
   * header (a CR, LF or other control character, or a character outside ASCII, which OkHttp
   * would refuse with a message showing the value). The message never contains the key.
   */
  public static void check(String key) {
    check("apiKey", key);
  }

  /**
   * Like {@link #check(String)} for the secret called {@code name} (such as
   * {@code previewToken}), which the message names instead of showing the value.
   */
  public static void check(String name, String key) {
    if (key == null) throw new IllegalArgumentException(name + " is missing");
    if (key.trim().isEmpty()) throw new IllegalArgumentException(name + " is blank");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException(name + " contains a line break (CR or LF) at index " + i);
      }
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(name + " contains a control character at index " + i);
      }
      if (c > 0x7e) {
        throw new IllegalArgumentException(name + " contains a non-ASCII character at index " + i);
      }
    }
  }
}
