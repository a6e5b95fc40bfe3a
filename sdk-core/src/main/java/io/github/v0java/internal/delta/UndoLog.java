package io.github.v0java.internal.delta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutates JSON containers in place and remembers how to reverse each change, so that a delta
 * failing halfway can be rolled back to exactly the tree it started from (key order included).
 *
 * <p>Each record costs O(1), except {@link #remove} and {@link #snapshot}, which keep a shallow
 * copy of the one container they change (a container the delta touches anyway). Children are
 * referenced, not copied: their own changes have their own records, undone first.
 */
final class UndoLog {
  private final List<Undo> undos = new ArrayList<>();

  /** Sets {@code list[index]}, which must exist. */
  void set(List<Object> list, int index, Object value) {
    Object previous = list.set(index, value);
    undos.add(new ListSet(list, index, previous));
  }

  /**
   * Puts {@code key}, appending it if absent or keeping its position if present; the caller
   * says which, having looked the key up already.
   */
  void put(Map<String, Object> map, String key, Object value, boolean present) {
    Object previous = map.put(key, value);
    undos.add(present ? new MapPut(map, key, previous) : new MapRemove(map, key));
  }

  /** Removes {@code key}, which must be present. */
  void remove(Map<String, Object> map, String key) {
    // Putting the key back would move it to the end: restore the whole map to keep its order.
    Map<String, Object> copy = new LinkedHashMap<>(map);
    map.remove(key);
    undos.add(new MapRestore(map, copy));
  }

  /** Remembers all of {@code list}, before changes to its structure (removals and inserts). */
  void snapshot(List<Object> list) {
    undos.add(new ListRestore(list, new ArrayList<>(list)));
  }

  /** Remembers the size of {@code list}, before items are appended to it (and nothing else). */
  void truncation(List<Object> list) {
    undos.add(new ListTruncate(list, list.size()));
  }

  /** Reverses every change recorded, newest first. */
  void rollback() {
    for (int i = undos.size() - 1; i >= 0; i--) undos.get(i).undo();
    undos.clear();
  }

  private interface Undo {
    void undo();
  }

  private static final class ListSet implements Undo {
    private final List<Object> list;
    private final int index;
    private final Object previous;

    ListSet(List<Object> list, int index, Object previous) {
      this.list = list;
      this.index = index;
      this.previous = previous;
    }

    @Override public void undo() {
      list.set(index, previous);
    }
  }

  private static final class ListRestore implements Undo {
    private final List<Object> list;
    private final List<Object> contents;

    ListRestore(List<Object> list, List<Object> contents) {
      this.list = list;
      this.contents = contents;
    }

    @Override public void undo() {
      list.clear();
      list.addAll(contents);
    }
  }

  private static final class ListTruncate implements Undo {
    private final List<Object> list;
    private final int size;

    ListTruncate(List<Object> list, int size) {
      this.list = list;
      this.size = size;
    }

    @Override public void undo() {
      list.subList(size, list.size()).clear();
    }
  }

  private static final class MapPut implements Undo {
    private final Map<String, Object> map;
    private final String key;
    private final Object previous;

    MapPut(Map<String, Object> map, String key, Object previous) {
      this.map = map;
      this.key = key;
      this.previous = previous;
    }

    @Override public void undo() {
      map.put(key, previous);
    }
  }

  private static final class MapRemove implements Undo {
    private final Map<String, Object> map;
    private final String key;

    MapRemove(Map<String, Object> map, String key) {
      this.map = map;
      this.key = key;
    }

    @Override public void undo() {
      // The key was appended last and everything newer is already undone: order is kept.
      map.remove(key);
    }
  }

  private static final class MapRestore implements Undo {
    private final Map<String, Object> map;
    private final Map<String, Object> contents;

    MapRestore(Map<String, Object> map, Map<String, Object> contents) {
      this.map = map;
      this.contents = contents;
    }

    @Override public void undo() {
      map.clear();
      map.putAll(contents);
    }
  }
}
