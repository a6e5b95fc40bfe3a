package io.github.v0java;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePartsChunkEvent;
import io.github.v0java.sse.EventTooLargeException;
import io.github.v0java.sse.ServerSentEvent;
import io.github.v0java.sse.ServerSentEventReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import com.squareup.moshi.JsonReader;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A live stream of typed events ({@code MessageStreamEvent} or {@code ChatStreamEvent}) and of
 * the message they build, read as the server sends them. Blocking: {@link #next()} waits for the
 * next event. Close it (try-with-resources) to cancel the HTTP call at once.
 *
 * <pre>{@code
 * try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream(chatId, request)) {
 *   for (MessageStreamEvent event : stream) {
 *     render(stream.state()); // the message so far, after this event
 *   }
 * }
 * }</pre>
 *
 * <p>An event kind this SDK does not know arrives as the union's {@code Unknown} member and never
 * fails the stream. The stream fails with {@link V0StreamException} when the API reports an
 * error, and with {@link V0StreamInterruptedException} when it ends before the message is
 * finished. Not thread-safe: read it from one thread.
 *
 * @param <E> the event type
 */
public final class EventStream<E> implements Closeable, Iterable<E> {
  private static final ByteString DONE = ByteString.encodeUtf8("[DONE]");

  private final ServerSentEventReader reader;
  private final JsonAdapter<E> adapter;
  private final MessageAccumulator accumulator;
  private final ChunkEventReader chunks;
  private final Closeable onClose;
  private final boolean cleanEndCompletes;
  private final StreamRecovery recovery;
  /** Holds the event being decoded; reused, see {@link #decode}. */
  private final Buffer decodeBuffer = new Buffer();
  private JsonReader decodeReader;
  private boolean recovered;
  private boolean sawEvent;
  private boolean done;
  private volatile boolean closed;
  /** The poll of a recovery under way, cancelled by {@link #close()}. */
  private volatile PendingGeneration<Message> recovering;
  private E peeked;

  EventStream(BufferedSource source, long maxEventBytes, JsonAdapter<E> adapter,
      MessageAccumulator accumulator, ChunkEventReader chunks, Closeable onClose,
      boolean cleanEndCompletes, StreamRecovery recovery) {
    this.cleanEndCompletes = cleanEndCompletes;
    this.recovery = recovery;
    this.reader = ServerSentEventReader.create(source, maxEventBytes);
    this.adapter = adapter;
    this.accumulator = accumulator;
    this.chunks = chunks;
    this.onClose = onClose;
  }

  /**
   * Returns the next event, waiting for it, or null when the stream ended with a finished
   * message (or was closed).
   *
   * @return the next event, waiting for it, or null when the stream ended with a finished message
   * @throws V0StreamException if the API reported an error in the stream
   * @throws V0StreamInterruptedException if the stream ended before the message finished
   * @throws V0DecodingException if an event was not valid JSON or exceeded the size limit
   */
  public @Nullable E next() {
    if (peeked != null) {
      E result = peeked;
      peeked = null;
      return result;
    }
    while (!done) {
      ServerSentEvent sse;
      try {
        sse = readEvent();
      } catch (V0StreamInterruptedException broken) {
        return recover(broken);
      }
      if (sse == null) {
        done = true;
        if (closed) return null;
        MessageState state = accumulator.state();
        if (!isComplete(state)) {
          return recover(new V0StreamInterruptedException(sawEvent
              ? "the stream ended before the message finished" : "the stream ended before any event",
              state, null));
        }
        return null;
      }
      ByteString data = sse.dataBytes();
      if (data.size() == 0 || data.equals(DONE)) continue;
      if (chunks != null && ChunkEventReader.reads(data)) {
        MessagePartsChunkEvent chunk = chunks.read(data);
        if (chunk != null) {
          sawEvent = true;
          accumulator.acceptRead(chunk);
          @SuppressWarnings("unchecked") // Only event types that have chunks get a chunk reader.
          E event = (E) chunk;
          return event;
        }
      }
      E event = decode(data);
      sawEvent = true;
      try {
        accumulator.accept(event, data);
      } catch (V0Exception e) {
        done = true;
        closeQuietly();
        throw e;
      }
      return event;
    }
    return null;
  }

  /**
   * After the stream broke before the message finished: polls the message until it is done and
   * returns its final snapshot as the last event, marking the stream {@link #recovered()}; or
   * throws {@code broken} (with what polling said) when that cannot be done.
   */
  private E recover(V0StreamInterruptedException broken) {
    done = true;
    MessageState state = accumulator.state();
    if (recovery == null || !sawEvent || closed) throw broken;
    PendingGeneration<Message> pending = recovery.pending(state);
    if (pending == null) throw broken;
    recovering = pending;
    Message finished;
    try {
      if (closed) return null; // Closed while the recovery was being set up.
      finished = pending.await();
    } catch (V0Exception e) {
      if (closed) return null; // Closed from another thread while polling: not a failure.
      throw new V0StreamInterruptedException(broken.getMessage()
          + "; polling the message did not recover it either: " + e.getMessage(), state, e);
    } finally {
      recovering = null;
    }
    ByteString snapshot = recovery.snapshotEvent(finished);
    E event = decode(snapshot);
    accumulator.accept(event, snapshot);
    recovered = true;
    return event;
  }

  /**
   * True if the connection broke and the final state was recovered by polling the message: the
   * last event was then a snapshot made from the polled message, not one the stream sent.
   *
   * @return true if the connection broke and the final state was recovered by polling the message
   */
  public boolean recovered() {
    return recovered;
  }

  /**
   * A message stream is complete once a snapshot carries a finish reason. A chat stream's union
   * has no message snapshot: there a body the server ended properly completes it, unless a
   * snapshot did arrive, which then decides.
   */
  private boolean isComplete(MessageState state) {
    if (state.isComplete()) return true;
    return cleanEndCompletes && sawEvent && state.snapshot() == null;
  }

  private ServerSentEvent readEvent() {
    if (closed) return null;
    try {
      return reader.next();
    } catch (EventTooLargeException e) {
      done = true;
      closeQuietly();
      throw new V0DecodingException(200, e.getMessage(), e);
    } catch (IOException | IllegalStateException e) {
      done = true;
      if (closed) return null; // Closed from another thread while reading: not a failure.
      closeQuietly();
      throw new V0StreamInterruptedException("the stream broke: " + e, accumulator.state(), e);
    }
  }

  private E decode(ByteString data) {
    try {
      // One reader decodes every event, as the items of a JSON array written into its buffer
      // ('[' before the first, ',' before each other), rather than a new reader (and its three
      // path arrays) per event. A union whose label is not the first field peeks ahead, which
      // marks the buffer's segment shared: Okio never pools it again. Each event is followed by
      // a newline (whitespace to JSON) that is left in the buffer to keep its segment in use, so
      // that events share a segment instead of each taking, and maybe dropping, a fresh 8 KiB one.
      if (decodeReader == null) {
        decodeBuffer.writeByte('[');
        decodeReader = JsonReader.of(decodeBuffer);
        decodeReader.beginArray();
      } else {
        decodeBuffer.writeByte(',');
      }
      decodeBuffer.write(data).writeByte('\n');
      E event = adapter.fromJson(decodeReader);
      // Whatever follows the event's value in its data is ignored, as by a reader of its own.
      long unread = decodeBuffer.size() - 1;
      if (unread > 0) decodeBuffer.skip(unread);
      if (event == null) throw new JsonDataException("null event");
      return event;
    } catch (IOException | RuntimeException e) {
      done = true;
      closeQuietly();
      throw new V0DecodingException(200, "undecodable stream event: " + e.getMessage(), e);
    }
  }

  /**
   * The message as built by the events read so far; never null.
   *
   * @return the message as built by the events read so far
   */
  public MessageState state() {
    return accumulator.state();
  }

  /**
   * Reads the rest of the stream and returns the final state.
   *
   * @return the accumulated message, finished
   * @throws V0StreamException if the API reported an error in the stream
   * @throws V0StreamInterruptedException if the stream ended before the message finished
   */
  public MessageState awaitCompletion() {
    try {
      while (next() != null) {
        // Each event is folded into the state by next().
      }
      if (closed && !isComplete(accumulator.state())) {
        throw new V0StreamInterruptedException("the stream was closed before the message finished",
            accumulator.state(), null);
      }
      return accumulator.state();
    } finally {
      close();
    }
  }

  /**
   * Reads the rest of the stream and returns the finished message.
   *
   * @return the finished message
   */
  public Message finalMessage() {
    return awaitCompletion().toMessage();
  }

  /** The events; one pass only (the stream is consumed as it is iterated). */
  @Override public Iterator<E> iterator() {
    return new Iterator<E>() {
      @Override public boolean hasNext() {
        if (peeked == null) peeked = EventStream.this.next();
        return peeked != null;
      }

      @Override public E next() {
        if (!hasNext()) throw new NoSuchElementException();
        E result = peeked;
        peeked = null;
        return result;
      }

      @Override public void remove() {
        throw new UnsupportedOperationException();
      }
    };
  }

  /**
   * The accumulated state after each event; one pass only, sharing this stream's position.
   *
   * @return the accumulated state after each event
   */
  public Iterable<MessageState> states() {
    return new Iterable<MessageState>() {
      @Override public Iterator<MessageState> iterator() {
        final Iterator<E> events = EventStream.this.iterator();
        return new Iterator<MessageState>() {
          @Override public boolean hasNext() {
            return events.hasNext();
          }

          @Override public MessageState next() {
            events.next();
            return accumulator.state();
          }

          @Override public void remove() {
            throw new UnsupportedOperationException();
          }
        };
      }
    };
  }

  /** Cancels the HTTP call and releases the connection; safe to call from any thread, twice. */
  @Override public void close() {
    closed = true;
    PendingGeneration<Message> pending = recovering;
    if (pending != null) pending.cancel();
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (onClose != null) onClose.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing a cancelled call may fail; nothing is left to release.
    }
    try {
      reader.close();
    } catch (IOException | RuntimeException ignored) {
      // As above.
    }
  }
}
