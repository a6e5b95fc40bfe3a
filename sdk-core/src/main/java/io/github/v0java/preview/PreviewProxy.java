package io.github.v0java.preview;

import io.github.v0java.V0InvalidRequestException;
import io.github.v0java.V0NetworkException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;

/**
 * Serves a chat's preview from your own origin, so that a page can embed it in an
 * {@code <iframe>}: browsers cannot add the {@code x-v0-preview-token} header the preview asks
 * for, so your server forwards each request of the frame with it. Framework-agnostic: hand it a
 * {@link ProxyRequest} built from what your server received and send back the
 * {@link ProxyResponse} (see the README for a servlet and a {@code com.sun.net.httpserver}
 * handler). Immutable and thread-safe: one instance serves every request.
 *
 * <ul>
 *   <li>The method, path, query, headers and body are forwarded, bodies streamed both ways. The
 *       caller's credentials, infrastructure and hop-by-hop headers are dropped on the way in;
 *       cookies, caching and hop-by-hop headers on the way out, which is marked
 *       {@code Cache-Control: private, no-store}.
 *   <li>A path can only name something below the preview URL's path: absolute and
 *       scheme-relative URLs, backslashes, dot segments, encoded slashes and the like are refused
 *       with 400 before anything is sent, and the upstream URL is built from the preview's origin.
 *   <li>Redirects are never followed (the token would go with them): the browser gets them,
 *       those to the preview's origin rewritten to go through the proxy, others unchanged, so
 *       the token only ever travels to the preview's origin.
 *   <li>When the preview answers {@code x-v0-preview-refresh: 1} (its token or URL is stale),
 *       the {@link RefreshListener} is told, to drop its cached preview, and the browser is sent
 *       to the fallback; so it is when there is no preview yet ({@code forward(null, ...)}).
 *   <li>{@code TRACE}, {@code TRACK} and {@code CONNECT} are refused with 405: a trace would
 *       echo the token back. WebSocket upgrades are not supported.
 * </ul>
 */
public final class PreviewProxy {
  private final OkHttpClient client;
  private final String mountPath;
  private final String fallbackUrl;
  private final RefreshListener refreshListener;

  /** Told when the preview asks for a fresh preview URL and token. */
  public interface RefreshListener {
    /**
     * The preview answered {@code x-v0-preview-refresh: 1} for {@code target}: forget it (get
     * the chat's preview again before the next request). Called on the forwarding thread, before
     * the browser is sent to the fallback.
     *
     * @param target the target that asked to be refreshed
     */
    void onRefresh(PreviewTarget target);
  }

  private PreviewProxy(Builder builder) {
    OkHttpClient base = builder.okHttpClient != null ? builder.okHttpClient : DefaultClient.INSTANCE;
    this.client = base.newBuilder()
        .followRedirects(false)
        .followSslRedirects(false)
        .cookieJar(CookieJar.NO_COOKIES)
        .cache(null)
        .authenticator(Authenticator.NONE)
        .build();
    this.mountPath = builder.mountPath;
    this.fallbackUrl = builder.fallbackUrl;
    this.refreshListener = builder.refreshListener;
  }

  /**
   * A proxy served at {@code /} with the default settings.
   *
   * @return a proxy served at {@code /} with the default settings
   */
  public static PreviewProxy create() {
    return builder().build();
  }

  /**
   * A builder for a proxy with custom settings.
   *
   * @return a builder for a proxy with custom settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Forwards {@code request} to the preview {@code target} and returns its answer, or the
   * proxy's own: the fallback when {@code target} is null (no preview yet) or the preview asks for
   * a refresh, 404 for a path outside the mount path, 400 for a hostile path or header, 405 for a
   * method that is never forwarded. The caller closes the response (or writes its body with
   * {@link ProxyResponse#writeBodyTo}).
   *
   * @param target the preview, or null while there is none
   * @param request the browser's request
   * @return the answer to send to the browser
   * @throws V0NetworkException if the preview could not be reached or its answer did not arrive
   */
  public ProxyResponse forward(PreviewTarget target, ProxyRequest request) {
    if (target == null) return fallback();
    try {
      return exchange(target, request);
    } catch (Refused refused) {
      return refusal(refused);
    }
  }

  /**
   * The fallback answer: a redirect to the fallback URL, or a page that reloads itself.
   *
   * @return the fallback answer
   */
  public ProxyResponse fallback() {
    Headers.Builder headers = new Headers.Builder().add("Cache-Control", ProxyHeaders.PRIVATE_NO_STORE);
    if (fallbackUrl != null) {
      return ProxyResponse.local(302, headers.add("Location", fallbackUrl).build(), new Buffer());
    }
    Buffer page = new Buffer().writeUtf8("<!doctype html><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"2\"><title>Preview starting</title>"
        + "<p>The preview is starting; this page reloads by itself.</p>\n");
    return ProxyResponse.local(503, headers.add("Retry-After", "2")
        .add("Content-Type", "text/html; charset=utf-8").build(), page);
  }

  private ProxyResponse exchange(PreviewTarget target, ProxyRequest request) throws Refused {
    String method = checkedMethod(request.method());
    RequestTarget path = RequestTarget.parse(request.target(), mountPath);
    HttpUrl url = upstreamUrl(target.url(), path);
    Headers headers = ProxyHeaders.request(request.headers(), target.token());
    Response response;
    try {
      Request upstreamRequest = new Request.Builder().url(url).headers(headers)
          .method(method, body(method, request)).build();
      response = client.newCall(upstreamRequest).execute();
    } catch (IOException e) {
      throw new V0NetworkException(method + " " + url.encodedPath() + " on the preview failed: " + e, e);
    }
    if ("1".equals(trimmed(response.header(ProxyHeaders.REFRESH)))) {
      response.close();
      if (refreshListener != null) refreshListener.onRefresh(target);
      return fallback();
    }
    Headers answer = ProxyHeaders.response(response.headers());
    String location = response.header("Location");
    if (location != null) {
      answer = answer.newBuilder().set("Location", viaProxy(location, url, target.url())).build();
    }
    ResponseBody body = response.body();
    return new ProxyResponse(response.code(), answer, body.contentLength(), body.source(), response);
  }

  /** The preview URL's origin and path, then the caller's segments and query. */
  private static HttpUrl upstreamUrl(HttpUrl preview, RequestTarget path) throws Refused {
    HttpUrl.Builder url = preview.newBuilder().fragment(null);
    for (String segment : path.segments) url.addEncodedPathSegment(segment);
    if (path.query != null) {
      url.encodedQuery(preview.encodedQuery() != null
          ? preview.encodedQuery() + "&" + path.query : path.query);
    }
    HttpUrl built = url.build();
    // Defense in depth: nothing above can change the origin or climb above the base path.
    if (!sameOrigin(built, preview) || !built.encodedPath().startsWith(basePath(preview))) {
      throw new Refused(400, "the path does not stay below the preview URL");
    }
    return built;
  }

  /**
   * {@code location} as the browser should follow it: a URL below the preview's path becomes the
   * same path below the proxy's mount path; any other is left as it is (the browser follows it
   * without the token, which only the proxy holds).
   */
  private String viaProxy(String location, HttpUrl requested, HttpUrl preview) {
    HttpUrl resolved = requested.resolve(location);
    String base = basePath(preview);
    if (resolved == null || !sameOrigin(resolved, preview) || !resolved.encodedPath().startsWith(base)) {
      return location;
    }
    String query = resolved.encodedQuery();
    String fragment = resolved.encodedFragment();
    return mountPath + resolved.encodedPath().substring(base.length())
        + (query != null ? "?" + query : "") + (fragment != null ? "#" + fragment : "");
  }

  /** The preview URL's path as a directory: ending in '/'. */
  private static String basePath(HttpUrl preview) {
    String path = preview.encodedPath();
    return path.endsWith("/") ? path : path + "/";
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private static String checkedMethod(String method) throws Refused {
    if (!ProxyHeaders.isToken(method)) throw new Refused(400, "the method is not an HTTP token");
    String upper = method.toUpperCase(Locale.ROOT);
    if (upper.equals("TRACE") || upper.equals("TRACK") || upper.equals("CONNECT")) {
      throw new Refused(405, upper + " is never forwarded");
    }
    return method;
  }

  /**
   * The body to send: none for GET and HEAD; the caller's, unless it is empty and the method
   * needs none (a body of unknown length is looked at until its first byte or its end); an
   * empty one if the method requires a body.
   */
  private static RequestBody body(String method, ProxyRequest request) throws IOException {
    if (method.equals("GET") || method.equals("HEAD")) return null;
    boolean required = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        || method.equals("PROPPATCH") || method.equals("REPORT");
    if (request.body() != null && request.contentLength() != 0) {
      BufferedSource source = Okio.buffer(Okio.source(request.body()));
      if (required || request.contentLength() > 0 || !source.exhausted()) {
        return new StreamedRequestBody(source, request.contentLength());
      }
    }
    return required ? RequestBody.create(new byte[0], null) : null;
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }

  private static ProxyResponse refusal(Refused refused) {
    Headers headers = new Headers.Builder()
        .add("Cache-Control", ProxyHeaders.PRIVATE_NO_STORE)
        .add("Content-Type", "text/plain; charset=utf-8")
        .add("X-Content-Type-Options", "nosniff")
        .build();
    return ProxyResponse.local(refused.status, headers,
        new Buffer().writeUtf8("Refused by the preview proxy: " + refused.getMessage() + "\n"));
  }

  /** The client used when none is given; shared by every proxy that uses it. */
  private static final class DefaultClient {
    static final OkHttpClient INSTANCE = new OkHttpClient.Builder()
        .readTimeout(5, TimeUnit.MINUTES)
        .build();
  }

  @Override public String toString() {
    return "PreviewProxy{mountPath=" + mountPath + "}";
  }

  /** Builds {@link PreviewProxy} instances. */
  public static final class Builder {
    private OkHttpClient okHttpClient;
    private String mountPath = "/";
    private String fallbackUrl;
    private RefreshListener refreshListener;

    Builder() {
    }

    /**
     * Forwards through (a copy of) {@code client}, sharing its connection pool and threads; the
     * copy never follows redirects and keeps no cookies nor cache. Pass a plain client, not
     * {@code V0Client.okHttpClient()}, whose interceptors are meant for the API. By default a
     * shared client with a 5 minute read timeout (previews may stream).
     *
     * @param client the client whose calls this uses
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      if (client == null) throw new NullPointerException("client == null");
      this.okHttpClient = client;
      return this;
    }

    /**
     * The path your server serves the proxy under, such as {@code /preview/}; default {@code /}.
     * Requests must start with it, it is removed before forwarding, and redirects of the preview
     * are rewritten below it.
     *
     * @param mountPath the prefix, starting and ending with {@code /}
     * @return this builder
     */
    public Builder mountPath(String mountPath) {
      if (mountPath == null || !mountPath.startsWith("/") || mountPath.startsWith("//")
          || mountPath.indexOf('?') >= 0 || mountPath.indexOf('#') >= 0 || mountPath.indexOf('\\') >= 0) {
        throw new V0InvalidRequestException("mountPath", "must be a path starting with a single '/'");
      }
      this.mountPath = mountPath.endsWith("/") ? mountPath : mountPath + "/";
      return this;
    }

    /**
     * Where the browser is sent while there is no preview or after the preview asked for a
     * refresh: typically a loading page that retries the frame's URL once a fresh preview is
     * available (absolute, or relative to the frame). Without one, the proxy answers 503 with a
     * page that reloads itself every 2 seconds.
     *
     * @param fallbackUrl the page to redirect to
     * @return this builder
     */
    public Builder fallbackUrl(String fallbackUrl) {
      if (fallbackUrl != null) {
        for (int i = 0; i < fallbackUrl.length(); i++) {
          char c = fallbackUrl.charAt(i);
          if (c < 0x20 || c >= 0x7f) {
            throw new V0InvalidRequestException("fallbackUrl", "contains a control or non-ASCII character");
          }
        }
      }
      this.fallbackUrl = fallbackUrl;
      return this;
    }

    /**
     * Told when the preview asks for a fresh URL and token; see {@link RefreshListener}.
     *
     * @param listener told when a preview asks to be refreshed
     * @return this builder
     */
    public Builder onRefresh(RefreshListener listener) {
      this.refreshListener = listener;
      return this;
    }

    /**
     * The proxy; share it between requests, it is thread-safe.
     *
     * @return a new proxy
     */
    public PreviewProxy build() {
      return new PreviewProxy(this);
    }
  }
}
