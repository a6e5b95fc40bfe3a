package io.github.v0java.preview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;

/**
 * Which headers cross the proxy. On the way in: none of the caller's credentials (the browser's
 * cookies and authorization for your site), none that describe or steer the infrastructure
 * (host, forwarding, client addresses, URL and method overrides, CDN and platform headers), no
 * hop-by-hop header, no {@code x-v0-*} header but the token the proxy adds. On the way out: no
 * cookie for your origin, no caching or cache status, no hop-by-hop header, nothing that would act
 * on your whole origin (HSTS, {@code Clear-Site-Data}, {@code Refresh}, {@code Alt-Svc}).
 */
final class ProxyHeaders {
  static final String TOKEN = "x-v0-preview-token";
  static final String REFRESH = "x-v0-preview-refresh";
  static final String PRIVATE_NO_STORE = "private, no-store";

  /** Meaningful for one connection only (RFC 9110 section 7.6.1, and common extensions). */
  private static final List<String> HOP_BY_HOP = Arrays.asList("connection", "keep-alive",
      "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
      "transfer-encoding", "upgrade", "http2-settings");

  private static final Set<String> DROPPED_IN = names(HOP_BY_HOP, "authorization", "cookie",
      "cookie2", "host", "forwarded", "via", "x-real-ip", "true-client-ip", "client-ip",
      "x-client-ip", "x-cluster-client-ip", "cf-connecting-ip", "fastly-client-ip",
      "x-original-url", "x-rewrite-url", "x-original-host", "x-host", "x-http-method-override",
      "x-http-method", "x-method-override", "content-length", "expect", "max-forwards");
  private static final String[] DROPPED_IN_PREFIXES = {"x-forwarded-", "x-vercel-", "x-v0-",
      "x-now-", "x-envoy-", "x-middleware-", "x-amzn-", "cf-"};

  private static final Set<String> DROPPED_OUT = names(HOP_BY_HOP, "set-cookie", "set-cookie2",
      "cache-control", "expires", "pragma", "age", "cache-status", "cdn-cache-control",
      "cf-cache-status", "surrogate-control", "surrogate-key", "vercel-cdn-cache-control",
      "content-length", "strict-transport-security", "clear-site-data", "refresh", "alt-svc",
      "www-authenticate", "public-key-pins", "report-to", "nel");
  private static final String[] DROPPED_OUT_PREFIXES = {"x-vercel-", "x-v0-"};

  private ProxyHeaders() {
  }

  /**
   * The headers to send to the preview: the caller's {@code namesAndValues} that may cross, and
   * the token.
   *
   * @throws Refused 400 if a name is not a header name or a value would break the header
   */
  static Headers request(List<String> namesAndValues, String token) throws Refused {
    Set<String> named = connectionNamed(connectionValues(namesAndValues));
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      String name = namesAndValues.get(i);
      String value = namesAndValues.get(i + 1);
      if (!isToken(name)) throw new Refused(400, "a request header has an invalid name");
      checkValue(value);
      String lower = name.toLowerCase(Locale.ROOT);
      if (dropped(lower, DROPPED_IN, DROPPED_IN_PREFIXES) || named.contains(lower)) continue;
      headers.addUnsafeNonAscii(name, value);
    }
    // Without it OkHttp would ask for gzip and unpack the answer: bytes pass through unchanged.
    if (headers.get("Accept-Encoding") == null) headers.set("Accept-Encoding", "identity");
    return headers.set(TOKEN, token).build();
  }

  /** Whether {@code value} is an HTTP token (RFC 9110 section 5.6.2): a method or header name. */
  static boolean isToken(String value) {
    if (value.isEmpty()) return false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** The preview's headers that may go back to the browser, with caching turned off. */
  static Headers response(Headers upstream) {
    Set<String> named = connectionNamed(upstream.values("Connection"));
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0, size = upstream.size(); i < size; i++) {
      String lower = upstream.name(i).toLowerCase(Locale.ROOT);
      if (dropped(lower, DROPPED_OUT, DROPPED_OUT_PREFIXES) || named.contains(lower)) continue;
      headers.addUnsafeNonAscii(upstream.name(i), upstream.value(i));
    }
    return headers.set("Cache-Control", PRIVATE_NO_STORE).build();
  }

  private static boolean dropped(String lower, Set<String> names, String[] prefixes) {
    if (names.contains(lower)) return true;
    for (String prefix : prefixes) {
      if (lower.startsWith(prefix)) return true;
    }
    return false;
  }

  /** A value with CR, LF or another control character (tab aside) could split the header. */
  private static void checkValue(String value) throws Refused {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new Refused(400, "a request header value contains a control character");
      }
    }
  }

  /** The names listed in {@code Connection} headers, which are hop-by-hop too. */
  private static Set<String> connectionNamed(List<String> connectionValues) {
    Set<String> named = new HashSet<>();
    for (String value : connectionValues) {
      for (String token : value.split(",")) named.add(token.trim().toLowerCase(Locale.ROOT));
    }
    return named;
  }

  private static List<String> connectionValues(List<String> namesAndValues) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      if (namesAndValues.get(i).equalsIgnoreCase("connection")) values.add(namesAndValues.get(i + 1));
    }
    return values;
  }

  private static Set<String> names(List<String> common, String... more) {
    Set<String> names = new HashSet<>(common);
    names.addAll(Arrays.asList(more));
    return names;
  }
}
