package io.github.v0java.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.v0java.V0Client;
import io.github.v0java.V0Exception;
import io.github.v0java.model.ChatPreview;
import io.github.v0java.preview.PreviewProxy;
import io.github.v0java.preview.PreviewTarget;
import io.github.v0java.preview.ProxyRequest;
import io.github.v0java.preview.ProxyResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;

/**
 * A chat's preview served on {@code 127.0.0.1} through the SDK's {@link PreviewProxy}, on the
 * JDK's {@code com.sun.net.httpserver}: every request is forwarded with the preview token, which
 * never reaches the browser nor the output. The preview URL and token are fetched on the first
 * request and again when they expire or the preview asks for a refresh; while the preview starts
 * the proxy answers a page that reloads itself.
 */
final class PreviewServer implements AutoCloseable {
  /** Fetch a fresh preview this long before the current one expires. */
  private static final long EXPIRY_MARGIN_SECONDS = 30;

  private final V0Client client;
  private final String chatId;
  private final Console console;
  private final boolean logRequests;
  private final HttpServer server;
  private final ExecutorService executor;
  private final PreviewProxy proxy;
  private PreviewTarget current; // Guarded by this.
  private Instant expiresAt; // Guarded by this.

  private PreviewServer(V0Client client, String chatId, Console console, boolean logRequests,
      HttpServer server, ExecutorService executor) {
    this.client = client;
    this.chatId = chatId;
    this.console = console;
    this.logRequests = logRequests;
    this.server = server;
    this.executor = executor;
    this.proxy = PreviewProxy.builder().onRefresh(this::forget).build();
  }

  /**
   * Starts serving on {@code 127.0.0.1:port} (0 for any free port), reporting failures to get the
   * preview on stderr, and each request too if {@code logRequests}.
   */
  static PreviewServer start(V0Client client, String chatId, int port, Console console,
      boolean logRequests) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "v0-preview-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    PreviewServer preview = new PreviewServer(client, chatId, console, logRequests, server, executor);
    server.setExecutor(executor);
    server.createContext("/", preview::handle);
    server.start();
    return preview;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String target = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
    int status = 0;
    try {
      ProxyRequest.Builder request = ProxyRequest.builder(method, target);
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        for (String value : header.getValue()) request.addHeader(header.getKey(), value);
      }
      request.body(exchange.getRequestBody(), contentLength(exchange.getRequestHeaders().getFirst("Content-Length")));
      PreviewTarget preview;
      try {
        preview = target();
      } catch (V0Exception e) {
        status = 502;
        String message = "could not get the preview of chat " + chatId + ": " + Failure.of(e, null).message();
        console.error("v0: " + message);
        sendText(exchange, status, message + "\n");
        return;
      }
      try (ProxyResponse response = proxy.forward(preview, request.build())) {
        status = response.status();
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) exchange.getResponseHeaders().add(headers.name(i), headers.value(i));
        boolean noBody = method.equalsIgnoreCase("HEAD") || status == 204 || status == 304 || status < 200;
        long length = response.contentLength();
        // com.sun.net.httpserver: -1 means no body, 0 means chunked.
        exchange.sendResponseHeaders(status, noBody || length == 0 ? -1 : length < 0 ? 0 : length);
        if (!noBody) {
          try (OutputStream body = exchange.getResponseBody()) {
            response.writeBodyTo(body);
          }
        }
      }
    } catch (V0Exception e) {
      // The preview could not be reached, or its answer broke off.
      if (status == 0) {
        status = 502;
        sendText(exchange, status, "The preview could not be reached: " + e.getMessage() + "\n");
      }
    } catch (IOException | RuntimeException e) {
      // The browser went away: nothing to answer.
    } finally {
      exchange.close();
      if (logRequests) console.error(method + " " + target + " " + (status == 0 ? "(aborted)" : status));
    }
  }

  /** The preview to forward to: fetched again once it is about to expire; null while it starts. */
  private synchronized PreviewTarget target() {
    if (current != null && (expiresAt == null
        || Instant.now().isBefore(expiresAt.minusSeconds(EXPIRY_MARGIN_SECONDS)))) {
      return current;
    }
    ChatPreview preview = client.chats().preview(chatId);
    if (preview == null) {
      current = null;
      return null;
    }
    console.mask(preview.getToken()); // Never printed anyway; masked should an error quote it.
    current = PreviewTarget.of(preview.getUrl(), preview.getToken());
    expiresAt = preview.getExpiresAt();
    return current;
  }

  /** The preview asked for a refresh: get it again before the next request. */
  private synchronized void forget(PreviewTarget stale) {
    if (current == stale) current = null;
  }

  private static long contentLength(String header) {
    if (header == null) return -1;
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void sendText(HttpExchange exchange, int status, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "private, no-store");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(bytes);
      }
    } catch (IOException e) {
      // The browser went away.
    }
  }

  @Override public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
