package io.github.v0java.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a realistic v2 message stream: an opening snapshot, parts of several kinds that start
 * every few dozen chunks and grow (text and thinking by diff-match-patch text diffs appending a
 * word, command output by old/new pairs), usage updates, and a final snapshot.
 */
final class RealisticStream {
  private static final String[] WORDS = {"the", "page", "renders", "a", "list", "of", "todos", "with",
      "filters", "and", "dark", "mode", "using", "server", "components"};
  private static final int CHUNKS_PER_PART = 40;

  private RealisticStream() {
  }

  /** The events' data lines, {@code events} in all. */
  static List<String> events(int events) {
    List<String> result = new ArrayList<>(events);
    result.add(snapshot("[]", "null"));
    List<StringBuilder> texts = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    int part = -1;
    for (int i = 1; i < events - 1; i++) {
      if (i % 500 == 0) {
        result.add("{\"object\":\"message.usage\",\"id\":\"m1\",\"usage\":{\"tokens\":{\"input\":" + i
            + ",\"output\":" + i + ",\"cacheRead\":0,\"cacheWrite\":0,\"total\":" + (2 * i) + "},"
            + "\"creditsCost\":{\"input\":0.1,\"output\":0.2,\"cacheRead\":0,\"cacheWrite\":0,\"total\":0.3}}}");
        continue;
      }
      if ((i - 1) % CHUNKS_PER_PART == 0) {
        part++;
        String kind = part % 3 == 0 ? "thinking" : part % 3 == 1 ? "text" : "bash";
        kinds.add(kind);
        StringBuilder initial = new StringBuilder("Step " + part + " begins");
        texts.add(initial);
        String json = kind.equals("bash")
            ? "{\"type\":\"bash\",\"command\":\"pnpm build\",\"output\":\"" + initial + "\"}"
            : "{\"type\":\"" + kind + "\",\"text\":\"" + initial + "\"}";
        result.add(chunk("{\"" + part + "\":[" + json + "],\"_t\":\"a\"}"));
        continue;
      }
      StringBuilder text = texts.get(part);
      String word = " " + WORDS[i % WORDS.length];
      String before = text.toString();
      text.append(word);
      if (kinds.get(part).equals("bash")) {
        result.add(chunk("{\"" + part + "\":{\"output\":[\"" + before + "\",\"" + text + "\"]},\"_t\":\"a\"}"));
      } else {
        int length = before.length();
        String context = before.substring(length - 4);
        String patch = "@@ -" + (length - 3) + ",4 +" + (length - 3) + "," + (4 + word.length()) + " @@\\n "
            + context + "\\n+" + word + "\\n";
        result.add(chunk("{\"" + part + "\":{\"text\":[\"" + patch + "\",0,2]},\"_t\":\"a\"}"));
      }
    }
    StringBuilder parts = new StringBuilder("[");
    for (int p = 0; p < texts.size(); p++) {
      if (p > 0) parts.append(',');
      parts.append(kinds.get(p).equals("bash")
          ? "{\"type\":\"bash\",\"command\":\"pnpm build\",\"output\":\"" + texts.get(p) + "\"}"
          : "{\"type\":\"" + kinds.get(p) + "\",\"text\":\"" + texts.get(p) + "\"}");
    }
    result.add(snapshot(parts.append(']').toString(), "\"stop\""));
    return result;
  }

  static String snapshot(String parts, String finishReason) {
    return "{\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\","
        + "\"createdAt\":\"2026-11-20T09:15:02.118Z\",\"updatedAt\":\"2026-11-20T09:15:02.118Z\","
        + "\"content\":\"\",\"parts\":" + parts + ",\"finishReason\":" + finishReason
        + ",\"restorable\":false,\"authorId\":null}";
  }

  static String chunk(String delta) {
    return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta + "}";
  }

  static byte[] body(List<String> events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) body.append("data: ").append(event).append("\n\n");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<byte[]> separate(List<String> events) {
    List<byte[]> result = new ArrayList<>(events.size());
    for (String event : events) result.add(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
    return result;
  }
}
