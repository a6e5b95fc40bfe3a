package io.github.v0java.internal.delta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a delta in the format of the jsondiffpatch library (0.7) to a JSON tree, in place,
 * all or nothing: every change goes through an {@link UndoLog}, rolled back if any later part of
 * the delta fails.
 *
 * <p>Forms, at any position: {@code [new]} sets, {@code [old, new]} replaces, {@code [old, 0, 0]}
 * deletes ({@code old} is not checked), {@code [patch, 0, 2]} applies a {@link TextPatch} to a
 * string, an object whose {@code "_t"} is exactly {@code "a"} is an {@link ArrayDelta}, and any
 * other object patches an object key by key (a {@code "_t"} key with another value is just a
 * key). Values set or inserted are copied, so the tree never shares containers with the delta.
 *
 * <p>Stricter than jsondiffpatch, which leaves holes or {@code undefined} where these make no
 * sense: a nested delta (object, array or text) needs an existing value; an array item can be
 * replaced or modified only if it exists, moved only if it exists, and deleted only through an
 * {@code "_N"} key; deleting the root gives null. A removal of a missing item does nothing.
 */
final class JsonDiffPatch {
  /** Deltas and values nested deeper than this are rejected rather than risk the stack. */
  static final int MAX_DEPTH = 1000;

  /** What {@link #patch} returns for a deleted value; null is a JSON value. */
  private static final Object DELETED = new Object();

  private final UndoLog undoLog = new UndoLog();

  private JsonDiffPatch() {
  }

  /** Applies {@code delta} to {@code root} and returns the new root; the root on failure. */
  static Object apply(Object root, Object delta, String rootName) throws DeltaException {
    JsonDiffPatch patcher = new JsonDiffPatch();
    boolean applied = false;
    try {
      Object result = patcher.patch(root, true, delta, JsonPath.root(rootName), 1);
      applied = true;
      return result == DELETED ? null : result;
    } finally {
      // On any failure, a DeltaException or a bug, leave the tree as it was.
      if (!applied) patcher.undoLog.rollback();
    }
  }

  /**
   * Returns {@code target} with {@code delta} applied: the same container changed in place, a
   * new value, or {@link #DELETED}. The caller stores anything new in the parent.
   *
   * @param present false if there is no value at {@code path} (a missing key or index)
   */
  private Object patch(Object target, boolean present, Object delta, JsonPath path, int depth)
      throws DeltaException {
    if (depth > MAX_DEPTH) throw tooDeep(path);
    if (delta instanceof List) {
      List<?> list = (List<?>) delta;
      if (list.size() == 1) return copy(list.get(0), path, depth);
      if (list.size() == 2) return copy(list.get(1), path, depth);
      if (list.size() == 3) {
        if (Numbers.is(list.get(2), 0)) return DELETED;
        if (Numbers.is(list.get(2), 2)) return patchText(target, present, list.get(0), path);
        if (Numbers.is(list.get(2), 3)) {
          throw new DeltaException(path.toString(),
              "malformed delta: a move [\"\", dest, 3] is only valid under an \"_N\" key");
        }
      }
      throw malformed(path, delta);
    }
    if (delta instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) delta;
      boolean arrayDelta = "a".equals(map.get("_t"));
      if (!present) {
        throw new DeltaException(path.toString(), "nothing here to apply "
            + (arrayDelta ? "an array" : "an object") + " delta to");
      }
      return arrayDelta
          ? patchArray(target, map, path, depth)
          : patchObject(target, map, path, depth);
    }
    throw malformed(path, delta);
  }

  private static Object patchText(Object target, boolean present, Object patch, JsonPath path)
      throws DeltaException {
    if (!(patch instanceof String)) {
      throw new DeltaException(path.toString(),
          "malformed text diff: the patch is " + describe(patch) + ", not a string");
    }
    if (!present) throw new DeltaException(path.toString(), "nothing here to apply a text diff to");
    if (!(target instanceof String)) {
      throw new DeltaException(path.toString(), "cannot apply a text diff to " + describe(target));
    }
    return TextPatch.apply((String) target, (String) patch, path);
  }

  @SuppressWarnings("unchecked") // JSON objects are maps from strings.
  private Object patchObject(Object target, Map<?, ?> delta, JsonPath path, int depth)
      throws DeltaException {
    if (!(target instanceof Map)) {
      throw new DeltaException(path.toString(),
          "cannot apply an object delta to " + describe(target));
    }
    Map<String, Object> object = (Map<String, Object>) target;
    for (Map.Entry<?, ?> entry : delta.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object before = object.get(key);
      boolean present = before != null || object.containsKey(key); // One lookup unless null.
      Object after = patch(before, present, entry.getValue(), path.key(key), depth + 1);
      if (after == DELETED) {
        if (present) undoLog.remove(object, key);
      } else if (!present || after != before) {
        undoLog.put(object, key, after, present);
      }
    }
    return object;
  }

  /**
   * In jsondiffpatch's order: remove every {@code _N} item, highest index first, holding the
   * moved ones; insert new and moved items by ascending final index (past the end appends;
   * equal indexes in jsondiffpatch's order, inserts before moves); then modify items by their
   * final index.
   */
  @SuppressWarnings("unchecked") // JSON arrays hold Objects.
  private Object patchArray(Object target, Map<?, ?> delta, JsonPath path, int depth)
      throws DeltaException {
    if (!(target instanceof List)) {
      throw new DeltaException(path.toString(),
          "cannot apply an array delta to " + describe(target));
    }
    List<Object> list = (List<Object>) target;
    ArrayDelta arrayDelta = ArrayDelta.parse(delta, path);

    if (arrayDelta.changesStructure()) {
      List<ArrayDelta.Entry> placements = new ArrayList<>();
      for (int i = 0, size = arrayDelta.inserts.size(); i < size; i++) {
        ArrayDelta.Entry insert = arrayDelta.inserts.get(i);
        Object value = copy(insert.value, path.index(insert.index), depth + 1);
        placements.add(new ArrayDelta.Entry(insert.index, value));
      }
      int originalSize = list.size();
      boolean appendsOnly = arrayDelta.removals.length == 0
          && arrayDelta.inserts.get(0).index >= originalSize; // Inserts are sorted.
      if (appendsOnly) {
        undoLog.truncation(list); // A new part at the end: undone without copying the list.
      } else {
        undoLog.snapshot(list);
      }
      for (int i = arrayDelta.removals.length - 1; i >= 0; i--) {
        int index = arrayDelta.removals[i];
        int destination = arrayDelta.destinations[i];
        if (index >= list.size()) {
          // Removals go highest first, so lower original indexes have not moved.
          if (destination < 0) continue;
          throw new DeltaException(path.toString(), "cannot move item _" + index
              + ": the array has " + originalSize + " items");
        }
        Object removed = list.remove(index);
        if (destination >= 0) placements.add(new ArrayDelta.Entry(destination, removed));
      }
      Collections.sort(placements); // Stable: inserts stay before moves to the same index.
      for (int i = 0, size = placements.size(); i < size; i++) {
        ArrayDelta.Entry placement = placements.get(i);
        list.add(Math.min(placement.index, list.size()), placement.value);
      }
    }

    // Indexed loops: one iterator less per chunk, as most chunks modify one item.
    for (int i = 0, size = arrayDelta.modifications.size(); i < size; i++) {
      ArrayDelta.Entry modification = arrayDelta.modifications.get(i);
      int index = modification.index;
      JsonPath itemPath = path.index(index);
      if (index >= list.size()) {
        throw new DeltaException(itemPath.toString(),
            "no item to modify: the array has " + list.size() + " items");
      }
      Object before = list.get(index);
      Object after = patch(before, true, modification.value, itemPath, depth + 1);
      if (after == DELETED) {
        throw new DeltaException(itemPath.toString(),
            "malformed array delta: items are deleted with \"_" + index + "\", not \"" + index
                + "\"");
      }
      if (after != before) undoLog.set(list, index, after);
    }
    return list;
  }

  /** A deep copy of a JSON value from a delta, in mutable containers. */
  private static Object copy(Object value, JsonPath path, int depth) throws DeltaException {
    if (value instanceof String) return value; // The common case, and a cheaper test than Map's.
    if (depth > MAX_DEPTH) throw tooDeep(path);
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(16, map.size() * 4 / 3 + 1));
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put(String.valueOf(entry.getKey()), copy(entry.getValue(), path, depth + 1));
      }
      return copy;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0, size = list.size(); i < size; i++) {
        copy.add(copy(list.get(i), path, depth + 1));
      }
      return copy;
    }
    return value;
  }

  private static DeltaException tooDeep(JsonPath path) {
    return new DeltaException(path.toString(),
        "delta nested deeper than " + MAX_DEPTH + " levels");
  }

  private static DeltaException malformed(JsonPath path, Object delta) {
    return new DeltaException(path.toString(), "malformed delta: expected [new], [old, new], "
        + "[old, 0, 0], [text diff, 0, 2] or an object, found " + describe(delta));
  }

  /** A short description of a JSON value's kind, for messages (never the value itself). */
  static String describe(Object value) {
    if (value == null) return "null";
    if (value instanceof String) return "a string";
    if (value instanceof Number) return "a number";
    if (value instanceof Boolean) return "a boolean";
    if (value instanceof Map) return "an object";
    if (value instanceof List) {
      int size = ((List<?>) value).size();
      return "an array of " + size + (size == 1 ? " item" : " items");
    }
    return "a " + value.getClass().getName();
  }
}
