package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.ChatPreview;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preview: null while it starts, waited for with the generation poller; its token secret. */
class PreviewTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  static final String TOKEN = "pvt_9fQk2LmX7sR4tY1zW8";
  static final String READY = "{\"url\":\"https://vm-3f9a.vusercontent.net/\",\"token\":\"" + TOKEN + "\","
      + "\"expiresAt\":\"2026-11-20T10:15:00.000Z\"}";

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final V0Client v0 = V0Client.builder().apiKey(TestServers.API_KEY)
      .baseUrl(server.baseUrl() + "/v2").maxRetries(0).httpLogger(logged::add).build();
  private final PendingGenerationTest.FakeClock clock = new PendingGenerationTest.FakeClock();

  @AfterEach void close() {
    v0.close();
  }

  private PollingOptions options() {
    return clock.options();
  }

  private void answers(ResponseDefinitionBuilder... responses) {
    TestServers.answersInOrder(server, "/v2/chats/c1/preview", responses);
  }

  @Test void aPreviewThatIsStartingIsNullNotAFailure() {
    answers(okJson("null"));

    assertThat(v0.chats().preview("c1")).isNull();
  }

  @Test void awaitPollsNullThenNullThenReadyWithBackoff() {
    answers(okJson("null"), okJson("null"), okJson(READY));

    ChatPreview preview = v0.chats().pendingPreview("c1", options()).await();

    assertThat(preview.getUrl()).isEqualTo("https://vm-3f9a.vusercontent.net/");
    assertThat(preview.getToken()).isEqualTo(TOKEN);
    assertThat(preview.getExpiresAt()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
    server.verify(3, getRequestedFor(urlEqualTo("/v2/chats/c1/preview")));
    assertThat(clock.sleepsMillis).containsExactly(500L, 1000L);
  }

  @Test void retryAfterOnA429IsHonouredWhileWaiting() {
    answers(aResponse().withStatus(429).withHeader("Retry-After", "3")
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Slow down\"}"),
        okJson(READY));

    ChatPreview preview = v0.chats().pendingPreview("c1", options()).await();

    assertThat(preview).isNotNull();
    assertThat(clock.sleepsMillis).containsExactly(3000L);
  }

  @Test void aPreviewThatNeverStartsTimesOutNamingTheChat() {
    answers(okJson("null"));

    Throwable thrown = catchThrowable(() -> v0.chats().pendingPreview("c1",
        options().toBuilder().timeout(5, TimeUnit.SECONDS).build()).await());

    assertThat(thrown).isInstanceOf(V0TimeoutException.class)
        .hasMessageContaining("the preview of chat c1 was not finished");
    assertThat(((V0TimeoutException) thrown).lastPolled()).isNull();
  }

  @Test void cancellingStopsWaitingAndStopsNothingOnTheServer() {
    answers(okJson("null"));
    PendingGeneration<ChatPreview> pending = v0.chats().pendingPreview("c1",
        options().toBuilder().stopOnCancel(true).build());
    clock.onSleep = pending::cancel;

    Throwable thrown = catchThrowable(pending::await);

    assertThat(thrown).isInstanceOf(V0CancelledException.class).hasMessageContaining("preview of chat c1");
    assertThat(pending.messageId()).isNull();
    assertThat(server.getAllServeEvents()).allMatch(e -> e.getRequest().getUrl().equals("/v2/chats/c1/preview"));
  }

  @Test void theTokenNeverAppearsInToStringLogsOrExceptions() {
    answers(okJson(READY));

    ChatPreview preview = v0.chats().awaitPreview("c1");
    PendingGeneration<ChatPreview> pending = v0.chats().pendingPreview("c1", options());
    pending.await();

    assertThat(preview.toString()).doesNotContain(TOKEN).contains("vm-3f9a");
    assertThat(pending.toString()).doesNotContain(TOKEN);
    assertThat(pending.lastPolled().toString()).doesNotContain(TOKEN);
    assertThat(String.join("\n", logged)).doesNotContain(TOKEN).contains("/v2/chats/c1/preview");

    server.resetAll();
    answers(okJson("{\"url\":\"not a url\",\"token\":\"" + TOKEN + "\",\"expiresAt\":\"yesterday\"}"));
    Throwable thrown = catchThrowable(() -> v0.chats().preview("c1"));
    assertThat(thrown).isInstanceOf(V0DecodingException.class);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
    }
  }
}
