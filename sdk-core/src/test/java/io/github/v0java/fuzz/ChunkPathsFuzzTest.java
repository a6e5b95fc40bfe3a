package io.github.v0java.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.v0java.StreamPaths;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Holds the stream's one-pass chunk path (deltas applied while their bytes are read) to the path
 * it shortcuts (the generated adapter, then the delta applied from its tree): after an opening
 * snapshot of several parts, each input line is the data of one event, and both paths must give
 * the same events, states, rejected chunks and failures.
 *
 * <p>In a plain test run this only replays the committed inputs in
 * {@code src/test/resources/io/github/v0java/fuzz/ChunkPathsFuzzTestInputs/}; see
 * {@code FuzzTests.md} there for a real fuzzing run.
 */
@DisabledIfSystemProperty(named = "v0.hostile", matches = "true")
class ChunkPathsFuzzTest {
  private static final String SNAPSHOT = "data: {\"object\":\"message\",\"id\":\"m1\",\"chatId\":\"c1\","
      + "\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02.118Z\",\"content\":\"\","
      + "\"parts\":[{\"type\":\"text\",\"text\":\"Step 0 begins\"},"
      + "{\"type\":\"bash\",\"command\":\"ls\",\"output\":\"Step 1\"},"
      + "{\"type\":\"tool-call\",\"name\":\"t\",\"input\":{\"a\":{\"b\":\"Step\"},\"_t\":\"z\"}}],"
      + "\"finishReason\":null}\n\n";

  @DictionaryEntries({"{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":", "\"_t\":\"a\"",
      "{\"0\":{\"text\":", "\"1\":{\"output\":", "\"2\":{\"input\":", ",0,2]", ",0,0]", ",1,3]",
      "\"@@ -1,4 +1,9 @@\\n Step\\n+%20more\\n\"", "\\u00e9", "\\ud83d\\ude00", "\"_1\":"})
  @FuzzTest(maxDuration = "30s")
  void bothPathsAgree(byte[] input) {
    StringBuilder body = new StringBuilder(SNAPSHOT);
    for (String line : new String(input, StandardCharsets.UTF_8).split("\n", -1)) {
      body.append("data: ").append(line).append("\n\n");
    }
    assertEquals(StreamPaths.run(body.toString(), false).log, StreamPaths.run(body.toString(), true).log);
  }
}
