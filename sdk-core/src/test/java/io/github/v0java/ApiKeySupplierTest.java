package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A key supplied per request: asked for every request and retry, checked, and kept secret. */
class ApiKeySupplierTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private static final String KEY = "v0_rotating_5d1c9e0a7b3f";
  private static final String MESSAGE = "{\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\","
      + "\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":[],\"finishReason\":\"stop\","
      + "\"restorable\":false,\"authorId\":null}";

  private final List<Long> sleeps = new CopyOnWriteArrayList<>();

  private V0Client client(ApiKeySupplier supplier) {
    return V0Client.builder().apiKeySupplier(supplier).baseUrl(server.baseUrl() + "/v2")
        .v1BaseUrl(server.baseUrl() + "/v1").retrySleeper(sleeps::add).build();
  }

  /** Answers KEY-1, KEY-2, ... one per call. */
  private static ApiKeySupplier rotating(AtomicInteger calls) {
    return () -> KEY + "-" + calls.incrementAndGet();
  }

  private static List<String> authorizations() {
    List<String> seen = new ArrayList<>();
    for (LoggedRequest request : server.findAll(anyRequestedFor(anyUrl()))) {
      seen.add(request.getHeader("Authorization"));
    }
    return seen;
  }

  @Test void everyRequestAsksTheSupplierAndARefreshedKeyIsUsedByTheNextRequest() {
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(okJson(MESSAGE)));
    AtomicInteger calls = new AtomicInteger();
    try (V0Client v0 = client(rotating(calls))) {
      v0.messages().get("c1", "m1");
      v0.messages().get("c1", "m1");
      v0.messages().get("c1", "m1");
    }
    assertThat(calls).hasValue(3);
    assertThat(authorizations())
        .containsExactly("Bearer " + KEY + "-1", "Bearer " + KEY + "-2", "Bearer " + KEY + "-3");
  }

  @Test void everyRetryAsksTheSupplierAgain() {
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"expired\"}")).willSetStateTo("503"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("r").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    server.stubFor(get("/v2/chats/c1/messages/m1").inScenario("r").whenScenarioStateIs("ok")
        .willReturn(okJson(MESSAGE)));
    AtomicInteger calls = new AtomicInteger();
    try (V0Client v0 = client(rotating(calls))) {
      assertThat(catchThrowable(() -> v0.messages().get("c1", "m1"))).isInstanceOf(UnauthorizedException.class);
      v0.messages().get("c1", "m1"); // 503, retried once: a second attempt, a fresh key
    }
    assertThat(authorizations()).containsExactly("Bearer " + KEY + "-1", "Bearer " + KEY + "-2",
        "Bearer " + KEY + "-3");
    assertThat(sleeps).hasSize(1);
  }

  @Test void nullBlankOrBrokenKeysAreRefusedNamingTheSupplierWithoutTheValueAndNothingIsSent() {
    String[] bad = {null, "", "   ", KEY + "\r\nX-Injected: 1", KEY + "\u0000", KEY + "ключ"};
    for (String value : bad) {
      try (V0Client v0 = client(() -> value)) {
        V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
            () -> v0.messages().get("c1", "m1"));
        assertThat(e.field()).isEqualTo("apiKeySupplier");
        assertThat(e).hasMessageStartingWith("apiKeySupplier: the key returned ");
        assertThat(stackTrace(e)).doesNotContain(KEY).doesNotContain("ключ");
      }
    }
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test void aFailingSupplierIsACredentialsExceptionThatIsNotRetriedAndSendsNothing() {
    AtomicInteger calls = new AtomicInteger();
    IOException down = new IOException("token service unreachable");
    try (V0Client v0 = client(() -> {
      calls.incrementAndGet();
      throw down;
    })) {
      V0CredentialsException e = catchThrowableOfType(V0CredentialsException.class,
          () -> v0.messages().get("c1", "m1")); // a GET: network failures would be retried
      assertThat(e).hasMessage("apiKeySupplier failed with java.io.IOException; nothing was sent");
      assertThat(e.getCause()).isSameAs(down);
    }
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test void aSupplierThrowingAnSdkExceptionHasItThrownAsIs() {
    V0InvalidRequestException own = new V0InvalidRequestException("tenant", "no key for this tenant");
    try (V0Client v0 = client(() -> {
      throw own;
    })) {
      assertThat(catchThrowable(() -> v0.chats().get("c1"))).isSameAs(own);
    }
  }

  @Test void aListenerStreamGetsTheSupplierFailureAsItsTypedFailure() throws Exception {
    CompletableFuture<V0Exception> failure = new CompletableFuture<>();
    try (V0Client v0 = client(() -> null)) {
      v0.messages().sendStream("c1", SendMessageRequest.builder().message("hi").build(),
          new StreamListener<MessageStreamEvent>() {
            @Override public void onFailure(V0Exception e) {
              failure.complete(e);
            }

            @Override public void onComplete(MessageState state) {
              failure.completeExceptionally(new AssertionError("completed"));
            }
          });
      V0Exception e = failure.get(10, TimeUnit.SECONDS);
      assertThat(e).isInstanceOf(V0InvalidRequestException.class);
      assertThat(((V0InvalidRequestException) e).field()).isEqualTo("apiKeySupplier");
    }
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test void aBlockingStreamGetsTheSupplierFailureToo() {
    try (V0Client v0 = client(() -> "")) {
      V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
          () -> v0.messages().sendStream("c1", SendMessageRequest.builder().message("hi").build()));
      assertThat(e.field()).isEqualTo("apiKeySupplier");
    }
  }

  @Test void theSuppliedKeyNeverShowsInLogsMessagesOrToString() throws Exception {
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid API key\"}")));
    StringBuilder log = new StringBuilder();
    try (V0Client v0 = V0Client.builder().apiKeySupplier(() -> KEY).baseUrl(server.baseUrl() + "/v2")
        .maxRetries(0).httpLogger(line -> log.append(line).append('\n')).build()) {
      UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class,
          () -> v0.messages().get("c1", "m1"));
      assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization"))
          .isEqualTo("Bearer " + KEY);
      assertThat(log).contains("Authorization: Bearer ██").doesNotContain(KEY);
      assertThat(stackTrace(e)).doesNotContain(KEY);
      assertThat(v0.toString()).doesNotContain(KEY);
    }
  }

  @Test void theSupplierIsNotAskedForOtherOriginsAndNoKeyGoesThere() throws Exception {
    server.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(204)));
    AtomicInteger calls = new AtomicInteger();
    // The API lives on localhost; 127.0.0.1 is another origin for the same server.
    try (V0Client v0 = V0Client.builder().apiKeySupplier(rotating(calls))
        .baseUrl(server.baseUrl() + "/v2").build();
         Response response = v0.okHttpClient().newCall(new Request.Builder()
             .url("http://127.0.0.1:" + server.getPort() + "/elsewhere").build()).execute()) {
      assertThat(response.code()).isEqualTo(204);
    }
    assertThat(calls).hasValue(0);
    assertThat(authorizations()).containsExactly((String) null);
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out + " " + e;
  }
}
