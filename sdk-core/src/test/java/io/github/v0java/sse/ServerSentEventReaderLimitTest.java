package io.github.v0java.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import okio.Buffer;
import okio.ByteString;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** maxEventBytes bounds what one line or one event may make the reader hold. */
final class ServerSentEventReaderLimitTest {
  private static final int LIMIT = 64 * 1024;
  /** What a buffered source may read past a line in one go: one segment. */
  private static final int READ_SLACK = 8192;

  private static String repeat(char c, int count) {
    return String.valueOf(c).repeat(count);
  }

  private static ServerSentEventReader reader(Reads reads, int maxEventBytes, String stream) {
    return ServerSentEventReader.create(
        Okio.buffer(reads.source().send(stream).end()), maxEventBytes);
  }

  @Test void endlessLineFailsOnceOverTheLimit() {
    RepeatingSource source = new RepeatingSource("a");
    ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source), LIMIT);
    assertThatThrownBy(reader::next).isInstanceOfSatisfying(EventTooLargeException.class,
        e -> assertThat(e.maxEventBytes()).isEqualTo(LIMIT));
    assertThat(source.bytesRead).isBetween((long) LIMIT, (long) LIMIT + READ_SLACK);
  }

  @Test void endlessDataLineFailsOnceOverTheLimit() {
    Buffer prefix = new Buffer().writeUtf8("data: ");
    RepeatingSource source = new RepeatingSource("ab");
    ServerSentEventReader reader = ServerSentEventReader.create(
        Okio.buffer(new PrefixedSource(prefix, source)), LIMIT);
    assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class);
    assertThat(source.bytesRead).isLessThanOrEqualTo(LIMIT + READ_SLACK);
  }

  @Test void endlessCommentLineFailsOnceOverTheLimit() {
    Buffer prefix = new Buffer().writeUtf8(":");
    RepeatingSource source = new RepeatingSource("a");
    ServerSentEventReader reader = ServerSentEventReader.create(
        Okio.buffer(new PrefixedSource(prefix, source)), LIMIT);
    assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class);
    assertThat(source.bytesRead).isLessThanOrEqualTo(LIMIT + READ_SLACK);
  }

  @Test void endlessEventOfShortDataLinesFailsOnceOverTheLimit() {
    RepeatingSource source = new RepeatingSource("data: 0123456789\n");
    ServerSentEventReader reader = ServerSentEventReader.create(Okio.buffer(source), LIMIT);
    assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class);
    assertThat(source.bytesRead).isLessThanOrEqualTo(LIMIT * 17L / 16 + READ_SLACK);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void dataLinesOverTheLimitInTotalFail(Reads reads) {
    String line = "data: " + repeat('x', 94) + "\n"; // 100 bytes and a line ending.
    ServerSentEventReader reader = reader(reads, 1024, line.repeat(11) + "\n");
    assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventOfExactlyTheLimitIsAccepted(Reads reads) throws IOException {
    String data = repeat('a', 1024 - "data: ".length());
    assertThat(Reads.readAll(reader(reads, 1024, "data: " + data + "\r\n\r\n")))
        .containsExactly(new ServerSentEvent("message", data, ""));

    String lastLine = repeat('b', 1024 - "id: 1".length() - "data: ".length() - "data:".length());
    assertThat(Reads.readAll(reader(reads, 1024, "id: 1\ndata: \ndata:" + lastLine + "\n\n")))
        .containsExactly(new ServerSentEvent("message", "\n" + lastLine, "1"));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void eventOneByteOverTheLimitFails(Reads reads) {
    String data = repeat('a', 1024 - "data: ".length() + 1);
    assertThatThrownBy(reader(reads, 1024, "data: " + data + "\n\n")::next)
        .isInstanceOf(EventTooLargeException.class);

    String lastLine = repeat('b', 1024 - "id: 1".length() - "data: ".length() + 1);
    assertThatThrownBy(reader(reads, 1024, "id: 1\ndata: " + lastLine + "\n\n")::next)
        .isInstanceOf(EventTooLargeException.class);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void everyFieldCountsTowardTheLimit(Reads reads) {
    // 517 + 514 + 7 bytes: each line fits, together they don't.
    String stream = "event: " + repeat('e', 510) + "\nid: " + repeat('i', 510) + "\ndata: x\n\n";
    assertThatThrownBy(reader(reads, 1024, stream)::next)
        .isInstanceOf(EventTooLargeException.class);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void commentsDoNotCountTowardTheLimit(Reads reads) throws IOException {
    String comment = ":" + repeat('c', 999) + "\n";
    String data = repeat('d', 1000);
    assertThat(Reads.readAll(reader(reads, 1024, comment.repeat(5) + "data: " + data + "\n"
        + comment.repeat(5) + "\n")))
        .containsExactly(new ServerSentEvent("message", data, ""));
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void commentLongerThanTheLimitFails(Reads reads) throws IOException {
    assertThat(Reads.readAll(reader(reads, 1024, ":" + repeat('c', 1023) + "\n"))).isEmpty();
    assertThatThrownBy(reader(reads, 1024, ":" + repeat('c', 1024) + "\n")::next)
        .isInstanceOf(EventTooLargeException.class);
  }

  @ParameterizedTest @EnumSource(Reads.class)
  void limitAppliesToEachEventSeparately(Reads reads) throws IOException {
    String data = repeat('a', 1000);
    assertThat(Reads.readAll(reader(reads, 1024, ("data: " + data + "\n\n").repeat(10))))
        .hasSize(10);
  }

  @Test void exceptionMessageNamesTheLimitAndThatItIsConfigurable() {
    ServerSentEventReader reader = ServerSentEventReader.create(
        Okio.buffer(new RepeatingSource("a")), LIMIT);
    assertThatThrownBy(reader::next)
        .hasMessageContaining("65536 bytes")
        .hasMessageContaining("maxEventBytes")
        .hasMessageContaining("configurable");
  }

  @Test void defaultLimitIsSixteenMebibytes() throws IOException {
    int limit = 16 * 1024 * 1024;
    assertThat(ServerSentEventReader.DEFAULT_MAX_EVENT_BYTES).isEqualTo(limit);

    String data = repeat('a', limit - "data: ".length());
    ServerSentEventReader reader = ServerSentEventReader.create(
        new Buffer().writeUtf8("data: ").writeUtf8(data).writeUtf8("\n\n"));
    assertThat(reader.next().data()).isEqualTo(data);

    ServerSentEventReader tooLarge = ServerSentEventReader.create(
        new Buffer().writeUtf8("data: ").writeUtf8(data).writeUtf8("a\n\n"));
    assertThatThrownBy(tooLarge::next).isInstanceOfSatisfying(EventTooLargeException.class,
        e -> assertThat(e.maxEventBytes()).isEqualTo(limit));
  }

  @Test void limitMustBePositive() {
    assertThatThrownBy(() -> ServerSentEventReader.create(new Buffer(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test void hugeLimitIsAccepted() throws IOException {
    ServerSentEventReader reader = ServerSentEventReader.create(
        new Buffer().writeUtf8("data: a\n\n"), Long.MAX_VALUE);
    assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", ""));
  }

  /** Repeats a pattern, counting the bytes it has produced; endless for a reader within limits. */
  private static final class RepeatingSource implements Source {
    private final ByteString pattern;
    long bytesRead;

    RepeatingSource(String pattern) {
      this.pattern = ByteString.encodeUtf8(pattern);
    }

    @Override public long read(Buffer sink, long byteCount) {
      // Fail fast rather than run out of memory if the reader doesn't stop at the limit.
      if (bytesRead > 4L * LIMIT) throw new AssertionError("read far past the limit");
      long count = Math.min(byteCount, READ_SLACK);
      for (long i = 0; i < count; i++) {
        sink.writeByte(pattern.getByte((int) ((bytesRead + i) % pattern.size())));
      }
      bytesRead += count;
      return count;
    }

    @Override public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override public void close() {
    }
  }

  /** Reads {@code prefix}, then {@code rest}. */
  private static final class PrefixedSource implements Source {
    private final Buffer prefix;
    private final Source rest;

    PrefixedSource(Buffer prefix, Source rest) {
      this.prefix = prefix;
      this.rest = rest;
    }

    @Override public long read(Buffer sink, long byteCount) throws IOException {
      if (prefix.size() > 0) return prefix.read(sink, byteCount);
      return rest.read(sink, byteCount);
    }

    @Override public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override public void close() throws IOException {
      rest.close();
    }
  }
}
