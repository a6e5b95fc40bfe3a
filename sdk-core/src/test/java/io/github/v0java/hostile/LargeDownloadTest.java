package io.github.v0java.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.V0Client;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** A ZIP archive larger than the heap (64 MB here) streams to disk and to a stream. */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(120)
class LargeDownloadTest {
  private static final long MiB = 1024 * 1024;
  private static final long SIZE = 160 * MiB;
  private static final byte[] CHUNK = new byte[64 * 1024];

  static {
    for (int i = 0; i < CHUNK.length; i++) CHUNK[i] = (byte) (i * 31);
  }

  @TempDir Path dir;

  /** Answers the download with SIZE bytes generated as they are sent. */
  private static RawHttpServer archiveServer() throws IOException {
    return new RawHttpServer((request, out) -> {
      if (!request.target().equals("/v2/chats/c1/files/download")) {
        RawHttpServer.answer(out, 404, "application/json", "{\"message\":\"no\"}".getBytes());
        return;
      }
      RawHttpServer.head(out, 200, "application/zip", SIZE);
      for (long sent = 0; sent < SIZE; sent += CHUNK.length) out.write(CHUNK);
    });
  }

  @Test void anArchiveLargerThanTheHeapStreamsToAFile() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(SIZE);
    File target = dir.resolve("app.zip").toFile();
    try (RawHttpServer server = archiveServer(); V0Client v0 = Hostile.client(server.baseUrl())) {
      long bytes = v0.chats().downloadFiles("c1", target);

      assertThat(bytes).isEqualTo(SIZE);
      assertThat(target.length()).isEqualTo(SIZE);
      byte[] head = new byte[CHUNK.length];
      try (java.io.InputStream in = Files.newInputStream(target.toPath())) {
        assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
      }
      assertThat(Arrays.equals(head, CHUNK)).isTrue();
    }
  }

  @Test void anArchiveLargerThanTheHeapStreamsToAnOutputStream() throws Exception {
    long[] counted = {0};
    OutputStream counting = new OutputStream() {
      @Override public void write(int b) {
        counted[0]++;
      }

      @Override public void write(byte[] b, int off, int len) {
        counted[0] += len;
      }
    };
    try (RawHttpServer server = archiveServer(); V0Client v0 = Hostile.client(server.baseUrl())) {
      assertThat(v0.chats().downloadFiles("c1", counting)).isEqualTo(SIZE);
      assertThat(counted[0]).isEqualTo(SIZE);
    }
  }
}
