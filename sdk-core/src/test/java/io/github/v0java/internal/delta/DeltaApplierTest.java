package io.github.v0java.internal.delta;

import static io.github.v0java.internal.delta.TestJson.assertJson;
import static io.github.v0java.internal.delta.TestJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The delta forms of streaming.md, "Deltas", and jsondiffpatch's object deltas. */
final class DeltaApplierTest {
  @Test void falsyDeltasChangeNothing() throws DeltaException {
    Object root = parse("[{'type': 'text', 'text': 'Hi'}]");
    for (Object falsy : Arrays.asList(null, false, 0.0, 0, -0.0, "")) {
      assertThat(DeltaApplier.apply(root, falsy)).isSameAs(root);
    }
    assertJson(root, "[{'type': 'text', 'text': 'Hi'}]");
  }

  @Test void typicalV2TextGrowthReplacesTheTextOfOnePart() throws DeltaException {
    Object parts = parse("[{'type': 'text', 'text': 'Hello'}, {'type': 'thinking', 'text': 'x'}]");
    Object part0 = ((List<?>) parts).get(0);
    Object part1 = ((List<?>) parts).get(1);

    Object result = DeltaApplier.apply(parts,
        parse("{'0': {'text': ['Hello', 'Hello world']}, '_t': 'a'}"));

    assertThat(result).isSameAs(parts);
    assertJson(parts, "[{'type': 'text', 'text': 'Hello world'}, {'type': 'thinking', 'text': 'x'}]");
    // Changed in place: nothing is copied, not even the part that changed.
    assertThat(((List<?>) parts).get(0)).isSameAs(part0);
    assertThat(((List<?>) parts).get(1)).isSameAs(part1);
  }

  @Test void chunksNeverReadPartsTheyDoNotTouch() throws DeltaException {
    List<Object> parts = new ArrayList<>();
    parts.add(new Untouchable());
    parts.add(new Untouchable());
    parts.add(parse("{'type': 'text', 'text': 'a'}"));

    DeltaApplier.apply(parts, parse("{'2': {'text': ['a', 'ab']}, '_t': 'a'}"));
    DeltaApplier.apply(parts, parse("{'3': [{'type': 'text', 'text': 'c'}], '_t': 'a'}"));
    DeltaApplier.apply(parts, parse("[[3, 0, 'd'], 9, 9]")); // Part 3 has no key "0": no change.

    assertThat(parts).hasSize(4);
    assertJson(parts.subList(2, 4), "[{'type': 'text', 'text': 'ab'}, {'type': 'text', 'text': 'c'}]");
  }

  @Test void newValueReplacesTheRoot() throws DeltaException {
    Object root = parse("[1, 2]");
    Object result = DeltaApplier.apply(root, parse("[{'a': [1]}]"));
    assertJson(result, "{'a': [1]}");
    assertJson(root, "[1, 2]");
  }

  @Test void oldAndNewValueReplacesTheRoot() throws DeltaException {
    assertJson(DeltaApplier.apply(parse("[1]"), parse("[[1], 'x']")), "'x'");
  }

  @Test void deletingTheRootGivesNull() throws DeltaException {
    assertThat(DeltaApplier.apply(parse("[1]"), parse("[[1], 0, 0]"))).isNull();
  }

  @Test void objectDeltaSetsReplacesAddsAndDeletesKeys() throws DeltaException {
    Object root = parse("{'a': {'b': 1, 'c': 2, 'e': 'keep'}, 'z': true}");
    DeltaApplier.apply(root, parse("{'a': {'b': [1, 3], 'c': [2, 0, 0], 'd': ['new']}}"));
    assertJson(root, "{'a': {'b': 3, 'e': 'keep', 'd': 'new'}, 'z': true}");
  }

  @Test void replacingAKeyKeepsItsPosition() throws DeltaException {
    Object root = parse("{'a': 1, 'b': 2, 'c': 3}");
    DeltaApplier.apply(root, parse("{'b': [2, 'two']}"));
    assertJson(root, "{'a': 1, 'b': 'two', 'c': 3}");
  }

  @Test void deletingAMissingKeyDoesNothing() throws DeltaException {
    Object root = parse("{'a': 1}");
    DeltaApplier.apply(root, parse("{'b': [2, 0, 0]}"));
    assertJson(root, "{'a': 1}");
  }

  @Test void nestedDeltaOnAMissingKeyFails() {
    Object root = parse("{'a': 1}");
    assertThatThrownBy(() -> DeltaApplier.apply(root, parse("{'b': {'c': [1]}}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$.b: nothing here to apply an object delta to");
  }

  @Test void setValuesAreCopiedFromTheDelta() throws DeltaException {
    Object root = parse("{}");
    Object delta = parse("{'a': [{'list': [1]}]}");
    DeltaApplier.apply(root, delta);

    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) ((List<?>) ((Map<?, ?>) delta).get("a")).get(0);
    value.put("changed", true);
    assertJson(root, "{'a': {'list': [1]}}");
  }

  @Test void underscoreTKeyInToolDataIsData() throws DeltaException {
    Object parts = parse("[{'type': 'tool-call', 'name': 'run', 'input': null}]");
    DeltaApplier.apply(parts, parse("{'0': {'input': [{'_t': 'x', 'a': 1}]}, '_t': 'a'}"));
    assertJson(parts, "[{'type': 'tool-call', 'name': 'run', 'input': {'_t': 'x', 'a': 1}}]");
  }

  @Test void underscoreTKeyWithAnotherValueIsAnObjectDeltaKey() throws DeltaException {
    Object data = parse("{'_t': 'x', 'b': 1}");
    DeltaApplier.apply(data, parse("{'_t': ['x', 'a'], 'b': [1, 2]}"));
    assertJson(data, "{'_t': 'a', 'b': 2}");
  }

  @Test void arrayDeltaMarkerMustBeExactlyTheStringA() {
    // {"_t": "b"} is an object delta whose "_t" key holds a non-delta: malformed.
    assertThatThrownBy(() -> DeltaApplier.apply(parse("[1]"), parse("{'0': [1, 2], '_t': 'b'}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$: cannot apply an object delta to an array of 1 item");
  }

  @Test void failuresNameThePathFromTheRootName() {
    Object parts = parse("[{'text': 'a'}, {'my key': {'x': 1}}]");
    assertThatThrownBy(() -> DeltaApplier.apply(parts,
        parse("{'1': {'my key': {'x': {'y': [1]}}}, '_t': 'a'}"), "parts"))
        .isInstanceOf(DeltaException.class)
        .hasMessage("parts[1][\"my key\"].x: cannot apply an object delta to a number")
        .satisfies(e -> assertThat(((DeltaException) e).path()).isEqualTo("parts[1][\"my key\"].x"));
  }

  @Test void malformedDeltasFail() {
    for (String delta : Arrays.asList("[]", "[1, 2, 3, 4]", "[1, 5, 7]", "['', 1, 3]", "true",
        "'text'", "{'a': null}", "{'a': 'x'}", "[[0.5, 'x'], 9, 9]")) {
      assertThatThrownBy(() -> DeltaApplier.apply(parse("{'a': 'b'}"), parse(delta)))
          .as(delta)
          .isInstanceOf(DeltaException.class)
          .hasMessageContaining("malformed");
    }
  }

  @Test void stringAppendExtendsAStringInAnArray() throws DeltaException {
    Object rows = parse("['Hel', 'x']");
    assertThat(DeltaApplier.apply(rows, parse("[[0, 'lo'], 9, 9]"))).isSameAs(rows);
    assertJson(rows, "['Hello', 'x']");
  }

  @Test void stringAppendWalksNestedArrays() throws DeltaException {
    Object rows = parse("[['a', 'b'], ['c']]");
    DeltaApplier.apply(rows, parse("[[0, 1, '!'], 9, 9]"));
    assertJson(rows, "[['a', 'b!'], ['c']]");
  }

  @Test void stringAppendIndexesObjectsByTheIndexAsAKey() throws DeltaException {
    Object rows = parse("[{'0': 'ab', '1': 'cd'}]");
    DeltaApplier.apply(rows, parse("[[0, 1, 'e'], 9, 9]"));
    assertJson(rows, "[{'0': 'ab', '1': 'cde'}]");
  }

  @Test void stringAppendStopsAtTheFirstStringEvenIfIndexesRemain() throws DeltaException {
    Object rows = parse("['ab', 'cd']");
    DeltaApplier.apply(rows, parse("[[1, 5, 7, 'e'], 9, 9]"));
    assertJson(rows, "['ab', 'cde']");
  }

  @Test void stringAppendWithoutIndexesExtendsARootString() throws DeltaException {
    assertThat(DeltaApplier.apply("ab", parse("[['c'], 9, 9]"))).isEqualTo("abc");
    Object rows = parse("['ab']");
    assertThat(DeltaApplier.apply(rows, parse("[['c'], 9, 9]"))).isSameAs(rows);
    assertJson(rows, "['ab']");
  }

  @Test void stringAppendWithIndexesDoesNotIndexARootString() throws DeltaException {
    // As in v0's client: a string is not a container, so the walk stops without appending.
    assertThat(DeltaApplier.apply("ab", parse("[[0, 'c'], 9, 9]"))).isEqualTo("ab");
  }

  @Test void stringAppendThatNeverReachesAStringChangesNothing() throws DeltaException {
    for (String delta : Arrays.asList("[[0, 0, 'x'], 9, 9]", "[[3, 'x'], 9, 9]",
        "[[-1, 'x'], 9, 9]", "[[1, 7, 'x'], 9, 9]", "[[0, 'x'], 9, 9]", "[[2, 0, 'x'], 9, 9]")) {
      Object rows = parse("[[1, 2], {'a': 'b'}, null]");
      assertThat(DeltaApplier.apply(rows, parse(delta))).as(delta).isSameAs(rows);
      assertJson(rows, "[[1, 2], {'a': 'b'}, null]");
    }
  }

  /** A part that fails the test if anything reads it. */
  private static final class Untouchable extends AbstractMap<String, Object> {
    @Override public Set<Map.Entry<String, Object>> entrySet() {
      throw new AssertionError("an untouched part was read");
    }
  }

  @Test void stringAppendAcceptsIntegerBoxes() throws DeltaException {
    List<Object> rows = new ArrayList<>(Arrays.asList("a", "b"));
    DeltaApplier.apply(rows, Arrays.asList(Arrays.asList(1, "c"), 9, 9L));
    assertThat(rows).containsExactly("a", "bc");
  }
}
