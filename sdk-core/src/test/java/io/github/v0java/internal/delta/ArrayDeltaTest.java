package io.github.v0java.internal.delta;

import static io.github.v0java.internal.delta.TestJson.assertJson;
import static io.github.v0java.internal.delta.TestJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * jsondiffpatch array deltas ({@code "_t": "a"}): {@code _N} keys name original items, {@code N}
 * keys final positions; removals go first (highest first), then inserts and moves by ascending
 * final index, then modifications.
 */
final class ArrayDeltaTest {
  @Test void insertsAtAFinalIndex() throws DeltaException {
    Object list = parse("['a', 'b']");
    assertThat(DeltaApplier.apply(list, parse("{'1': ['x'], '_t': 'a'}"))).isSameAs(list);
    assertJson(list, "['a', 'x', 'b']");
  }

  @Test void insertPastTheEndAppends() throws DeltaException {
    Object list = parse("['a']");
    DeltaApplier.apply(list, parse("{'5': ['z'], '3': ['y'], '_t': 'a'}"));
    assertJson(list, "['a', 'y', 'z']");
  }

  @Test void removesAnOriginalItem() throws DeltaException {
    Object list = parse("['a', 'b', 'c']");
    DeltaApplier.apply(list, parse("{'_1': ['b', 0, 0], '_t': 'a'}"));
    assertJson(list, "['a', 'c']");
  }

  @Test void removalOfAMissingItemDoesNothing() throws DeltaException {
    Object list = parse("['a']");
    DeltaApplier.apply(list, parse("{'_5': ['q', 0, 0], '_t': 'a'}"));
    assertJson(list, "['a']");
  }

  @Test void removalsUseOriginalIndexesAndMovesLandAtFinalIndexes() throws DeltaException {
    // Remove _3 (d), then _1 (b), then hold _0 (a): [c, e]; insert a at 2: [c, e, a].
    Object list = parse("['a', 'b', 'c', 'd', 'e']");
    DeltaApplier.apply(list,
        parse("{'_1': ['b', 0, 0], '_3': ['d', 0, 0], '_0': ['', 2, 3], '_t': 'a'}"));
    assertJson(list, "['c', 'e', 'a']");
  }

  @Test void movedItemsKeepTheirIdentity() throws DeltaException {
    List<?> list = (List<?>) parse("[{'id': 'a'}, {'id': 'b'}]");
    Object a = list.get(0);
    DeltaApplier.apply(list, parse("{'_0': ['', 1, 3], '_t': 'a'}"));
    assertJson(list, "[{'id': 'b'}, {'id': 'a'}]");
    assertThat(list.get(1)).isSameAs(a);
  }

  @Test void modifiesAnItemByItsFinalIndex() throws DeltaException {
    // After removing _0, final index 0 is the original item 1.
    Object list = parse("[{'t': 'x'}, {'t': 'y'}]");
    DeltaApplier.apply(list, parse("{'_0': [{'t': 'x'}, 0, 0], '0': {'t': ['y', 'Y']}, '_t': 'a'}"));
    assertJson(list, "[{'t': 'Y'}]");
  }

  @Test void replacesAnItemByItsFinalIndex() throws DeltaException {
    Object list = parse("['a', 'b']");
    DeltaApplier.apply(list, parse("{'1': ['b', 'B'], '_t': 'a'}"));
    assertJson(list, "['a', 'B']");
  }

  @Test void mixedDeltaRemovesThenInsertsAndMovesThenModifies() throws DeltaException {
    // Removals, highest first: _3 (d, held to move to 0), then _1 (b): [a, c].
    // Inserts by final index: d at 0, x at 1: [d, x, a, c]. Then final index 3 (c) is modified.
    Object list = parse("[{'id': 'a'}, {'id': 'b'}, {'id': 'c', 'v': 1}, {'id': 'd'}]");
    DeltaApplier.apply(list, parse("{'_1': [{'id': 'b'}, 0, 0], '_3': ['', 0, 3],"
        + " '1': [{'id': 'x'}], '3': {'v': [1, 2]}, '_t': 'a'}"));
    assertJson(list, "[{'id': 'd'}, {'id': 'x'}, {'id': 'a'}, {'id': 'c', 'v': 2}]");
  }

  @Test void insertAndMoveToTheSameIndexPlaceTheMoveFirst() throws DeltaException {
    // As jsondiffpatch: inserts sort before moves to the same index, and each later splice at
    // that index pushes the earlier one right.
    Object list = parse("['a', 'b']");
    DeltaApplier.apply(list, parse("{'_0': ['', 1, 3], '1': ['x'], '_t': 'a'}"));
    assertJson(list, "['b', 'a', 'x']");
  }

  @Test void nestedArrayDeltas() throws DeltaException {
    Object list = parse("[[1, 2], [3]]");
    DeltaApplier.apply(list, parse("{'0': {'_0': [1, 0, 0], '1': [9], '_t': 'a'}, '_t': 'a'}"));
    assertJson(list, "[[2, 9], [3]]");
  }

  @Test void modifyingAMissingItemFails() {
    Object list = parse("['a']");
    assertThatThrownBy(() -> DeltaApplier.apply(list, parse("{'2': {'x': [1]}, '_t': 'a'}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$[2]: no item to modify: the array has 1 items");
    assertThatThrownBy(() -> DeltaApplier.apply(list, parse("{'1': ['a', 'b'], '_t': 'a'}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$[1]: no item to modify: the array has 1 items");
  }

  @Test void movingAMissingItemFails() {
    Object list = parse("['a']");
    assertThatThrownBy(() -> DeltaApplier.apply(list, parse("{'_4': ['', 0, 3], '_t': 'a'}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$: cannot move item _4: the array has 1 items");
    assertJson(list, "['a']");
  }

  @Test void deletingByAFinalIndexFails() {
    Object list = parse("['a']");
    assertThatThrownBy(() -> DeltaApplier.apply(list, parse("{'0': ['a', 0, 0], '_t': 'a'}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$[0]: malformed array delta: items are deleted with \"_0\", not \"0\"");
  }

  @Test void arrayDeltaOnAnObjectFails() {
    assertThatThrownBy(() -> DeltaApplier.apply(parse("{'0': 1}"), parse("{'0': [2], '_t': 'a'}")))
        .isInstanceOf(DeltaException.class)
        .hasMessage("$: cannot apply an array delta to an object");
  }

  @Test void malformedKeysAndOriginalIndexEntriesFail() {
    for (String delta : new String[] {"{'x': [1], '_t': 'a'}", "{'-1': [1], '_t': 'a'}",
        "{'01': [1], '_t': 'a'}", "{'_': [1, 0, 0], '_t': 'a'}", "{'_0': [1], '_t': 'a'}",
        "{'_0': [1, 2], '_t': 'a'}", "{'_0': ['', -1, 3], '_t': 'a'}",
        "{'_0': ['', 'x', 3], '_t': 'a'}", "{'_0': [1, 0, 2], '_t': 'a'}"}) {
      Object list = parse("['a', 'b']");
      assertThatThrownBy(() -> DeltaApplier.apply(list, parse(delta)))
          .as(delta)
          .isInstanceOf(DeltaException.class)
          .hasMessageStartingWith("$: malformed array delta: ");
      assertJson(list, "['a', 'b']");
    }
  }
}
