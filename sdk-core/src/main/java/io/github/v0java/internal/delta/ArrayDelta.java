package io.github.v0java.internal.delta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parts of a jsondiffpatch array delta ({@code "_t": "a"}), sorted and checked for form
 * before anything changes. Keys {@code "_N"} name items of the original array, removed
 * ({@code [old, 0, 0]}) or moved ({@code ["", dest, 3]}); keys {@code "N"} name positions in the
 * final array, inserted ({@code [value]}) or modified (any other delta).
 */
final class ArrayDelta {
  private static final int[] NO_INDEXES = new int[0];

  /** Original indexes removed or moved, ascending. */
  final int[] removals;
  /** For each of {@link #removals}, the final index it moves to, or -1 if it is removed. */
  final int[] destinations;
  /** Inserted values, by ascending final index. */
  final List<Entry> inserts;
  /** Nested deltas of items, by ascending final index. */
  final List<Entry> modifications;

  private ArrayDelta(int[] removals, int[] destinations, List<Entry> inserts,
      List<Entry> modifications) {
    this.removals = removals;
    this.destinations = destinations;
    this.inserts = inserts;
    this.modifications = modifications;
  }

  /** True if items are removed, moved or inserted, not just modified in place. */
  boolean changesStructure() {
    return removals.length > 0 || !inserts.isEmpty();
  }

  static ArrayDelta parse(Map<?, ?> delta, JsonPath path) throws DeltaException {
    // Most chunks modify one item: lists are made only for what the delta has.
    List<Entry> removed = Collections.emptyList();
    List<Entry> inserts = Collections.emptyList();
    List<Entry> modifications = Collections.emptyList();
    for (Map.Entry<?, ?> entry : delta.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      if (key.equals("_t")) continue;
      if (key.startsWith("_")) {
        int index = parseIndex(key, 1, path);
        removed = add(removed, new Entry(index, removalDestination(key, value, path)));
      } else {
        int index = parseIndex(key, 0, path);
        boolean insert = value instanceof List && ((List<?>) value).size() == 1;
        if (insert) {
          inserts = add(inserts, new Entry(index, ((List<?>) value).get(0)));
        } else {
          modifications = add(modifications, new Entry(index, value));
        }
      }
    }
    if (removed.size() > 1) Collections.sort(removed);
    if (inserts.size() > 1) Collections.sort(inserts);
    if (modifications.size() > 1) Collections.sort(modifications);
    int[] removals = removed.isEmpty() ? NO_INDEXES : new int[removed.size()];
    int[] destinations = removed.isEmpty() ? NO_INDEXES : new int[removed.size()];
    for (int i = 0; i < removals.length; i++) {
      removals[i] = removed.get(i).index;
      destinations[i] = (Integer) removed.get(i).value;
    }
    return new ArrayDelta(removals, destinations, inserts, modifications);
  }

  private static List<Entry> add(List<Entry> entries, Entry entry) {
    List<Entry> result = entries.isEmpty() ? new ArrayList<Entry>(2) : entries;
    result.add(entry);
    return result;
  }

  /** The destination of a move under {@code key}, or -1 for a removal. */
  private static Integer removalDestination(String key, Object value, JsonPath path)
      throws DeltaException {
    if (value instanceof List && ((List<?>) value).size() == 3) {
      List<?> list = (List<?>) value;
      if (Numbers.is(list.get(2), 0)) return -1;
      if (Numbers.is(list.get(2), 3)) {
        Object destination = list.get(1);
        if (Numbers.isInteger(destination) && ((Number) destination).doubleValue() >= 0
            && ((Number) destination).doubleValue() <= Integer.MAX_VALUE) {
          return ((Number) destination).intValue();
        }
        throw malformed(path, "the move under " + key + " has no valid destination index");
      }
    }
    throw malformed(path, key + " must be a removal [old, 0, 0] or a move [\"\", dest, 3]");
  }

  /** A canonical non-negative decimal index, as jsondiffpatch writes them, from {@code key[from..]}. */
  private static int parseIndex(String key, int from, JsonPath path) throws DeltaException {
    int index = canonicalIndex(key, from);
    if (index < 0) throw malformed(path, "key \"" + key + "\" is not \"_t\", \"N\" or \"_N\"");
    return index;
  }

  /** The index {@code key[from..]} names in canonical decimal (no sign, no leading zero), or -1. */
  static int canonicalIndex(String key, int from) {
    int length = key.length() - from;
    if (length < 1 || length > 9 || (length > 1 && key.charAt(from) == '0')) return -1;
    int index = 0;
    for (int i = from; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') return -1;
      index = index * 10 + (c - '0');
    }
    return index;
  }

  private static DeltaException malformed(JsonPath path, String reason) {
    return new DeltaException(path.toString(), "malformed array delta: " + reason);
  }

  /** An index and what the delta says about it. Sorted by index; stable for equal ones. */
  static final class Entry implements Comparable<Entry> {
    final int index;
    final Object value;

    Entry(int index, Object value) {
      this.index = index;
      this.value = value;
    }

    @Override public int compareTo(Entry other) {
      return Integer.compare(index, other.index);
    }
  }
}
