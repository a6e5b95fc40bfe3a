package io.github.v0java.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads well-formed JSON from a byte array, for the stream's hot path, with less work per byte
 * than a general reader over a segmented buffer. It takes only standard JSON that
 * Moshi reads to the same values, and throws {@link Unsupported} on anything else (malformed
 * input, control characters in strings, unusual escapes, leading zeros, repeated names, nesting
 * deeper than {@value #MAX_DEPTH}), so that the caller reads the input again with Moshi, which
 * decides. It never reports errors itself.
 *
 * <p>Values it builds are those of {@code JsonReader.readJsonValue()} in mutable containers:
 * {@link LinkedHashMap}, {@link ArrayList}, {@link String}, {@link Double}, {@link Boolean} and
 * null. Strings decode as Moshi decodes them (UTF-8 through the JDK, malformed bytes as U+FFFD).
 *
 * <p>Not thread-safe; reusable through {@link #reset}.
 */
public final class ByteArrayJsonReader {
  /** Nesting this deep is left to Moshi. */
  public static final int MAX_DEPTH = 64;

  private static final Charset UTF_8 = Charset.forName("UTF-8");
  private static final Charset LATIN_1 = Charset.forName("ISO-8859-1");

  /** Thrown for input this reader leaves to Moshi. Shared and without a stack trace: it is cheap. */
  public static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;
    public static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super("left to Moshi");
    }

    @Override public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private byte[] bytes = new byte[0];
  private int pos;
  private int end;
  /** For each open container: how many members or items have begun. */
  private final int[] counts = new int[MAX_DEPTH + 1];
  private int depth;
  private char[] chars = new char[128];
  private byte[] latin = new byte[128];
  /** Whether the string last scanned had escapes, and whether it had bytes beyond ASCII. */
  private boolean escaped;
  private boolean nonAscii;
  /** Where the string scanned last begins and ends (its quotes), or -1 after a failed scan. */
  private int scannedStart = -1;
  private int scannedClose;

  /** Reads {@code bytes[start, end)} from now on. */
  public void reset(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
    this.depth = 0;
    this.scannedStart = -1;
  }

  /** The index of the next byte to read. */
  public int position() {
    return pos;
  }

  /** The first byte of the next value or delimiter, after whitespace; -1 at the end. */
  public int peek() {
    while (pos < end) {
      byte c = bytes[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
      pos++;
    }
    return -1;
  }

  /** Reads the brace opening an object. */
  public void beginObject() throws Unsupported {
    expect('{');
    push();
  }

  /** Reads the brace closing the current object, once {@link #hasNext} is false. */
  public void endObject() throws Unsupported {
    expect('}');
    depth--;
  }

  /** Reads the bracket opening an array. */
  public void beginArray() throws Unsupported {
    expect('[');
    push();
  }

  /** Reads the bracket closing the current array, once {@link #hasNext} is false. */
  public void endArray() throws Unsupported {
    expect(']');
    depth--;
  }

  /**
   * True if another member or item follows in the current container (having read the comma
   * before it); false at its end. Call once per member or item.
   */
  public boolean hasNext() throws Unsupported {
    int c = peek();
    if (c == '}' || c == ']') return false;
    if (counts[depth]++ > 0) {
      if (c != ',') throw Unsupported.INSTANCE;
      pos++;
    }
    return true;
  }

  /** Reads a member's name and the colon after it. */
  public String nextName() throws Unsupported {
    String name = nextString();
    if (peek() != ':') throw Unsupported.INSTANCE;
    pos++;
    return name;
  }

  /**
   * Reads a member's name and the colon after it, and returns the index in {@code names} of the
   * one it equals (each plain ASCII), or -1.
   */
  public int selectName(byte[][] names) throws Unsupported {
    if (peek() != '"') throw Unsupported.INSTANCE;
    int start = pos + 1;
    int close = scanString();
    int found = -1;
    if (!escaped) {
      for (int i = 0; i < names.length && found < 0; i++) {
        if (rangeEquals(start, close, names[i])) found = i;
      }
    }
    if (peek() != ':') throw Unsupported.INSTANCE;
    pos++;
    return found;
  }

  /** Reads a string. */
  public String nextString() throws Unsupported {
    if (peek() != '"') throw Unsupported.INSTANCE;
    int start = pos;
    scanString();
    return decodeString(start);
  }

  /**
   * Reads a string or null; {@code likely} itself if the string equals it (saving a copy of the
   * labels and ids that every event repeats).
   */
  public String nextStringOrNull(String likely) throws Unsupported {
    if (peek() == 'n') {
      expectLiteral("null");
      return null;
    }
    if (peek() != '"') throw Unsupported.INSTANCE;
    int start = pos;
    int close = scanString();
    if (likely != null && !escaped && equalsAscii(start + 1, close, likely)) return likely;
    return decodeString(start);
  }

  /** Skips a string, checking it; {@link #stringAt} decodes it later from where it began. */
  public void skipString() throws Unsupported {
    if (peek() != '"') throw Unsupported.INSTANCE;
    scanString();
  }

  /** Decodes the string whose opening quote is at {@code start}, read before. */
  public String stringAt(int start) throws Unsupported {
    int saved = pos;
    if (start != scannedStart) { // Not the string scanned last: scan it again.
      pos = start;
      scanString();
    } else {
      pos = scannedClose + 1;
    }
    String result = decodeString(start);
    pos = saved;
    return result;
  }

  /** Reads a number as a double, as JavaScript (and jsondiffpatch) see every number. */
  public double nextDouble() throws Unsupported {
    peek();
    int start = pos;
    if (pos < end && bytes[pos] == '-') pos++;
    int intStart = pos;
    while (pos < end && isDigit(bytes[pos])) pos++;
    int digits = pos - intStart;
    if (digits == 0 || (digits > 1 && bytes[intStart] == '0')) throw Unsupported.INSTANCE;
    boolean simple = true;
    if (pos < end && bytes[pos] == '.') {
      simple = false;
      pos++;
      if (!skipDigits()) throw Unsupported.INSTANCE;
    }
    if (pos < end && (bytes[pos] == 'e' || bytes[pos] == 'E')) {
      simple = false;
      pos++;
      if (pos < end && (bytes[pos] == '+' || bytes[pos] == '-')) pos++;
      if (!skipDigits()) throw Unsupported.INSTANCE;
    }
    checkDelimiter();
    if (simple && digits == 1) {
      double value = bytes[intStart] - '0';
      return start == intStart ? value : -value;
    }
    double value = Double.parseDouble(new String(bytes, start, pos - start, LATIN_1));
    if (Double.isInfinite(value)) throw Unsupported.INSTANCE; // Moshi refuses what overflows.
    return value;
  }

  /** Reads any value into a tree of mutable containers. */
  public Object readValue() throws Unsupported {
    switch (peek()) {
      case '{': {
        beginObject();
        Map<String, Object> map = new LinkedHashMap<>();
        while (hasNext()) {
          String name = nextName();
          // A repeated name makes Moshi's tree reader fail: leave it to Moshi.
          if (map.containsKey(name)) throw Unsupported.INSTANCE;
          map.put(name, readValue());
        }
        endObject();
        return map;
      }
      case '[': {
        beginArray();
        List<Object> list = new ArrayList<>(4);
        while (hasNext()) list.add(readValue());
        endArray();
        return list;
      }
      case '"':
        return nextString();
      case 't':
        expectLiteral("true");
        return Boolean.TRUE;
      case 'f':
        expectLiteral("false");
        return Boolean.FALSE;
      case 'n':
        expectLiteral("null");
        return null;
      default:
        return nextDouble();
    }
  }

  /** Skips any value, checking it as {@link #readValue} does. */
  public void skipValue() throws Unsupported {
    if (peek() == '"') {
      scanString();
    } else {
      readValue(); // Objects are read whole (rarely) to find repeated names.
    }
  }

  private void push() throws Unsupported {
    if (depth == MAX_DEPTH) throw Unsupported.INSTANCE;
    counts[++depth] = 0;
  }

  private void expect(char c) throws Unsupported {
    if (peek() != c) throw Unsupported.INSTANCE;
    pos++;
  }

  private void expectLiteral(String literal) throws Unsupported {
    int length = literal.length();
    if (end - pos < length) throw Unsupported.INSTANCE;
    for (int i = 0; i < length; i++) {
      if (bytes[pos + i] != literal.charAt(i)) throw Unsupported.INSTANCE;
    }
    pos += length;
    checkDelimiter();
  }

  /** A value must be followed by whitespace, a delimiter or the end, as Moshi requires. */
  private void checkDelimiter() throws Unsupported {
    if (pos == end) return;
    byte c = bytes[pos];
    if (c != ',' && c != '}' && c != ']' && c != ':' && c != ' ' && c != '\n' && c != '\r'
        && c != '\t') {
      throw Unsupported.INSTANCE;
    }
  }

  private boolean skipDigits() {
    int start = pos;
    while (pos < end && isDigit(bytes[pos])) pos++;
    return pos > start;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Scans the string whose opening quote is at the position, checking its escapes; leaves the
   * position after the closing quote and returns the index of that quote.
   */
  private int scanString() throws Unsupported {
    int start = pos++; // The opening quote.
    escaped = false;
    nonAscii = false;
    scannedStart = -1;
    while (pos < end) {
      byte c = bytes[pos];
      if (c > '\\' || (c >= ' ' && c != '"' && c != '\\')) { // Most bytes: printable ASCII.
        pos++;
        continue;
      }
      if (c == '"') {
        scannedStart = start;
        scannedClose = pos;
        return pos++;
      }
      if (c == '\\') {
        escaped = true;
        if (pos + 1 >= end) throw Unsupported.INSTANCE;
        byte e = bytes[pos + 1];
        if (e == 'u') {
          if (pos + 6 > end) throw Unsupported.INSTANCE;
          for (int i = pos + 2; i < pos + 6; i++) {
            if (hexValue(bytes[i]) < 0) throw Unsupported.INSTANCE;
          }
          pos += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n'
            || e == 'r' || e == 't') {
          pos += 2;
        } else {
          throw Unsupported.INSTANCE;
        }
      } else if (c >= 0 && c < 0x20) {
        throw Unsupported.INSTANCE; // A raw control character.
      } else {
        if (c < 0) nonAscii = true;
        pos++;
      }
    }
    throw Unsupported.INSTANCE; // Unterminated.
  }

  /** Decodes the string scanned last, whose opening quote is at {@code start}. */
  private String decodeString(int start) {
    int close = pos - 1;
    int from = start + 1;
    if (!escaped) {
      return new String(bytes, from, close - from, nonAscii ? UTF_8 : LATIN_1);
    }
    if (!nonAscii) {
      String latin = decodeLatin1(from, close);
      if (latin != null) return latin;
    }
    StringBuilder out = null;
    int length = 0;
    int run = from;
    for (int i = from; i < close; ) {
      byte c = bytes[i];
      if (c != '\\') {
        i++;
        continue;
      }
      // Text before the escape: ASCII copied as chars, anything else decoded as Moshi does.
      if (nonAscii && i > run) {
        if (out == null) out = new StringBuilder(close - from);
        out.append(chars, 0, length);
        length = 0;
        out.append(new String(bytes, run, i - run, UTF_8));
      } else {
        for (int k = run; k < i; k++) length = append(length, (char) bytes[k]);
      }
      byte e = bytes[i + 1];
      char decoded;
      switch (e) {
        case 'u':
          decoded = (char) ((hexValue(bytes[i + 2]) << 12) | (hexValue(bytes[i + 3]) << 8)
              | (hexValue(bytes[i + 4]) << 4) | hexValue(bytes[i + 5]));
          i += 6;
          break;
        case 'b': decoded = '\b'; i += 2; break;
        case 'f': decoded = '\f'; i += 2; break;
        case 'n': decoded = '\n'; i += 2; break;
        case 'r': decoded = '\r'; i += 2; break;
        case 't': decoded = '\t'; i += 2; break;
        default: decoded = (char) e; i += 2; break; // '"', '\\' or '/'.
      }
      length = append(length, decoded);
      run = i;
    }
    if (nonAscii && close > run) {
      if (out == null) out = new StringBuilder(close - from);
      out.append(chars, 0, length);
      length = 0;
      out.append(new String(bytes, run, close - run, UTF_8));
    } else {
      for (int k = run; k < close; k++) length = append(length, (char) bytes[k]);
    }
    if (out == null) return new String(chars, 0, length);
    return out.append(chars, 0, length).toString();
  }

  /**
   * Decodes escapes in ASCII bytes into one byte per char, the cheapest string to build; null if
   * an escape names a char beyond Latin-1.
   */
  private String decodeLatin1(int from, int close) {
    if (latin.length < close - from) latin = new byte[Math.max(close - from, 2 * latin.length)];
    int length = 0;
    for (int i = from; i < close; ) {
      byte c = bytes[i];
      if (c != '\\') {
        latin[length++] = c;
        i++;
        continue;
      }
      byte e = bytes[i + 1];
      int decoded;
      switch (e) {
        case 'u':
          decoded = (hexValue(bytes[i + 2]) << 12) | (hexValue(bytes[i + 3]) << 8)
              | (hexValue(bytes[i + 4]) << 4) | hexValue(bytes[i + 5]);
          if (decoded > 0xff) return null;
          i += 6;
          break;
        case 'b': decoded = '\b'; i += 2; break;
        case 'f': decoded = '\f'; i += 2; break;
        case 'n': decoded = '\n'; i += 2; break;
        case 'r': decoded = '\r'; i += 2; break;
        case 't': decoded = '\t'; i += 2; break;
        default: decoded = e; i += 2; break; // '"', '\\' or '/'.
      }
      latin[length++] = (byte) decoded;
    }
    return new String(latin, 0, length, LATIN_1);
  }

  private int append(int length, char c) {
    if (length == chars.length) {
      char[] bigger = new char[2 * length];
      System.arraycopy(chars, 0, bigger, 0, length);
      chars = bigger;
    }
    chars[length] = c;
    return length + 1;
  }

  private boolean equalsAscii(int start, int close, String s) {
    if (close - start != s.length()) return false;
    for (int i = 0; i < s.length(); i++) {
      if (bytes[start + i] != s.charAt(i)) return false;
    }
    return true;
  }

  private boolean rangeEquals(int start, int close, byte[] name) {
    if (close - start != name.length) return false;
    for (int i = 0; i < name.length; i++) {
      if (bytes[start + i] != name[i]) return false;
    }
    return true;
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
