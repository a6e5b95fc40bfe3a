package io.github.v0java.internal.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON trees for tests: parsed as the SDK parses them, written back to compare with order. */
final class TestJson {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private TestJson() {
  }

  /** Parses JSON as {@code JsonReader.readJsonValue()} does; single quotes stand for double. */
  static Object parse(String json) {
    try {
      return ADAPTER.fromJson(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  /** Asserts {@code actual} equals {@code expectedJson}, key order included. */
  static void assertJson(Object actual, String expectedJson) {
    assertThat(write(actual)).isEqualTo(write(parse(expectedJson)));
  }
}
