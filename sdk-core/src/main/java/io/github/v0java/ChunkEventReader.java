package io.github.v0java;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.v0java.internal.ByteArrayJsonReader;
import io.github.v0java.internal.ByteArrayJsonReader.Unsupported;
import io.github.v0java.internal.DeferredJsonObject;
import io.github.v0java.model.MessagePartsChunkEvent;
import okio.ByteString;

/**
 * Reads a {@code message.parts.chunk} event, nearly every event of a stream, in one pass over
 * its bytes: its delta's changes to the accumulator's parts are worked out as it is read (see
 * {@link MessageAccumulator#readDelta}) instead of reading it into a tree and then applying it. The event
 * handed to the caller equals the one the generated adapter would give; its delta is an object
 * read on first use from the bytes it came in ({@link DeferredJsonObject}).
 *
 * <p>This is a shortcut, never the only way: an event it does not take (its label not first, as
 * the API sends it; a delta of another shape; anything unusual or malformed) is left, with the
 * parts as they were, to the generated adapter and {@link MessageAccumulator#accept}, which
 * decide what it means.
 */
final class ChunkEventReader {
  private static final String LABEL = "message.parts.chunk";
  private static final ByteString PREFIX = ByteString.encodeUtf8("{\"object\":\"" + LABEL + "\",");
  private static final byte[][] NAMES = {
      {'i', 'd'}, {'o', 'b', 'j', 'e', 'c', 't'}, {'d', 'e', 'l', 't', 'a'}};

  private final MessageAccumulator accumulator;
  private final JsonAdapter<Object> trees;
  private final ByteArrayJsonReader reader = new ByteArrayJsonReader();
  /** Events up to this size are read from one reused array; a larger one is not kept. */
  private static final int SCRATCH_LIMIT = 64 * 1024;
  private byte[] scratch = new byte[1024];
  /** The message id of the last chunk: every chunk of a stream has the same. */
  private String lastId;

  ChunkEventReader(Moshi moshi, MessageAccumulator accumulator) {
    this.accumulator = accumulator;
    this.trees = moshi.adapter(Object.class);
  }

  private byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, Math.min(2 * scratch.length, SCRATCH_LIMIT))];
    }
    return scratch;
  }

  /** True if {@code data} may be a chunk event this class reads. */
  static boolean reads(ByteString data) {
    return data.startsWith(PREFIX);
  }

  /**
   * Reads the chunk event {@code data} and plans its delta's changes, made by {@link
   * MessageAccumulator#acceptRead}. Returns null, with nothing planned, for an event to be read
   * by the generated adapter instead.
   */
  MessagePartsChunkEvent read(ByteString data) {
    int size = data.size();
    byte[] bytes = size <= SCRATCH_LIMIT ? scratch(size) : new byte[size];
    data.copyInto(0, bytes, 0, size);
    reader.reset(bytes, 0, size);
    try {
      String id = null;
      String object = null;
      int deltaStart = -1;
      int deltaEnd = -1;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0:
            id = reader.nextStringOrNull(lastId);
            break;
          case 1:
            object = reader.nextStringOrNull(LABEL);
            break;
          case 2:
            // Only one delta, an object: anything else is rare enough for the generated adapter.
            if (deltaStart >= 0 || reader.peek() != '{') throw Unsupported.INSTANCE;
            deltaStart = reader.position();
            accumulator.readDelta(reader);
            deltaEnd = reader.position();
            break;
          default:
            reader.skipValue();
        }
      }
      reader.endObject();
      // The builder insists on these; the generated adapter does not.
      if (id == null || object == null || deltaStart < 0) throw Unsupported.INSTANCE;
      lastId = id;
      // ByteString.of copies: the delta keeps no reference to the reused array.
      DeferredJsonObject delta =
          new DeferredJsonObject(ByteString.of(bytes, deltaStart, deltaEnd - deltaStart), trees);
      return MessagePartsChunkEvent.builder().id(id)._object(object).delta(delta).build();
    } catch (Unsupported | RuntimeException e) {
      accumulator.rollbackRead();
      return null;
    }
  }
}
