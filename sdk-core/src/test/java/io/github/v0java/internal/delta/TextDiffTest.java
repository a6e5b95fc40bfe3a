package io.github.v0java.internal.delta;

import static io.github.v0java.internal.delta.TestJson.assertJson;
import static io.github.v0java.internal.delta.TestJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text diffs, {@code [patch, 0, 2]}: diff-match-patch {@code patch_toText} hunks. Each patch
 * below is worked out by hand; offsets count UTF-16 code units, starts are 1-based except in an
 * empty range ({@code a,0} is the empty range after character {@code a}).
 */
final class TextDiffTest {
  private static Object textDiff(String patch) {
    return Arrays.asList(patch, 0.0, 2.0);
  }

  private static String applyTo(String text, String patch) throws DeltaException {
    return (String) DeltaApplier.apply(text, textDiff(patch));
  }

  @Test void appendsWithContext() throws DeltaException {
    // "Hello" -> "Hello world": insert " world" at 5, with the 4 characters before it, "ello"
    // (index 1, length 4), as context: old range 2,4; new range 2,10. encodeURI writes the space
    // as %20, which patch_toText turns back into a space.
    assertThat(applyTo("Hello", "@@ -2,4 +2,10 @@\n ello\n+ world\n")).isEqualTo("Hello world");
  }

  @Test void appliesToTheTextOfAPart() throws DeltaException {
    Object parts = parse("[{'type': 'text', 'text': 'Hello'}]");
    Map<String, Object> delta = new LinkedHashMap<>();
    delta.put("0", Map.of("text", textDiff("@@ -2,4 +2,10 @@\n ello\n+ world\n")));
    delta.put("_t", "a");
    DeltaApplier.apply(parts, delta);
    assertJson(parts, "[{'type': 'text', 'text': 'Hello world'}]");
  }

  @Test void decodesPercentEncodedUtf8() throws DeltaException {
    // "Grüße" -> "Grüße 😀!": insert " 😀!" at 5 after the context "rüße" (index 1, length 4;
    // ü is C3 BC and ß is C3 9F in UTF-8). The new range is 4 + 1 + 2 (a surrogate pair) + 1 = 8
    // code units; 😀 (U+1F600) is F0 9F 98 80 in UTF-8.
    assertThat(applyTo("Grüße", "@@ -2,4 +2,8 @@\n r%C3%BC%C3%9Fe\n+ %F0%9F%98%80!\n"))
        .isEqualTo("Grüße \uD83D\uDE00!");
  }

  @Test void deletesAnEmoji() throws DeltaException {
    // "a😀b" -> "ab": the old range is the whole text, 4 code units; the new range 2.
    assertThat(applyTo("a\uD83D\uDE00b", "@@ -1,4 +1,2 @@\n a\n-%F0%9F%98%80\n b\n"))
        .isEqualTo("ab");
  }

  @Test void offsetsCountUtf16CodeUnits() throws DeltaException {
    // An insert with no context lands exactly at its offset. "😀😀ab": -2,0 is the empty range
    // after code unit 2, which is between the two emoji (after 2 code points it would be after
    // both); +3,1 is the inserted "X" at code unit 3, 1-based.
    assertThat(applyTo("\uD83D\uDE00\uD83D\uDE00ab", "@@ -2,0 +3,1 @@\n+X\n"))
        .isEqualTo("\uD83D\uDE00X\uD83D\uDE00ab");
  }

  @Test void lengthOmittedMeansOne() throws DeltaException {
    // "abc" -> "aXc": -2 is the single character at index 1.
    assertThat(applyTo("abc", "@@ -2 +2 @@\n-b\n+X\n")).isEqualTo("aXc");
  }

  @Test void decodesEscapedNewlinesAndPercentSigns() throws DeltaException {
    // "50%" -> "50%\nok": encodeURI writes % as %25 and the newline as %0A.
    assertThat(applyTo("50%", "@@ -1,3 +1,6 @@\n 50%25\n+%0Aok\n")).isEqualTo("50%\nok");
  }

  @Test void appliesSeveralHunksInOrder() throws DeltaException {
    // "The quick brown fox jumps over the lazy dog." (44 code units).
    // Hunk 1: "quick" (4..8) -> "slow", context "The " and " bro": old 0..12, "-1,13 +1,12".
    // Hunk 2: "lazy" (35..38) -> "sleepy", context "the " and " dog": old 31..42, "-32,12"; in
    // the new text hunk 1 has shortened everything by 1, so it starts at 30: "+31,14".
    String patch = "@@ -1,13 +1,12 @@\n The \n-quick\n+slow\n  bro\n"
        + "@@ -32,12 +31,14 @@\n the \n-lazy\n+sleepy\n  dog\n";
    assertThat(applyTo("The quick brown fox jumps over the lazy dog.", patch))
        .isEqualTo("The slow brown fox jumps over the sleepy dog.");
  }

  @Test void findsAShiftedHunkAtTheNearestExactMatch() throws DeltaException {
    // The same two hunks, on a text with "> " in front: hunk 1 is not at 0 but at 2; hunk 2 is
    // then expected 2 later than its header says, where it matches.
    String patch = "@@ -1,13 +1,12 @@\n The \n-quick\n+slow\n  bro\n"
        + "@@ -32,12 +31,14 @@\n the \n-lazy\n+sleepy\n  dog\n";
    assertThat(applyTo("> The quick brown fox jumps over the lazy dog.", patch))
        .isEqualTo("> The slow brown fox jumps over the sleepy dog.");
  }

  @Test void prefersTheOccurrenceNearestTheExpectedLocation() throws DeltaException {
    // "cat cat cat": the hunk expects "cat" at 5, where it is not; "cat" is at 4 (1 away) and 8
    // (3 away).
    assertThat(applyTo("cat cat cat", "@@ -6,3 +6,3 @@\n-cat\n+dog\n")).isEqualTo("cat dog cat");
    // Expected at 6: 4 and 8 are both 2 away; the earlier one wins.
    assertThat(applyTo("cat cat cat", "@@ -7,3 +7,3 @@\n-cat\n+dog\n")).isEqualTo("cat dog cat");
  }

  @Test void laterHunkIsExpectedWhereTheEarlierOneLanded() throws DeltaException {
    // Made for "Q-ab-ab": hunk 1 turns "Q-" (0..1) into "R-"; hunk 2 the "ab" at 5 into "AB".
    // Applied to "ab-ab-Q-ab-ab", hunk 1 lands 6 later than expected, so hunk 2 is expected at
    // 5 + 6 = 11, where it matches. (At 5 alone, the nearest "ab" would be the one at 3.)
    String patch = "@@ -1,2 +1,2 @@\n-Q\n+R\n -\n@@ -6,2 +6,2 @@\n-ab\n+AB\n";
    assertThat(applyTo("ab-ab-Q-ab-ab", patch)).isEqualTo("ab-ab-R-ab-AB");
  }

  @Test void hunkThatDoesNotMatchAnywhereFails() {
    assertThatThrownBy(() -> applyTo("Hello", "@@ -2,4 +2,10 @@\n ELLO\n+ world\n"))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$: text diff hunk 1 does not match");
  }

  @Test void failingHunkNamesThePathAndHunk() {
    Object parts = parse("[{'text': 'a'}, {'text': 'b'}, {'type': 'text', 'text': 'Hello'}]");
    Map<String, Object> delta = new LinkedHashMap<>();
    delta.put("2", Map.of("text",
        textDiff("@@ -1,5 +1,6 @@\n Hello\n+!\n@@ -1,3 +1,3 @@\n-xyz\n+abc\n")));
    delta.put("_t", "a");
    assertThatThrownBy(() -> DeltaApplier.apply(parts, delta, "parts"))
        .isInstanceOf(DeltaException.class)
        .hasMessage("parts[2].text: text diff hunk 2 does not match");
    assertJson(parts, "[{'text': 'a'}, {'text': 'b'}, {'type': 'text', 'text': 'Hello'}]");
  }

  @Test void textDiffOnANonStringFails() {
    Object root = parse("{'text': 5}");
    assertThatThrownBy(() -> DeltaApplier.apply(root, Map.of("text", textDiff("@@ -1 +1 @@\n-5\n"))))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$.text: cannot apply a text diff to a number");
    assertThatThrownBy(() -> DeltaApplier.apply(root, Map.of("other", textDiff("@@ -1 +1 @@\n-5\n"))))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$.other: nothing here to apply a text diff to");
  }

  @Test void malformedPatchesFail() {
    List<String> patches = new ArrayList<>(Arrays.asList(
        "@@ bad @@\n",
        "\n@@ -1 +1 @@\n-a\n",
        "@@ -1 +1 @@\n*a\n",
        "@@ -1 +1 @@\n-%ZZ\n",
        "@@ -1 +1 @@\n-%4\n",
        "@@ -1 +1 @@\n-%F0%9F\n"));
    for (String patch : patches) {
      assertThatThrownBy(() -> applyTo("a", patch))
          .as(patch)
          .isInstanceOf(DeltaException.class)
          .hasMessageStartingWith("$: malformed text diff: ");
    }
    assertThatThrownBy(() -> DeltaApplier.apply("a", Arrays.asList(5, 0, 2)))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$: malformed text diff: the patch is a number, not a string");
  }

  @Test void hunkHeadersFollowDiffMatchPatchGrammarExactly() throws DeltaException {
    // Lengths are optional (a bare comma too); only the new range's start and "0" length matter.
    assertThat(applyTo("abc", "@@ -2 +2 @@\n-b\n+X\n")).isEqualTo("aXc");
    assertThat(applyTo("abc", "@@ -2, +2, @@\n-b\n+X\n")).isEqualTo("aXc");
    assertThat(applyTo("abc", "@@ -999999999,1 +2,1 @@\n-b\n+X\n")).isEqualTo("aXc");
    assertThat(applyTo("abc", "@@ -1,0 +1,0 @@\n+X\n")).isEqualTo("aXbc");
    for (String header : Arrays.asList("@@ -2 +2 @@ ", " @@ -2 +2 @@", "@@ -2 +2@@", "@@ -2  +2 @@",
        "@@ -b +2 @@", "@@ - +2 @@", "@@ -2 + @@", "@@ -2 2 @@", "@@ -1234567890123456789 +2 @@",
        "@@ -2 +2 @", "@@ -2 +2 @@@", "@@ -2,,1 +2 @@")) {
      assertThatThrownBy(() -> applyTo("abc", header + "\n-b\n+X\n"))
          .as(header)
          .isInstanceOf(DeltaException.class)
          .hasMessage("$: malformed text diff: line 1 is not a hunk header");
    }
    assertThatThrownBy(() -> applyTo("abc", "@@ -2 +2 @@\n-b\n+X\n@@ nope\n"))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$: malformed text diff: line 4 is not a hunk header");
  }

  @Test void emptyPatchChangesNothing() throws DeltaException {
    assertThat(applyTo("abc", "")).isEqualTo("abc");
  }
}
