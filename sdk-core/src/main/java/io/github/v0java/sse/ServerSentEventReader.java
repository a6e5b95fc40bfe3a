package io.github.v0java.sse;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a {@code text/event-stream} body, following the HTML Standard's
 * <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation">event
 * stream interpretation</a>: UTF-8 with malformed bytes decoded to U+FFFD, one leading byte order
 * mark ignored, lines ended by CRLF, LF or CR, comments skipped, and an event dispatched at each
 * blank line that follows at least one {@code data} field. An incomplete event at the end of the
 * stream is discarded.
 *
 * <p>Reading is incremental: {@link #next()} returns an event as soon as the blank line ending it
 * has arrived, and never waits for bytes beyond it. That holds for a blank line ended by a lone CR
 * too; a LF that follows it is skipped when the next event is read.
 *
 * <p>Memory is bounded by {@code maxEventBytes}: a line longer than that, or an event whose field
 * lines add up to more (line endings and comments are not counted), fails with {@link
 * EventTooLargeException} instead of growing the heap. The default is 16 MiB.
 *
 * <p>Not thread-safe: read from one thread.
 */
public final class ServerSentEventReader implements Closeable {
  /** The default for {@code maxEventBytes}: 16 MiB, room for a snapshot with large file contents. */
  public static final long DEFAULT_MAX_EVENT_BYTES = 16L * 1024 * 1024;

  /** Lines must fit a Java array; larger limits act as this one. */
  private static final long MAX_LIMIT = Integer.MAX_VALUE - 16;
  private static final ByteString DATA = ByteString.encodeUtf8("data");
  private static final ByteString EVENT = ByteString.encodeUtf8("event");
  private static final ByteString ID = ByteString.encodeUtf8("id");
  private static final ByteString RETRY = ByteString.encodeUtf8("retry");
  /** Values up to this many bytes are decoded through a reused array. */
  private static final int SCRATCH_BYTES = 8192;
  /** A bigger reused builder is dropped after its event, so one large event is not kept alive. */

  private final BufferedSource source;
  private final Buffer buffer;
  /** Reads the buffer's segments in place; attached only while a line is looked at. */
  private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();
  private final long maxEventBytes;

  private boolean started;
  /** The last line ended with a CR; a LF that comes next completes that line ending. */
  private boolean afterCr;
  /** Whether the line {@link #nextLine()} found ends with a CR (else with a LF). */
  private boolean lineEndsWithCr;
  private boolean closed;

  /** Bytes of the current event's field lines so far. */
  private long eventBytes;
  /** How many data fields the current event has. */
  private int dataLines;
  /** The current event's only data line so far, copied once; null before it and after a second. */
  private ByteString firstData;
  /** From the second data line on: the event's data lines, joined with LF, as received. */
  private final Buffer data = new Buffer();
  private String type = "";
  private String lastEventId = "";
  private long reconnectionTimeMillis = -1;
  private byte[] scratch;

  private ServerSentEventReader(BufferedSource source, long maxEventBytes) {
    this.source = source;
    this.buffer = source.getBuffer();
    this.maxEventBytes = Math.min(maxEventBytes, MAX_LIMIT);
  }

  /**
   * Returns a reader of {@code source} that accepts events of up to 16 MiB.
   *
   * @param source the response body, read as events are asked for
   * @return a new reader
   */
  public static ServerSentEventReader create(BufferedSource source) {
    return create(source, DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * Returns a reader of {@code source} that fails with {@link EventTooLargeException} on a line, or
   * an event's field lines together, longer than {@code maxEventBytes}. Limits beyond what a Java
   * array holds (about 2 GiB) act as that.
   *
   * @param source the response body, read as events are asked for
   * @param maxEventBytes the limit, at least 1
   * @return a new reader
   */
  public static ServerSentEventReader create(BufferedSource source, long maxEventBytes) {
    if (source == null) throw new NullPointerException("source == null");
    if (maxEventBytes < 1) {
      throw new IllegalArgumentException("maxEventBytes < 1: " + maxEventBytes);
    }
    return new ServerSentEventReader(source, maxEventBytes);
  }

  /**
   * Returns the next event, blocking until the blank line that ends it arrives, or null at the end
   * of the stream.
   *
   * @return the next event, blocking until the blank line that ends it arrives, or null at the end
   *     of the stream
   * @throws EventTooLargeException if a line or an event exceeds {@code maxEventBytes}
   * @throws IOException if reading the source fails
   * @throws IllegalStateException if this reader is closed
   */
  public @Nullable ServerSentEvent next() throws IOException {
    if (closed) throw new IllegalStateException("closed");
    if (!started) {
      skipByteOrderMark();
      started = true;
    }
    while (true) {
      long length = nextLine();
      if (length == -1) {
        resetEvent(); // End of stream: an event without its blank line is discarded.
        return null;
      }
      boolean endsWithCr = lineEndsWithCr;
      if (length == 0) {
        buffer.skip(1);
        afterCr = endsWithCr;
        ServerSentEvent event = dispatch();
        if (event != null) return event;
      } else {
        processLine(length);
        buffer.skip(1);
        afterCr = endsWithCr;
      }
    }
  }

  /**
   * The reconnection time last set by a valid {@code retry} field, in milliseconds, or -1 if the
   * stream has set none. Values too large for a long saturate at {@link Long#MAX_VALUE}.
   *
   * @return the reconnection time last set by a valid {@code retry} field, in milliseconds, or -1
   *     if the stream has set none
   */
  public long reconnectionTimeMillis() {
    return reconnectionTimeMillis;
  }

  /** Closes the source. */
  @Override public void close() throws IOException {
    closed = true;
    source.close();
  }

  /**
   * Skips a UTF-8 BOM at the start of the stream. This reads only while the bytes so far are a
   * prefix of the BOM: no line made of them can be complete, so they are needed anyway.
   */
  private void skipByteOrderMark() throws IOException {
    if (source.request(1) && buffer.getByte(0) == (byte) 0xef
        && source.request(2) && buffer.getByte(1) == (byte) 0xbb
        && source.request(3) && buffer.getByte(2) == (byte) 0xbf) {
      buffer.skip(3);
    }
  }

  /**
   * Waits for a whole line at the head of the buffer and returns its length, not counting the
   * line ending that follows it; or -1 at the end of the stream, leaving any partial line unread.
   * Reads only until a CR or LF is buffered, and fails once the line can't fit the limit.
   */
  private long nextLine() throws IOException {
    if (afterCr) {
      if (buffer.size() == 0 && !source.request(1)) return -1;
      if (buffer.getByte(0) == '\n') buffer.skip(1);
      afterCr = false;
    }
    long scanned = 0;
    while (true) {
      long size = buffer.size();
      if (size > scanned) {
        long index = indexOfLineEnd(scanned);
        if (index != -1) {
          checkLineLength(index);
          return index;
        }
        scanned = size;
        checkLineLength(scanned);
      }
      if (!source.request(scanned + 1)) return -1;
    }
  }

  /**
   * Returns the index of the first CR or LF in the buffer at or after {@code from}, noting which
   * it is, or -1 if there is none. A loop over the segments' arrays: cheaper than {@link
   * Buffer#indexOfElement}, which this is called for every line.
   */
  private long indexOfLineEnd(long from) {
    if (from == 0) { // A blank line, which ends every event, is told by its first byte alone.
      byte first = buffer.getByte(0);
      if (first == '\n' || first == '\r') {
        lineEndsWithCr = first == '\r';
        return 0;
      }
    }
    Buffer.UnsafeCursor cursor = buffer.readUnsafe(this.cursor);
    try {
      for (int n = cursor.seek(from); n != -1; n = cursor.next()) {
        byte[] data = cursor.data;
        int i = cursor.start;
        int end = cursor.end;
        ByteBuffer words = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (; i + 8 <= end; i += 8) {
          long word = words.getLong(i);
          long lf = word ^ 0x0a0a0a0a0a0a0a0aL;
          long cr = word ^ 0x0d0d0d0d0d0d0d0dL;
          long found = ((lf - 0x0101010101010101L) & ~lf | (cr - 0x0101010101010101L) & ~cr)
              & 0x8080808080808080L;
          if (found != 0) {
            i += Long.numberOfTrailingZeros(found) >>> 3;
            break;
          }
        }
        for (; i < end; i++) {
          byte b = data[i];
          if (b == '\n' || b == '\r') {
            lineEndsWithCr = b == '\r';
            return cursor.offset + (i - cursor.start);
          }
        }
      }
      return -1;
    } finally {
      cursor.close();
    }
  }

  /** Throws if a line of {@code length} bytes is too long: for a comment, or for this event. */
  private void checkLineLength(long length) throws EventTooLargeException {
    if (length > maxEventBytes - eventBytes
        && (length > maxEventBytes || buffer.getByte(0) != ':')) {
      throw new EventTooLargeException(maxEventBytes);
    }
  }

  /** Consumes the non-empty line of {@code length} bytes at the head of the buffer. */
  private void processLine(long length) throws IOException {
    Buffer buffer = this.buffer;
    if (buffer.getByte(0) == ':') {
      buffer.skip(length); // A comment.
      return;
    }
    eventBytes += length; // At most maxEventBytes; checkLineLength() saw to it.

    long colon = buffer.indexOf((byte) ':', 0, length);
    long nameLength = colon != -1 ? colon : length;
    long valueStart = nameLength;
    if (colon != -1) {
      valueStart++;
      if (valueStart < length && buffer.getByte(valueStart) == ' ') valueStart++;
    }
    int valueLength = (int) (length - valueStart);

    // Field names are ASCII: comparing bytes is comparing the decoded names.
    if (nameLength == 4 && buffer.rangeEquals(0, DATA)) {
      buffer.skip(valueStart);
      // The bytes are decoded once, if ever. Events usually have one data line: it is read
      // straight into the event's bytes; further lines are gathered in a buffer (moving segments).
      if (dataLines++ == 0) {
        firstData = buffer.readByteString(valueLength);
      } else {
        if (firstData != null) {
          data.write(firstData);
          firstData = null;
        }
        data.writeByte('\n');
        buffer.read(data, valueLength);
      }
    } else if (nameLength == 5 && buffer.rangeEquals(0, EVENT)) {
      buffer.skip(valueStart);
      type = readUtf8(valueLength);
    } else if (nameLength == 2 && buffer.rangeEquals(0, ID)) {
      if (buffer.indexOf((byte) 0, valueStart, length) == -1) {
        buffer.skip(valueStart);
        lastEventId = readUtf8(valueLength);
      } else {
        buffer.skip(length); // An ID containing NUL is ignored.
      }
    } else if (nameLength == 5 && buffer.rangeEquals(0, RETRY)) {
      buffer.skip(valueStart);
      setRetry(readUtf8(valueLength));
    } else {
      buffer.skip(length); // An unknown field.
    }
  }

  private void setRetry(String value) {
    if (value.isEmpty()) return;
    long millis = 0;
    for (int i = 0, length = value.length(); i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') return; // Only ASCII digits make a valid retry.
      int digit = c - '0';
      millis = millis > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : millis * 10 + digit;
    }
    reconnectionTimeMillis = millis;
  }

  /** Handles a blank line: returns the pending event, if it has data, and starts a new one. */
  private ServerSentEvent dispatch() {
    ServerSentEvent event = null;
    if (dataLines != 0) {
      ByteString bytes = firstData != null ? firstData : data.readByteString();
      event = ServerSentEvent.ofBytes(type.isEmpty() ? "message" : type, bytes, lastEventId);
    }
    resetEvent();
    return event;
  }

  /** Empties the data and event type buffers; the last event ID persists. */
  private void resetEvent() {
    eventBytes = 0;
    dataLines = 0;
    firstData = null;
    if (data.size() != 0) data.clear();
    type = "";
  }

  /** Consumes {@code byteCount} bytes from the head of the buffer, decoding them as UTF-8. */
  private String readUtf8(int byteCount) throws EOFException {
    if (byteCount == 0) return "";
    byte[] bytes;
    if (byteCount <= SCRATCH_BYTES) {
      if (scratch == null) scratch = new byte[SCRATCH_BYTES];
      bytes = scratch;
      for (int offset = 0; offset < byteCount; ) {
        offset += buffer.read(bytes, offset, byteCount - offset);
      }
    } else {
      bytes = buffer.readByteArray(byteCount);
    }
    return decodeUtf8(bytes, byteCount);
  }

  /**
   * Decodes {@code bytes[0..byteCount)} as the WHATWG UTF-8 decoder does: each maximal subpart of
   * an ill-formed sequence becomes one U+FFFD. Done here rather than by {@code new String(bytes,
   * UTF_8)} because older Android releases replace malformed input differently.
   */
  static String decodeUtf8(byte[] bytes, int byteCount) {
    int i = 0;
    while (i < byteCount && bytes[i] >= 0) i++;
    // ASCII, the usual case, takes a fast path.
    if (i == byteCount) return new String(bytes, 0, byteCount, StandardCharsets.ISO_8859_1);

    char[] chars = new char[byteCount]; // Never more chars than bytes.
    int charCount = 0;
    for (; charCount < i; charCount++) chars[charCount] = (char) bytes[charCount];
    while (i < byteCount) {
      int b = bytes[i++] & 0xff;
      if (b < 0x80) {
        chars[charCount++] = (char) b;
        continue;
      }
      int needed;
      int codePoint;
      int lower = 0x80;
      int upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        codePoint = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b == 0xe0) lower = 0xa0; // Overlong.
        if (b == 0xed) upper = 0x9f; // Surrogate.
        needed = 2;
        codePoint = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b == 0xf0) lower = 0x90; // Overlong.
        if (b == 0xf4) upper = 0x8f; // Beyond U+10FFFF.
        needed = 3;
        codePoint = b & 0x07;
      } else {
        chars[charCount++] = '\ufffd';
        continue;
      }
      for (; needed > 0; needed--) {
        if (i == byteCount) break;
        int continuation = bytes[i] & 0xff;
        if (continuation < lower || continuation > upper) break; // Not consumed: decoded next.
        codePoint = codePoint << 6 | continuation & 0x3f;
        lower = 0x80;
        upper = 0xbf;
        i++;
      }
      if (needed > 0) {
        chars[charCount++] = '\ufffd';
      } else if (codePoint < 0x10000) {
        chars[charCount++] = (char) codePoint;
      } else {
        chars[charCount++] = Character.highSurrogate(codePoint);
        chars[charCount++] = Character.lowSurrogate(codePoint);
      }
    }
    return new String(chars, 0, charCount);
  }
}
