package io.github.v0java.hostile;

import io.github.v0java.V0Client;
import io.github.v0java.model.SendMessageRequest;

/** Shared fixtures of the hostile-input tests. */
final class Hostile {
  static final String API_KEY = "v0_hostile_9c2e71d04b8a4f3e";
  static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();
  static final String CREATED = "2026-11-20T09:15:02.118Z";

  private Hostile() {
  }

  static V0Client client(String base) {
    return V0Client.builder().apiKey(API_KEY).baseUrl(base + "/v2").maxRetries(0).streamRecovery(null).build();
  }

  static V0Client client(String base, long maxEventBytes) {
    return V0Client.builder().apiKey(API_KEY).baseUrl(base + "/v2").maxRetries(0).streamRecovery(null)
        .maxEventBytes(maxEventBytes).build();
  }

  /** A v2 message JSON with {@code extra} spliced in as further members (may be empty). */
  static String message(String partsJson, String finishReason, String content, String extra) {
    return "{\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\","
        + "\"createdAt\":\"" + CREATED + "\",\"updatedAt\":\"" + CREATED + "\",\"content\":\"" + content + "\""
        + ",\"parts\":" + partsJson + ",\"finishReason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + ",\"restorable\":false,\"authorId\":null" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  static String chunk(String deltaJson) {
    return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + deltaJson + "}";
  }

  static String sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) body.append("data: ").append(event).append("\n\n");
    return body.toString();
  }

  /** {@code {"a":{"a":...1...}}} nested {@code depth} levels. */
  static String deep(int depth) {
    StringBuilder json = new StringBuilder(depth * 6 + 1);
    for (int i = 0; i < depth; i++) json.append("{\"a\":");
    json.append('1');
    for (int i = 0; i < depth; i++) json.append('}');
    return json.toString();
  }
}
