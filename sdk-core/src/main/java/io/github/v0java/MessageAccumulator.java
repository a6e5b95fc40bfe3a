package io.github.v0java;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.github.v0java.internal.ByteArrayJsonReader;
import io.github.v0java.internal.ByteArrayJsonReader.Unsupported;
import io.github.v0java.internal.JsonTrees;
import io.github.v0java.internal.delta.DeltaApplier;
import io.github.v0java.internal.delta.DeltaException;
import io.github.v0java.internal.delta.DeltaReader;
import io.github.v0java.model.Chat;
import io.github.v0java.model.BashPart;
import io.github.v0java.model.ChatSnapshotEvent;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.ChatTitleEvent;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessagePartsChunkEvent;
import io.github.v0java.model.MessageSnapshotEvent;
import io.github.v0java.model.MessageUsage;
import io.github.v0java.model.MessageUsageEvent;
import io.github.v0java.model.StreamErrorEvent;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.ThinkingPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.ByteString;

/**
 * Folds stream events into the current {@link MessageState}, as streaming.md describes: a
 * {@code message} snapshot replaces everything, a {@code message.parts.chunk} patches the parts,
 * {@code message.usage} replaces the usage, {@code chat} and {@code chat.title} update the chat,
 * unknown kinds are skipped, and an {@code error} ends the stream.
 *
 * <p>Cost: a chunk costs time proportional to its delta and to the parts it touches. The parts
 * are kept twice: as a mutable JSON tree the delta applies to, and as typed parts; only the typed
 * parts a chunk touched are decoded again, and each state shares the untouched ones.
 *
 * <p>A chunk arrives in one of two ways: decoded, its delta a tree ({@link #accept}), or as JSON
 * being read, its changes worked out while it is read ({@link #readDelta}) and made by {@link
 * #acceptRead}, which {@link ChunkEventReader} does for the stream path.
 */
final class MessageAccumulator {
  /** Told about a chunk whose delta could not be applied; the state stays as it was. */
  interface ChunkRejectionListener {
    void onChunkRejected(MessagePartsChunkEvent chunk, DeltaException reason);
  }

  private static final JsonReader.Options PARTS = JsonReader.Options.of("parts");

  private final JsonAdapter<MessagePart> partAdapter;
  private final JsonAdapter<Message> messageAdapter;
  private final JsonAdapter<Chat> chatAdapter;
  private final ChunkRejectionListener rejections;
  private final DeltaReader deltaReader;

  /** The parts as the JSON tree deltas apply to: normally a list. */
  private Object rawParts = new ArrayList<Object>();
  /** Typed parts; null entries must be decoded again from {@link #rawParts}. */
  private final ArrayList<MessagePart> typedParts = new ArrayList<>();
  /** Indexes of {@link #typedParts} changed since the last published state. */
  private int[] dirty = new int[16];
  private int dirtyCount;
  /** The parts of the last published state, shared block-wise with the next. */
  private PartList published = PartList.EMPTY;
  private MessageState state = MessageState.EMPTY;
  private boolean failed;

  MessageAccumulator(Moshi moshi, ChunkRejectionListener rejections) {
    this.partAdapter = moshi.adapter(MessagePart.class);
    this.messageAdapter = moshi.adapter(Message.class);
    this.chatAdapter = moshi.adapter(Chat.class);
    this.rejections = rejections;
    this.deltaReader = new DeltaReader();
  }

  MessageState state() {
    return state;
  }

  /**
   * Applies one decoded event; {@code data} is its raw JSON (read again only for snapshots, to
   * keep the parts' fields exactly as sent).
   *
   * @throws V0StreamException for an {@code error} event
   */
  MessageState accept(Object event, ByteString data) {
    if (failed) throw new IllegalStateException("the stream already failed");
    if (event instanceof MessagePartsChunkEvent) {
      applyChunk((MessagePartsChunkEvent) event);
    } else if (event instanceof MessageSnapshotEvent || isUnknownMessageSnapshot(event)) {
      applySnapshot(data);
    } else if (event instanceof MessageUsageEvent) {
      MessageUsageEvent usage = (MessageUsageEvent) event;
      state = new MessageState(state.snapshot(), idOr(usage.getId()), state.parts(),
          usage.getUsage(), state.finishReason(), state.content(), state.chat(), state.title());
    } else if (event instanceof ChatSnapshotEvent) {
      state = state.withChat(decode(chatAdapter, data));
    } else if (event instanceof ChatTitleEvent) {
      state = state.withTitle(((ChatTitleEvent) event).getDelta());
    } else if (event instanceof StreamErrorEvent) {
      failed = true;
      StreamErrorEvent error = (StreamErrorEvent) event;
      throw new V0StreamException(error.getMessage(), error.getCode(), error.getId(), state);
    }
    // Any other kind (an Unknown member) is data for the caller, not for the state.
    return state;
  }

  /**
   * Reads a chunk's delta from {@code reader}, if its shape allows (see {@link DeltaReader}),
   * planning the changes that {@link #acceptRead} makes and {@link #rollbackRead} drops.
   *
   * @throws Unsupported if the delta must instead be applied from its tree, through {@link
   *     #accept}
   */
  void readDelta(ByteArrayJsonReader reader) throws Unsupported {
    if (failed) throw Unsupported.INSTANCE;
    deltaReader.read(reader, rawParts);
  }

  /** Drops the changes {@link #readDelta} planned, for an event that turned out to be bad. */
  void rollbackRead() {
    deltaReader.rollback();
  }

  /** Makes the changes {@link #readDelta} planned for {@code chunk}, and publishes the state. */
  MessageState acceptRead(MessagePartsChunkEvent chunk) {
    deltaReader.commit();
    List<?> raw = (List<?>) rawParts; // The reader applies only to a list.
    for (int i = 0, count = deltaReader.changedCount(); i < count; i++) {
      int index = deltaReader.changedItem(i);
      typedParts.set(index, grownText(typedParts.get(index), raw.get(index),
          deltaReader.changedName(i)));
      markDirty(index);
    }
    state = new MessageState(state.snapshot(), idOr(chunk.getId()), publishParts(), state.usage(),
        state.finishReason(), state.content(), state.chat(), state.title());
    return state;
  }

  /** A chat stream's union has no {@code message} member; a snapshot there still applies. */
  private static boolean isUnknownMessageSnapshot(Object event) {
    return event instanceof ChatStreamEvent.Unknown
        && "message".equals(((ChatStreamEvent.Unknown) event).getObject());
  }

  private String idOr(String id) {
    return state.messageId() != null ? state.messageId() : id;
  }

  private void applySnapshot(ByteString data) {
    // The snapshot event is a Message with an "object" field: read it as one (leniently, as
    // received), and read its parts once more as the JSON tree later deltas apply to.
    Message message = decode(messageAdapter, data);
    Object raw = rawPartsOf(data);
    rawParts = raw != null ? raw : new ArrayList<Object>();
    typedParts.clear();
    List<MessagePart> parts = message.getParts();
    if (parts != null) typedParts.addAll(parts);
    published = PartList.EMPTY;
    dirtyCount = 0;
    for (int i = 0; i < typedParts.size(); i++) markDirty(i);
    // A snapshot without usage keeps the usage reported before it rather than losing it.
    MessageUsage usage = message.getUsage() != null ? message.getUsage() : state.usage();
    state = new MessageState(message, message.getId(), publishParts(), usage,
        message.getFinishReason(), message.getContent(), state.chat(), state.title());
  }

  private static Object rawPartsOf(ByteString data) {
    if (data == null) return null;
    try {
      // Only the parts become a tree; the rest of the snapshot is skipped.
      JsonReader reader = JsonReader.of(new Buffer().write(data));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) return null;
      Object parts = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(PARTS) == 0) {
          parts = reader.readJsonValue();
        } else {
          reader.skipName();
          reader.skipValue();
        }
      }
      return parts != null ? parts : new ArrayList<Object>();
    } catch (IOException | RuntimeException ignored) {
      // Already decoded once by the caller, so this does not happen.
    }
    return null;
  }

  private void applyChunk(MessagePartsChunkEvent chunk) {
    Object delta = chunk.getDelta();
    if (isFalsy(delta)) return;
    try {
      // The applier copies what it inserts, so the state never shares containers with the event.
      rawParts = DeltaApplier.apply(rawParts, delta, "parts");
    } catch (DeltaException e) {
      if (rejections != null) rejections.onChunkRejected(chunk, e);
      return;
    }
    invalidate(delta);
    state = new MessageState(state.snapshot(), idOr(chunk.getId()), publishParts(), state.usage(),
        state.finishReason(), state.content(), state.chat(), state.title());
  }

  private static boolean isFalsy(Object delta) {
    return delta == null || Boolean.FALSE.equals(delta)
        || (delta instanceof Number && ((Number) delta).doubleValue() == 0)
        || "".equals(delta);
  }

  /** Marks the typed parts a delta may have changed, so {@link #publishParts()} decodes them. */
  private void invalidate(Object delta) {
    int from = 0;
    if (delta instanceof Map && "a".equals(((Map<?, ?>) delta).get("_t"))) {
      // An array delta: modifications name their index; removals, moves and inserts shift
      // everything after the first index they touch.
      int firstShift = Integer.MAX_VALUE;
      List<?> raw = rawParts instanceof List ? (List<?>) rawParts : Collections.emptyList();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) delta).entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (key.equals("_t")) continue;
        boolean original = key.startsWith("_");
        int index = DeltaApplier.arrayIndex(key, original ? 1 : 0);
        if (index < 0) {
          firstShift = 0;
          continue;
        }
        Object value = entry.getValue();
        boolean insert = !original && value instanceof List && ((List<?>) value).size() == 1;
        if (original || insert) {
          firstShift = Math.min(firstShift, index);
          if (value instanceof List && ((List<?>) value).size() == 3) {
            Object dest = ((List<?>) value).get(1);
            if (dest instanceof Number) firstShift = Math.min(firstShift, ((Number) dest).intValue());
          }
        } else if (index < typedParts.size()) {
          // A modification; one at or past a shift is decoded again below anyway.
          MessagePart old = typedParts.get(index);
          typedParts.set(index, index < raw.size() ? grownText(old, raw.get(index), onlyName(value))
              : null);
          markDirty(index);
        }
      }
      from = firstShift;
    } else if (delta instanceof List && ((List<?>) delta).size() == 3
        && ((List<?>) delta).get(0) instanceof List && !((List<?>) ((List<?>) delta).get(0)).isEmpty()
        && ((List<?>) ((List<?>) delta).get(0)).get(0) instanceof Number) {
      // A v0 string append names the part by its first index.
      int index = ((Number) ((List<?>) ((List<?>) delta).get(0)).get(0)).intValue();
      if (index >= 0 && index < typedParts.size()) {
        typedParts.set(index, null);
        markDirty(index);
      }
      from = Integer.MAX_VALUE;
    }
    for (int i = from; i < typedParts.size(); i++) {
      typedParts.set(i, null);
      markDirty(i);
    }
  }

  private void markDirty(int index) {
    if (dirtyCount == dirty.length) dirty = java.util.Arrays.copyOf(dirty, dirtyCount * 2);
    dirty[dirtyCount++] = index;
  }

  /** The one name an object delta changes, or null if it is not an object of one member. */
  private static String onlyName(Object change) {
    if (!(change instanceof Map) || ((Map<?, ?>) change).size() != 1) return null;
    return String.valueOf(((Map<?, ?>) change).keySet().iterator().next());
  }

  /**
   * The fast path for the most common chunk, a part whose text (or command output) grows: the
   * typed part is rebuilt from its new string without decoding the whole part again. Null when
   * the change is anything else; {@code changedName} is the one member the delta changed, or
   * null if it changed several.
   */
  private static MessagePart grownText(MessagePart old, Object raw, String changedName) {
    if (old == null || changedName == null || !(raw instanceof Map)) return null;
    Map<?, ?> part = (Map<?, ?>) raw;
    if (changedName.equals("text") && part.get("text") instanceof String) {
      String text = (String) part.get("text");
      if (old instanceof TextPart) return ((TextPart) old).toBuilder().text(text).build();
      if (old instanceof ThinkingPart) return ((ThinkingPart) old).toBuilder().text(text).build();
    } else if (changedName.equals("output") && part.get("output") instanceof String
        && old instanceof BashPart) {
      return ((BashPart) old).toBuilder().output((String) part.get("output")).build();
    }
    return null;
  }

  /**
   * Brings the typed parts in line with the raw ones, decoding only the changed ones, and
   * returns an immutable list sharing the unchanged blocks with the previous state's.
   */
  private List<MessagePart> publishParts() {
    List<?> raw = rawParts instanceof List ? (List<?>) rawParts : Collections.emptyList();
    while (typedParts.size() > raw.size()) typedParts.remove(typedParts.size() - 1);
    while (typedParts.size() < raw.size()) {
      typedParts.add(null);
      markDirty(typedParts.size() - 1);
    }
    for (int i = 0; i < dirtyCount; i++) {
      int index = dirty[i];
      if (index < typedParts.size() && typedParts.get(index) == null) {
        typedParts.set(index, decodePart(raw.get(index)));
      }
    }
    published = published.with(typedParts, dirty, dirtyCount);
    dirtyCount = 0;
    return published;
  }

  @SuppressWarnings("unchecked")
  private MessagePart decodePart(Object raw) {
    try {
      MessagePart part = partAdapter.fromJsonValue(raw);
      if (part != null) return part;
    } catch (RuntimeException e) {
      // A part whose fields no longer fit its type is kept as data rather than dropped.
    }
    Map<String, Object> json = raw instanceof Map
        ? (Map<String, Object>) JsonTrees.mutableCopy(raw)
        : Collections.<String, Object>singletonMap("value", JsonTrees.mutableCopy(raw));
    Object type = json.get("type");
    return new MessagePart.Unknown(type instanceof String ? (String) type : null, json);
  }

  private <T> T decode(JsonAdapter<T> adapter, ByteString data) {
    try {
      return adapter.fromJson(JsonReader.of(new Buffer().write(data)));
    } catch (IOException | RuntimeException e) {
      throw new V0DecodingException(200, "undecodable stream event: " + e.getMessage(), e);
    }
  }
}
