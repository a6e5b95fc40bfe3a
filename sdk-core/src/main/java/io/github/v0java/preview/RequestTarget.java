package io.github.v0java.preview;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A caller's request target split into path segments and query, checked so that it can only
 * name something below the preview's path: no absolute or scheme-relative URL, no backslash, no
 * {@code .} or {@code ..} segment, no encoded slash, backslash or dot segment (however many times
 * encoded), no control character, no fragment. What passes is forwarded still encoded as
 * received; the proxy builds the upstream URL from the preview's origin and these segments, so
 * the origin can never change.
 */
final class RequestTarget {
  private static final Charset UTF_8 = Charset.forName("UTF-8");
  /** Percent-decoding rounds checked; a segment still encoded after them is refused. */
  private static final int DECODING_ROUNDS = 4;

  /** Encoded path segments; the last is empty for a path ending in '/'. */
  final List<String> segments;
  /** The encoded query, or null if there is none. */
  final String query;

  private RequestTarget(List<String> segments, String query) {
    this.segments = Collections.unmodifiableList(segments);
    this.query = query;
  }

  /**
   * Parses {@code target} as received by a proxy served at {@code mountPath} (ending in '/').
   *
   * @throws Refused 404 for a path outside the mount path, 400 for anything hostile
   */
  static RequestTarget parse(String target, String mountPath) throws Refused {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x20 || c == 0x7f) throw bad("the request target contains a control character");
      if (c == '#') throw bad("the request target contains a fragment");
    }
    if (!target.startsWith("/")) {
      throw bad("the request target is not a path (an absolute URL, an authority or '*')");
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    path = belowMount(path, mountPath);
    if (path.startsWith("//")) throw bad("the path starts with '//' (a scheme-relative URL)");
    if (path.indexOf('\\') >= 0) throw bad("the path contains a backslash");
    List<String> segments = new ArrayList<>();
    int start = 1;
    while (true) {
      int slash = path.indexOf('/', start);
      String segment = path.substring(start, slash < 0 ? path.length() : slash);
      if (slash >= 0 && segment.isEmpty()) throw bad("the path has an empty segment ('//')");
      check(segment);
      segments.add(segment);
      if (slash < 0) break;
      start = slash + 1;
    }
    return new RequestTarget(segments, query);
  }

  /** The path below the mount path, starting with '/'. */
  private static String belowMount(String path, String mountPath) throws Refused {
    if (mountPath.equals("/")) return path;
    if (path.equals(mountPath.substring(0, mountPath.length() - 1))) return "/";
    if (!path.startsWith(mountPath)) throw new Refused(404, "not below the preview proxy's path");
    return path.substring(mountPath.length() - 1);
  }

  /** Refuses a segment that is, or decodes to, a dot segment, a separator or a control char. */
  private static void check(String segment) throws Refused {
    String value = segment;
    for (int round = 0; ; round++) {
      checkDecoded(value, round);
      if (value.indexOf('%') < 0) return;
      if (round == DECODING_ROUNDS) throw bad("a path segment is percent-encoded too many times");
      String decoded = percentDecode(value);
      if (decoded == null) {
        if (round == 0) throw bad("a path segment has a malformed percent-encoding");
        return; // A literal '%' (such as "100%" sent as "100%25"): nothing left to decode.
      }
      value = decoded;
    }
  }

  /**
   * Checks one decoding of a segment, and its NFKC form too (a full-width solidus or full stop
   * becomes '/' or '.' on servers that normalize). In the segment as received a slash cannot
   * occur (it separates segments) and a backslash is already refused.
   */
  private static void checkDecoded(String value, int round) throws Refused {
    String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
    for (String form : new String[] {value, normalized}) {
      if ((round > 0 || !form.equals(value)) && (form.indexOf('/') >= 0 || form.indexOf('\\') >= 0)) {
        throw bad("a path segment has an encoded slash or backslash");
      }
      int semicolon = form.indexOf(';'); // "..;x" is ".." to some servers
      String name = semicolon < 0 ? form : form.substring(0, semicolon);
      if (name.equals(".") || name.equals("..")) throw bad("the path has a '.' or '..' segment");
      for (int i = 0; i < form.length(); i++) {
        char c = form.charAt(i);
        if (c < 0x20 || c == 0x7f) throw bad("a path segment has an encoded control character");
      }
    }
  }

  /** Decodes every {@code %XX} (as UTF-8), or returns null if one is malformed. */
  static String percentDecode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int run = 0; // Start of the characters not yet copied.
    for (int i = value.indexOf('%'); i >= 0; i = value.indexOf('%', run)) {
      if (i + 2 >= value.length()) return null;
      int high = Character.digit(value.charAt(i + 1), 16);
      int low = Character.digit(value.charAt(i + 2), 16);
      if (high < 0 || low < 0) return null;
      byte[] literal = value.substring(run, i).getBytes(UTF_8);
      bytes.write(literal, 0, literal.length);
      bytes.write(high << 4 | low);
      run = i + 3;
    }
    byte[] rest = value.substring(run).getBytes(UTF_8);
    bytes.write(rest, 0, rest.length);
    return new String(bytes.toByteArray(), UTF_8);
  }

  private static Refused bad(String reason) {
    return new Refused(400, reason);
  }
}
