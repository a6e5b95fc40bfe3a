package io.github.v0java;

import com.squareup.moshi.Moshi;
import io.github.v0java.internal.DeferredJsonObject;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.MessagePartsChunkEvent;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.sse.ServerSentEventReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okio.Buffer;

/**
 * Runs a stream body through the one-pass chunk path ({@link ChunkEventReader}) or the path it
 * shortcuts (the generated adapter, then {@link MessageAccumulator#accept}), recording what each
 * gave, for tests that hold the two to the same results.
 */
public final class StreamPaths {
  private static final Moshi MOSHI = V0Json.moshi();

  private StreamPaths() {
  }

  /** What a stream gave: a line per event (the event, its state, rejections) and the failure. */
  public static final class Run {
    final List<Object> events = new ArrayList<>();
    final List<MessageState> states = new ArrayList<>();
    /** For each event: whether the one-pass path read it. */
    final List<Boolean> applied = new ArrayList<>();
    public final List<String> log = new ArrayList<>();
    Throwable failure;
    MessageState finalState;
  }

  /** Runs {@code body}, a message stream, through one path or the other. */
  public static Run run(String body, boolean onePass) {
    return run(new Buffer().writeUtf8(body), onePass, MessageStreamEvent.class);
  }

  /** Runs {@code body}, a stream of {@code eventType}, through one path or the other. */
  public static <E> Run run(Buffer body, boolean onePass, Class<E> eventType) {
    Run run = new Run();
    List<String> rejections = new ArrayList<>();
    MessageAccumulator accumulator = new MessageAccumulator(MOSHI,
        (chunk, reason) -> rejections.add(reason.getMessage()));
    ChunkEventReader chunks = onePass ? new ChunkEventReader(MOSHI, accumulator) : null;
    EventStream<E> stream = new EventStream<>(body, ServerSentEventReader.DEFAULT_MAX_EVENT_BYTES,
        MOSHI.adapter(eventType), accumulator, chunks, null, eventType == ChatStreamEvent.class,
        null);
    try {
      E event;
      while ((event = stream.next()) != null) {
        run.events.add(event);
        run.states.add(stream.state());
        run.applied.add(event instanceof MessagePartsChunkEvent
            && ((MessagePartsChunkEvent) event).getDelta() instanceof DeferredJsonObject);
        run.log.add(event + " -> " + describe(stream.state()) + " rejected " + rejections);
        rejections.clear();
      }
    } catch (RuntimeException e) {
      run.failure = e;
      run.log.add("failed: " + e.getClass().getSimpleName());
    }
    run.finalState = stream.state();
    run.log.add("final: " + describe(run.finalState));
    return run;
  }

  private static String describe(MessageState state) {
    return "id=" + state.messageId() + " parts=" + state.parts() + " usage=" + state.usage()
        + " finish=" + state.finishReason() + " content=" + state.content()
        + " snapshot=" + Objects.hashCode(state.snapshot());
  }
}
