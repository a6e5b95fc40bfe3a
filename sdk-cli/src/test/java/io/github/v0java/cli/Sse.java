package io.github.v0java.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds v2 stream bodies (Server-Sent Events of MessageStreamEvent JSON) for tests. */
final class Sse {
  static final String CREATED = "2026-11-20T09:15:02.118Z";

  private final List<String> events = new ArrayList<>();

  static String snapshot(String messageId, String partsJson, String finishReason, String content) {
    return "{\"object\":\"message\",\"id\":\"" + messageId + "\",\"chatId\":\"c1\",\"role\":\"assistant\","
        + "\"createdAt\":\"" + CREATED + "\",\"updatedAt\":\"" + CREATED + "\",\"content\":" + quote(content)
        + ",\"parts\":" + partsJson + ",\"finishReason\":"
        + (finishReason == null ? "null" : quote(finishReason)) + ",\"restorable\":false,\"authorId\":null}";
  }

  static String chunk(String messageId, String deltaJson) {
    return "{\"object\":\"message.parts.chunk\",\"id\":\"" + messageId + "\",\"delta\":" + deltaJson + "}";
  }

  static String usage(String messageId, int input, int output) {
    return "{\"object\":\"message.usage\",\"id\":\"" + messageId + "\",\"usage\":{\"tokens\":{\"input\":"
        + input + ",\"output\":" + output + ",\"cacheRead\":0,\"cacheWrite\":0,\"total\":"
        + (input + output) + "},\"creditsCost\":{\"input\":0.001,\"output\":0.002,\"cacheRead\":0,"
        + "\"cacheWrite\":0,\"total\":0.003}}}";
  }

  static String error(String messageId, String message, String code) {
    return "{\"object\":\"error\",\"id\":\"" + messageId + "\",\"message\":" + quote(message)
        + (code != null ? ",\"code\":" + quote(code) : "") + "}";
  }

  static String quote(String text) {
    if (text == null) return "null";
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  Sse event(String json) {
    events.add("data: " + json + "\n\n");
    return this;
  }

  /** Thinking, text growing in two steps (old/new pair, then a text diff), usage, final snapshot. */
  static Sse typical() {
    return new Sse()
        .event(snapshot("m1", "[]", null, ""))
        .event(chunk("m1", "{\"0\":[{\"type\":\"thinking\",\"text\":\"Plan\"}],\"_t\":\"a\"}"))
        .event(chunk("m1", "{\"0\":{\"text\":[\"Plan\",\"Plan the app\"]},\"_t\":\"a\"}"))
        .event(chunk("m1", "{\"1\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"_t\":\"a\"}"))
        .event(chunk("m1", "{\"1\":{\"text\":[\"@@ -1,5 +1,11 @@\\n Hello\\n+ world\\n\",0,2]},\"_t\":\"a\"}"))
        .event(usage("m1", 100, 20))
        .event(snapshot("m1", "[{\"type\":\"thinking\",\"text\":\"Plan the app\"},"
            + "{\"type\":\"text\",\"text\":\"Hello world\"}]", "stop", "Hello world"));
  }

  String body() {
    return String.join("", events);
  }

  static String resource(String path) {
    try (InputStream in = Sse.class.getResourceAsStream("/" + path)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
