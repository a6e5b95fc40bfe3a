package io.github.v0java.internal.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The single-hunk fast path of {@link TextPatch}: which patches it takes, that what it builds is
 * right, and that it agrees with the general path ({@link TextPatch#applyHunks}) on every patch.
 * {@link TextDiffTest} covers the format itself through {@link DeltaApplier}.
 */
final class TextPatchTest {
  private static final JsonPath ROOT = JsonPath.root("$");

  private static String apply(String text, String patch) throws DeltaException {
    return TextPatch.apply(text, patch, ROOT);
  }

  @Test void appendingAtTheEndTakesTheFastPath() throws DeltaException {
    String patch = "@@ -2,4 +2,10 @@\n ello\n+ world\n";
    assertThat(TextPatch.applySingleHunk("Hello", patch)).isEqualTo("Hello world");
    assertThat(apply("Hello", patch)).isEqualTo("Hello world");
  }

  @Test void changesInsideTheTextKeepWhatIsAroundThem() throws DeltaException {
    // "The quick brown fox": "quick" (4..8) -> "slow", context "The " and " bro".
    assertThat(TextPatch.applySingleHunk("The quick brown fox", "@@ -1,13 +1,12 @@\n The \n-quick\n+slow\n  bro\n"))
        .isEqualTo("The slow brown fox");
    // An insertion before trailing context; a deletion at the end; a deletion with no context.
    assertThat(TextPatch.applySingleHunk("abcd", "@@ -2,2 +2,4 @@\n b\n+XY\n c\n")).isEqualTo("abXYcd");
    assertThat(TextPatch.applySingleHunk("abcd", "@@ -2,3 +2,1 @@\n b\n-cd\n")).isEqualTo("ab");
    assertThat(TextPatch.applySingleHunk("abcd", "@@ -2,2 +2 @@\n-bc\n")).isEqualTo("ad");
  }

  @Test void changesSeparatedByContextAreAppliedTogether() throws DeltaException {
    // Two changes in one hunk with unchanged text between them, and blank lines to skip.
    String patch = "@@ -1,9 +1,9 @@\n-one\n+ONE\n\n  two \n-three\n+3\n\n";
    assertThat(TextPatch.applySingleHunk("one two three!", patch)).isEqualTo("ONE two 3!");
    assertThat(TextPatch.applyHunks("one two three!", patch, ROOT)).isEqualTo("ONE two 3!");
  }

  @Test void contextOnlyHunkLeavesTheTextAsItIs() throws DeltaException {
    assertThat(TextPatch.applySingleHunk("Hello", "@@ -2,3 +2,3 @@\n ell\n")).isEqualTo("Hello");
    assertThat(TextPatch.applySingleHunk("Hello", "@@ -2,3 +2,3 @@\n")).isEqualTo("Hello");
  }

  @Test void hunkNotWhereExpectedIsLeftToTheGeneralPath() throws DeltaException {
    // Expected at 1 in "> Hello", found at 2.
    String patch = "@@ -2,4 +2,10 @@\n ello\n+ world\n";
    assertThat(TextPatch.applySingleHunk("> Hello", patch)).isNull();
    assertThat(apply("> Hello", patch)).isEqualTo("> Hello world");
    // Cut short by the end of the text.
    assertThat(TextPatch.applySingleHunk("Hell", patch)).isNull();
    assertThatThrownBy(() -> apply("Hell", patch)).hasMessage("$: text diff hunk 1 does not match");
  }

  @Test void escapedLinesAreDecoded() throws DeltaException {
    // Context and insertion escaped, at the end; then escaped deletions and insertions inside.
    assertThat(TextPatch.applySingleHunk("50%", "@@ -1,3 +1,6 @@\n 50%25\n+%0Aok\n")).isEqualTo("50%\nok");
    assertThat(TextPatch.applySingleHunk("a\"b\"c", "@@ -1,5 +1,7 @@\n a\n-%22b%22\n+%7Bb%7D%0A\n+!\n c\n"))
        .isEqualTo("a{b}\n!c");
    assertThat(TextPatch.applySingleHunk("x\u00fcy", "@@ -1,3 +1,3 @@\n x\n-%C3%BC\n+%F0%9F%98%80\n y\n"))
        .isEqualTo("x\uD83D\uDE00y");
  }

  @Test void escapesSeveralHunksAndMalformedPatchesAreLeftToTheGeneralPath() throws DeltaException {
    String twoHunks = "@@ -1,1 +1,1 @@\n-a\n+A\n@@ -3,1 +3,1 @@\n-c\n+C\n";
    assertThat(TextPatch.applySingleHunk("abc", twoHunks)).isNull();
    assertThat(apply("abc", twoHunks)).isEqualTo("AbC");

    for (String malformed : new String[] {"@@ bad @@\n", "@@ -1 +1 @@\n*a\n", "@@ -1 +1 @@\n-a\n@@ x\n",
        "@@ -1 +1 @@\n a\n+%ZZ\n", "@@ -1 +1 @@\n a\n+%F0%9F\n", "@@ -1 +1 @@\n-%4\n"}) {
      assertThat(TextPatch.applySingleHunk("a", malformed)).as(malformed).isNull();
      assertThatThrownBy(() -> apply("a", malformed)).as(malformed)
          .hasMessageStartingWith("$: malformed text diff: ");
    }
  }

  @Test void agreesWithTheGeneralPathOnRandomPatches() {
    // Small alphabets make a hunk's old text occur elsewhere, so misplaced hunks are found or fail.
    Random random = new Random(3);
    int fast = 0;
    int fastEscaped = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random, random.nextInt(12));
      String patch = randomPatch(random, text);
      String expected;
      try {
        expected = TextPatch.applyHunks(text, patch, ROOT);
      } catch (DeltaException e) {
        expected = "failed: " + e.getMessage();
      }
      String actual;
      try {
        actual = apply(text, patch);
      } catch (DeltaException e) {
        actual = "failed: " + e.getMessage();
      }
      assertThat(actual).as("%s with %s", text, patch).isEqualTo(expected);
      if (TextPatch.applySingleHunk(text, patch) != null) {
        fast++;
        if (patch.indexOf('%') >= 0) fastEscaped++;
      }
    }
    assertThat(fast).as("patches taking the fast path").isBetween(2_000, 18_000);
    assertThat(fastEscaped).as("escaped patches taking the fast path").isBetween(500, 18_000);
  }

  /** {@code text} with its non-ASCII characters escaped as encodeURI does. */
  private static String escaped(String text) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0) escaped.append((char) b);
      else escaped.append(String.format("%%%02X", b & 0xff));
    }
    return escaped.toString();
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) text.append("ab\u00e9\uD83D\uDE00".charAt(random.nextInt(5)));
    return text.toString();
  }

  /**
   * A hunk (sometimes two) with lines taken from the text near a random place, or not; some
   * escaped, some malformed.
   */
  private static String randomPatch(Random random, String text) {
    StringBuilder patch = new StringBuilder();
    int hunks = random.nextInt(8) == 0 ? 2 : 1;
    for (int h = 0; h < hunks; h++) {
      int start = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
      patch.append("@@ -").append(start + 1).append(' ').append('+').append(start + 1);
      if (random.nextBoolean()) patch.append(",0");
      patch.append(" @@\n");
      int at = start;
      for (int lines = random.nextInt(5); lines > 0; lines--) {
        int kind = random.nextInt(10);
        if (kind == 0) {
          patch.append('\n'); // A blank line.
        } else if (kind == 1) {
          patch.append(random.nextBoolean() ? "+%25\n" : random.nextBoolean() ? "*x\n" : "+%C3\n");
        } else if (kind < 6) {
          int length = Math.min(random.nextInt(4), text.length() - Math.min(at, text.length()));
          String old = random.nextInt(6) == 0 ? randomText(random, length)
              : text.substring(Math.min(at, text.length()), Math.min(at, text.length()) + length);
          at += length;
          patch.append(kind < 4 ? ' ' : '-').append(random.nextBoolean() ? old : escaped(old)).append('\n');
        } else {
          String inserted = randomText(random, random.nextInt(4));
          patch.append('+').append(random.nextBoolean() ? inserted : escaped(inserted)).append('\n');
        }
      }
    }
    if (random.nextInt(4) == 0) patch.setLength(patch.length() - 1); // No final LF.
    return patch.toString();
  }
}
