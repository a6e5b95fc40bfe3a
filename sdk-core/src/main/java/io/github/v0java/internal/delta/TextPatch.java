package io.github.v0java.internal.delta;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * <p>Cost: for a patch of one hunk that matches where expected (the usual chunk), one copy of
 * the text, its lines read from the patch in place; for any other, one copy of the text, and per
 * hunk a search (only if it is not where expected) and a shift of the text after it.
 */
final class TextPatch {
  private TextPatch() {
  }

  /**
   * Returns {@code text} with {@code patch} applied.
   *
   * @throws DeltaException at {@code path} if the patch is malformed or a hunk does not match
   */
  static String apply(String text, String patch, JsonPath path) throws DeltaException {
    String result = applySingleHunk(text, patch);
    return result != null ? result : applyHunks(text, patch, path);
  }

  /**
   * The common chunk, cheaply: a patch of one hunk whose old text is where the hunk expects it.
   * Its lines are read in place (only those with escapes are decoded into strings) and matched
   * against the text there, and the result is built in one copy (one concatenation when the
   * change is an insertion at the end, as when text grows). Returns null for any other patch,
   * well-formed or not, which {@link #applyHunks} then applies or reports; for a patch it does
   * apply, the result is the one that would give.
   */
  static @Nullable String applySingleHunk(String text, String patch) {
    int length = patch.length();
    int headerEnd = lineEnd(patch, 0);
    int start2 = newRangeStart(patch, 0, headerEnd);
    if (start2 < 0) return null;
    int at = Math.max(0, Math.min(start2, text.length())); // The first hunk: no drift.
    int percent = patch.indexOf('%', headerEnd); // The next escape.
    // The old and new text read so far; where the change (all but the leading and trailing
    // context) starts and ends in the old text, the new text and the patch; its first line.
    int oldLength = 0;
    int newLength = 0;
    int oldFrom = -1;
    int oldTo = 0;
    int newFrom = 0;
    int newTo = 0;
    int patchFrom = 0;
    int patchTo = 0;
    int firstChangeEnd = 0;
    String firstChangeText = null;
    for (int lineStart = headerEnd + 1, lineEnd; lineStart <= length; lineStart = lineEnd + 1) {
      lineEnd = lineEnd(patch, lineStart);
      if (lineEnd == lineStart) continue;
      char sign = patch.charAt(lineStart);
      if (sign != ' ' && sign != '-' && sign != '+') return null; // A second hunk, or malformed.
      // The line's text: patch[textStart, textStart + textLength), or its decoded copy.
      String lineText = null;
      int textStart = lineStart + 1;
      int textLength = lineEnd - textStart;
      if (percent >= 0 && percent < lineEnd) {
        lineText = decodedText(patch, lineStart, lineEnd);
        if (lineText == null) return null;
        textStart = 0;
        textLength = lineText.length();
        percent = patch.indexOf('%', lineEnd);
      }
      if (sign != '+') {
        String source = lineText != null ? lineText : patch;
        if (!text.regionMatches(at + oldLength, source, textStart, textLength)) return null;
        oldLength += textLength;
      }
      if (sign != '-') newLength += textLength;
      if (sign == ' ') continue;
      if (oldFrom < 0) {
        oldFrom = sign == '-' ? oldLength - textLength : oldLength;
        newFrom = sign == '+' ? newLength - textLength : newLength;
        patchFrom = lineStart;
        firstChangeEnd = lineEnd;
        firstChangeText = lineText;
      }
      oldTo = oldLength;
      newTo = newLength;
      patchTo = lineEnd;
    }
    if (oldFrom < 0) return text; // Context only.
    int changeStart = at + oldFrom;
    int changeEnd = at + oldTo;
    if (changeEnd == text.length() && firstChangeEnd == patchTo && patch.charAt(patchFrom) == '+') {
      // A single insertion at the end (and so no old text after it): the text growing.
      return text.concat(firstChangeText != null
          ? firstChangeText : patch.substring(patchFrom + 1, patchTo));
    }
    char[] result = new char[text.length() - (oldTo - oldFrom) + (newTo - newFrom)];
    text.getChars(0, changeStart, result, 0);
    int written = changeStart;
    int escape = patch.indexOf('%', patchFrom);
    for (int lineStart = patchFrom, lineEnd; lineStart < patchTo; lineStart = lineEnd + 1) {
      lineEnd = lineEnd(patch, lineStart);
      boolean escaped = escape >= 0 && escape < lineEnd;
      if (escaped) escape = patch.indexOf('%', lineEnd);
      if (lineEnd == lineStart || patch.charAt(lineStart) == '-') continue;
      if (escaped) {
        String lineText = decodedText(patch, lineStart, lineEnd); // Decoded above too: not null.
        lineText.getChars(0, lineText.length(), result, written);
        written += lineText.length();
      } else {
        patch.getChars(lineStart + 1, lineEnd, result, written);
        written += lineEnd - lineStart - 1;
      }
    }
    text.getChars(changeEnd, text.length(), result, written);
    return new String(result);
  }

  /** The text of the line {@code patch[from, to)} after its sign, decoded; null if it can't be. */
  private static @Nullable String decodedText(String patch, int from, int to) {
    try {
      return UriDecoder.decode(patch.substring(from + 1, to));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Applies any patch: the general path, hunk by hunk. */
  static String applyHunks(String text, String patch, JsonPath path) throws DeltaException {
    List<Hunk> hunks = parse(patch, path);
    int growth = 0;
    for (int i = 0; i < hunks.size(); i++) growth += hunks.get(i).newText.length();
    StringBuilder result = new StringBuilder(text.length() + growth).append(text);
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
    List<Hunk> hunks = new ArrayList<>(1);
    if (patch.isEmpty()) return hunks;
    // Lines end at LF; the text after the last LF is a line too (usually empty).
    int length = patch.length();
    int lineStart = 0;
    int lineNumber = 1;
    while (lineStart <= length) {
      int lineEnd = lineEnd(patch, lineStart);
      int start2 = newRangeStart(patch, lineStart, lineEnd);
      if (start2 < 0) throw malformed(path, "line " + lineNumber + " is not a hunk header");
      int hunkNumber = hunks.size() + 1;
      StringBuilder oldText = new StringBuilder();
      StringBuilder newText = new StringBuilder();
      for (lineStart = lineEnd + 1, lineNumber++; lineStart <= length;
          lineStart = lineEnd + 1, lineNumber++) {
        lineEnd = lineEnd(patch, lineStart);
        if (lineEnd == lineStart) continue; // diff-match-patch skips blank lines, such as the last one.
        char sign = patch.charAt(lineStart);
        if (sign == '@') break;
        if (sign != ' ' && sign != '-' && sign != '+') {
          throw malformed(path, "hunk " + hunkNumber + " has a line starting with '" + sign + "'");
        }
        int percent = patch.indexOf('%', lineStart + 1);
        if (percent < 0 || percent >= lineEnd) {
          // Nothing escaped, as in most lines: appended from the patch without a copy.
          if (sign != '+') oldText.append(patch, lineStart + 1, lineEnd);
          if (sign != '-') newText.append(patch, lineStart + 1, lineEnd);
          continue;
        }
        String decoded;
        try {
          decoded = UriDecoder.decode(patch.substring(lineStart + 1, lineEnd));
        } catch (IllegalArgumentException e) {
          throw malformed(path, "hunk " + hunkNumber + " has " + e.getMessage());
        }
        if (sign != '+') oldText.append(decoded);
        if (sign != '-') newText.append(decoded);
      }
      hunks.add(new Hunk(start2, oldText.toString(), newText.toString()));
    }
    return hunks;
  }

  /** The index of the LF ending the line at {@code from}, or the patch's length for the last. */
  private static int lineEnd(String patch, int from) {
    int end = patch.indexOf('\n', from);
    return end < 0 ? patch.length() : end;
  }

  /**
   * Parses the header {@code @@ -a[,b] +c[,d] @@} that is exactly {@code patch[from, to)} (each
   * start 1 to 9 digits, each length 0 to 9, the comma optional), and returns the 0-based start
   * of the new range: {@code c - 1}, or {@code c} when {@code d} is {@code "0"} (an empty range
   * after character {@code c}). Returns -1 if the line is not such a header.
   */
  private static int newRangeStart(String patch, int from, int to) {
    if (!patch.startsWith("@@ -", from)) return -1;
    int at = skipRange(patch, from + 4, to);
    if (at < 0 || at + 1 >= to || patch.charAt(at) != ' ' || patch.charAt(at + 1) != '+') {
      return -1;
    }
    int startFrom = at + 2;
    int startEnd = digits(patch, startFrom, to);
    at = skipRange(patch, startFrom, to);
    if (at < 0 || at + 3 != to || !patch.startsWith(" @@", at)) return -1;
    int start = 0; // At most 9 digits: no overflow.
    for (int i = startFrom; i < startEnd; i++) start = start * 10 + (patch.charAt(i) - '0');
    int lengthFrom = startEnd < at && patch.charAt(startEnd) == ',' ? startEnd + 1 : startEnd;
    boolean emptyRange = at - lengthFrom == 1 && patch.charAt(lengthFrom) == '0';
    return emptyRange ? start : start - 1;
  }

  /**
   * Skips {@code start[,length]} at {@code from}: 1 to 9 digits, an optional comma, 0 to 9
   * digits. Returns the index after it, or -1 if no digit starts it.
   */
  private static int skipRange(String patch, int from, int to) {
    int at = digits(patch, from, to);
    if (at == from) return -1;
    if (at < to && patch.charAt(at) == ',') at++;
    return digits(patch, at, to);
  }

  /** The index after up to 9 ASCII digits starting at {@code from}. */
  private static int digits(String patch, int from, int to) {
    int at = from;
    while (at < to && at - from < 9 && patch.charAt(at) >= '0' && patch.charAt(at) <= '9') at++;
    return at;
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
