package io.github.v0java.sse;

import java.util.ArrayDeque;
import java.util.Deque;
import okio.Buffer;
import okio.ByteString;
import okio.Source;
import okio.Timeout;

/**
 * A live stream for tests. Each read returns bytes of one chunk sent so far, at most {@code
 * maxBytesPerRead} of them. Once the chunks run out a read returns end of stream if {@link #end()}
 * was called, and otherwise fails: a network stream would block there, so reading that far means
 * the reader read ahead.
 */
final class ScriptedSource implements Source {
  private final Deque<Buffer> chunks = new ArrayDeque<>();
  private final int maxBytesPerRead;
  private boolean ended;
  private boolean closed;
  private long bytesRead;

  ScriptedSource(int maxBytesPerRead) {
    this.maxBytesPerRead = maxBytesPerRead;
  }

  ScriptedSource send(String utf8) {
    return send(ByteString.encodeUtf8(utf8));
  }

  ScriptedSource send(ByteString bytes) {
    if (ended) throw new IllegalStateException("ended");
    if (bytes.size() > 0) chunks.addLast(new Buffer().write(bytes));
    return this;
  }

  ScriptedSource end() {
    ended = true;
    return this;
  }

  boolean isClosed() {
    return closed;
  }

  long bytesRead() {
    return bytesRead;
  }

  @Override public long read(Buffer sink, long byteCount) {
    if (closed) throw new IllegalStateException("closed");
    Buffer chunk = chunks.peekFirst();
    if (chunk == null) {
      if (ended) return -1;
      throw new AssertionError("read past the bytes sent so far: a live stream would block here");
    }
    long count = Math.min(Math.min(byteCount, maxBytesPerRead), chunk.size());
    sink.write(chunk, count);
    if (chunk.size() == 0) chunks.removeFirst();
    bytesRead += count;
    return count;
  }

  @Override public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override public void close() {
    closed = true;
  }
}
