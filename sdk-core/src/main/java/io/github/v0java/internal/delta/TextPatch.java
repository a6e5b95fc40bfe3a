package io.github.v0java.internal.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text diff as jsondiffpatch sends it: diff-match-patch's {@code patch_toText} format, a list
 * of hunks such as
 *
 * <pre>{@code
 * @@ -1,5 +1,11 @@
 *  Hello
 * +%20world
 * }</pre>
 *
 * <p>Headers follow diff-match-patch: {@code -a,b} is the 1-based start and length of the old
 * range ({@code -a} alone means length 1; {@code -a,0} is an empty range after character
 * {@code a}); {@code +c,d} likewise for the new range. Body lines are context ({@code ' '}),
 * deletions ({@code '-'}) and insertions ({@code '+'}), %-encoded as by {@code encodeURI}.
 * Offsets and lengths count UTF-16 code units, as Java's {@code char} indexes do.
 *
 * <p>Hunks apply in order, as {@code patch_apply} does for text that matches exactly: a hunk is
 * expected at its new-range start, moved by how far the previous hunk landed from where it was
 * expected; its old text (context and deletions) is used there if it matches exactly, else at
 * the nearest exact occurrence (the earlier one on a tie); with none, the hunk fails. There is
 * no fuzzy matching: diff-match-patch would accept an approximate match (and, by default, no
 * exact one further than 500 characters away), but a stream whose text no longer matches has
 * lost track, and we report that rather than guess. The length fields of headers are not
 * checked, as diff-match-patch does not check them either.
 *
 * <p>Cost: one copy of the text, and per hunk a search (only if it is not where expected) and a
 * shift of the text after it.
 */
final class TextPatch {
  private static final Pattern HEADER =
      Pattern.compile("^@@ -(\\d{1,9}),?(\\d{0,9}) \\+(\\d{1,9}),?(\\d{0,9}) @@$");

  private TextPatch() {
  }

  /**
   * Returns {@code text} with {@code patch} applied.
   *
   * @throws DeltaException at {@code path} if the patch is malformed or a hunk does not match
   */
  static String apply(String text, String patch, JsonPath path) throws DeltaException {
    List<Hunk> hunks = parse(patch, path);
    StringBuilder result = new StringBuilder(text);
    int drift = 0;
    for (int i = 0; i < hunks.size(); i++) {
      Hunk hunk = hunks.get(i);
      int expected = hunk.start2 + drift;
      int at = find(result, hunk.oldText, expected);
      if (at < 0) {
        throw new DeltaException(path.toString(), "text diff hunk " + (i + 1) + " does not match");
      }
      drift = at - expected;
      result.replace(at, at + hunk.oldText.length(), hunk.newText);
    }
    return result.toString();
  }

  /** Where {@code pattern} occurs in {@code text}: at {@code expected} if it can, else nearest. */
  private static int find(StringBuilder text, String pattern, int expected) {
    int at = Math.max(0, Math.min(expected, text.length()));
    if (regionMatches(text, at, pattern)) return at;
    int before = text.lastIndexOf(pattern, at);
    int after = text.indexOf(pattern, at);
    if (before < 0) return after;
    if (after < 0) return before;
    return at - before <= after - at ? before : after;
  }

  private static boolean regionMatches(StringBuilder text, int at, String pattern) {
    if (at + pattern.length() > text.length()) return false;
    for (int i = 0; i < pattern.length(); i++) {
      if (text.charAt(at + i) != pattern.charAt(i)) return false;
    }
    return true;
  }

  private static List<Hunk> parse(String patch, JsonPath path) throws DeltaException {
    List<Hunk> hunks = new ArrayList<>();
    if (patch.isEmpty()) return hunks;
    String[] lines = patch.split("\n", -1);
    int line = 0;
    while (line < lines.length) {
      Matcher header = HEADER.matcher(lines[line]);
      if (!header.matches()) {
        throw malformed(path, "line " + (line + 1) + " is not a hunk header");
      }
      int hunkNumber = hunks.size() + 1;
      StringBuilder oldText = new StringBuilder();
      StringBuilder newText = new StringBuilder();
      for (line++; line < lines.length; line++) {
        String body = lines[line];
        if (body.isEmpty()) continue; // diff-match-patch skips blank lines, such as the last one.
        char sign = body.charAt(0);
        if (sign == '@') break;
        if (sign != ' ' && sign != '-' && sign != '+') {
          throw malformed(path, "hunk " + hunkNumber + " has a line starting with '" + sign + "'");
        }
        String decoded;
        try {
          decoded = UriDecoder.decode(body.substring(1));
        } catch (IllegalArgumentException e) {
          throw malformed(path, "hunk " + hunkNumber + " has " + e.getMessage());
        }
        if (sign != '+') oldText.append(decoded);
        if (sign != '-') newText.append(decoded);
      }
      hunks.add(new Hunk(start(header.group(3), header.group(4)), oldText.toString(),
          newText.toString()));
    }
    return hunks;
  }

  /** A 0-based start from a header's 1-based {@code start,length} ({@code length} 0: after). */
  private static int start(String start, String length) {
    int value = Integer.parseInt(start);
    return length.equals("0") ? value : value - 1;
  }

  private static DeltaException malformed(JsonPath path, String reason) {
    return new DeltaException(path.toString(), "malformed text diff: " + reason);
  }

  /** One hunk: where it expects to apply in the text so far, and what it replaces with what. */
  private static final class Hunk {
    final int start2;
    final String oldText;
    final String newText;

    Hunk(int start2, String oldText, String newText) {
      this.start2 = start2;
      this.oldText = oldText;
      this.newText = newText;
    }
  }
}
