package io.github.v0java.internal.delta;

/**
 * A position in a JSON tree, such as {@code parts[2].text}, rendered only when a delta fails.
 * Each step is one small immutable node that shares its parent, so tracking it costs O(1).
 */
final class JsonPath {
  private final JsonPath parent;
  private final String nameOrKey;
  private final int index;

  private JsonPath(JsonPath parent, String nameOrKey, int index) {
    this.parent = parent;
    this.nameOrKey = nameOrKey;
    this.index = index;
  }

  /** The root of a tree, rendered as {@code name}. */
  static JsonPath root(String name) {
    return new JsonPath(null, name, -1);
  }

  /** The value at {@code key} of this object. */
  JsonPath key(String key) {
    return new JsonPath(this, key, -1);
  }

  /** The item at {@code index} of this array. */
  JsonPath index(int index) {
    return new JsonPath(this, null, index);
  }

  @Override public String toString() {
    StringBuilder result = new StringBuilder();
    append(result);
    return result.toString();
  }

  private void append(StringBuilder out) {
    // Iterate towards the root, then render from it, so that deep paths cannot overflow the stack.
    int depth = 0;
    for (JsonPath p = this; p != null; p = p.parent) depth++;
    JsonPath[] steps = new JsonPath[depth];
    for (JsonPath p = this; p != null; p = p.parent) steps[--depth] = p;
    out.append(steps[0].nameOrKey);
    for (int i = 1; i < steps.length; i++) {
      JsonPath step = steps[i];
      if (step.nameOrKey == null) {
        out.append('[').append(step.index).append(']');
      } else if (isIdentifier(step.nameOrKey)) {
        out.append('.').append(step.nameOrKey);
      } else {
        out.append("[\"");
        for (int c = 0; c < step.nameOrKey.length(); c++) {
          char ch = step.nameOrKey.charAt(c);
          if (ch == '"' || ch == '\\') out.append('\\');
          out.append(ch);
        }
        out.append("\"]");
      }
    }
  }

  private static boolean isIdentifier(String key) {
    if (key.isEmpty()) return false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
  }
}
