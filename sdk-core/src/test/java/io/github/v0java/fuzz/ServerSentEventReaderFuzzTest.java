package io.github.v0java.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.v0java.sse.ServerSentEvent;
import io.github.v0java.sse.ServerSentEventReader;
import java.io.IOException;
import okio.Buffer;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Fuzzes {@link ServerSentEventReader} with arbitrary bytes. Only {@link IOException}s (such as
 * {@code EventTooLargeException}) may escape; anything else is a bug, and so is a reader that
 * keeps returning events from a finite input.
 *
 * <p>In a plain test run (no {@code JAZZER_FUZZ}) this only replays the committed inputs in
 * {@code src/test/resources/io/github/v0java/fuzz/ServerSentEventReaderFuzzTestInputs/}. See
 * {@code FuzzTests.md} next to those inputs for a real fuzzing run.
 */
// Not in the 64 MB "hostile-inputs" surefire execution, which -Dtest=... also reaches: Jazzer's
// agent needs more heap than that to start.
@DisabledIfSystemProperty(named = "v0.hostile", matches = "true")
class ServerSentEventReaderFuzzTest {
  private static final long MAX_EVENT_BYTES = 4096;

  @FuzzTest(maxDuration = "30s")
  void readEvents(byte[] input) {
    Buffer body = new Buffer().write(input);
    ServerSentEventReader reader = ServerSentEventReader.create(body, MAX_EVENT_BYTES);
    long events = 0;
    try {
      ServerSentEvent event;
      while ((event = reader.next()) != null) {
        events++;
        // Every event needs at least one "data" field plus a blank line: far fewer than the bytes.
        assertTrue(events <= input.length / 2 + 1, "more events than the input can hold");
        assertTrue(event.dataBytes().size() <= MAX_EVENT_BYTES, "event over the limit");
        event.data();
        event.type();
        event.lastEventId();
      }
      reader.reconnectionTimeMillis();
    } catch (IOException expected) {
      // Allowed: malformed or oversized input is reported as an IOException.
    } finally {
      try {
        reader.close();
      } catch (IOException ignored) {
        // closing an in-memory buffer
      }
    }
  }
}
