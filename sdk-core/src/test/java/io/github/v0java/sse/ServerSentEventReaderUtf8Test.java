package io.github.v0java.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import okio.Buffer;
import okio.ByteString;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding follows the WHATWG UTF-8 decoder, and whole streams match a literal transcription of
 * the HTML Standard's event stream interpretation.
 */
final class ServerSentEventReaderUtf8Test {
  static Stream<Arguments> utf8Cases() {
    String r = "\ufffd";
    Object[][] cases = {
        {"c3a9", "é"},
        {"e282ac", "€"},
        {"f09f9880", "😀"},
        {"c280", "\u0080"},
        {"e0a080", "\u0800"},
        {"ed9fbf", "\ud7ff"},
        {"ee8080", "\ue000"},
        {"efbfbf", "\uffff"},
        {"f0908080", "\ud800\udc00"},
        {"f48fbfbf", "\udbff\udfff"},
        {"80", r}, // Lone continuation bytes.
        {"bf80", r + r},
        {"c080", r + r}, // Overlong: C0 and C1 never start a sequence.
        {"c1bf", r + r},
        {"e08080", r + r + r}, // Overlong: E0 must be followed by A0..BF.
        {"e09fbf", r + r + r},
        {"f0808080", r + r + r + r}, // Overlong: F0 must be followed by 90..BF.
        {"f08fbfbf", r + r + r + r},
        {"eda080", r + r + r}, // Surrogates: ED must be followed by 80..9F.
        {"edbfbf", r + r + r},
        {"eda080edb080", r.repeat(6)},
        {"f4908080", r + r + r + r}, // Beyond U+10FFFF: F4 must be followed by 80..8F.
        {"f5808080", r + r + r + r},
        {"f888808080", r.repeat(5)},
        {"fe", r},
        {"ff", r},
        {"c2", r}, // Truncated at the line end: one U+FFFD per maximal subpart.
        {"e0a0", r},
        {"f09f98", r},
        {"f09f", r},
        {"c241", r + "A"},
        {"e28241", r + "A"},
        {"f09f9841", r + "A"},
        {"e228a1", r + "(" + r},
        {"f09f98f09f9880", r + "😀"},
        {"61e282f09f988062", "a" + r + "😀b"},
        {"e2c3a9", r + "é"},
        {"00", "\u0000"},
    };
    List<Arguments> arguments = new ArrayList<>();
    for (Reads reads : Reads.values()) {
      for (Object[] c : cases) arguments.add(Arguments.of(reads, c[0], c[1]));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}") @MethodSource("utf8Cases")
  void dataIsDecodedAsWhatwgUtf8(Reads reads, String hex, String expected) throws IOException {
    ByteString stream = Reads.concat(ByteString.encodeUtf8("data: "), ByteString.decodeHex(hex),
        ByteString.encodeUtf8("\n\n"));
    assertThat(reads.events(stream)).containsExactly(new ServerSentEvent("message", expected, ""));
  }

  @ParameterizedTest(name = "{0} {1}") @MethodSource("utf8Cases")
  void malformedLineEndedByCrIsDecodedTheSame(Reads reads, String hex, String expected)
      throws IOException {
    ByteString stream = Reads.concat(ByteString.encodeUtf8("event: "), ByteString.decodeHex(hex),
        ByteString.encodeUtf8("\rdata\r\r"));
    assertThat(reads.events(stream)).containsExactly(new ServerSentEvent(expected, "", ""));
  }

  @Test void decoderMatchesWhatwgOnRandomBytes() {
    Random random = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = randomUtf8ish(random, random.nextInt(24));
      assertThat(ServerSentEventReader.decodeUtf8(bytes, bytes.length))
          .as("%s", ByteString.of(bytes).hex())
          .isEqualTo(Whatwg.decodeUtf8(bytes));
    }
  }

  @Test void readerMatchesTheStandardOnRandomStreams() throws IOException {
    Random random = new Random(2);
    byte[][] tokens = {
        utf8("data"), utf8("data:"), utf8("data: "), utf8("event:"), utf8("event: "), utf8("id:"),
        utf8("id: "), utf8("retry:"), utf8("retry: "), utf8(":"), utf8(" "), utf8("\r"),
        utf8("\n"), utf8("\r\n"), utf8("\n\n"), utf8("a"), utf8("1"), utf8("42"), utf8("\u0000"),
        utf8("é"), utf8("😀"), utf8("\ufeff"), utf8("x:y"), utf8("Data"), hex("80"), hex("e282"),
        hex("f09f"), hex("ef"), hex("efbb"), hex("c0"), hex("ed"), hex("f4"),
    };
    for (int i = 0; i < 5_000; i++) {
      Buffer stream = new Buffer();
      for (int t = random.nextInt(40); t > 0; t--) stream.write(tokens[random.nextInt(tokens.length)]);
      byte[] bytes = stream.readByteArray();
      Whatwg.Result expected = Whatwg.parse(bytes);

      ScriptedSource source = new ScriptedSource(1 + random.nextInt(5));
      for (int start = 0; start < bytes.length; ) {
        int end = Math.min(bytes.length, start + 1 + random.nextInt(6));
        source.send(ByteString.of(Arrays.copyOfRange(bytes, start, end)));
        start = end;
      }
      ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source.end()));
      String description = ByteString.of(bytes).hex();
      assertThat(Reads.readAll(reader)).as(description).isEqualTo(expected.events());
      assertThat(reader.reconnectionTimeMillis()).as(description).isEqualTo(expected.retry());
    }
  }

  private static byte[] utf8(String s) {
    return ByteString.encodeUtf8(s).toByteArray();
  }

  private static byte[] hex(String hex) {
    return ByteString.decodeHex(hex).toByteArray();
  }

  /** Bytes weighted toward the boundaries where UTF-8 decoders differ. */
  private static byte[] randomUtf8ish(Random random, int length) {
    int[] interesting = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
        0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xff};
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (random.nextBoolean()
          ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
    }
    return bytes;
  }

  /** Literal transcriptions of the standards, slow and simple, to compare against. */
  static final class Whatwg {
    record Result(List<ServerSentEvent> events, long retry) {
    }

    /** https://encoding.spec.whatwg.org/#utf-8-decoder, one byte at a time. */
    static String decodeUtf8(byte[] bytes) {
      StringBuilder out = new StringBuilder();
      int codePoint = 0;
      int bytesSeen = 0;
      int bytesNeeded = 0;
      int lower = 0x80;
      int upper = 0xbf;
      int i = 0;
      while (true) {
        if (i == bytes.length) {
          if (bytesNeeded != 0) out.append('\ufffd');
          return out.toString();
        }
        int b = bytes[i] & 0xff;
        if (bytesNeeded == 0) {
          i++;
          if (b <= 0x7f) {
            out.append((char) b);
          } else if (b >= 0xc2 && b <= 0xdf) {
            bytesNeeded = 1;
            codePoint = b & 0x1f;
          } else if (b >= 0xe0 && b <= 0xef) {
            if (b == 0xe0) lower = 0xa0;
            if (b == 0xed) upper = 0x9f;
            bytesNeeded = 2;
            codePoint = b & 0xf;
          } else if (b >= 0xf0 && b <= 0xf4) {
            if (b == 0xf0) lower = 0x90;
            if (b == 0xf4) upper = 0x8f;
            bytesNeeded = 3;
            codePoint = b & 0x7;
          } else {
            out.append('\ufffd');
          }
          continue;
        }
        if (b < lower || b > upper) {
          codePoint = bytesNeeded = bytesSeen = 0;
          lower = 0x80;
          upper = 0xbf;
          out.append('\ufffd'); // The byte is processed again.
          continue;
        }
        i++;
        lower = 0x80;
        upper = 0xbf;
        codePoint = codePoint << 6 | b & 0x3f;
        bytesSeen++;
        if (bytesSeen != bytesNeeded) continue;
        out.appendCodePoint(codePoint);
        codePoint = bytesNeeded = bytesSeen = 0;
      }
    }

    /** The HTML Standard's event stream interpretation over a whole stream. */
    static Result parse(byte[] bytes) {
      if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
          && (bytes[2] & 0xff) == 0xbf) {
        bytes = Arrays.copyOfRange(bytes, 3, bytes.length); // UTF-8 decode strips one BOM.
      }
      String text = decodeUtf8(bytes);
      List<ServerSentEvent> events = new ArrayList<>();
      StringBuilder data = new StringBuilder();
      String type = "";
      String lastEventId = "";
      long retry = -1;
      int pos = 0;
      while (true) {
        int end = pos;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') end++;
        if (end == text.length()) break; // No line ending: the rest is discarded.
        String line = text.substring(pos, end);
        boolean crlf = text.charAt(end) == '\r' && end + 1 < text.length()
            && text.charAt(end + 1) == '\n';
        pos = end + (crlf ? 2 : 1);

        if (line.isEmpty()) {
          if (data.length() != 0) {
            if (data.charAt(data.length() - 1) == '\n') data.setLength(data.length() - 1);
            events.add(new ServerSentEvent(type.isEmpty() ? "message" : type, data.toString(),
                lastEventId));
          }
          data.setLength(0);
          type = "";
          continue;
        }
        if (line.startsWith(":")) continue;
        int colon = line.indexOf(':');
        String name = colon == -1 ? line : line.substring(0, colon);
        String value = colon == -1 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        switch (name) {
          case "event" -> type = value;
          case "data" -> data.append(value).append('\n');
          case "id" -> {
            if (value.indexOf('\u0000') == -1) lastEventId = value;
          }
          case "retry" -> {
            if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
              retry = new BigInteger(value).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            }
          }
          default -> {
          }
        }
      }
      return new Result(events, retry);
    }
  }
}
