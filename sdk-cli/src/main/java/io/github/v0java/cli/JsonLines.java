package io.github.v0java.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.v0java.MessageState;
import io.github.v0java.model.Chat;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessageUsage;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes models with the SDK's Moshi into JSON trees (maps, lists, strings, numbers), and trees
 * into one-line JSON. Whole numbers encoded as doubles (token counts) are written without a
 * fraction, as the API sends them.
 */
final class JsonLines {
  static final Type PARTS = Types.newParameterizedType(List.class, MessagePart.class);

  private final Moshi moshi;
  private final JsonAdapter<Object> writer;

  JsonLines(Moshi moshi) {
    this.moshi = moshi;
    this.writer = moshi.adapter(Object.class).serializeNulls();
  }

  /** {@code value} as a JSON tree, encoded by the SDK's adapter for {@code type}. */
  Object tree(Object value, Type type) {
    if (value == null) return null;
    return normalize(moshi.adapter(type).toJsonValue(value));
  }

  /** {@code value} as a JSON tree, encoded by the SDK's adapter for its class. */
  Object tree(Object value) {
    if (value == null) return null;
    return tree(value, value.getClass());
  }

  /** One line of JSON. */
  String line(Object tree) {
    return writer.toJson(tree);
  }

  /** {@code {key: value}}, in one line. */
  String line(String key, Object tree) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put(key, tree);
    return line(object);
  }

  /**
   * The message a stream or a poll has built so far: the latest snapshot (when one arrived)
   * with the accumulated {@code id}, {@code parts}, {@code usage}, {@code finishReason} and
   * {@code content}; for chat streams also {@code chatId} and {@code title}.
   */
  Map<String, Object> message(MessageState state) {
    Map<String, Object> result = new LinkedHashMap<>();
    Message snapshot = null;
    try {
      snapshot = state.toMessage();
    } catch (RuntimeException e) {
      // A snapshot that no longer converts: the accumulated fields below still describe it.
    }
    result.put("id", state.messageId());
    Chat chat = state.chat();
    if (chat != null) result.put("chatId", chat.getId());
    if (snapshot != null) {
      Object tree = tree(snapshot, Message.class);
      if (tree instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) result.put((String) entry.getKey(), entry.getValue());
      }
    }
    if (state.messageId() != null) result.put("id", state.messageId());
    result.put("parts", tree(state.parts(), PARTS));
    result.put("usage", tree(state.usage(), MessageUsage.class));
    result.put("finishReason", state.finishReason() == null ? null : state.finishReason().value());
    result.put("content", state.content());
    if (state.title() != null) result.put("title", state.title());
    return result;
  }

  /** {@code tree} with its {@code object} label (the kind of a stream event) as the first key. */
  static Object objectFirst(Object tree) {
    if (!(tree instanceof Map<?, ?> map) || !map.containsKey("object")) return tree;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("object", map.get("object"));
    for (Map.Entry<?, ?> entry : map.entrySet()) result.putIfAbsent((String) entry.getKey(), entry.getValue());
    return result;
  }

  /** Integral doubles become longs, so that 1520.0 prints as 1520; the rest is copied as is. */
  static Object normalize(Object value) {
    if (value instanceof Double d) {
      double v = d;
      if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) return (long) v;
      return d;
    }
    if (value instanceof Float f) return normalize(f.doubleValue());
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put(String.valueOf(entry.getKey()), normalize(entry.getValue()));
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) copy.add(normalize(item));
      return copy;
    }
    return value;
  }
}
