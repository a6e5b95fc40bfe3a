package io.github.v0java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code files download} in a forked JVM with a 64 MiB heap, from a loopback server streaming an
 * archive of 256 MiB: the archive is streamed to disk, never held in memory.
 */
class LargeDownloadTest {
  private static final long SIZE = 256L * 1024 * 1024;

  @TempDir Path dir;
  private HttpServer server;
  /** The CRC-32 of the body served, once it was sent. */
  private volatile long checksum;

  @BeforeEach void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/chats/c1/files/download", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/zip");
      exchange.sendResponseHeaders(200, SIZE);
      byte[] chunk = new byte[64 * 1024];
      CRC32 crc = new CRC32();
      try (OutputStream body = exchange.getResponseBody()) {
        for (long sent = 0; sent < SIZE; sent += chunk.length) {
          for (int i = 0; i < chunk.length; i++) chunk[i] = (byte) ((sent + i) % 251);
          body.write(chunk);
          crc.update(chunk);
        }
      }
      checksum = crc.getValue();
    });
    server.start();
  }

  @AfterEach void stop() {
    server.stop(0);
  }

  @Test void archiveFarLargerThanTheHeapStreamsToTheFile() throws Exception {
    Path file = dir.resolve("project.zip");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", classpath,
        "io.github.v0java.cli.Main", "files", "download", "c1", file.toString(), "--json",
        "--base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v2"));
    builder.environment().put("V0_API_KEY", CliRun.API_KEY);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("{\"result\":{\"path\":" + Sse.quote(file.toString()) + ",\"bytes\":" + SIZE + "}}");
    assertThat(Files.size(file)).isEqualTo(SIZE);
    CRC32 written = new CRC32();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int read; (read = in.read(buffer)) != -1; ) written.update(buffer, 0, read);
    }
    assertThat(written.getValue()).isEqualTo(checksum);
  }
}
