package io.github.v0java.preview;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request received by your server, to be forwarded by {@link PreviewProxy#forward}: the
 * method, the request target exactly as received (raw path and query, still percent-encoded),
 * the headers and the body as a stream. It holds what the client sent, unchecked: the proxy
 * decides what is forwarded and refuses what is hostile.
 *
 * <pre>{@code
 * URI uri = exchange.getRequestURI(); // com.sun.net.httpserver
 * ProxyRequest.Builder request = ProxyRequest.builder(exchange.getRequestMethod(),
 *     uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
 * exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> request.addHeader(name, v)));
 * request.body(exchange.getRequestBody(), -1);
 * }</pre>
 */
public final class ProxyRequest {
  private final String method;
  private final String target;
  private final List<String> headers;
  private final InputStream body;
  private final long contentLength;

  private ProxyRequest(Builder builder) {
    this.method = builder.method;
    this.target = builder.target;
    this.headers = Collections.unmodifiableList(new ArrayList<>(builder.headers));
    this.body = builder.body;
    this.contentLength = builder.contentLength;
  }

  /**
   * A request with {@code method} for {@code target}, the path and query as received
   * ({@code /assets/app.js?v=3}), without scheme or host: the servlet API's
   * {@code getRequestURI()} plus {@code "?" + getQueryString()}, or
   * {@code URI.getRawPath()} plus {@code "?" + getRawQuery()}.
   *
   * @param method the HTTP method as received
   * @param target the path and query as received
   * @return a builder for the request
   */
  public static Builder builder(String method, String target) {
    return new Builder(method, target);
  }

  /**
   * The method as received, such as {@code GET}.
   *
   * @return the method as received, such as {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The path and query as received.
   *
   * @return the path and query as received
   */
  public String target() {
    return target;
  }

  /** Header names and values, alternating, in the order received. */
  List<String> headers() {
    return headers;
  }

  /** The body, or null if there is none; read once, by the proxy. */
  InputStream body() {
    return body;
  }

  /** The length of the body in bytes, or -1 if unknown (then sent chunked). */
  long contentLength() {
    return contentLength;
  }

  @Override public String toString() {
    return "ProxyRequest{" + method + " " + target + "}";
  }

  /** Builds a {@link ProxyRequest}. */
  public static final class Builder {
    private final String method;
    private final String target;
    private final List<String> headers = new ArrayList<>();
    private InputStream body;
    private long contentLength = -1;

    Builder(String method, String target) {
      if (method == null) throw new NullPointerException("method == null");
      if (target == null) throw new NullPointerException("target == null");
      this.method = method;
      this.target = target;
    }

    /**
     * Adds a header as received; call once per value. Repeated names are kept.
     *
     * @param name the header's name
     * @param value one value, as received
     * @return this builder
     */
    public Builder addHeader(String name, String value) {
      if (name == null) throw new NullPointerException("name == null");
      if (value == null) throw new NullPointerException("value == null");
      headers.add(name);
      headers.add(value);
      return this;
    }

    /**
     * The request body, streamed to the preview as it is read (never held in memory), with its
     * length in bytes or -1 if unknown. Ignored for {@code GET} and {@code HEAD}. The proxy reads
     * it but does not close it: it belongs to your server.
     *
     * @param body the body stream; not closed by the proxy
     * @param contentLength its length in bytes, or -1
     * @return this builder
     */
    public Builder body(InputStream body, long contentLength) {
      if (body == null) throw new NullPointerException("body == null");
      this.body = body;
      this.contentLength = contentLength < 0 ? -1 : contentLength;
      return this;
    }

    /**
     * The request, ready for {@link PreviewProxy#forward}.
     *
     * @return the request; forward it once, its body is read as it is sent
     */
    public ProxyRequest build() {
      return new ProxyRequest(this);
    }
  }
}
