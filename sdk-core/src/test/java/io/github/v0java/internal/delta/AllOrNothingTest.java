package io.github.v0java.internal.delta;

import static io.github.v0java.internal.delta.TestJson.assertJson;
import static io.github.v0java.internal.delta.TestJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A delta that fails anywhere leaves the tree exactly as it was: same values, order, instances. */
final class AllOrNothingTest {
  /** Applies a delta expected to fail and checks that the tree is unchanged. */
  private static void assertRejected(String json, String deltaJson, String message) {
    Object tree = parse(json);
    Object before = parse(json);
    assertThatThrownBy(() -> DeltaApplier.apply(tree, parse(deltaJson)))
        .isInstanceOf(DeltaException.class)
        .hasMessage(message);
    assertThat(tree).isEqualTo(before);
    assertJson(tree, json); // Key order too.
  }

  @Test void insertThenFailingTextDiffLeavesThePartsAsBefore() {
    assertRejected("[{'type': 'text', 'text': 'Hello'}]",
        "{'1': [{'type': 'text', 'text': 'new'}],"
            + " '0': {'text': ['@@ -1,3 +1,3 @@\\n-xyz\\n+abc\\n', 0, 2]}, '_t': 'a'}",
        "$[0].text: text diff hunk 1 does not match");
  }

  @Test void appendedPartsAreRemovedAgainWhenALaterChangeFails() {
    assertRejected("[{'type': 'text', 'text': 'a'}, {'type': 'text', 'text': 'b'}]",
        "{'2': [{'type': 'bash', 'output': ''}], '5': [{'type': 'text', 'text': 'c'}],"
            + " '3': {'text': ['@@ -1 +1 @@\\n-x\\n', 0, 2]}, '_t': 'a'}",
        "$[3].text: text diff hunk 1 does not match");
  }

  @Test void addedAndDeletedKeysAreRestoredInTheirOrder() {
    assertRejected("{'b': 5, 'c': 1, 'd': {'e': 'f'}}",
        "{'a': ['new'], 'c': [1, 0, 0], 'd': {'e': ['f', 'g']}, 'b': {'x': [1]}}",
        "$.b: cannot apply an object delta to a number");
  }

  @Test void deletedKeyInTheMiddleIsRestoredInPlace() {
    assertRejected("{'x': 1, 'y': 2, 'z': 3}",
        "{'y': [2, 0, 0], 'w': {'q': [1]}}",
        "$.w: nothing here to apply an object delta to");
  }

  @Test void removalsMovesAndInsertsAreUndoneWhenAModificationFails() {
    assertRejected("['a', 'b', 'c', 'd']",
        "{'_0': ['', 3, 3], '_2': ['c', 0, 0], '1': ['X'], '0': {'nope': [1]}, '_t': 'a'}",
        "$[0]: cannot apply an object delta to a string");
  }

  @Test void nestedChangesAreUndoneWhenASiblingFails() {
    assertRejected("[{'a': [1, 2], 'k': 'v'}, {'t': 's'}]",
        "{'0': {'a': {'_0': [1, 0, 0], '2': [3], '_t': 'a'}, 'b': ['new'], 'k': ['v', 0, 0]},"
            + " '1': {'t': ['@@ -1 +1 @@\\n-x\\n', 0, 2]}, '_t': 'a'}",
        "$[1].t: text diff hunk 1 does not match");
  }

  @Test void containersKeepTheirIdentityAfterARollback() {
    List<?> parts = (List<?>) parse("[{'text': 'a'}, {'text': 'b'}]");
    Object part0 = parts.get(0);
    Object part1 = parts.get(1);
    assertThatThrownBy(() -> DeltaApplier.apply(parts,
        parse("{'_0': [{}, 0, 0], '0': {'text': ['b', 'c']}, '1': {'x': {'y': [1]}}, '_t': 'a'}")))
        .isInstanceOf(DeltaException.class);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).isSameAs(part0);
    assertThat(parts.get(1)).isSameAs(part1);
    assertJson(parts, "[{'text': 'a'}, {'text': 'b'}]");
  }

  @Test void deltaAtTheDepthLimitApplies() throws DeltaException {
    // 999 nested objects and the [old, new] leaf at depth 1,000.
    Map<String, Object> root = chain(999, 0.0);
    DeltaApplier.apply(root, chain(999, Arrays.asList(0.0, 1.0)));
    assertThat(leaf(root)).isEqualTo(1.0);

    Map<String, Object> deeper = chain(1000, 0.0);
    assertThatThrownBy(() -> DeltaApplier.apply(deeper, chain(1000, Arrays.asList(0.0, 1.0))))
        .isInstanceOf(DeltaException.class)
        .hasMessageEndingWith(": delta nested deeper than 1000 levels");
    assertThat(leaf(deeper)).isEqualTo(0.0);
  }

  @Test void pathologicallyDeepDeltaFailsCleanly() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("first", 1.0);
    root.put("a", chain(10_000, 0.0));
    Map<String, Object> delta = new LinkedHashMap<>();
    delta.put("first", Arrays.asList(1.0, 2.0));
    delta.put("a", chain(10_000, Arrays.asList(0.0, 1.0)));

    assertThatThrownBy(() -> DeltaApplier.apply(root, delta))
        .isInstanceOf(DeltaException.class)
        .hasMessageEndingWith(": delta nested deeper than 1000 levels");
    assertThat(root.get("first")).isEqualTo(1.0);
    assertThat(leaf(root.get("a"))).isEqualTo(0.0);
  }

  @Test void pathologicallyDeepValueFailsCleanly() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("first", 1.0);
    Map<String, Object> delta = new LinkedHashMap<>();
    delta.put("first", Arrays.asList(1.0, 2.0));
    delta.put("deep", Arrays.asList(chain(10_000, 0.0)));

    assertThatThrownBy(() -> DeltaApplier.apply(root, delta))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$.deep: delta nested deeper than 1000 levels");
    assertThat(root).containsOnlyKeys("first").containsEntry("first", 1.0);
  }

  /** {"a": {"a": ... {"a": leaf}}} with {@code depth} objects, built without recursion. */
  private static Map<String, Object> chain(int depth, Object leaf) {
    Object value = leaf;
    Map<String, Object> map = null;
    for (int i = 0; i < depth; i++) {
      map = new LinkedHashMap<>();
      map.put("a", value);
      value = map;
    }
    return map;
  }

  private static Object leaf(Object chain) {
    Object value = chain;
    while (value instanceof Map) value = ((Map<?, ?>) value).get("a");
    return value;
  }
}
