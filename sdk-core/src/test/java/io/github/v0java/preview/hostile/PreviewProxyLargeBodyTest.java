package io.github.v0java.preview.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.v0java.preview.PreviewProxy;
import io.github.v0java.preview.PreviewTarget;
import io.github.v0java.preview.ProxyFront;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bodies far larger than the heap (-Xmx64m in this execution) stream through the proxy both
 * ways: browser → front server → proxy → preview, and back. Buffering either would be an
 * OutOfMemoryError.
 */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(180)
class PreviewProxyLargeBodyTest {
  private static final long SIZE = 256L * 1024 * 1024;

  @Test void aBodyLargerThanTheHeapStreamsUpAndAnotherStreamsDown() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(SIZE / 2);
    AtomicLong uploaded = new AtomicLong();
    long[] uploadCrc = new long[1];
    ExecutorService executor = Executors.newCachedThreadPool();
    HttpServer preview = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    preview.setExecutor(executor);
    preview.createContext("/", exchange -> {
      try (exchange) {
        CRC32 crc = new CRC32();
        uploaded.set(drain(exchange.getRequestBody(), crc));
        uploadCrc[0] = crc.getValue();
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
          pattern(out, SIZE, 7);
        }
      }
    });
    preview.start();
    PreviewTarget target = PreviewTarget.of("http://127.0.0.1:" + preview.getAddress().getPort() + "/", "pvt_large");
    OkHttpClient browser = new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(60)).build();
    try (ProxyFront front = ProxyFront.start(PreviewProxy.create(), () -> target)) {
      CRC32 sent = new CRC32();
      RequestBody upload = new RequestBody() {
        @Override public MediaType contentType() {
          return MediaType.get("application/octet-stream");
        }

        @Override public long contentLength() {
          return -1; // chunked all the way
        }

        @Override public void writeTo(BufferedSink sink) throws IOException {
          pattern(new OutputStream() {
            @Override public void write(int b) throws IOException {
              sink.writeByte(b);
            }

            @Override public void write(byte[] b, int off, int len) throws IOException {
              sent.update(b, off, len);
              sink.write(b, off, len);
            }
          }, SIZE, 3);
        }
      };
      try (Response response = browser.newCall(new Request.Builder().url(front.url("/upload"))
          .post(upload).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        CRC32 received = new CRC32();
        long downloaded = drain(response.body().byteStream(), received);

        assertThat(uploaded.get()).isEqualTo(SIZE);
        assertThat(uploadCrc[0]).isEqualTo(sent.getValue());
        assertThat(downloaded).isEqualTo(SIZE);
        assertThat(received.getValue()).isEqualTo(expectedCrc(SIZE, 7));
      }
    } finally {
      preview.stop(0);
      executor.shutdownNow();
    }
  }

  /** Writes {@code size} bytes of a pattern seeded by {@code seed}, 64 KiB at a time. */
  static void pattern(OutputStream out, long size, int seed) throws IOException {
    byte[] block = block(seed);
    for (long left = size; left > 0; left -= block.length) {
      out.write(block, 0, (int) Math.min(block.length, left));
    }
  }

  static long expectedCrc(long size, int seed) {
    CRC32 crc = new CRC32();
    byte[] block = block(seed);
    for (long left = size; left > 0; left -= block.length) crc.update(block, 0, (int) Math.min(block.length, left));
    return crc.getValue();
  }

  private static byte[] block(int seed) {
    byte[] block = new byte[64 * 1024];
    for (int i = 0; i < block.length; i++) block[i] = (byte) (i * seed + i / 251);
    return block;
  }

  static long drain(InputStream in, CRC32 crc) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int read; (read = in.read(buffer)) != -1; ) {
      crc.update(buffer, 0, read);
      total += read;
    }
    return total;
  }
}
