package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.Message;
import io.github.v0java.model.TextPart;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PendingGenerationTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);
  private final FakeClock clock = new FakeClock();

  @AfterEach void close() {
    v0.close();
  }

  /** Records each requested sleep and advances time by it, without waiting. */
  static final class FakeClock implements PollingOptions.Clock {
    long now;
    final List<Long> sleepsMillis = new ArrayList<>();
    Runnable onSleep = () -> { };

    @Override public long nanoTime() {
      return now;
    }

    @Override public void sleep(long nanos) {
      sleepsMillis.add(TimeUnit.NANOSECONDS.toMillis(nanos));
      now += nanos;
      onSleep.run();
    }

    /** Polling on this clock: 500 ms doubling to 4 s, no jitter, a 60 s timeout. */
    PollingOptions options() {
      return PollingOptions.builder().clock(this).jitter(0).random(new Random(1))
          .initialInterval(500, TimeUnit.MILLISECONDS).maxInterval(4, TimeUnit.SECONDS)
          .timeout(60, TimeUnit.SECONDS).build();
    }
  }

  private PollingOptions options() {
    return clock.options();
  }

  static String message(String text, String finishReason) {
    return "{\"id\":\"m1\",\"chatId\":\"c1\",\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02Z\","
        + "\"content\":\"\",\"parts\":[" + (text == null ? "" : "{\"type\":\"text\",\"text\":\"" + text + "\"}")
        + "],\"finishReason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + ",\"restorable\":false,\"authorId\":null}";
  }

  /** Answers the polls in order, the last one repeating. */
  private void answers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
    TestServers.answersInOrder(server, "/v2/chats/c1/messages/m1", responses);
  }

  @Test void completesAfterNPollsWithGrowingPartsAndBackoff() {
    answers(okJson(message(null, null)), okJson(message("He", null)), okJson(message("He", null)),
        okJson(message("Hello", null)), okJson(message("Hello!", "stop")));
    List<String> progress = new ArrayList<>();

    Message done = v0.messages().pending("c1", "m1", options()).await(new PollListener<Message>() {
      @Override public void onProgress(Message state) {
        progress.add(state.getParts().isEmpty() ? "" : ((TextPart) state.getParts().get(0)).getText());
      }
    });

    assertThat(((TextPart) done.getParts().get(0)).getText()).isEqualTo("Hello!");
    server.verify(5, getRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1")));
    // An unchanged poll ("He" twice) is not reported again.
    assertThat(progress).containsExactly("", "He", "Hello", "Hello!");
    assertThat(clock.sleepsMillis).containsExactly(500L, 1000L, 2000L, 4000L);
  }

  @Test void jitterSpreadsIntervalsWithinBounds() {
    PollingOptions jittered = options().toBuilder().jitter(0.5).random(new Random(7)).build();
    for (int attempt = 0; attempt < 50; attempt++) {
      long base = Math.min(500L << Math.min(attempt, 10), 4000L);
      long millis = TimeUnit.NANOSECONDS.toMillis(jittered.intervalNanos(attempt));
      assertThat(millis).isBetween(base / 2 - 1, base * 3 / 2 + 1);
    }
  }

  @Test void retryAfterSecondsIsHonouredOn429() {
    answers(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"message\":\"slow\"}"),
        okJson(message("x", "stop")));

    v0.messages().pending("c1", "m1", options()).await();

    assertThat(clock.sleepsMillis).containsExactly(7000L);
  }

  @Test void retryAfterDateIsHonouredOn503() {
    SimpleDateFormat format = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
    format.setTimeZone(TimeZone.getTimeZone("GMT"));
    String in30s = format.format(new Date(System.currentTimeMillis() + 30_000));
    answers(aResponse().withStatus(503).withHeader("Retry-After", in30s), okJson(message("x", "stop")));

    v0.messages().pending("c1", "m1", options()).await();

    assertThat(clock.sleepsMillis).hasSize(1);
    assertThat(clock.sleepsMillis.get(0)).isBetween(27_000L, 30_000L);
  }

  @Test void transientFailuresInTheMiddleAreRiddenOut() {
    answers(okJson(message("a", null)), aResponse().withStatus(500).withBody("{\"message\":\"oops\"}"),
        aResponse().withStatus(502).withBody("<html>bad gateway</html>"), okJson(message("ab", "stop")));

    Message done = v0.messages().pending("c1", "m1", options()).await();

    assertThat(done.getFinishReason().value()).isEqualTo("stop");
    assertThat(clock.sleepsMillis).containsExactly(500L, 1000L, 2000L);
  }

  @Test void notFoundIsSurfacedAtOnce() {
    answers(aResponse().withStatus(404).withBody("{\"message\":\"no such message\"}"));

    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> v0.messages().pending("c1", "m1", options()).await());

    assertThat(e.errorMessage()).isEqualTo("no such message");
    assertThat(clock.sleepsMillis).isEmpty();
  }

  @Test void timeoutCarriesTheLastStateSeen() {
    answers(okJson(message("partial", null)));
    PollingOptions short10s = options().toBuilder().timeout(10, TimeUnit.SECONDS).build();

    V0TimeoutException e = catchThrowableOfType(V0TimeoutException.class,
        () -> v0.messages().pending("c1", "m1", short10s).await());

    assertThat(((TextPart) ((Message) e.lastPolled()).getParts().get(0)).getText()).isEqualTo("partial");
    // 0.5 + 1 + 2 + 4 = 7.5 s, then only the 2.5 s left are slept.
    assertThat(clock.sleepsMillis).containsExactly(500L, 1000L, 2000L, 4000L, 2500L);
  }

  @Test void cancelMidPollSendsNoFurtherRequest() {
    answers(okJson(message("a", null)));
    PendingGeneration<Message> pending = v0.messages().pending("c1", "m1", options());
    clock.onSleep = pending::cancel;

    assertThat(catchThrowableOfType(V0CancelledException.class, pending::await)).isNotNull();

    server.verify(1, getRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1")));
    server.verify(0, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1/stop")));
  }

  @Test void cancelFromAnotherThreadWakesARealWait() throws Exception {
    answers(okJson(message("a", null)));
    PendingGeneration<Message> pending = v0.messages().pending("c1", "m1",
        PollingOptions.builder().initialInterval(1, TimeUnit.HOURS).maxInterval(1, TimeUnit.HOURS)
            .timeout(2, TimeUnit.HOURS).build());
    Thread canceller = new Thread(() -> {
      while (pending.lastPolled() == null) Thread.onSpinWait();
      pending.cancel();
    });
    canceller.start();

    assertThat(catchThrowableOfType(V0CancelledException.class, pending::await)).isNotNull();
    canceller.join();
  }

  @Test void cancelWithStopOnCancelStopsTheGenerationOnTheServer() throws Exception {
    answers(okJson(message("a", null)));
    server.stubFor(post("/v2/chats/c1/messages/m1/stop").willReturn(okJson("{\"messageId\":\"m1\"}")));
    PendingGeneration<Message> pending = v0.messages().pending("c1", "m1",
        options().toBuilder().stopOnCancel(true).build());
    clock.onSleep = pending::cancel;

    catchThrowableOfType(V0CancelledException.class, pending::await);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.findAll(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1/stop"))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    server.verify(1, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/m1/stop")));
  }
}
