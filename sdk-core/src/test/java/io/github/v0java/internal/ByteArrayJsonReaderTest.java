package io.github.v0java.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import io.github.v0java.internal.ByteArrayJsonReader.Unsupported;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteArrayJsonReader} against Moshi's reader: whatever it takes, Moshi reads to the same
 * value; what it does not take it refuses with {@link Unsupported}, never with another value.
 */
class ByteArrayJsonReaderTest {
  @Test void readsStandardJsonToTheValuesMoshiReads() throws Exception {
    String[] taken = {
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
        " { \"a\" :\t[ 1 , -2.5e3 , 0 , -0 , 1E+2 , 12345678901234567890 ] }\r\n",
        "\"plain\"", "\"line\\nbreak \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\r\\t\"",
        "\"\\u00e9t\\u00C9 \\ud83d\\ude00 lone \\udc00\"", "\"héllo wörld 😀\"",
        "\"mixed é\\n😀\\tend\"", "[]", "{}", "[[[]]]", "0.5", "-0.0", "1e-7",
        "\"@@ -20,4 +20,9 @@\\n ends\\n+ word\\n\"",
    };
    for (String json : taken) {
      assertThat(read(json)).as(json).isEqualTo(moshi(json));
    }
  }

  @Test void leavesEverythingUnusualToMoshi() {
    String[] refused = {
        "{\"a\":1,\"a\":2}", "{\"a\":null,\"a\":null}", "[1,]", "{,}", "{\"a\"1}", "01", "1.",
        ".5", "+1", "NaN", "tru", "truex", "nul", "\"unterminated", "\"bad \\x escape\"",
        "\"bad \\u12g4\"", "\"raw \t tab\"", "'single'", "{a:1}", "[1 2]", "// comment\n1", "",
        "[" + "[".repeat(ByteArrayJsonReader.MAX_DEPTH) + "]".repeat(ByteArrayJsonReader.MAX_DEPTH) + "]",
    };
    for (String json : refused) {
      assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(Unsupported.class);
    }
  }

  @Test void decodesMalformedUtf8AsMoshiDoes() throws Exception {
    byte[][] inputs = {
        {'"', (byte) 0xe2, (byte) 0x82, '"'},
        {'"', 'a', (byte) 0xff, '\\', 'n', (byte) 0xc3, '"'},
        {'"', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, '\\', 't', (byte) 0x80, '"'},
    };
    for (byte[] input : inputs) {
      ByteArrayJsonReader reader = new ByteArrayJsonReader();
      reader.reset(input, 0, input.length);
      assertThat(reader.readValue()).isEqualTo(JsonReader.of(new Buffer().write(input)).readJsonValue());
    }
  }

  @Test void randomInputsAreReadAsMoshiReadsThemOrRefused() {
    Random random = new Random(42);
    String[] pieces = {"{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "\"\\n\"", "\"é\"", "1",
        "-0", "2.5", "1e3", "true", "null", " ", "\"\\u0041\"", "\"x\\\"y\"", "0", "00", "\"",
        "9", "-", ".", "e", "E+", "\t", "\\", "\"\\u00", "\"\\ud83d\"", "false", "\n", "1e308"};
    int taken = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder json = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int p = 0; p < length; p++) json.append(pieces[random.nextInt(pieces.length)]);
      String text = json.toString();
      Object ours;
      try {
        ours = read(text);
      } catch (Unsupported refused) {
        continue;
      }
      taken++;
      Object theirs;
      try {
        theirs = moshiPrefix(text);
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("taken but Moshi refuses: " + text, e);
      }
      assertThat(ours).as(text).isEqualTo(theirs);
    }
    assertThat(taken).isGreaterThan(1000);
  }

  private static Object read(String json) throws Unsupported {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ByteArrayJsonReader reader = new ByteArrayJsonReader();
    reader.reset(bytes, 0, bytes.length);
    return reader.readValue();
  }

  private static Object moshi(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Object value = reader.readJsonValue();
    assertThat(reader.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
    return value;
  }

  /** Moshi reading the first value, ignoring what follows, as the stream path does. */
  private static Object moshiPrefix(String json) throws IOException {
    return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
  }
}
