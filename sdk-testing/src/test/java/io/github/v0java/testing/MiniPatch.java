package io.github.v0java.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Just enough of the two delta forms to check the fake's streams: jsondiffpatch array deltas with
 * inserts ({@code [value]}) and item patches (objects of {@code [new]} / {@code [old, new]}), and the
 * v0 string append {@code [[i0, ..., "text"], 9, 9]}. Anything else fails the test.
 */
final class MiniPatch {
  private MiniPatch() {
  }

  @SuppressWarnings("unchecked")
  static List<Object> apply(List<Object> root, Object delta) {
    List<Object> result = Json.deepCopy(root);
    if (delta instanceof List && ((List<?>) delta).size() == 3 && num(((List<?>) delta).get(1)) == 9
        && num(((List<?>) delta).get(2)) == 9) {
      List<Object> path = (List<Object>) ((List<?>) delta).get(0);
      Object current = result;
      for (int i = 0; i < path.size() - 1; i++) {
        int index = num(path.get(i));
        List<Object> list = (List<Object>) current;
        Object next = list.get(index);
        if (next instanceof String) {
          list.set(index, next + (String) path.get(path.size() - 1));
          return result;
        }
        current = next;
      }
      throw new AssertionError("string append never reached a string: " + delta);
    }
    if (delta instanceof List && ((List<?>) delta).size() == 1) {
      return (List<Object>) ((List<?>) delta).get(0); // [new] at the root replaces it
    }
    Map<String, Object> arrayDelta = (Map<String, Object>) delta;
    if (!"a".equals(arrayDelta.get("_t"))) throw new AssertionError("not an array delta: " + delta);
    Map<Integer, Object> inserts = new TreeMap<>();
    Map<Integer, Object> patches = new TreeMap<>();
    for (Map.Entry<String, Object> entry : arrayDelta.entrySet()) {
      if (entry.getKey().equals("_t")) continue;
      if (entry.getKey().startsWith("_")) throw new AssertionError("removals not expected: " + delta);
      int index = Integer.parseInt(entry.getKey());
      if (entry.getValue() instanceof List && ((List<?>) entry.getValue()).size() == 1) {
        inserts.put(index, ((List<?>) entry.getValue()).get(0));
      } else {
        patches.put(index, entry.getValue());
      }
    }
    for (Map.Entry<Integer, Object> insert : inserts.entrySet()) {
      result.add(Math.min(insert.getKey(), result.size()), insert.getValue());
    }
    for (Map.Entry<Integer, Object> patch : patches.entrySet()) {
      Map<String, Object> item = (Map<String, Object>) result.get(patch.getKey());
      for (Map.Entry<String, Object> field : ((Map<String, Object>) patch.getValue()).entrySet()) {
        List<Object> change = (List<Object>) field.getValue();
        if (change.size() == 1) {
          if (item.containsKey(field.getKey())) throw new AssertionError("[new] on an existing field: " + delta);
          item.put(field.getKey(), change.get(0));
        } else if (change.size() == 2) {
          if (!equal(item.get(field.getKey()), change.get(0))) {
            throw new AssertionError("old value " + change.get(0) + " differs from " + item.get(field.getKey()));
          }
          item.put(field.getKey(), change.get(1));
        } else {
          throw new AssertionError("unexpected change " + change);
        }
      }
    }
    return result;
  }

  static List<Object> emptyList() {
    return new ArrayList<>();
  }

  private static boolean equal(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  private static int num(Object value) {
    return value instanceof Number ? ((Number) value).intValue() : -1;
  }
}
