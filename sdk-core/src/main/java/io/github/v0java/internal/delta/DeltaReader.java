package io.github.v0java.internal.delta;

import io.github.v0java.internal.ByteArrayJsonReader;
import io.github.v0java.internal.ByteArrayJsonReader.Unsupported;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies a jsondiffpatch array delta to a list while reading it from JSON, without building the
 * delta's tree first: the stream path's way of applying the chunk that nearly every event is, a
 * part whose text grows. {@link JsonDiffPatch} stays the one definition of every form; this class
 * takes only the shapes it can apply exactly as {@code JsonDiffPatch} would, and gives up on
 * anything else by throwing {@link Unsupported}, so that the caller applies the delta from its
 * tree instead.
 *
 * <p>Taken: an object of canonical indexes in ascending order and {@code "_t": "a"}, each index
 * naming an existing item that is an object, patched by an object delta whose members are
 * {@code [new]}, {@code [old, new]}, {@code [old, 0, 0]}, text diffs {@code [patch, 0, 2]} (see
 * {@link TextPatch}) or object deltas of their own; and new items appended at the end ({@code
 * "N": [value]} for the next indexes), as new parts arrive. Given up on: inserts elsewhere,
 * removals and moves (whose order of application needs the whole delta first), array deltas
 * below the top, anything malformed, repeated names, a text diff that does not match.
 *
 * <p>Reading changes nothing: the changes are planned, and made by {@link #commit()}, so that a
 * caller reading the rest of an event can still drop them ({@link #rollback()}) if the event
 * turns out to be bad. They can be planned before being made because each touches its own key
 * of its own object, or appends (repeated names and indexes are given up on).
 *
 * <p>Not thread-safe.
 */
public final class DeltaReader {
  private static final byte[][] ARRAY_MARKER = {{'_', 't'}};
  /** Failures are never reported from here (the caller gives up), so paths are not tracked. */
  private static final JsonPath NO_PATH = JsonPath.root("$");

  private static final byte PUT = 0;
  private static final byte REMOVE = 1;
  private static final byte APPEND = 2;

  /**
   * The planned changes: put {@code values[i]} at {@code names[i]} of the map {@code targets[i]},
   * remove that name, or append {@code values[i]} to the list {@code targets[i]}.
   */
  private Object[] targets = new Object[4];
  private String[] names = new String[4];
  private Object[] values = new Object[4];
  private byte[] kinds = new byte[4];
  private int planned;
  private int[] changedItems = new int[4];
  private String[] changedNames = new String[4];
  private int changedCount;
  /** The one name {@link #patchObject} found in an item's delta, or null; for {@link #recordChange}. */
  private String onlyName;

  /**
   * Reads the delta at the reader's position and plans its changes to {@code target}, made by
   * {@link #commit()}. Changes planned before and not committed are dropped.
   *
   * @throws Unsupported if the delta has a shape this class leaves to {@link JsonDiffPatch};
   *     nothing is planned then
   */
  public void read(ByteArrayJsonReader reader, Object target) throws Unsupported {
    rollback();
    try {
      readArrayDelta(reader, target);
    } catch (Unsupported | RuntimeException e) {
      rollback(); // Nothing stays planned from a delta given up on.
      throw e;
    }
  }

  @SuppressWarnings("unchecked") // JSON arrays hold Objects.
  private void readArrayDelta(ByteArrayJsonReader reader, Object target) throws Unsupported {
    if (!(target instanceof List)) throw Unsupported.INSTANCE;
    List<Object> list = (List<Object>) target;
    reader.beginObject();
    boolean marked = false;
    int lastIndex = -1;
    int appended = 0;
    while (reader.hasNext()) {
      if (reader.peek() != '"') throw Unsupported.INSTANCE;
      int nameAt = reader.position();
      if (reader.selectName(ARRAY_MARKER) == 0) {
        if (marked || !"a".equals(reader.nextStringOrNull("a"))) throw Unsupported.INSTANCE;
        marked = true;
        continue;
      }
      int index = ArrayDelta.canonicalIndex(reader.stringAt(nameAt), 0);
      // Ascending indexes: no repeated name, and each modification is at its final index.
      if (index <= lastIndex) throw Unsupported.INSTANCE;
      lastIndex = index;
      if (index == list.size() + appended && reader.peek() == '[') {
        // A new item at the end, as a new part arrives: [value]. The last of the delta's keys
        // but "_N" ones, which are given up on: nothing moves it.
        reader.beginArray();
        if (!reader.hasNext()) throw Unsupported.INSTANCE;
        Object value = reader.readValue();
        if (reader.hasNext()) throw Unsupported.INSTANCE; // [old, new]: a replacement.
        reader.endArray();
        plan(list, null, value, APPEND);
        appended++;
        continue;
      }
      if (appended > 0 || index >= list.size() || reader.peek() != '{') {
        throw Unsupported.INSTANCE;
      }
      Object item = list.get(index);
      if (!(item instanceof Map)) throw Unsupported.INSTANCE;
      @SuppressWarnings("unchecked") // JSON objects are maps from strings.
      Map<String, Object> object = (Map<String, Object>) item;
      onlyName = null;
      patchObject(reader, object, true);
      recordChange(index);
    }
    reader.endObject();
    if (!marked) throw Unsupported.INSTANCE; // An object delta on an array: JsonDiffPatch says why.
  }

  /** How many items the delta last read modifies. */
  public int changedCount() {
    return changedCount;
  }

  /** The index of the {@code i}th item modified, ascending. */
  public int changedItem(int i) {
    return changedItems[i];
  }

  /**
   * The one member the delta changed in the {@code i}th item modified, or null if it changed
   * several, so that a caller can update what it derived from that item cheaply.
   */
  public String changedName(int i) {
    return changedNames[i];
  }

  /** Makes the changes of the delta last read. */
  @SuppressWarnings("unchecked") // JSON objects are maps from strings; JSON arrays hold Objects.
  public void commit() {
    for (int i = 0; i < planned; i++) {
      if (kinds[i] == PUT) {
        ((Map<String, Object>) targets[i]).put(names[i], values[i]);
      } else if (kinds[i] == REMOVE) {
        ((Map<String, Object>) targets[i]).remove(names[i]);
      } else {
        ((List<Object>) targets[i]).add(values[i]);
      }
      targets[i] = null;
      values[i] = null;
    }
    planned = 0;
  }

  /** Drops the changes of the delta last read, not committed. */
  public void rollback() {
    for (int i = 0; i < planned; i++) {
      targets[i] = null;
      values[i] = null;
    }
    planned = 0;
    changedCount = 0;
  }

  private void patchObject(ByteArrayJsonReader reader, Map<String, Object> object, boolean item)
      throws Unsupported {
    reader.beginObject();
    String firstName = null;
    int count = 0;
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (count == 0) {
        firstName = name;
      } else if (name.equals(firstName)) {
        throw Unsupported.INSTANCE; // A repeated name: the tree reader fails on it, as must we.
      } else if (count > 1) {
        throw Unsupported.INSTANCE; // Three names or more: rare, and checking them costs.
      }
      count++;
      patchMember(reader, object, name);
    }
    reader.endObject();
    if (item) onlyName = count == 1 ? firstName : null;
  }

  private void patchMember(ByteArrayJsonReader reader, Map<String, Object> object, String name)
      throws Unsupported {
    int token = reader.peek();
    Object before = object.get(name);
    boolean present = before != null || object.containsKey(name);
    if (token == '{') {
      if (!(before instanceof Map)) throw Unsupported.INSTANCE; // An array delta, or nothing.
      @SuppressWarnings("unchecked") // JSON objects are maps from strings.
      Map<String, Object> nested = (Map<String, Object>) before;
      patchObject(reader, nested, false);
      return;
    }
    if (token != '[') throw Unsupported.INSTANCE;
    reader.beginArray();
    int size = 0;
    int firstString = -1; // Where the first item begins, if it is a string: read only if needed.
    Object first = null;
    Object second = null;
    double secondNumber = Double.NaN; // A number second item (as in text diffs) is not boxed.
    double third = Double.NaN;
    while (reader.hasNext()) {
      if (size == 0 && reader.peek() == '"') {
        firstString = reader.position();
        reader.skipString();
      } else if (size == 0) {
        first = reader.readValue();
      } else if (size == 1 && isNumber(reader.peek())) {
        secondNumber = reader.nextDouble();
      } else if (size == 1) {
        second = reader.readValue();
      } else if (size == 2 && isNumber(reader.peek())) {
        third = reader.nextDouble();
      } else {
        throw Unsupported.INSTANCE;
      }
      size++;
    }
    reader.endArray();
    if (size == 1 || size == 2) {
      // Values read are new mutable containers already: nothing to copy.
      Object value = size == 2 ? (second != null || Double.isNaN(secondNumber) ? second
          : (Object) secondNumber) : firstString >= 0 ? reader.stringAt(firstString) : first;
      plan(object, name, value, PUT);
    } else if (size == 3 && third == 0) {
      if (present) plan(object, name, null, REMOVE);
    } else if (size == 3 && third == 2 && firstString >= 0 && before instanceof String) {
      String patched;
      try {
        patched = TextPatch.apply((String) before, reader.stringAt(firstString), NO_PATH);
      } catch (DeltaException e) {
        throw Unsupported.INSTANCE; // JsonDiffPatch reports it, with its path.
      }
      plan(object, name, patched, PUT);
    } else {
      throw Unsupported.INSTANCE;
    }
  }

  private void plan(Object target, String name, Object value, byte kind) {
    if (planned == names.length) {
      int size = 2 * planned;
      targets = Arrays.copyOf(targets, size);
      names = Arrays.copyOf(names, size);
      values = Arrays.copyOf(values, size);
      kinds = Arrays.copyOf(kinds, size);
    }
    targets[planned] = target;
    names[planned] = name;
    values[planned] = value;
    kinds[planned] = kind;
    planned++;
  }


  private static boolean isNumber(int c) {
    return c == '-' || (c >= '0' && c <= '9');
  }

  private void recordChange(int index) {
    if (changedCount == changedItems.length) {
      changedItems = Arrays.copyOf(changedItems, 2 * changedCount);
      changedNames = Arrays.copyOf(changedNames, 2 * changedCount);
    }
    changedItems[changedCount] = index;
    changedNames[changedCount] = onlyName;
    changedCount++;
  }
}
