package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.v0java.McpServersTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.ChatActivity;
import io.github.v0java.model.ChatActivityKind;
import io.github.v0java.model.CreditSource;
import io.github.v0java.model.ProjectActivityKind;
import io.github.v0java.model.UsageActivity;
import io.github.v0java.model.UsageEvent;
import io.github.v0java.model.UsageEventList;
import io.github.v0java.model.UsageScopeType;
import io.github.v0java.model.UsageSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private static final UsageFilter NOVEMBER = UsageFilter.builder()
      .start(Instant.parse("2026-11-01T00:00:00Z"))
      .end(Instant.parse("2026-12-01T00:00:00Z"))
      .build();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  /** A page of usage events as upstream's UsageEventList describes it. */
  static String eventPage(boolean hasMore, String cursor, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      if (data.length() > 0) data.append(',');
      data.append("{\"id\":\"").append(id).append("\",\"object\":\"usage_event\",\"type\":\"generation\",")
          .append("\"createdAt\":\"2026-11-20T09:15:02.000Z\",\"userId\":\"user_19xq\",\"chatId\":\"chat_3fKd9a\",")
          .append("\"messageId\":\"msg_7Yq2c1\",\"model\":\"v0-pro\",\"sources\":[\"plan\"],\"waived\":false,")
          .append("\"tokens\":{\"input\":1520,\"output\":4310,\"cacheRead\":12000,\"cacheWrite\":800,\"total\":18630},")
          .append("\"creditsCost\":{\"input\":0.0015,\"output\":0.0431,\"cacheRead\":0.0012,\"cacheWrite\":0.0004,")
          .append("\"total\":0.0462,\"charged\":0.0462}}");
    }
    return "{\"object\":\"list\",\"range\":{\"start\":\"2026-11-01T00:00:00.000Z\",\"end\":\"2026-12-01T00:00:00.000Z\"},"
        + "\"scope\":{\"id\":\"team_a1b2\",\"type\":\"team\",\"isTeamWide\":true},\"data\":[" + data + "],"
        + "\"pagination\":{\"hasMore\":" + hasMore + ",\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"")
        + "}}";
  }

  @Test void summarySendsTheRangeAndUserAndDecodesDailyCredits() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/summary")).willReturn(okJson(TestServers.resource("v2/usage-summary.json"))));

    UsageSummary summary = v0.usage().summary(NOVEMBER.toBuilder().userId("user_19xq").build());

    server.verify(getRequestedFor(urlEqualTo("/v2/usage/summary?start=2026-11-01T00%3A00%3A00Z"
        + "&end=2026-12-01T00%3A00%3A00Z&userId=user_19xq")));
    assertThat(summary.getObject()).isEqualTo("usage_summary");
    assertThat(summary.getScope().getType()).isSameAs(UsageScopeType.TEAM);
    assertThat(summary.getCredits().getTotal()).isEqualTo(44.75);
    assertThat(summary.getDaily()).hasSize(2);
    assertThat(summary.getDaily().get(1).getDate()).isEqualTo("2026-11-02");
    assertThat(summary.getDaily().get(1).getCredits().getOnDemand()).isEqualTo(3.25);
    assertThat(summary.getDataAsOf()).isEqualTo(Instant.parse("2026-11-03T00:05:00Z"));
  }

  @Test void summaryWithoutFilterSendsNoQuery() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/summary")).willReturn(okJson(TestServers.resource("v2/usage-summary.json"))));

    v0.usage().summary();

    server.verify(getRequestedFor(urlEqualTo("/v2/usage/summary")));
  }

  @Test void aFilterValueStaysOneQueryParameter() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).willReturn(okJson(eventPage(false, null))));

    v0.usage().listEvents(UsageFilter.builder().userId("u_1&cursor=forged#x").build(), 10, null);

    server.verify(getRequestedFor(urlEqualTo("/v2/usage/events?userId=u_1%26cursor%3Dforged%23x&limit=10")));
  }

  @Test void activityDecodesProjectsAndChatsWithTheirNulls() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/activity")).willReturn(okJson(TestServers.resource("v2/usage-activity.json"))));

    UsageActivity activity = v0.usage().activity(NOVEMBER);

    server.verify(getRequestedFor(urlEqualTo("/v2/usage/activity?start=2026-11-01T00%3A00%3A00Z"
        + "&end=2026-12-01T00%3A00%3A00Z")));
    assertThat(activity.getSummary().getMessageCount()).isEqualTo(58L);
    assertThat(activity.getScope().getUserId()).isEqualTo("user_19xq");
    assertThat(activity.getProjects().get(1).getKind()).isSameAs(ProjectActivityKind.DRAFTS);
    assertThat(activity.getProjects().get(1).getVercelProjectId()).isNull();
    ChatActivity hidden = activity.getChats().get(1);
    assertThat(hidden.getKind()).isSameAs(ChatActivityKind.UNAVAILABLE);
    assertThat(hidden.getProjectName()).isNull();
    assertThat(activity.getChats().get(0).getLastActivity()).isEqualTo(Instant.parse("2026-11-28T17:30:00Z"));
  }

  @Test void listEventsSendsEveryFilterAndThePage() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).willReturn(okJson(eventPage(true, "cur_2", "ue_1"))));

    UsageEventList page = v0.usage().listEvents(NOVEMBER.toBuilder().userId("user_19xq").chatId("chat_3fKd9a")
        .messageId("msg_7Yq2c1").build(), 25, "cur_1");

    server.verify(getRequestedFor(urlEqualTo("/v2/usage/events?start=2026-11-01T00%3A00%3A00Z"
        + "&end=2026-12-01T00%3A00%3A00Z&userId=user_19xq&chatId=chat_3fKd9a&messageId=msg_7Yq2c1"
        + "&limit=25&cursor=cur_1")));
    UsageEvent event = page.getData().get(0);
    assertThat(event.getSources()).containsExactly(CreditSource.PLAN);
    assertThat(event.getTokens().getTotal()).isEqualTo(18630.0);
    assertThat(event.getCreditsCost().getCharged()).isEqualTo(0.0462);
    assertThat(page.getPagination().getHasMore()).isTrue();
    assertThat(page.getPagination().getCursor()).isEqualTo("cur_2");
  }

  @Test void allEventsFollowTheCursorOverThreePagesUntilHasMoreIsFalse() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).withQueryParam("cursor", absent())
        .willReturn(okJson(eventPage(true, "cur_2", "ue_1", "ue_2"))));
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).withQueryParam("cursor", equalTo("cur_2"))
        .willReturn(okJson(eventPage(true, "cur_3", "ue_3", "ue_4"))));
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).withQueryParam("cursor", equalTo("cur_3"))
        // The last page may still carry a cursor: hasMore decides.
        .willReturn(okJson(eventPage(false, "cur_4", "ue_5"))));

    List<String> ids = new ArrayList<>();
    for (UsageEvent event : v0.usage().listAllEvents(NOVEMBER, 2)) ids.add(event.getId());

    assertThat(ids).containsExactly("ue_1", "ue_2", "ue_3", "ue_4", "ue_5");
    assertThat(server.getAllServeEvents()).hasSize(3);
    server.verify(getRequestedFor(urlPathEqualTo("/v2/usage/events"))
        .withQueryParam("limit", equalTo("2")).withQueryParam("start", equalTo("2026-11-01T00:00:00Z"))
        .withQueryParam("cursor", equalTo("cur_3")));
  }

  @Test void allEventsFetchNoPageBeforeItIsNeeded() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).withQueryParam("cursor", absent())
        .willReturn(okJson(eventPage(true, "cur_2", "ue_1"))));
    server.stubFor(get(urlPathEqualTo("/v2/usage/events")).withQueryParam("cursor", equalTo("cur_2"))
        .willReturn(okJson(eventPage(false, null, "ue_2"))));

    Iterator<UsageEvent> events = v0.usage().listAllEvents(UsageFilter.none(), 1).iterator();
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(events.next().getId()).isEqualTo("ue_1");
    assertThat(server.getAllServeEvents()).hasSize(1);
    assertThat(events.next().getId()).isEqualTo("ue_2");
    assertThat(events.hasNext()).isFalse();
    assertThat(server.getAllServeEvents()).hasSize(2);
  }

  @Test void aRateLimitedSummaryIsARateLimitException() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/summary")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Too many usage requests\"}")));

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> v0.usage().summary(NOVEMBER));

    assertThat(e.retryAfterMillis()).isEqualTo(7000L);
    assertThat(e.errorMessage()).isEqualTo("Too many usage requests");
  }

  @Test void badFiltersAreRefusedBeforeAnyRequest() {
    UsageFilter reversed = UsageFilter.builder().start(Instant.parse("2026-12-01T00:00:00Z"))
        .end(Instant.parse("2026-11-01T00:00:00Z")).build();
    assertThat(refused(() -> v0.usage().summary(reversed))).isEqualTo("start");
    assertThat(refused(() -> v0.usage().summary(UsageFilter.builder().chatId("chat_1").build()))).isEqualTo("chatId");
    assertThat(refused(() -> v0.usage().activity(UsageFilter.builder().messageId("m").build()))).isEqualTo("messageId");
    assertThat(refused(() -> v0.usage().activity(UsageFilter.builder().userId(" ").build()))).isEqualTo("userId");
    assertThat(refused(() -> v0.usage().listEvents(UsageFilter.none(), 0, null))).isEqualTo("limit");
    assertThat(refused(() -> v0.usage().listAllEvents(UsageFilter.none(), 101))).isEqualTo("limit");
    assertThat(refused(() -> v0.usage().listEvents(UsageFilter.builder()
        .end(Instant.parse("+10000-01-01T00:00:00Z")).build(), 10, null))).isEqualTo("end");
    assertThat(refused(() -> v0.usage().summary(null))).isEqualTo("filter");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
