package io.github.v0java.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.ByteString;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event stream interpretation rules, each fed in whole chunks and one byte per read. */
final class ServerSentEventReaderTest {
  private static ServerSentEvent event(String type, String data, String lastEventId) {
    return new ServerSentEvent(type, data, lastEventId);
  }

  private static ServerSentEvent message(String data) {
    return event("message", data, "");
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void dataFieldIsDispatchedAtBlankLine(Reads reads) throws IOException {
    assertThat(reads.events("data: hello\n\n")).containsExactly(message("hello"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventsAreReturnedInOrderThenNullAtEnd(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("data: a\n\ndata: b\n\n");
    assertThat(reader.next()).isEqualTo(message("a"));
    assertThat(reader.next()).isEqualTo(message("b"));
    assertThat(reader.next()).isNull();
    assertThat(reader.next()).isNull();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void emptyStreamHasNoEvents(Reads reads) throws IOException {
    assertThat(reads.events("")).isEmpty();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void dataLinesAreJoinedWithNewline(Reads reads) throws IOException {
    assertThat(reads.events("data: a\ndata: b\ndata: c\n\n")).containsExactly(message("a\nb\nc"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void emptyDataLinesKeepTheirNewlines(Reads reads) throws IOException {
    assertThat(reads.events("data:\ndata:\n\n")).containsExactly(message("\n"));
    assertThat(reads.events("data\ndata: a\ndata\n\n")).containsExactly(message("\na\n"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void lfCrAndCrlfAllEndLines(Reads reads) throws IOException {
    assertThat(reads.events("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\rdata: e\n\n"))
        .containsExactly(message("a\nb\nc"), message("d"), message("e"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void crlfSplitAcrossReadsIsOneLineEnding(Reads reads) throws IOException {
    assertThat(reads.events("data: a\r", "\ndata: b\r", "\n\r", "\ndata: c\r\n", "\r", "\n"))
        .containsExactly(message("a\nb"), message("c"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void crAtEndOfStreamEndsTheLastLine(Reads reads) throws IOException {
    assertThat(reads.events("data: a\n\r")).containsExactly(message("a"));
    assertThat(reads.events("data: a\r\r")).containsExactly(message("a"));

    ServerSentEventReader reader = reads.reader("retry: 7\r");
    assertThat(Reads.readAll(reader)).isEmpty();
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(7);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void onlyCrAndLfEndLines(Reads reads) throws IOException {
    String notLineEnds = "a\u000bb\u000cc\u0085d\u2028e\u2029f";
    assertThat(reads.events("data: " + notLineEnds + "\n\n")).containsExactly(message(notLineEnds));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void commentsAreIgnored(Reads reads) throws IOException {
    assertThat(reads.events(": hello\n:\ndata: a\n: data: b\n\n:data: c\n\n"))
        .containsExactly(message("a"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void blankLineWithoutDataDispatchesNothing(Reads reads) throws IOException {
    assertThat(reads.events("\n\r\n\r: keep-alive\n\nevent: x\n\nid: 1\n\n")).isEmpty();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void lineWithoutColonIsFieldWithEmptyValue(Reads reads) throws IOException {
    // "data" appends "" and a newline, so the data buffer is not empty and an event is dispatched.
    assertThat(reads.events("data\n\n")).containsExactly(message(""));
    assertThat(reads.events("event\ndata\n\n")).containsExactly(message(""));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void exactlyOneSpaceAfterColonIsRemoved(Reads reads) throws IOException {
    assertThat(reads.events("data:a\n\ndata: a\n\ndata:  a\n\ndata: \n\ndata:\n\ndata:\ta\n\n"))
        .containsExactly(message("a"), message("a"), message(" a"), message(""), message(""),
            message("\ta"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void valueKeepsLaterColonsAndTrailingSpaces(Reads reads) throws IOException {
    assertThat(reads.events("data: a: b :c \n\n")).containsExactly(message("a: b :c "));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventFieldSetsType(Reads reads) throws IOException {
    assertThat(reads.events("event: add\ndata: a\n\n")).containsExactly(event("add", "a", ""));
    assertThat(reads.events("data: a\nevent: one\nevent: two\n\n"))
        .containsExactly(event("two", "a", ""));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void emptyEventTypeMeansMessage(Reads reads) throws IOException {
    assertThat(reads.events("event:\ndata: a\n\nevent\ndata: b\n\nevent: x\nevent:\ndata: c\n\n"))
        .containsExactly(message("a"), message("b"), message("c"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventTypeIsResetAfterDispatch(Reads reads) throws IOException {
    assertThat(reads.events("event: add\ndata: a\n\ndata: b\n\n"))
        .containsExactly(event("add", "a", ""), message("b"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventTypeIsResetByBlankLineWithoutData(Reads reads) throws IOException {
    assertThat(reads.events("event: add\n\ndata: b\n\n")).containsExactly(message("b"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void lastEventIdPersistsAcrossEvents(Reads reads) throws IOException {
    assertThat(reads.events("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n"))
        .containsExactly(event("message", "a", "1"), event("message", "b", "1"),
            event("message", "c", "2"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void idSetInEventWithoutDataPersists(Reads reads) throws IOException {
    assertThat(reads.events("id: 7\n\ndata: a\n\n")).containsExactly(event("message", "a", "7"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void idInForceAtDispatchIsTheEventsId(Reads reads) throws IOException {
    assertThat(reads.events("id: 1\ndata: a\nid: 2\n\n"))
        .containsExactly(event("message", "a", "2"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void emptyIdResetsLastEventId(Reads reads) throws IOException {
    assertThat(reads.events("id: 1\ndata: a\n\nid\ndata: b\n\nid: 3\ndata: c\n\nid:\ndata: d\n\n"))
        .containsExactly(event("message", "a", "1"), event("message", "b", ""),
            event("message", "c", "3"), event("message", "d", ""));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void idContainingNulIsIgnored(Reads reads) throws IOException {
    assertThat(reads.events("id: 1\ndata: a\n\nid: x\u0000y\ndata: b\n\nid: \u0000\ndata: c\n\n"))
        .containsExactly(event("message", "a", "1"), event("message", "b", "1"),
            event("message", "c", "1"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void nulIsKeptInOtherFields(Reads reads) throws IOException {
    assertThat(reads.events("event: t\u0000\ndata: a\u0000b\n\n"))
        .containsExactly(event("t\u0000", "a\u0000b", ""));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void reconnectionTimeIsUnsetUntilRetry(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("data: a\n\n");
    assertThat(Reads.readAll(reader)).hasSize(1);
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(-1);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void retryWithDigitsSetsReconnectionTime(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("retry: 1500\n", "data: a\n\n", "retry:0250\n");
    assertThat(reader.next()).isEqualTo(message("a"));
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(1500);
    assertThat(reader.next()).isNull();
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(250);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void retryWithoutOnlyDigitsIsIgnored(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("retry: 100\n"
        + "retry: 15x\nretry: -1\nretry: 1.5\nretry:  15\nretry: 15 \nretry: +1\nretry: \u0661\n"
        + "retry:\nretry\nretry: \n\n");
    assertThat(Reads.readAll(reader)).isEmpty();
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(100);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void retryTooLargeForLongSaturates(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("retry: 99999999999999999999999\n\n");
    assertThat(Reads.readAll(reader)).isEmpty();
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(Long.MAX_VALUE);

    reader = reads.reader("retry: 9223372036854775807\n\n");
    assertThat(Reads.readAll(reader)).isEmpty();
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void unknownFieldsAreIgnored(Reads reads) throws IOException {
    assertThat(reads.events("foo: bar\nData: x\nDATA: x\ndata : x\n data: x\ndatum: x\nid2: x\n"
        + "data: a\n\n")).containsExactly(message("a"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void incompleteEventAtEndIsDiscarded(Reads reads) throws IOException {
    assertThat(reads.events("data: a\n\ndata: b\n")).containsExactly(message("a"));
    assertThat(reads.events("data: a\n\ndata: b")).containsExactly(message("a"));
    assertThat(reads.events("data: a\n\ndata: b\r")).containsExactly(message("a"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void unterminatedLastLineIsNotProcessed(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("retry: 5");
    assertThat(Reads.readAll(reader)).isEmpty();
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(-1);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void leadingByteOrderMarkIsStripped(Reads reads) throws IOException {
    assertThat(reads.events("\ufeffdata: a\n\n")).containsExactly(message("a"));
    assertThat(reads.events("\ufeff\n")).isEmpty();
    assertThat(reads.events("\ufeff")).isEmpty();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void onlyOneByteOrderMarkIsStripped(Reads reads) throws IOException {
    // The second BOM starts the field name, making the field unknown.
    assertThat(reads.events("\ufeff\ufeffdata: a\n\ndata: b\n\n")).containsExactly(message("b"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void byteOrderMarkAfterStartIsPartOfFieldName(Reads reads) throws IOException {
    assertThat(reads.events("data: a\n\n\ufeffdata: b\n\ndata: c\n\n"))
        .containsExactly(message("a"), message("c"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void byteOrderMarkInValueIsKept(Reads reads) throws IOException {
    assertThat(reads.events("data: \ufeffa\n\n")).containsExactly(message("\ufeffa"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void byteOrderMarkPrefixThatIsNotOneIsKept(Reads reads) throws IOException {
    // EF BB followed by 'd' is malformed UTF-8 in the field name, not a BOM: the field is unknown.
    assertThat(reads.events(ByteString.decodeHex("efbb"), ByteString.encodeUtf8("data: a\n\n")))
        .isEmpty();
    assertThat(reads.events(ByteString.decodeHex("ef"), ByteString.encodeUtf8("\ndata: a\n\n")))
        .containsExactly(message("a"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void nonAsciiIsDecodedInEveryField(Reads reads) throws IOException {
    ServerSentEventReader reader = reads.reader("event: ümlaut\ndata: 日本 😀 é\nid: ∞\n\n"
        + "retry: \uff11\n\n");
    assertThat(Reads.readAll(reader)).containsExactly(event("ümlaut", "日本 😀 é", "∞"));
    assertThat(reader.reconnectionTimeMillis()).isEqualTo(-1);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void utf8CharacterSplitAcrossReadsAtEveryPoint(Reads reads) throws IOException {
    for (String character : new String[] {"é", "€", "😀"}) {
      ByteString bytes = ByteString.encodeUtf8(character);
      assertThat(bytes.size()).isBetween(2, 4);
      for (int split = 1; split < bytes.size(); split++) {
        assertThat(reads.events(
            Reads.concat(ByteString.encodeUtf8("data: x"), bytes.substring(0, split)),
            Reads.concat(bytes.substring(split), ByteString.encodeUtf8("y\n\n"))))
            .as("%s split after byte %s", character, split)
            .containsExactly(message("x" + character + "y"));
      }
    }
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void byteOrderMarkSplitAcrossReadsAtEveryPoint(Reads reads) throws IOException {
    ByteString bom = ByteString.decodeHex("efbbbf");
    for (int split = 1; split < 3; split++) {
      assertThat(reads.events(bom.substring(0, split),
          Reads.concat(bom.substring(split), ByteString.encodeUtf8("data: a\n\n"))))
          .as("split after byte %s", split)
          .containsExactly(message("a"));
    }
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void megabyteDataLineIsParsed(Reads reads) throws IOException {
    StringBuilder data = new StringBuilder();
    for (int i = 0; data.length() < 1024 * 1024; i++) data.append(i % 10 == 9 ? 'é' : (char) ('a' + i % 26));
    String expected = data.toString();
    assertThat(reads.events("data: " + expected + "\n\ndata: next\n\n"))
        .containsExactly(message(expected), message("next"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void manyEventsInOneStream(Reads reads) throws IOException {
    StringBuilder stream = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      stream.append("id: ").append(i).append("\nevent: e").append(i % 3).append("\ndata: {\"n\":")
          .append(i).append("}\n").append(i % 2 == 0 ? "\n" : "\r\n");
    }
    ServerSentEventReader reader = reads.reader(stream.toString());
    for (int i = 0; i < 1000; i++) {
      assertThat(reader.next()).isEqualTo(event("e" + i % 3, "{\"n\":" + i + "}", "" + i));
    }
    assertThat(reader.next()).isNull();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void lineEndsAreFoundAtEveryOffsetAndAcrossSegments(Reads reads) throws IOException {
    // Line ends are looked for 8 bytes at a time: each data length from 0 to 40 puts the line end
    // at every offset in a word, the values are bytes next to CR and LF (and the same with the
    // high bit set), and 1000 events of some 25 bytes span several 8 KiB segments.
    byte[] near = {0x09, 0x0b, 0x0c, 0x0e, (byte) 0x8a, (byte) 0x8d, 0x00, 0x7f, (byte) 0xff, 'a'};
    String[] endings = {"\n", "\r", "\r\n"};
    Buffer stream = new Buffer();
    List<ByteString> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int length = i % 41;
      byte[] value = new byte[length];
      for (int b = 0; b < length; b++) value[b] = near[(i + b) % near.length];
      ByteString data = ByteString.of(value);
      expected.add(data);
      String ending = endings[i % 3];
      String blank = endings[i / 3 % 3];
      if (ending.equals("\r") && blank.equals("\n")) blank = "\r\n"; // Else one CRLF.
      stream.writeUtf8("data:").write(data).writeUtf8(ending).writeUtf8(blank);
    }
    ServerSentEventReader reader = reads.reader(stream.readByteString());
    List<ByteString> actual = new ArrayList<>();
    for (ServerSentEvent event; (event = reader.next()) != null; ) actual.add(event.dataBytes());
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventIsReturnedWithoutReadingFurther(Reads reads) throws IOException {
    ScriptedSource source = reads.source().send("data: a\n\n");
    ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source));
    assertThat(reader.next()).isEqualTo(message("a")); // Reading on would fail.

    source.send(": comment\n").send("data: b\n").send("\n");
    assertThat(reader.next()).isEqualTo(message("b"));
    source.send("data: c\n\r");
    assertThat(reader.next()).isEqualTo(message("c"));

    source.end();
    assertThat(reader.next()).isNull();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void blankLineEndedByCrDispatchesWithoutReadingTheNextByte(Reads reads) throws IOException {
    ScriptedSource source = reads.source().send("data: a\r\r");
    ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source));
    assertThat(reader.next()).isEqualTo(message("a")); // Reading on would fail.

    // The LF that arrives later completes the CRLF; it is not another blank line.
    source.send("\ndata: b\r").send("\n").send("data: c\r\r").send("\n");
    assertThat(reader.next()).isEqualTo(message("b\nc"));

    source.end();
    assertThat(reader.next()).isNull();
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void byteOrderMarkCheckDoesNotReadAhead(Reads reads) throws IOException {
    ScriptedSource source = reads.source().send("\ufeffdata: a\n\n");
    ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source));
    assertThat(reader.next()).isEqualTo(message("a")); // Reading on would fail.
  }

  @Test void closeClosesTheSource() throws IOException {
    ScriptedSource source = new ScriptedSource(Integer.MAX_VALUE).send("data: a\n\n");
    ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source));
    reader.close();
    assertThat(source.isClosed()).isTrue();
    assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class)
        .hasMessage("closed");
  }
}
