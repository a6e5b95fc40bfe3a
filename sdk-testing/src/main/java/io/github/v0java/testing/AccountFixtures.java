package io.github.v0java.testing;

import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default bodies of the account operations of {@link FakeV0Server} (MCP servers, settings,
 * usage, webhooks), shaped after the upstream schemas {@code McpServer}, {@code TrustedPreviewHosts},
 * {@code UsageSummary}, {@code UsageEventList}, {@code UsageActivity} and {@code Webhook}.
 */
final class AccountFixtures {
  /** The default range of usage reports: the month of {@link Fixtures#EPOCH}. */
  static final Instant USAGE_START = Instant.parse("2026-11-01T00:00:00.000Z");
  static final Instant USAGE_END = Instant.parse("2026-12-01T00:00:00.000Z");
  static final String TEAM_ID = "team_a1b2";

  private AccountFixtures() {
  }

  // ---------------------------------------------------------------- MCP servers

  static Map<String, Object> mcpServer(String id, String name, String url, String description, boolean enabled,
      Object auth, String scope) {
    return obj(
        "id", id,
        "name", name,
        "url", url,
        "description", description,
        "createdAt", Fixtures.timestamp(-172_800_000L),
        "updatedAt", Fixtures.timestamp(-3_600_000L),
        "userId", Fixtures.AUTHOR_ID,
        "enabled", enabled,
        "auth", auth,
        "scope", scope);
  }

  static Map<String, Object> mcpServer(String id) {
    return mcpServer(id, "Linear", "https://mcp.linear.app/sse", "Issues and projects of the design team", true,
        obj("type", "bearer", "token", "lin_api_fake_token"), "team");
  }

  static List<Object> mcpServers() {
    return list(mcpServer(FakeV0Server.MCP_SERVER_ID),
        mcpServer("mcp_0Zx4m1", "Weather", "https://weather.example.org/mcp", "Public forecasts", true,
            obj("type", "none"), "user"));
  }

  // ---------------------------------------------------------------- settings

  static Map<String, Object> previewHosts(List<?> hosts) {
    return obj("hosts", hosts);
  }

  static List<Object> defaultPreviewHosts() {
    return list("app.example.com", "*.preview.example.com");
  }

  // ---------------------------------------------------------------- usage

  static Map<String, Object> range(Instant start, Instant end) {
    return obj("start", iso(start), "end", iso(end));
  }

  static Map<String, Object> scope(String userId) {
    Map<String, Object> scope = obj("id", TEAM_ID, "type", "team", "isTeamWide", userId == null);
    if (userId != null) scope.put("userId", userId);
    return scope;
  }

  static Map<String, Object> credits(double plan, double onDemand) {
    return obj("plan", plan, "onDemand", onDemand, "total", round2(plan + onDemand));
  }

  /** A summary with one row per day of the range (31 at most), credits varying by day. */
  static Map<String, Object> usageSummary(Instant start, Instant end, String userId) {
    List<Object> daily = new ArrayList<>();
    double plan = 0;
    double onDemand = 0;
    LocalDate day = start.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate last = end.atOffset(ZoneOffset.UTC).toLocalDate();
    for (int i = 0; day.isBefore(last) && i < 31; i++, day = day.plusDays(1)) {
      double dayPlan = 1.5 + (i % 4) * 0.75;
      double dayOnDemand = i % 5 == 4 ? 0.5 : 0;
      plan += dayPlan;
      onDemand += dayOnDemand;
      daily.add(obj("date", day.toString(), "credits", credits(dayPlan, dayOnDemand)));
    }
    return obj(
        "object", "usage_summary",
        "range", range(start, end),
        "scope", scope(userId),
        "credits", credits(round2(plan), round2(onDemand)),
        "daily", daily,
        "dataAsOf", iso(end.isBefore(Fixtures.EPOCH) ? end : Fixtures.EPOCH));
  }

  /** Usage event number {@code index} (0 is the newest), of a generation of the demo chat unless filtered. */
  static Map<String, Object> usageEvent(int index, String userId, String chatId, String messageId) {
    boolean tool = index % 3 == 2;
    Map<String, Object> event = obj(
        "id", String.format("ue_%04d", index + 1),
        "object", "usage_event",
        "type", tool ? "tool-call" : "generation",
        "createdAt", Fixtures.timestamp(-index * 600_000L));
    event.put("userId", userId != null ? userId : Fixtures.AUTHOR_ID);
    event.put("chatId", chatId != null ? chatId : FakeV0Server.CHAT_ID);
    event.put("messageId", messageId != null ? messageId : String.format("msg_h%03d", 2 * (index % 3) + 2));
    event.put("model", "v0-pro");
    event.put("sources", index % 7 == 6 ? list("plan", "on-demand") : list("plan"));
    event.put("waived", false);
    if (tool) {
      event.put("tokens", null);
      event.put("creditsCost", obj("input", 0, "output", 0, "cacheRead", 0, "cacheWrite", 0, "total", 0.01,
          "charged", 0.01));
    } else {
      Map<String, Object> usage = Fixtures.usageMap(1.0);
      event.put("tokens", usage.get("tokens"));
      @SuppressWarnings("unchecked")
      Map<String, Object> cost = new LinkedHashMap<>((Map<String, Object>) usage.get("creditsCost"));
      cost.put("charged", cost.get("total"));
      event.put("creditsCost", cost);
    }
    return event;
  }

  static Map<String, Object> usageEventList(Instant start, Instant end, String userId, List<Object> events,
      String nextCursor) {
    return obj(
        "object", "list",
        "range", range(start, end),
        "scope", scope(userId),
        "data", events,
        "pagination", obj("hasMore", nextCursor != null, "cursor", nextCursor));
  }

  static Map<String, Object> usageActivity(Instant start, Instant end, String userId) {
    String first = Fixtures.timestamp(-1_209_600_000L);
    String last = Fixtures.timestamp(99_512);
    return obj(
        "object", "usage_activity",
        "range", range(start, end),
        "scope", scope(userId),
        "summary", obj("activeUsers", userId == null ? 3 : 1, "activeDays", 12, "chatCount", 3, "messageCount", 58),
        "projects", list(
            obj("kind", "project", "vercelProjectId", "prj_8812", "name", "todo-app", "chatCount", 2,
                "messageCount", 50, "activeDays", 10, "firstActivity", first, "lastActivity", last),
            obj("kind", "drafts", "vercelProjectId", null, "name", "Drafts", "chatCount", 1, "messageCount", 8,
                "activeDays", 2, "firstActivity", first, "lastActivity", first)),
        "chats", list(
            obj("kind", "chat", "chatId", FakeV0Server.CHAT_ID, "title", Fixtures.TITLE,
                "vercelProjectId", "prj_8812", "projectName", "todo-app", "messageCount", 42, "activeDays", 9,
                "firstActivity", first, "lastActivity", last),
            obj("kind", "chat", "chatId", "chat_9pLm2w", "title", "Pricing page", "vercelProjectId", null,
                "projectName", null, "messageCount", 8, "activeDays", 2, "firstActivity", first,
                "lastActivity", first)));
  }

  // ---------------------------------------------------------------- webhooks

  static Map<String, Object> webhook(String id, String name, List<?> events, String url, Object chatId) {
    return obj(
        "id", id,
        "createdAt", Fixtures.timestamp(300_000),
        "name", name,
        "events", events,
        "url", url,
        "chatId", chatId);
  }

  static Map<String, Object> webhook(String id) {
    return webhook(id, "Deploy notifier", list("chat.created", "message.finished"),
        "https://hooks.example.com/v0", null);
  }

  static List<Object> webhooks() {
    return list(obj("id", FakeV0Server.WEBHOOK_ID, "name", "Deploy notifier"),
        obj("id", "hook_1Aa2c3", "name", "Audit log"));
  }

  // ---------------------------------------------------------------- helpers

  static String iso(Instant instant) {
    return Fixtures.timestamp(ChronoUnit.MILLIS.between(Fixtures.EPOCH, instant));
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
