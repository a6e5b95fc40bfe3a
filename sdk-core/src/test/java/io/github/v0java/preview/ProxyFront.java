package io.github.v0java.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The smallest server that serves a {@link PreviewProxy}: the JDK's {@code com.sun.net.httpserver}
 * on loopback, turning each exchange into a {@link ProxyRequest} and the {@link ProxyResponse}
 * back into an answer, both bodies streamed. What a browser would talk to.
 */
public final class ProxyFront implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  private ProxyFront(PreviewProxy proxy, Supplier<PreviewTarget> target) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> handle(proxy, target.get(), exchange));
    server.setExecutor(executor);
    server.start();
  }

  public static ProxyFront start(PreviewProxy proxy, Supplier<PreviewTarget> target) throws IOException {
    return new ProxyFront(proxy, target);
  }

  /** The URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  static void handle(PreviewProxy proxy, PreviewTarget target, HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      ProxyRequest.Builder request = ProxyRequest.builder(exchange.getRequestMethod(),
          uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        for (String value : header.getValue()) request.addHeader(header.getKey(), value);
      }
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      request.body(exchange.getRequestBody(), length != null ? Long.parseLong(length) : -1);

      try (ProxyResponse response = proxy.forward(target, request.build())) {
        for (int i = 0; i < response.headers().size(); i++) {
          exchange.getResponseHeaders().add(response.headers().name(i), response.headers().value(i));
        }
        long contentLength = response.contentLength();
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.status() == 204
            || response.status() == 304 || contentLength == 0;
        // The JDK's server: -1 for no body, 0 for chunked, else the length.
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : Math.max(contentLength, 0));
        if (!noBody) response.writeBodyTo(exchange.getResponseBody());
      }
    }
  }

  @Override public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
