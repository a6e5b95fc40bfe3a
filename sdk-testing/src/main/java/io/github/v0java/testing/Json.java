package io.github.v0java.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;

/**
 * JSON for the fake server, written and read with Moshi. Values are plain maps (insertion ordered),
 * lists, strings, numbers, booleans and null; {@link Raw} embeds JSON text as it is (so numbers keep
 * their spelling: Moshi reads every number as a double).
 */
final class Json {
  private static final JsonAdapter<Object> READER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {
  }

  /** JSON text to embed as it is. */
  static final class Raw {
    final String json;

    Raw(String json) {
      this.json = json;
    }

    @Override public String toString() {
      return json;
    }
  }

  static Raw raw(String json) {
    return new Raw(json);
  }

  /** An ordered object from alternating keys and values. */
  static Map<String, Object> obj(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** A JSON string literal. */
  static String quote(String text) {
    return write(text);
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Raw) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(((Raw) value).json);
      }
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) writer.value((long) d);
      else writer.value(d);
    } else if (value instanceof Number) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable) {
      writer.beginArray();
      for (Object item : (Iterable<?>) value) write(writer, item);
      writer.endArray();
    } else if (value instanceof Object[]) {
      write(writer, Arrays.asList((Object[]) value));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /** Parses JSON text; null if it is not valid JSON. */
  static Object parseOrNull(String json) {
    if (json == null || json.isEmpty()) return null;
    try {
      return READER.fromJson(json);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Throws if {@code json} is not one valid JSON value. */
  static String requireValid(String json) {
    try {
      READER.fromJson(json);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + json, e);
    }
    return json;
  }

  /** A deep copy of maps and lists (other values are immutable). */
  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) copy.put(e.getKey(), deepCopy(e.getValue()));
      return (T) copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<Object>) value) copy.add(deepCopy(item));
      return (T) copy;
    }
    return value;
  }
}
