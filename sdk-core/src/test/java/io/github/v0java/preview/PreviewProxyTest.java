package io.github.v0java.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.v0java.V0InvalidRequestException;
import io.github.v0java.V0NetworkException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preview proxy against a real preview on loopback (and a second server it must not reach). */
class PreviewProxyTest {
  @RegisterExtension static WireMockExtension preview = wireMock();
  @RegisterExtension static WireMockExtension elsewhere = wireMock();

  static final String TOKEN = "pvt_7f3a91c2e4b84d0f9a6e";

  private static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();
  }

  private static PreviewTarget target() {
    return PreviewTarget.of(HttpUrl.get(preview.baseUrl() + "/"), TOKEN);
  }

  private static PreviewTarget target(String basePath) {
    return PreviewTarget.of(HttpUrl.get(preview.baseUrl() + basePath), TOKEN);
  }

  private static List<LoggedRequest> received(WireMockExtension server) {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = received(preview);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static String bodyOf(ProxyResponse response) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.writeBodyTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void answer(int status, String... headers) {
    var response = aResponse().withStatus(status).withBody("answer");
    for (int i = 0; i < headers.length; i += 2) response = response.withHeader(headers[i], headers[i + 1]);
    preview.stubFor(any(anyUrl()).willReturn(response));
  }

  @Test void forwardsMethodPathQueryHeadersAndBodyWithTheToken() throws Exception {
    answer(201, "Content-Type", "application/json", "X-App", "yes", "Content-Length", "6");
    byte[] body = "{\"title\":\"Milk\"}".getBytes(StandardCharsets.UTF_8);
    ProxyResponse response = PreviewProxy.create().forward(target(), ProxyRequest
        .builder("POST", "/api/items?list=groceries&q=a%20b&empty=")
        .addHeader("Content-Type", "application/json")
        .addHeader("Accept", "application/json")
        .addHeader("Accept-Language", "de-CH")
        .addHeader("X-Requested-With", "fetch")
        .body(new ByteArrayInputStream(body), body.length)
        .build());

    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/api/items?list=groceries&q=a%20b&empty=");
    assertThat(request.getHeader(ProxyHeaders.TOKEN)).isEqualTo(TOKEN);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("Accept-Language")).isEqualTo("de-CH");
    assertThat(request.getHeader("X-Requested-With")).isEqualTo("fetch");
    assertThat(request.getBodyAsString()).isEqualTo("{\"title\":\"Milk\"}");
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().get("X-App")).isEqualTo("yes");
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(response.headers().get("Cache-Control")).isEqualTo("private, no-store");
    assertThat(response.contentLength()).isEqualTo(6);
    assertThat(bodyOf(response)).isEqualTo("answer");
  }

  @Test void dropsCredentialsInfrastructureAndHopByHopHeadersOnTheWayIn() {
    answer(200);
    String[] dropped = {"Authorization", "Bearer site-session", "Cookie", "session=s3cret",
        "Host", "evil.example", "Forwarded", "for=203.0.113.9", "Via", "1.1 cdn",
        "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http",
        "X-Real-IP", "203.0.113.9", "X-Vercel-Id", "fra1::abc", "X-Vercel-Forwarded-For", "203.0.113.9",
        "X-V0-Preview-Token", "forged", "X-V0-Anything", "1", "Proxy-Authorization", "Basic eDp5",
        "Keep-Alive", "timeout=5", "TE", "trailers", "Upgrade", "websocket", "Trailer", "X-Sum",
        "Connection", "keep-alive, X-Hop-Secret", "X-Hop-Secret", "named by Connection",
        "X-Middleware-Subrequest", "middleware", "X-Original-URL", "/admin", "X-HTTP-Method-Override", "DELETE",
        "True-Client-IP", "203.0.113.9", "CF-Connecting-IP", "203.0.113.9", "Expect", "100-continue"};
    ProxyRequest.Builder request = ProxyRequest.builder("GET", "/").addHeader("Accept", "text/html");
    for (int i = 0; i < dropped.length; i += 2) request.addHeader(dropped[i], dropped[i + 1]);

    PreviewProxy.create().forward(target(), request.build()).close();

    LoggedRequest received = onlyRequest();
    assertThat(received.getHeader("Accept")).isEqualTo("text/html");
    assertThat(received.getHeaders().getHeader(ProxyHeaders.TOKEN).values()).containsExactly(TOKEN);
    assertThat(received.getHeader("Host")).isEqualTo(HttpUrl.get(preview.baseUrl()).host() + ":" + preview.getPort());
    for (int i = 0; i < dropped.length; i += 2) {
      String name = dropped[i];
      if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("X-V0-Preview-Token")) continue;
      if (name.equalsIgnoreCase("Connection")) {
        assertThat(received.getHeader("Connection")).doesNotContain("X-Hop-Secret");
        continue;
      }
      assertThat(received.containsHeader(name)).as(name).isFalse();
    }
    assertThat(received.getAllHeaderKeys().toString()).doesNotContain("site-session", "s3cret");
  }

  @Test void dropsCookiesCachingAndHopByHopHeadersOnTheWayOutAndAnswersPrivateNoStore() {
    answer(200, "Content-Type", "text/css", "Set-Cookie", "preview=1; Path=/", "Cache-Control", "public, max-age=31536000",
        "Expires", "Thu, 01 Dec 2094 16:00:00 GMT", "Age", "12", "X-Vercel-Cache", "HIT", "X-Vercel-Id", "fra1::x",
        "CDN-Cache-Control", "max-age=60", "Surrogate-Control", "max-age=60", "Pragma", "cache",
        "Strict-Transport-Security", "max-age=63072000", "Clear-Site-Data", "\"*\"", "Refresh", "0; url=https://evil.example/",
        "Alt-Svc", "h3=\":443\"", "X-V0-Internal", "1", "Keep-Alive", "timeout=5", "Connection", "X-Hop",
        "X-Hop", "named by Connection", "ETag", "\"v1\"", "Content-Security-Policy", "default-src 'self'");

    ProxyResponse response = PreviewProxy.create().forward(target(), ProxyRequest.builder("GET", "/app.css").build());
    response.close();

    assertThat(response.headers().values("Cache-Control")).containsExactly("private, no-store");
    assertThat(response.headers().get("Content-Type")).isEqualTo("text/css");
    assertThat(response.headers().get("ETag")).isEqualTo("\"v1\"");
    assertThat(response.headers().get("Content-Security-Policy")).isEqualTo("default-src 'self'");
    for (String name : new String[] {"Set-Cookie", "Expires", "Age", "X-Vercel-Cache", "X-Vercel-Id",
        "CDN-Cache-Control", "Surrogate-Control", "Pragma", "Strict-Transport-Security", "Clear-Site-Data",
        "Refresh", "Alt-Svc", "X-V0-Internal", "Keep-Alive", "Connection", "X-Hop", "Transfer-Encoding",
        "Content-Length"}) {
      assertThat(response.headers().get(name)).as(name).isNull();
    }
  }

  /** Each would leave the preview's origin, or climb above its base path, if forwarded naively. */
  @ParameterizedTest
  @ValueSource(strings = {
      "//ELSEWHERE/steal", "///ELSEWHERE/steal", "/\\ELSEWHERE/steal", "/\\/ELSEWHERE/steal",
      "http://ELSEWHERE/steal", "https://ELSEWHERE/steal", "ELSEWHERE/steal", "@ELSEWHERE/steal", "*", "",
      "/%2F%2FELSEWHERE/steal", "/%2f/ELSEWHERE", "/%5CELSEWHERE/steal", "/%5c%5cELSEWHERE", "/a%2Fb",
      "/%252F%252FELSEWHERE", "/%25252F", "/%255C", "/..", "/../steal", "/a/../../steal", "/a/..",
      "/.", "/./a", "/%2e%2e/steal", "/%2E%2E/steal", "/.%2e/steal", "/%2e./steal", "/%252e%252e/steal",
      "/..;/steal", "/..;jsessionid=1/steal", "/%2e%2e;/steal", "/a//b", "/\uFF0E\uFF0E/steal",
      "/%EF%BC%8E%EF%BC%8E/steal", "/a\uFF0Fb", "/%EF%BC%8FELSEWHERE", "/%00", "/a%0d%0aHost:%20x",
      "/a%09b", "/a\r\nX-Injected: 1", "/a#frag", "/%", "/%zz", "/%2", "/%25%2",
      "/%25252525252e"})
  void hostileTargetsAreRefusedAndNothingIsSentAnywhere(String hostile) throws Exception {
    answer(200);
    String target = hostile.replace("ELSEWHERE", "127.0.0.1:" + elsewhere.getPort());
    ProxyResponse response = PreviewProxy.builder().mountPath("/").build()
        .forward(target("/base/"), ProxyRequest.builder("GET", target).build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("Cache-Control")).isEqualTo("private, no-store");
    assertThat(bodyOf(response)).startsWith("Refused by the preview proxy: ").doesNotContain(TOKEN);
    assertThat(received(preview)).isEmpty();
    assertThat(received(elsewhere)).isEmpty();
  }

  /** Odd but harmless paths are forwarded as received, below the base path, on the preview's origin. */
  @ParameterizedTest
  @ValueSource(strings = {"/@ELSEWHERE/x", "/ELSEWHERE/x", "/x..y/..z", "/.well-known/security.txt",
      "/caf%C3%A9/men%C3%BC", "/100%25", "/a:b", "/static/app.js?next=//ELSEWHERE/&u=https://ELSEWHERE",
      "/", "/dir/", "/search?q=%2F%2E%2E%5C"})
  void oddTargetsStayBelowThePreviewsBasePath(String odd) {
    answer(200);
    String target = odd.replace("ELSEWHERE", "127.0.0.1:" + elsewhere.getPort());

    ProxyResponse response = PreviewProxy.create().forward(target("/base/"), ProxyRequest.builder("GET", target).build());
    response.close();

    assertThat(response.status()).isEqualTo(200);
    assertThat(onlyRequest().getUrl()).isEqualTo("/base" + target);
    assertThat(received(elsewhere)).isEmpty();
  }

  @Test void theMountPathIsRemovedAndRequestsOutsideItAreNotForwarded() throws Exception {
    answer(200);
    PreviewProxy proxy = PreviewProxy.builder().mountPath("/preview").build();

    proxy.forward(target("/base"), ProxyRequest.builder("GET", "/preview/assets/a.js?v=2").build()).close();
    proxy.forward(target("/base"), ProxyRequest.builder("GET", "/preview").build()).close();
    ProxyResponse outside = proxy.forward(target("/base"), ProxyRequest.builder("GET", "/previewer/x").build());

    assertThat(outside.status()).isEqualTo(404);
    outside.close();
    List<String> urls = new ArrayList<>();
    for (LoggedRequest request : received(preview)) urls.add(request.getUrl());
    assertThat(urls).containsExactlyInAnyOrder("/base/assets/a.js?v=2", "/base/");
  }

  @Test void thePreviewUrlsOwnQueryIsKeptBeforeTheCallers() {
    answer(200);
    PreviewProxy.create().forward(PreviewTarget.of(preview.baseUrl() + "/?session=abc", TOKEN),
        ProxyRequest.builder("GET", "/page?tab=2").build()).close();

    assertThat(onlyRequest().getUrl()).isEqualTo("/page?session=abc&tab=2");
  }

  @Test void redirectsAreNotFollowedAndOnlyThoseToThePreviewGoThroughTheProxy() {
    PreviewProxy proxy = PreviewProxy.builder().mountPath("/preview/").build();
    String away = "http://127.0.0.1:" + elsewhere.getPort() + "/steal?x=1";
    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", away)));

    ProxyResponse external = proxy.forward(target("/base/"), ProxyRequest.builder("GET", "/preview/go").build());
    external.close();

    assertThat(external.status()).isEqualTo(302);
    assertThat(external.headers().get("Location")).isEqualTo(away);
    assertThat(received(elsewhere)).isEmpty();

    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(307)
        .withHeader("Location", preview.baseUrl() + "/base/login?next=%2Fhome#top")));
    ProxyResponse absolute = proxy.forward(target("/base/"), ProxyRequest.builder("POST", "/preview/go").build());
    absolute.close();
    assertThat(absolute.headers().get("Location")).isEqualTo("/preview/login?next=%2Fhome#top");

    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(301).withHeader("Location", "../up")));
    ProxyResponse relative = proxy.forward(target("/base/"), ProxyRequest.builder("GET", "/preview/a/b").build());
    relative.close();
    assertThat(relative.headers().get("Location")).isEqualTo("/preview/up");

    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere-on-preview")));
    ProxyResponse aboveBase = proxy.forward(target("/base/"), ProxyRequest.builder("GET", "/preview/a").build());
    aboveBase.close();
    assertThat(aboveBase.headers().get("Location")).isEqualTo("/elsewhere-on-preview");

    assertThat(received(preview)).hasSize(4); // one request each: nothing was followed
    assertThat(received(elsewhere)).isEmpty();
  }

  @Test void aRefreshAnswerTellsTheListenerAndRedirectsToTheFallback() {
    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("x-v0-preview-refresh", "1").withHeader("Set-Cookie", "a=b").withBody("stale")));
    List<PreviewTarget> refreshed = new ArrayList<>();
    PreviewTarget target = target();
    PreviewProxy proxy = PreviewProxy.builder().fallbackUrl("/loading?chat=c1").onRefresh(refreshed::add).build();

    ProxyResponse response = proxy.forward(target, ProxyRequest.builder("GET", "/index.html").build());

    assertThat(refreshed).containsExactly(target);
    assertThat(response.status()).isEqualTo(302);
    assertThat(response.headers().get("Location")).isEqualTo("/loading?chat=c1");
    assertThat(response.headers().get("Cache-Control")).isEqualTo("private, no-store");
    assertThat(response.headers().get("Set-Cookie")).isNull();
    assertThat(response.contentLength()).isZero();
  }

  @Test void withoutAFallbackUrlTheProxyAnswersAPageThatReloadsItself() throws Exception {
    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("x-v0-preview-refresh", " 1 ")));
    List<PreviewTarget> refreshed = new ArrayList<>();

    ProxyResponse refresh = PreviewProxy.builder().onRefresh(refreshed::add).build()
        .forward(target(), ProxyRequest.builder("GET", "/").build());
    ProxyResponse notReady = PreviewProxy.create().forward(null, ProxyRequest.builder("GET", "/").build());

    assertThat(refreshed).hasSize(1);
    for (ProxyResponse response : new ProxyResponse[] {refresh, notReady}) {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.headers().get("Retry-After")).isEqualTo("2");
      assertThat(response.headers().get("Cache-Control")).isEqualTo("private, no-store");
      assertThat(bodyOf(response)).contains("<meta http-equiv=\"refresh\" content=\"2\">");
    }
    assertThat(received(preview)).hasSize(1); // forward(null, ...) sent nothing
  }

  @Test void noPreviewYetRedirectsToTheFallbackWithoutSendingAnything() {
    ProxyResponse response = PreviewProxy.builder().fallbackUrl("https://app.example/loading").build()
        .forward(null, ProxyRequest.builder("GET", "/").build());

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.headers().get("Location")).isEqualTo("https://app.example/loading");
    assertThat(received(preview)).isEmpty();
  }

  @Test void methodsWithAndWithoutBodiesAreForwardedAsTheyCame() throws Exception {
    answer(200);
    PreviewProxy proxy = PreviewProxy.create();
    String[][] cases = {{"GET", null}, {"HEAD", null}, {"DELETE", null}, {"OPTIONS", null}, {"POST", null},
        {"PUT", "put-body"}, {"PATCH", "patch-body"}, {"DELETE", "delete-body"}, {"POST", "chunked-body"}};
    for (String[] c : cases) {
      ProxyRequest.Builder request = ProxyRequest.builder(c[0], "/m");
      if (c[1] != null) {
        byte[] bytes = c[1].getBytes(StandardCharsets.UTF_8);
        request.body(new ByteArrayInputStream(bytes), c[1].startsWith("chunked") ? -1 : bytes.length);
      }
      proxy.forward(target(), request.build()).close();
    }
    // A body sent with GET is not forwarded; an empty one of unknown length is no body.
    proxy.forward(target(), ProxyRequest.builder("GET", "/m")
        .body(new ByteArrayInputStream("ignored".getBytes(StandardCharsets.UTF_8)), 7).build()).close();
    proxy.forward(target(), ProxyRequest.builder("OPTIONS", "/empty")
        .body(new ByteArrayInputStream(new byte[0]), -1).build()).close();

    List<LoggedRequest> requests = received(preview);
    List<String> seen = new ArrayList<>();
    for (LoggedRequest r : requests) seen.add(r.getMethod().value() + ":" + r.getBodyAsString());
    assertThat(seen).containsExactlyInAnyOrder("GET:", "HEAD:", "DELETE:", "OPTIONS:", "POST:",
        "PUT:put-body", "PATCH:patch-body", "DELETE:delete-body", "POST:chunked-body", "GET:", "OPTIONS:");
    for (LoggedRequest r : requests) {
      if (r.getBodyAsString().equals("chunked-body")) {
        assertThat(r.getHeader("Transfer-Encoding")).isEqualTo("chunked");
      }
      if (r.getUrl().equals("/empty") || r.getMethod().value().equals("GET")) {
        assertThat(r.containsHeader("Transfer-Encoding") || r.containsHeader("Content-Length")).isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "trace", "TRACK", "CONNECT"})
  void tracingAndTunnellingMethodsAreRefused(String method) {
    ProxyResponse response = PreviewProxy.create().forward(target(), ProxyRequest.builder(method, "/").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(received(preview)).isEmpty();
  }

  @Test void headersThatWouldSplitTheRequestAreRefused() {
    for (String[] header : new String[][] {{"X-A", "ok\r\nX-Injected: 1"}, {"X-A", "nul\u0000"},
        {"Bad Name", "v"}, {"X-A:", "v"}, {"", "v"}}) {
      ProxyResponse response = PreviewProxy.create().forward(target(),
          ProxyRequest.builder("GET", "/").addHeader(header[0], header[1]).build());
      assertThat(response.status()).as(header[0]).isEqualTo(400);
    }
    ProxyResponse badMethod = PreviewProxy.create().forward(target(), ProxyRequest.builder("GET /x", "/").build());
    assertThat(badMethod.status()).isEqualTo(400);
    assertThat(received(preview)).isEmpty();
  }

  @Test void theTokenNeverShowsInToStringOrErrors() throws Exception {
    PreviewTarget target = target();
    assertThat(target.toString()).doesNotContain(TOKEN).contains("██");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    V0NetworkException down = catchThrowableOfType(V0NetworkException.class, () -> PreviewProxy.create()
        .forward(PreviewTarget.of("http://127.0.0.1:" + closedPort + "/", TOKEN), ProxyRequest.builder("GET", "/x").build()));
    assertThat(stackTrace(down)).doesNotContain(TOKEN).contains("/x");

    for (String bad : new String[] {null, "", "  ", TOKEN + "\r\nX-Injected: 1", TOKEN + "\u0000", TOKEN + "é"}) {
      V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
          () -> PreviewTarget.of(preview.baseUrl(), bad));
      assertThat(e.field()).isEqualTo("previewToken");
      assertThat(stackTrace(e)).doesNotContain(TOKEN);
    }
  }

  @Test void theSdksHttpLogRedactsTheTokenOfForwardedRequests() {
    answer(200);
    StringBuilder log = new StringBuilder();
    okhttp3.OkHttpClient logged = new okhttp3.OkHttpClient.Builder().addNetworkInterceptor(
        new io.github.v0java.internal.LoggingInterceptor(line -> log.append(line).append('\n'))).build();
    PreviewProxy proxy = PreviewProxy.builder().okHttpClient(logged).build();

    ProxyResponse response = proxy.forward(target(), ProxyRequest.builder("GET", "/x").build());
    response.close();

    assertThat(log).contains("x-v0-preview-token: ██").doesNotContain(TOKEN);
    assertThat(proxy + " " + response + " " + ProxyRequest.builder("GET", "/x").build()).doesNotContain(TOKEN);
  }

  @Test void plainHttpToAnotherHostIsRefusedSoTheTokenNeverTravelsInClearText() {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> PreviewTarget.of("http://preview.example/", TOKEN));

    assertThat(e.field()).isEqualTo("previewUrl");
    assertThat(PreviewTarget.of("https://preview.example/", TOKEN).url().host()).isEqualTo("preview.example");
  }

  @Test void aBrowserTalkingToASmallFrontServerGetsThePreviewThroughTheProxy() throws Exception {
    preview.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
        .withHeader("Set-Cookie", "tracking=1").withBody("<h1>Not here</h1>")));
    okhttp3.OkHttpClient browser = new okhttp3.OkHttpClient.Builder().followRedirects(false).build();
    try (ProxyFront front = ProxyFront.start(PreviewProxy.builder().mountPath("/p/").build(), PreviewProxyTest::target);
         okhttp3.Response page = browser.newCall(new okhttp3.Request.Builder()
             .url(front.url("/p/missing?from=menu&x=%C3%A9"))
             .header("Cookie", "site_session=abc123").header("Authorization", "Bearer site-token")
             .build()).execute();
         okhttp3.Response head = browser.newCall(new okhttp3.Request.Builder().url(front.url("/p/missing"))
             .head().build()).execute();
         okhttp3.Response outside = browser.newCall(new okhttp3.Request.Builder().url(front.url("/other")).build()).execute()) {
      assertThat(page.code()).isEqualTo(404);
      assertThat(page.body().string()).isEqualTo("<h1>Not here</h1>");
      assertThat(page.header("Set-Cookie")).isNull();
      assertThat(page.header("Cache-Control")).isEqualTo("private, no-store");
      assertThat(head.code()).isEqualTo(404);
      assertThat(outside.code()).isEqualTo(404);
      assertThat(outside.body().string()).startsWith("Refused by the preview proxy");
    }
    List<LoggedRequest> requests = received(preview);
    assertThat(requests).hasSize(2);
    LoggedRequest get = requests.stream().filter(r -> r.getMethod().value().equals("GET")).findFirst().get();
    assertThat(get.getUrl()).isEqualTo("/missing?from=menu&x=%C3%A9");
    assertThat(get.getHeader(ProxyHeaders.TOKEN)).isEqualTo(TOKEN);
    assertThat(get.containsHeader("Cookie")).isFalse();
    assertThat(get.containsHeader("Authorization")).isFalse();
  }

  static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out + " " + e;
  }
}
