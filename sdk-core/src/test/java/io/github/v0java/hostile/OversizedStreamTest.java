package io.github.v0java.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.v0java.EventStream;
import io.github.v0java.V0Client;
import io.github.v0java.V0DecodingException;
import io.github.v0java.model.MessageStreamEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bodies too big to hold: generated lazily by a loopback server, read by the SDK under
 * {@code -Xmx64m} (the {@code hostile-inputs} surefire execution), so buffering them would be an
 * {@link OutOfMemoryError} and fail the test.
 */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(120)
class OversizedStreamTest {
  private static final long MiB = 1024 * 1024;
  private static final byte[] X = filled(64 * 1024, (byte) 'x');

  private static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, value);
    return bytes;
  }

  @Test void runsUnderTheSmallHeap() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(64 * MiB);
  }

  /** A data line that never ends: the server writes until the client hangs up. */
  private static RawHttpServer endlessLine() throws IOException {
    RawHttpServer[] self = new RawHttpServer[1];
    self[0] = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, 200, "text/event-stream", null);
      out.write("data: ".getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.write(X);
        self[0].count(X.length);
      }
    });
    return self[0];
  }

  private static V0DecodingException failure(V0Client v0) {
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
      return catchThrowableOfType(() -> {
        while (stream.next() != null) {
          // drain
        }
      }, V0DecodingException.class);
    }
  }

  /** Waits until the server stops writing (the client hung up), returning the bytes it wrote. */
  private static long settled(RawHttpServer server) throws InterruptedException {
    long before = -1;
    long now = server.bytesWritten.get();
    for (int i = 0; i < 100 && now != before; i++) {
      Thread.sleep(100);
      before = now;
      now = server.bytesWritten.get();
    }
    return now;
  }

  @Test void endlessLineHitsAConfiguredLimit() throws Exception {
    try (RawHttpServer server = endlessLine(); V0Client v0 = Hostile.client(server.baseUrl(), 64 * 1024)) {
      V0DecodingException e = failure(v0);
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("maxEventBytes").contains("65536 bytes");
      assertThat(settled(server)).as("the client hung up soon after the limit").isLessThan(32 * MiB);
    }
  }

  @Test void endlessLineHitsTheDefaultLimitOf16MiB() throws Exception {
    try (RawHttpServer server = endlessLine(); V0Client v0 = Hostile.client(server.baseUrl())) {
      V0DecodingException e = failure(v0);
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("maxEventBytes").contains(16 * MiB + " bytes");
      assertThat(settled(server)).isGreaterThanOrEqualTo(16 * MiB).isLessThan(64 * MiB);
    }
  }

  @Test void hundredMegabyteEventIsRefusedWithTheHeapBounded() throws Exception {
    long size = 100 * 1000 * 1000;
    RawHttpServer[] self = new RawHttpServer[1];
    self[0] = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, 200, "text/event-stream", null);
      out.write("data: {\"object\":\"message\",\"id\":\"m1\",\"content\":\"".getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < size; written += X.length) {
        out.write(X);
        self[0].count(X.length);
      }
      out.write("\"}\n\n".getBytes(StandardCharsets.US_ASCII));
    });
    try (RawHttpServer server = self[0]; V0Client v0 = Hostile.client(server.baseUrl())) {
      V0DecodingException e = failure(v0);
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("exceeds maxEventBytes").contains(16 * MiB + " bytes");
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(settled(server)).as("the rest of the 100 MB was never read").isLessThan(size);
    }
  }

  /** Many events, 200 MB in all but each small: not a size failure, and the heap stays bounded. */
  @Test void twoHundredMegabytesOfKeepAlivesStreamWithTheHeapBounded() throws Exception {
    byte[] keepAlive = (": " + new String(filled(1000, (byte) 'k'), StandardCharsets.US_ASCII) + "\n\n")
        .getBytes(StandardCharsets.US_ASCII);
    String last = Hostile.sse(Hostile.message("[]", "stop", "done", ""));
    RawHttpServer server = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, 200, "text/event-stream", null);
      out.write(Hostile.sse(Hostile.message("[]", null, "", "")).getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 200_000_000L; written += keepAlive.length) out.write(keepAlive);
      out.write(last.getBytes(StandardCharsets.UTF_8));
    });
    try (RawHttpServer s = server; V0Client v0 = Hostile.client(s.baseUrl());
         EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
      assertThat(stream.awaitCompletion().content()).isEqualTo("done");
    }
  }
}
