package io.github.v0java.internal.delta;

/**
 * Applies a streamed delta to a JSON tree: the {@code parts} of a v2 message, or the content
 * rows of a v1 message (see streaming.md, "Deltas"). Trees are what Moshi's
 * {@code JsonReader.readJsonValue()} gives: mutable {@code Map<String, Object>} and
 * {@code List<Object>} containers, strings, numbers, booleans and nulls.
 *
 * <p>A delta has one of three forms: falsy ({@code null}, {@code false}, {@code 0}, {@code ""}),
 * which changes nothing; v0's string append, {@code [[i0, ..., "text"], 9, 9]} (see
 * {@code StringAppend}); or a jsondiffpatch delta (see {@code JsonDiffPatch}), text diffs
 * included (see {@code TextPatch}).
 *
 * <p><b>All or nothing.</b> The tree is changed in place and every change is recorded in an
 * undo log (container, key or index, previous value); if any part of the delta cannot be
 * applied, the log is replayed backwards and {@link DeltaException} is thrown, leaving the tree
 * exactly as it was, key order included. Validating everything first would need a second walk
 * that mirrors every rule; undoing needs only the changes actually made.
 *
 * <p><b>Cost.</b> Proportional to the delta plus the containers and strings on its paths, never
 * to the whole tree: a chunk growing the text of one part touches that part's map and string
 * only. (The official TypeScript client deep-copies the whole tree for every chunk, which costs
 * quadratic time over a stream.) Values a delta sets or inserts are copied, so the tree never
 * shares containers with the delta. Array removals and inserts shift items of that one array,
 * and snapshot it for the undo log.
 *
 * <p>Deltas and values nested deeper than 1,000 levels are rejected with a
 * {@link DeltaException}, so that recursion cannot overflow the stack.
 *
 * <p>Not thread-safe: a tree must be changed by one thread at a time.
 */
public final class DeltaApplier {
  private DeltaApplier() {
  }

  /**
   * Applies {@code delta} to {@code root} and returns the new root: usually {@code root} itself,
   * changed in place, but a new value if the delta replaces the root (such as {@code [new]}, or
   * a text diff of a root string) and null if it deletes it. Failures name paths from {@code $}.
   *
   * @throws DeltaException if any part of the delta cannot be applied; the tree is unchanged
   */
  public static Object apply(Object root, Object delta) throws DeltaException {
    return apply(root, delta, "$");
  }

  /**
   * Like {@link #apply(Object, Object)}, with failures naming paths from {@code rootName}, such
   * as {@code parts[2].text} for root name {@code parts}.
   */
  public static Object apply(Object root, Object delta, String rootName) throws DeltaException {
    if (isFalsy(delta)) return root;
    if (StringAppend.matches(delta)) return StringAppend.apply(root, delta);
    return JsonDiffPatch.apply(root, delta, rootName);
  }

  /**
   * The index an array delta's key names from {@code key[from..]} ({@code from} is 1 for the
   * {@code "_N"} keys of original indexes), or -1 if it is not a canonical decimal index.
   */
  public static int arrayIndex(String key, int from) {
    return ArrayDelta.canonicalIndex(key, from);
  }

  /** True for values JavaScript treats as false: null, false, 0 (and NaN) and "". */
  static boolean isFalsy(Object delta) {
    if (delta == null || Boolean.FALSE.equals(delta) || "".equals(delta)) return true;
    if (delta instanceof Number) {
      double value = ((Number) delta).doubleValue();
      return value == 0 || Double.isNaN(value);
    }
    return false;
  }
}
