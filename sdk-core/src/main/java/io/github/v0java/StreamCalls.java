package io.github.v0java;

import com.squareup.moshi.Moshi;
import io.github.v0java.internal.delta.DeltaException;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.MessagePartsChunkEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Opens streaming calls: checks the answer, then reads its body as Server-Sent Events through
 * one {@link EventStream}, blocking ({@link #open}) or on OkHttp's threads ({@link #enqueue}).
 */
final class StreamCalls {
  private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

  private final Moshi moshi;
  private final long maxEventBytes;

  StreamCalls(Moshi moshi, long maxEventBytes) {
    this.moshi = moshi;
    this.maxEventBytes = maxEventBytes;
  }

  <E> EventStream<E> open(Call<ResponseBody> call, Class<E> eventType, StreamRecovery recovery) {
    return stream(call, execute(call), eventType, recovery);
  }

  /** Runs a stream call, bounded only by the read timeout between bytes. */
  private static Response<ResponseBody> execute(Call<ResponseBody> call) {
    unbounded(call);
    try {
      return call.execute();
    } catch (IOException e) {
      throw ApiErrors.failed(call.request(), e);
    }
  }

  <E> Cancellable enqueue(Call<ResponseBody> call, final Class<E> eventType,
      final StreamListener<E> listener, final StreamRecovery recovery) {
    unbounded(call);
    final StreamCancellable cancellable = new StreamCancellable(call);
    call.enqueue(new Callback<ResponseBody>() {
      @Override public void onResponse(Call<ResponseBody> call, Response<ResponseBody> response) {
        EventStream<E> stream;
        try {
          stream = stream(call, response, eventType, recovery);
        } catch (V0Exception e) {
          if (!cancellable.isCancelled()) listener.onFailure(e);
          return;
        }
        cancellable.stream = stream;
        if (cancellable.isCancelled()) { // Cancelled before the stream was handed over.
          stream.close();
          return;
        }
        try {
          E event;
          while ((event = stream.next()) != null) {
            if (cancellable.isCancelled()) return;
            listener.onEvent(event, stream.state());
          }
          if (!cancellable.isCancelled()) listener.onComplete(stream.state());
        } catch (V0Exception e) {
          if (!cancellable.isCancelled()) listener.onFailure(e);
        } finally {
          stream.close();
        }
      }

      @Override public void onFailure(Call<ResponseBody> call, Throwable t) {
        if (cancellable.isCancelled()) return;
        listener.onFailure(t instanceof IOException
            ? ApiErrors.failed(call.request(), (IOException) t)
            : new V0Exception("stream call failed: " + t, t));
      }
    });
    return cancellable;
  }

  /** Streams last as long as the generation; only the read timeout between bytes applies. */
  private static void unbounded(Call<ResponseBody> call) {
    call.timeout().timeout(0, TimeUnit.MILLISECONDS);
  }

  private <E> EventStream<E> stream(Call<ResponseBody> call, Response<ResponseBody> response,
      Class<E> eventType, StreamRecovery recovery) {
    ResponseBody body = checkedBody(response);
    MessageAccumulator accumulator = accumulator();
    return new EventStream<>(body.source(), maxEventBytes, moshi.adapter(eventType), accumulator,
        chunkReader(eventType, accumulator), closer(call, body), eventType == ChatStreamEvent.class,
        recovery);
  }

  /** Opens a legacy v1 {@code experimental_stream} answer. */
  V1Stream openV1(Call<ResponseBody> call) {
    ResponseBody body = checkedBody(execute(call));
    return new V1Stream(body.source(), maxEventBytes, moshi, closer(call, body));
  }

  /** The body of a successful event-stream answer; the typed exception for anything else. */
  private static ResponseBody checkedBody(Response<ResponseBody> response) {
    if (!response.isSuccessful()) {
      throw ApiErrors.from(response.code(), response.headers(), response.errorBody());
    }
    ResponseBody body = response.body();
    if (body == null) {
      throw new V0DecodingException(response.code(), "the stream answer has no body", null);
    }
    MediaType type = body.contentType();
    if (type != null && !("text".equals(type.type()) && "event-stream".equals(type.subtype()))) {
      V0ApiException asError = ApiErrors.from(response.code(), response.headers(), body);
      throw new V0DecodingException(response.code(), "expected a text/event-stream answer but got "
          + type + (asError.errorMessage() != null ? ": " + asError.errorMessage() : ""), asError);
    }
    return body;
  }

  private static Closeable closer(final Call<ResponseBody> call, final ResponseBody body) {
    return new Closeable() {
      @Override public void close() {
        call.cancel();
        body.close();
      }
    };
  }

  /** A stream over a captured body (a file, stdin), through exactly the live path. */
  <E> EventStream<E> replay(okio.BufferedSource source, Class<E> eventType) {
    MessageAccumulator accumulator = accumulator();
    return new EventStream<>(source, maxEventBytes, moshi.adapter(eventType), accumulator,
        chunkReader(eventType, accumulator), null, eventType == ChatStreamEvent.class, null);
  }

  /** Reads chunks in one pass for the streams whose events include them. */
  private ChunkEventReader chunkReader(Class<?> eventType, MessageAccumulator accumulator) {
    return eventType.isAssignableFrom(MessagePartsChunkEvent.class)
        ? new ChunkEventReader(moshi, accumulator) : null;
  }

  private MessageAccumulator accumulator() {
    return new MessageAccumulator(moshi, new MessageAccumulator.ChunkRejectionListener() {
      @Override public void onChunkRejected(MessagePartsChunkEvent chunk, DeltaException reason) {
        LOG.log(Level.WARNING, "Skipped a stream chunk whose delta does not apply (the state is"
            + " unchanged; the next snapshot corrects it): " + reason.getMessage());
      }
    });
  }

  private static final class StreamCancellable implements Cancellable {
    private final Call<ResponseBody> call;
    volatile EventStream<?> stream;
    private volatile boolean cancelled;

    StreamCancellable(Call<ResponseBody> call) {
      this.call = call;
    }

    @Override public void cancel() {
      cancelled = true;
      // The stream first: once it knows it is closed, the failing read that cancelling the call
      // causes is not taken for a dropped connection (which would start a recovery poll).
      EventStream<?> current = stream;
      if (current != null) current.close();
      call.cancel();
    }

    @Override public boolean isCancelled() {
      return cancelled;
    }
  }
}
