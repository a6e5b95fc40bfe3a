package io.github.v0java.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.v0java.EventStream;
import io.github.v0java.V0Client;
import io.github.v0java.V0DecodingException;
import io.github.v0java.V0Exception;
import io.github.v0java.model.MessageStreamEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100 MB of short SSE lines that never end an event (no blank line): the reader must neither
 * accumulate them without bound nor crash. Generated lazily; run under {@code -Xmx64m}.
 */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(120)
class RepeatedFieldLinesTest {
  private static final long SIZE = 100L * 1000 * 1000;

  private static byte[] repeated(String line, int times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < times; i++) out.write(bytes, 0, bytes.length);
    return out.toByteArray();
  }

  private static Throwable run(String line) throws Exception {
    byte[] block = repeated(line, 64 * 1024 / line.length());
    RawHttpServer server = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, 200, "text/event-stream", null);
      for (long written = 0; written < SIZE; written += block.length) out.write(block);
      out.write(("\n" + Hostile.sse(Hostile.message("[]", "stop", "done", ""))).getBytes(StandardCharsets.UTF_8));
    });
    try (RawHttpServer s = server; V0Client v0 = Hostile.client(s.baseUrl())) {
      return catchThrowable(() -> {
        try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
          assertThat(stream.awaitCompletion().content()).isEqualTo("done");
        }
      });
    }
  }

  /** Lines the reader keeps for the event: they count towards maxEventBytes. */
  @ParameterizedTest(name = "[{0}] repeated to 100 MB hits the event limit")
  @ValueSource(strings = {"data:\n", "data: x\n", "data:x\r\n", "data\n"})
  void accumulatingLinesHitTheEventLimit(String line) throws Exception {
    Throwable thrown = run(line);
    if (!(thrown instanceof V0Exception)) throw new AssertionError("expected a V0Exception", thrown);
    assertThat(thrown).isInstanceOf(V0DecodingException.class).hasMessageContaining("maxEventBytes");
  }

  /** Lines that replace a value or are ignored: bounded whatever the limit, either outcome is typed. */
  @ParameterizedTest(name = "[{0}] repeated to 100 MB")
  @ValueSource(strings = {": keep-alive\n", "event: x\n", "id: 1\n", "retry: 1000\n", "retry: 99999999999999999999\n",
      "unknown: field\n", "\r"})
  void replacingOrIgnoredLinesStayBounded(String line) throws Exception {
    Throwable thrown = run(line);
    if (thrown != null && !(thrown instanceof V0Exception)) {
      throw new AssertionError("expected completion or a V0Exception", thrown);
    }
  }

  @Test void idWithANulIsIgnoredNotACrash() throws Exception {
    Throwable thrown = run("id: a\u0000b\n");
    if (thrown != null && !(thrown instanceof V0Exception)) throw new AssertionError(thrown);
  }
}
