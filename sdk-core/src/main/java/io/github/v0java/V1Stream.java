package io.github.v0java;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.v0java.internal.JsonTrees;
import io.github.v0java.internal.delta.DeltaApplier;
import io.github.v0java.internal.delta.DeltaException;
import io.github.v0java.sse.EventTooLargeException;
import io.github.v0java.sse.ServerSentEvent;
import io.github.v0java.sse.ServerSentEventReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * A legacy v1 {@code experimental_stream}, read as it arrives: the same event reader and delta
 * applier as v2, folding {@code {"delta": ...}} events into the message content (its rows, as
 * in {@code experimental_content}). Blocking and single-use; close it to cancel the call.
 */
public final class V1Stream implements Closeable, Iterable<V1StreamEvent> {
  private static final Logger LOG = Logger.getLogger(V1Stream.class.getName());

  private final ServerSentEventReader reader;
  private final JsonAdapter<Object> json;
  private final Closeable onClose;
  private Object content = new ArrayList<Object>();
  private List<Object> contentSnapshot = Collections.emptyList();
  private boolean contentChanged;
  private Map<String, Object> chat;
  private boolean finished;
  private boolean done;
  private volatile boolean closed;
  private V1StreamEvent peeked;

  V1Stream(BufferedSource source, long maxEventBytes, Moshi moshi, Closeable onClose) {
    this.reader = ServerSentEventReader.create(source, maxEventBytes);
    this.json = moshi.adapter(Object.class);
    this.onClose = onClose;
  }

  /**
   * The next event, or null once the stream is done ({@code {"type":"done"}} or
   * {@code [DONE]}) or closed.
   *
   * @return the next event, or null once the stream is done
   * @throws V0StreamException if the stream reports an error
   * @throws V0StreamInterruptedException if it ends before it is done
   */
  @SuppressWarnings("unchecked")
  public @Nullable V1StreamEvent next() {
    if (peeked != null) {
      V1StreamEvent result = peeked;
      peeked = null;
      return result;
    }
    while (!done && !closed) {
      ServerSentEvent sse;
      try {
        sse = reader.next();
      } catch (EventTooLargeException e) {
        fail();
        throw new V0DecodingException(200, e.getMessage(), e);
      } catch (IOException | IllegalStateException e) {
        if (closed) return null;
        fail();
        throw new V0StreamInterruptedException("the v1 stream broke: " + e, null, e);
      }
      if (sse == null) {
        done = true;
        if (!finished && !closed) {
          throw new V0StreamInterruptedException("the v1 stream ended before it was done", null, null);
        }
        return null;
      }
      String data = sse.data();
      if (data.isEmpty()) continue;
      if (data.equals("[DONE]")) {
        finished = true;
        continue;
      }
      Object parsed;
      try {
        parsed = json.fromJson(data);
      } catch (IOException | RuntimeException e) {
        fail();
        throw new V0DecodingException(200, "undecodable v1 stream event: " + e.getMessage(), e);
      }
      if (!(parsed instanceof Map)) continue;
      V1StreamEvent event = V1StreamEvent.of((Map<String, Object>) parsed);
      apply(event);
      return event;
    }
    return null;
  }

  private void apply(V1StreamEvent event) {
    Object error = event.json().get("error");
    if (error != null) {
      fail();
      String message = error instanceof Map ? String.valueOf(((Map<?, ?>) error).get("message"))
          : String.valueOf(error);
      Object type = error instanceof Map ? ((Map<?, ?>) error).get("type") : null;
      throw new V0StreamException(message, type == null ? null : String.valueOf(type), null, null);
    }
    switch (event.kind()) {
      case DELTA:
        try {
          content = DeltaApplier.apply(content, event.delta(), "content");
          contentChanged = true;
        } catch (DeltaException e) {
          LOG.log(Level.WARNING, "Skipped a v1 delta that does not apply (content unchanged): "
              + e.getMessage());
        }
        break;
      case CHAT:
        if ("chat".equals(event.json().get("object"))) chat = event.json();
        break;
      case DONE:
        finished = true;
        break;
      default:
        break;
    }
  }

  /**
   * The content rows built so far: an unmodifiable copy, safe to keep.
   *
   * @return the content rows built so far
   */
  @SuppressWarnings("unchecked")
  public List<Object> content() {
    if (contentChanged) {
      Object copy = JsonTrees.mutableCopy(content);
      contentSnapshot = Collections.unmodifiableList(
          copy instanceof List ? (List<Object>) copy : Collections.singletonList(copy));
      contentChanged = false;
    }
    return contentSnapshot;
  }

  /**
   * The latest chat object the stream sent, or null.
   *
   * @return the latest chat object the stream sent, or null
   */
  public @Nullable Map<String, Object> chat() {
    return chat;
  }

  /**
   * True once the stream said it was done.
   *
   * @return true once the stream said it was done
   */
  public boolean isFinished() {
    return finished;
  }

  /**
   * Reads to the end and returns the final content rows.
   *
   * @return the message's content rows as generated
   */
  public List<Object> awaitCompletion() {
    try {
      while (next() != null) {
        // next() folds each event into the content.
      }
      return content();
    } finally {
      close();
    }
  }

  @Override public Iterator<V1StreamEvent> iterator() {
    return new Iterator<V1StreamEvent>() {
      @Override public boolean hasNext() {
        if (peeked == null) peeked = V1Stream.this.next();
        return peeked != null;
      }

      @Override public V1StreamEvent next() {
        if (!hasNext()) throw new NoSuchElementException();
        V1StreamEvent result = peeked;
        peeked = null;
        return result;
      }

      @Override public void remove() {
        throw new UnsupportedOperationException();
      }
    };
  }

  private void fail() {
    done = true;
    release();
  }

  @Override public void close() {
    closed = true;
    release();
  }

  private void release() {
    try {
      if (onClose != null) onClose.close();
      reader.close();
    } catch (IOException | RuntimeException ignored) {
      // Nothing is left to release.
    }
  }
}
