package io.github.v0java.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for JSON values held as trees of maps, lists, strings, numbers, booleans and nulls. */
public final class JsonTrees {
  private JsonTrees() {
  }

  /**
   * A deep copy of {@code value} made of mutable {@link ArrayList}s and {@link LinkedHashMap}s,
   * so that state built from it never aliases (or is blocked by) a value handed to a user.
   */
  public static Object mutableCopy(Object value) {
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put(String.valueOf(entry.getKey()), mutableCopy(entry.getValue()));
      }
      return copy;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0, size = list.size(); i < size; i++) copy.add(mutableCopy(list.get(i)));
      return copy;
    }
    return value;
  }
}
