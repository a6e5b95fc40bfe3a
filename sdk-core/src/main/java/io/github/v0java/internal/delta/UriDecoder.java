package io.github.v0java.internal.delta;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Undoes JavaScript's {@code encodeURI}, which diff-match-patch applies to the text of each patch
 * line: every {@code %XX} run is read as UTF-8 bytes, everything else is kept as it is.
 *
 * <p>Unlike {@code decodeURI} it also decodes escapes of reserved characters such as {@code %23};
 * {@code encodeURI} never writes those (it leaves {@code #} as is and writes {@code %} as
 * {@code %25}), so for patch text the two agree.
 */
final class UriDecoder {
  private UriDecoder() {
  }

  /**
   * Returns {@code encoded} with its escapes decoded.
   *
   * @throws IllegalArgumentException for a {@code %} not followed by two hex digits, or escapes
   *     that are not well-formed UTF-8
   */
  static String decode(String encoded) {
    int percent = encoded.indexOf('%');
    if (percent < 0) return encoded;
    StringBuilder out = new StringBuilder(encoded.length());
    out.append(encoded, 0, percent);
    CharsetDecoder utf8 = null; // Made for the first run that is not all ASCII.
    int i = percent;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      // A run of escapes is decoded together: one character may span several of them.
      int runEnd = i;
      while (runEnd < encoded.length() && encoded.charAt(runEnd) == '%') runEnd += 3;
      if (runEnd > encoded.length()) throw new IllegalArgumentException("truncated escape");
      byte[] bytes = new byte[(runEnd - i) / 3];
      boolean ascii = true;
      for (int b = 0; b < bytes.length; b++, i += 3) {
        int high = hex(encoded.charAt(i + 1));
        int low = hex(encoded.charAt(i + 2));
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("invalid escape " + encoded.substring(i, i + 3));
        }
        bytes[b] = (byte) (high << 4 | low);
        if (high >= 8) ascii = false;
      }
      if (ascii) { // Such as %0A and %22, the most common: each byte is its character.
        for (byte b : bytes) out.append((char) b);
        continue;
      }
      if (utf8 == null) utf8 = StandardCharsets.UTF_8.newDecoder(); // Reports malformed input.
      try {
        CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes));
        out.append(chars);
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("escapes that are not UTF-8");
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
