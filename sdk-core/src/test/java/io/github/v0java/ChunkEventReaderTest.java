package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.v0java.internal.DeferredJsonObject;
import io.github.v0java.model.BashPart;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.MessagePartsChunkEvent;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.TextPart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The one-pass chunk path ({@link ChunkEventReader}, applying deltas while reading them) against
 * the path it shortcuts: the generated adapter reading each event whole, and {@link
 * MessageAccumulator#accept} applying the delta from its tree. Both must give the same events,
 * the same states, the same rejected chunks and the same failures, for every delta.
 */
class ChunkEventReaderTest {
  private static final String SNAPSHOT = "{\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\","
      + "\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02.118Z\",\"content\":\"\","
      + "\"parts\":%s,\"finishReason\":%s}";

  @Test void typicalChunksAreAppliedWhileReadingAndGiveTheSameResult() {
    String body = events(
        String.format(SNAPSHOT, "[{\"type\":\"text\",\"text\":\"Step 0 begins\"},"
            + "{\"type\":\"bash\",\"command\":\"pnpm build\",\"output\":\"ok\"}]", "null"),
        chunk("{\"0\":{\"text\":[\"@@ -10,4 +10,9 @@\\n gins\\n+ more\\n\",0,2]},\"_t\":\"a\"}"),
        chunk("{\"1\":{\"output\":[\"ok\",\"ok done\"]},\"_t\":\"a\"}"));
    StreamPaths.Run fused = StreamPaths.run(body, true);
    StreamPaths.Run reference = StreamPaths.run(body, false);

    assertThat(fused.applied).containsExactly(false, true, true);
    assertThat(fused.log).isEqualTo(reference.log);
    MessageState last = fused.states.get(2);
    assertThat(((TextPart) last.parts().get(0)).getText()).isEqualTo("Step 0 begins more");
    assertThat(((BashPart) last.parts().get(1)).getOutput()).isEqualTo("ok done");
  }

  @Test void theDeltaHandedOverIsTheObjectReceivedReadOnFirstUse() {
    String delta = "{ \"0\" : {\"text\":[\"x\", \"y\"]} ,\t\"_t\":\"a\" }";
    String body = events(String.format(SNAPSHOT, "[{\"type\":\"text\",\"text\":\"x\"}]", "null"),
        "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\" :\t" + delta + " , \"more\":1}");
    StreamPaths.Run fused = StreamPaths.run(body, true);
    assertThat(fused.events).hasSize(2);

    Object received = ((MessagePartsChunkEvent) fused.events.get(1)).getDelta();
    assertThat(received).isInstanceOf(DeferredJsonObject.class);
    assertThat(((DeferredJsonObject) received).json().utf8()).isEqualTo(delta);
    Object decoded = ((MessagePartsChunkEvent) StreamPaths.run(body, false).events.get(1)).getDelta();
    assertThat(received).isEqualTo(decoded).hasSameHashCodeAs(decoded).hasToString(decoded.toString());
    assertThat(decoded).isEqualTo(received);
    // Written back, the event is the one the generated adapter read.
    JsonAdapter<MessageStreamEvent> events =
        V0Json.moshi().adapter(MessageStreamEvent.class);
    assertThat(events.toJson((MessageStreamEvent) fused.events.get(1)))
        .isEqualTo(events.toJson((MessageStreamEvent) StreamPaths.run(body, false).events.get(1)));
    assertThat(((Map<?, ?>) received).get("_t")).isEqualTo("a");
  }

  @Test void aChunkThatFailsAfterItsDeltaLeavesTheStateAsItWas() {
    String body = events(String.format(SNAPSHOT, "[{\"type\":\"text\",\"text\":\"x\"}]", "null"),
        // The delta applies, then the rest of the event turns out to be malformed.
        "{\"object\":\"message.parts.chunk\",\"id\":\"m1\","
            + "\"delta\":{\"0\":{\"text\":[\"x\",\"y\"]},\"_t\":\"a\"},\"more\":}");
    StreamPaths.Run fused = StreamPaths.run(body, true);

    assertThat(fused.failure).isInstanceOf(V0DecodingException.class);
    assertThat(((TextPart) fused.finalState.parts().get(0)).getText()).isEqualTo("x");
    assertThat(fused.log).isEqualTo(StreamPaths.run(body, false).log);
  }

  @Test void theLastOfTwoDeltasCounts() {
    String body = events(String.format(SNAPSHOT, "[{\"type\":\"text\",\"text\":\"x\"}]", "null"),
        "{\"object\":\"message.parts.chunk\",\"id\":\"m1\","
            + "\"delta\":{\"0\":{\"text\":[\"x\",\"first\"]},\"_t\":\"a\"},"
            + "\"delta\":{\"0\":{\"text\":[\"x\",\"second\"]},\"_t\":\"a\"}}");
    StreamPaths.Run fused = StreamPaths.run(body, true);

    assertThat(((TextPart) fused.states.get(1).parts().get(0)).getText()).isEqualTo("second");
    assertThat(fused.log).isEqualTo(StreamPaths.run(body, false).log);
  }

  /** Random streams of well-formed, ill-formed and unusual deltas: both paths agree on all. */
  @Test void bothPathsAgreeOnRandomStreams() {
    Random random = new Random(20261204);
    int appliedWhileReading = 0;
    for (int stream = 0; stream < 3000; stream++) {
      List<String> events = randomStream(random);
      String body = events(events.toArray(new String[0]));
      // Chat streams have chunks too, in a union of their own.
      Class<?> type = stream % 4 == 3 ? ChatStreamEvent.class : MessageStreamEvent.class;
      StreamPaths.Run fused = StreamPaths.run(new Buffer().writeUtf8(body), true, type);
      StreamPaths.Run reference = StreamPaths.run(new Buffer().writeUtf8(body), false, type);
      assertThat(fused.log).as("stream %d:%n%s", stream, body).isEqualTo(reference.log);
      for (boolean applied : fused.applied) if (applied) appliedWhileReading++;
    }
    // Most generated deltas are unusual; enough must take the one-pass path to compare it.
    assertThat(appliedWhileReading).isGreaterThan(300);
  }

  private static List<String> randomStream(Random random) {
    List<String> events = new ArrayList<>();
    StringBuilder parts = new StringBuilder("[");
    int partCount = 1 + random.nextInt(4);
    for (int i = 0; i < partCount; i++) {
      if (i > 0) parts.append(',');
      parts.append(randomPart(random, i));
    }
    events.add(String.format(SNAPSHOT, parts.append(']'), "null"));
    int count = 1 + random.nextInt(12);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        events.add("{\"object\":\"message.usage\",\"id\":\"m1\",\"usage\":{\"tokens\":{\"input\":1,"
            + "\"output\":2,\"cacheRead\":0,\"cacheWrite\":0,\"total\":3}}}");
      } else if (kind == 1) {
        events.add(String.format(SNAPSHOT, "[" + randomPart(random, 0) + "]", "null"));
      } else {
        events.add(randomChunkEvent(random, partCount));
      }
    }
    if (random.nextBoolean()) events.add(String.format(SNAPSHOT, "[]", "\"stop\""));
    return events;
  }

  private static String randomPart(Random random, int i) {
    switch (random.nextInt(4)) {
      case 0: return "{\"type\":\"text\",\"text\":\"Step " + i + " begins\"}";
      case 1: return "{\"type\":\"thinking\",\"text\":\"Step " + i + " begins\"}";
      case 2: return "{\"type\":\"bash\",\"command\":\"ls\",\"output\":\"Step " + i + "\"}";
      default: return "{\"type\":\"tool-call\",\"name\":\"t\",\"input\":{\"a\":{\"b\":\"Step\"},"
          + "\"_t\":\"z\",\"list\":[1,2]}}";
    }
  }

  private static String randomChunkEvent(Random random, int partCount) {
    String delta = random.nextInt(30) == 0 ? pick(random, "null", "0", "\"\"", "[[0,\"text\"],\"x\",9,9]",
        "{}", "[\"x\"]") : randomArrayDelta(random, partCount);
    switch (random.nextInt(16)) {
      case 0: return "{\"object\":\"message.parts.chunk\",\"delta\":" + delta + ",\"id\":\"m1\"}";
      case 1: return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\" , \"delta\" : " + delta + " }";
      case 2: return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta
          + ",\"extra\":{\"x\":[1,{\"y\":null}]}}";
      case 3: return "{\"object\":\"message.parts.chunk\",\"delta\":" + delta + "}"; // No id.
      case 4: return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta
          + ",\"delta\":" + randomArrayDelta(random, partCount) + "}";
      case 5: // Cut short: malformed JSON.
        String whole = "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta + "}";
        return whole.substring(0, 1 + random.nextInt(whole.length() - 1));
      case 6: return "{\"id\":\"m1\",\"object\":\"message.parts.chunk\",\"delta\":" + delta + "}";
      default: return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta + "}";
    }
  }

  private static String randomArrayDelta(Random random, int partCount) {
    List<String> entries = new ArrayList<>();
    int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
    for (int i = 0; i < count; i++) {
      int index = random.nextInt(partCount + 1);
      int form = random.nextInt(24);
      if (form == 0) {
        entries.add("\"" + index + "\":[{\"type\":\"text\",\"text\":\"Step new\"}]");
      } else if (form == 1) {
        entries.add("\"_" + index + "\":[\"\",0,0]");
      } else if (form == 2) {
        entries.add("\"_" + index + "\":[\"\"," + random.nextInt(partCount + 1) + ",3]");
      } else if (form == 3) {
        entries.add("\"0" + index + "\":{\"text\":[\"x\"]}");
      } else if (form == 4) {
        entries.add("\"" + index + "\":[\"old\",{\"type\":\"text\",\"text\":\"replaced\"}]");
      } else if (form == 5) {
        entries.add("\"x\":{\"text\":[\"x\"]}");
      } else {
        entries.add("\"" + index + "\":" + randomObjectDelta(random, 0));
      }
    }
    if (random.nextInt(8) == 0) Collections.reverse(entries);
    int marker = random.nextInt(12);
    if (marker == 0) {
      // No "_t": an object delta on the parts.
    } else if (marker == 1) {
      entries.add("\"_t\":\"b\"");
    } else if (marker == 2) {
      entries.add(0, "\"_t\":\"a\"");
    } else if (marker == 3) {
      entries.add("\"_t\":\"a\"");
      entries.add("\"_t\":\"a\"");
    } else {
      entries.add("\"_t\":\"a\"");
    }
    return "{" + String.join(",", entries) + "}";
  }

  private static String randomObjectDelta(Random random, int depth) {
    List<String> members = new ArrayList<>();
    int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
    for (int i = 0; i < count; i++) {
      String name = pick(random, "text", "text", "text", "output", "output", "command", "input",
          "type", "_t", "missing");
      members.add("\"" + name + "\":" + randomMemberDelta(random, depth));
    }
    if (random.nextInt(30) == 0) members.add(members.get(0)); // A repeated name.
    return "{" + String.join(",", members) + "}";
  }

  private static String randomMemberDelta(Random random, int depth) {
    switch (random.nextInt(depth < 2 ? 16 : 14)) {
      case 0: return "[\"@@ -1,4 +1,9 @@\\n Step\\n+%20more\\n\",0,2]";
      case 1: return "[\"@@ -1,0 +1,5 @@\\n+more \\n\",0,2]";
      case 2: return "[\"@@ -1,4 +1,9 @@\\n Nope\\n+ more\\n\",0,2]";
      case 3: return "[\"@@ bad header\",0,2]";
      case 4: return "[\"old\",\"new value\"]";
      case 5: return "[\"new value\"]";
      case 6: return "[{\"n\":[1,{\"m\":true}]}]";
      case 7: return "[\"old\",0,0]";
      case 8: return "[\"\",1,3]";
      case 9: return "[\"x\",0,7]";
      case 10: return "[1,2,3,4]";
      case 11: return "\"a\"";
      case 12: return "[{\"d\":1,\"d\":2},\"x\"]";
      case 13: return "{\"_t\":\"a\",\"0\":[\"q\"]}";
      default: return randomObjectDelta(random, depth + 1);
    }
  }

  private static String pick(Random random, String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String chunk(String delta) {
    return "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":" + delta + "}";
  }

  private static String events(String... data) {
    StringBuilder body = new StringBuilder();
    for (String event : data) body.append("data: ").append(event).append("\n\n");
    return body.toString();
  }
}
