package io.github.v0java.internal.delta;

import java.util.List;
import java.util.Map;

/**
 * v0's own delta form, {@code [[i0, i1, ..., "text"], 9, 9]}: append {@code text} to the first
 * string reached by walking the indexes from the root (arrays by position, objects by the key
 * {@code "<index>"}), even if indexes remain. A walk that meets a value it cannot index, or
 * never reaches a string, changes nothing, as in v0's own client.
 *
 * <p>It makes at most one change, so it needs no undo: it either applies or does nothing.
 */
final class StringAppend {
  private StringAppend() {
  }

  /** True if {@code delta} has this form: v0 marks it with the 9s in positions 1 and 2. */
  static boolean matches(Object delta) {
    if (!(delta instanceof List)) return false;
    List<?> list = (List<?>) delta;
    if (list.size() != 3 || !Numbers.is(list.get(1), 9) || !Numbers.is(list.get(2), 9)) {
      return false;
    }
    if (!(list.get(0) instanceof List)) return false;
    List<?> path = (List<?>) list.get(0);
    if (path.isEmpty() || !(path.get(path.size() - 1) instanceof String)) return false;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!Numbers.isInteger(path.get(i))) return false;
    }
    return true;
  }

  /** Applies a delta that {@link #matches}, returning the root (a new string if it was one). */
  @SuppressWarnings("unchecked") // JSON containers hold Objects.
  static Object apply(Object root, Object delta) {
    List<?> path = (List<?>) ((List<?>) delta).get(0);
    String text = (String) path.get(path.size() - 1);
    int indexes = path.size() - 1;
    if (indexes == 0) {
      return root instanceof String ? root + text : root;
    }
    Object current = root;
    for (int i = 0; i < indexes; i++) {
      double index = ((Number) path.get(i)).doubleValue();
      if (current instanceof List) {
        List<Object> list = (List<Object>) current;
        if (index < 0 || index >= list.size()) return root;
        Object next = list.get((int) index);
        if (next instanceof String) {
          list.set((int) index, next + text);
          return root;
        }
        current = next;
      } else if (current instanceof Map) {
        Map<String, Object> map = (Map<String, Object>) current;
        String key = Numbers.toKey(index);
        if (key == null) return root;
        Object next = map.get(key);
        if (next instanceof String) {
          map.put(key, next + text);
          return root;
        }
        current = next;
      } else {
        return root;
      }
    }
    return root;
  }
}
