package io.github.v0java.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.v0java.EventStream;
import io.github.v0java.InternalServerException;
import io.github.v0java.V0Client;
import io.github.v0java.V0DecodingException;
import io.github.v0java.V0Exception;
import io.github.v0java.model.MessageStreamEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Endless or huge bodies outside the event reader: error bodies, wrong content types, gzip bombs. */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(120)
class OversizedBodyTest {
  private static final long MiB = 1024 * 1024;
  private static final byte[] X = filled(64 * 1024, (byte) 'x');

  private static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, value);
    return bytes;
  }

  /** Writes {@code prefix} then 'x' forever, until the client hangs up. */
  private static RawHttpServer endless(int status, String contentType, String prefix) throws IOException {
    RawHttpServer[] self = new RawHttpServer[1];
    self[0] = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, status, contentType, null);
      out.write(prefix.getBytes(StandardCharsets.UTF_8));
      while (true) {
        out.write(X);
        self[0].count(X.length);
      }
    });
    return self[0];
  }

  @Test void endlessErrorPageIsReadOnlyUpToABound() throws Exception {
    try (RawHttpServer server = endless(502, "text/html", "<html><body>");
         V0Client v0 = Hostile.client(server.baseUrl())) {
      Throwable thrown = catchThrowable(() -> v0.messages().get("c1", "m1"));
      if (!(thrown instanceof V0Exception)) throw new AssertionError("expected a V0Exception", thrown);
      assertThat(thrown).isInstanceOf(InternalServerException.class).hasMessageContaining("502");
    }
  }

  @Test void endlessJsonAnswerToAStreamNamesTheContentTypeWithTheHeapBounded() throws Exception {
    try (RawHttpServer server = endless(200, "application/json", "{\"error\":{\"message\":\"");
         V0Client v0 = Hostile.client(server.baseUrl())) {
      Throwable thrown = catchThrowable(() -> v0.messages().sendStream("c1", Hostile.HI).close());
      assertThat(thrown).isInstanceOf(V0DecodingException.class).hasMessageContaining("application/json");
    }
  }

  @Test void endlessErrorPageAnsweringAStreamIsReadOnlyUpToABound() throws Exception {
    try (RawHttpServer server = endless(503, "text/html", "<html><body>");
         V0Client v0 = Hostile.client(server.baseUrl())) {
      Throwable thrown = catchThrowable(() -> v0.messages().sendStream("c1", Hostile.HI).close());
      if (!(thrown instanceof V0Exception)) throw new AssertionError("expected a V0Exception", thrown);
      assertThat(thrown).isInstanceOf(InternalServerException.class).hasMessageContaining("503");
    }
  }

  /** A body cut short of its Content-Length: a typed failure, whichever layer notices first. */
  @Test void bodyShorterThanItsContentLengthIsATypedFailure() throws Exception {
    RawHttpServer server = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, 200, "application/json", 1000L);
      out.write("{\"object\":\"message\",\"id\":\"m1\",\"con".getBytes(StandardCharsets.UTF_8));
    });
    try (RawHttpServer s = server; V0Client v0 = Hostile.client(s.baseUrl())) {
      Throwable thrown = catchThrowable(() -> v0.messages().get("c1", "m1"));
      if (!(thrown instanceof V0Exception)) throw new AssertionError("expected a V0Exception", thrown);
      assertThat(thrown.getMessage()).isNotBlank();
    }
  }

  @Test void gzipBombInAStreamHitsTheEventLimit() throws Exception {
    RawHttpServer server = new RawHttpServer((request, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Encoding: gzip\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      GZIPOutputStream gzip = new GZIPOutputStream(out, 8192, true);
      gzip.write("data: ".getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < 4096 * MiB; written += X.length) gzip.write(X); // 4 GiB inflated
      gzip.finish();
    });
    try (RawHttpServer s = server; V0Client v0 = Hostile.client(s.baseUrl());
         EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c1", Hostile.HI)) {
      Throwable thrown = catchThrowable(stream::awaitCompletion);
      assertThat(thrown).isInstanceOf(V0DecodingException.class).hasMessageContaining("maxEventBytes");
    }
  }

  /**
   * A non-streaming 200 whose JSON holds a 100 MB string: a plain call decodes its whole body
   * into objects, so whatever it does it must end in a V0Exception, never an Error.
   */
  @Disabled("SDK gap: a non-streaming 200 body has no size limit (Moshi buffers a string member, even an "
      + "unknown one it skips, up to its closing quote); 100 MB is an OutOfMemoryError under -Xmx64m")
  @Test void hundredMegabyteStringInAPlainAnswer() throws Exception {
    long size = 100 * 1000 * 1000;
    RawHttpServer server = new RawHttpServer((request, out) -> {
      RawHttpServer.head(out, 200, "application/json", null);
      out.write(Hostile.message("[]", "stop", "", "\"x\":1").replace("\"x\":1}", "\"content2\":\"")
          .getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < size; written += X.length) out.write(X);
      out.write("\"}".getBytes(StandardCharsets.UTF_8));
    });
    try (RawHttpServer s = server; V0Client v0 = Hostile.client(s.baseUrl())) {
      Throwable thrown = catchThrowable(() -> v0.messages().get("c1", "m1"));
      assertThat(thrown).as("an unknown 100 MB member is skipped or refused, never an Error")
          .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(V0Exception.class));
    }
  }
}
