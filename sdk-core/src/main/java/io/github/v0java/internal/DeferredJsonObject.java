package io.github.v0java.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import okio.ByteString;

/**
 * A JSON object held as the bytes it was read from, and read into its tree on first use: an
 * unmodifiable map equal to the one the tree adapter gives. The stream path reads a chunk's delta
 * once, working out its changes as it goes; the tree would cost as much again, and is built only
 * for a caller who asks for the delta. The bytes must hold a well-formed object (the stream path has read it whole).
 *
 * <p>Thread-safe: the tree is read at most a few times (once unless threads race) and published
 * through a volatile field.
 */
public final class DeferredJsonObject extends AbstractMap<String, Object> {
  private final ByteString json;
  private final JsonAdapter<Object> trees;
  private volatile Map<String, Object> value;

  /**
   * @param json the object's bytes
   * @param trees reads JSON into unmodifiable trees
   */
  public DeferredJsonObject(ByteString json, JsonAdapter<Object> trees) {
    this.json = json;
    this.trees = trees;
  }

  /** The object's bytes, as received. */
  public ByteString json() {
    return json;
  }

  /**
   * The tree, read now if it was not yet.
   *
   * @throws JsonDataException if the bytes are not one JSON object
   */
  @SuppressWarnings("unchecked") // The tree of a JSON object is a map from strings.
  public Map<String, Object> value() {
    Map<String, Object> result = value;
    if (result == null) {
      Object tree;
      try {
        tree = trees.fromJson(new Buffer().write(json));
      } catch (IOException e) {
        throw new JsonDataException("not a JSON object: " + e.getMessage(), e);
      }
      if (!(tree instanceof Map)) throw new JsonDataException("not a JSON object");
      result = (Map<String, Object>) tree;
      value = result;
    }
    return result;
  }

  @Override public Set<Entry<String, Object>> entrySet() {
    return value().entrySet();
  }

  @Override public int size() {
    return value().size();
  }

  @Override public boolean containsKey(Object key) {
    return value().containsKey(key);
  }

  @Override public Object get(Object key) {
    return value().get(key);
  }

  @Override public boolean equals(Object other) {
    return other == this || value().equals(other);
  }

  @Override public int hashCode() {
    return value().hashCode();
  }

  @Override public String toString() {
    return value().toString();
  }
}
