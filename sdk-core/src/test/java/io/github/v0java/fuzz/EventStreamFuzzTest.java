package io.github.v0java.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.v0java.EventStream;
import io.github.v0java.V0Client;
import io.github.v0java.V0Exception;
import io.github.v0java.model.MessageStreamEvent;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Fuzzes event decoding and message accumulation through {@link V0Client#replay}: arbitrary
 * stream bodies, either as raw bytes or as {@code data:} events built from the lines of the
 * input. Only the SDK's declared {@link V0Exception}s may escape; anything else (a
 * NullPointerException, ClassCastException, StackOverflowError...) is a bug.
 *
 * <p>In a plain test run (no {@code JAZZER_FUZZ}) this only replays the committed inputs in
 * {@code src/test/resources/io/github/v0java/fuzz/EventStreamFuzzTestInputs/}. See
 * {@code FuzzTests.md} next to those inputs for a real fuzzing run.
 */
// Not in the 64 MB "hostile-inputs" surefire execution, which -Dtest=... also reaches: Jazzer's
// agent needs more heap than that to start.
@DisabledIfSystemProperty(named = "v0.hostile", matches = "true")
class EventStreamFuzzTest {
  /** Replay uses no network; a dead address makes sure nothing is ever sent. */
  private static final V0Client CLIENT = V0Client.builder()
      .apiKey("k")
      .baseUrl("http://127.0.0.1:1/v2")
      .streamRecovery(null)
      .maxRetries(0)
      .build();

  /** The input is the whole response body. */
  @DictionaryEntries({"data: ", "\"object\":", "\"message\"", "\"message.parts.chunk\"",
      "\"message.usage\"", "\"error\"", "\"delta\":", "\"parts\":", "\"id\":\"m1\"", "\"finishReason\":\"stop\"",
      "\"_t\":\"a\"", "[DONE]", ",0,2]", ",0,0]", ",9,9]"})
  @FuzzTest(maxDuration = "30s")
  void replayRawBody(byte[] input) {
    replay(new Buffer().write(input), input.length);
  }

  /** Each line of the input (split at LF) is the data of one event: {@code data: LINE\n\n}. */
  @DictionaryEntries({"data: ", "\"object\":", "\"message\"", "\"message.parts.chunk\"",
      "\"message.usage\"", "\"error\"", "\"delta\":", "\"parts\":", "\"id\":\"m1\"", "\"finishReason\":\"stop\"",
      "\"_t\":\"a\"", "[DONE]", ",0,2]", ",0,0]", ",9,9]"})
  @FuzzTest(maxDuration = "30s")
  void replayDataEvents(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Buffer body = new Buffer();
    int events = 0;
    for (String line : text.split("\n", -1)) {
      body.writeUtf8("data: ").writeUtf8(line).writeUtf8("\n\n");
      events++;
    }
    replay(body, events);
  }

  private static void replay(Buffer body, int bound) {
    EventStream<MessageStreamEvent> stream = CLIENT.replay(body, MessageStreamEvent.class);
    try {
      int events = 0;
      while (stream.next() != null) {
        events++;
        assertTrue(events <= bound + 1, "more events than the body holds");
      }
      stream.state();
    } catch (V0Exception expected) {
      // Allowed: V0DecodingException, V0StreamException, V0StreamInterruptedException.
    } finally {
      stream.close();
    }
  }
}
