package io.github.v0java.testing;

import static io.github.v0java.testing.Http.array;
import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.v0java.PermissionDeniedException;
import io.github.v0java.UsageFilter;
import io.github.v0java.V0Client;
import io.github.v0java.model.CreateMcpServerRequest;
import io.github.v0java.model.CreateWebhookRequest;
import io.github.v0java.model.McpBearerAuth;
import io.github.v0java.model.McpServer;
import io.github.v0java.model.UsageEvent;
import io.github.v0java.model.Webhook;
import io.github.v0java.model.WebhookEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP server, settings, usage and webhook operations: default bodies with the shapes upstream
 * documents, echoes of what was sent, paging, and the SDK against them.
 */
class AccountOperationsTest extends FakeServerTest {

  private Http.Reply send(String method, String path, String body) {
    return http.execute(http.request(method, path, body).build());
  }

  private static List<Object> arrayBody(Http.Reply reply) {
    return array(Http.object("{\"a\":" + reply.body + "}").get("a"));
  }

  // ---------------------------------------------------------------- MCP servers

  @Test void listMcpServersAnswersServers() {
    Http.Reply reply = http.get("/v2/mcp-servers");

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/McpServerList", reply.body);
    assertThat(map(arrayBody(reply).get(0))).containsEntry("id", FakeV0Server.MCP_SERVER_ID);
  }

  @Test void createMcpServerEchoesTheBodyWithTheApiDefaults() {
    Http.Reply minimal = http.post("/v2/mcp-servers", "{\"name\":\"Docs\",\"url\":\"https://docs.example.com/mcp\"}");
    Http.Reply full = http.post("/v2/mcp-servers", "{\"name\":\"Docs\",\"url\":\"https://docs.example.com/mcp\","
        + "\"description\":\"Internal\",\"enabled\":false,\"scope\":\"team\","
        + "\"auth\":{\"type\":\"custom-headers\",\"headers\":{\"X-Api-Key\":\"k\"}}}");

    Schemas.assertValid("v2/McpServer", minimal.body);
    assertThat(minimal.json()).containsEntry("id", FakeV0Server.MCP_SERVER_ID).containsEntry("name", "Docs")
        .containsEntry("enabled", true).containsEntry("scope", "user").containsEntry("auth", Map.of("type", "none"));
    Schemas.assertValid("v2/McpServer", full.body);
    assertThat(full.json()).containsEntry("enabled", false).containsEntry("scope", "team")
        .containsEntry("description", "Internal");
    assertThat(http.post("/v2/mcp-servers", "{\"url\":\"https://x\"}").status).isEqualTo(422);
  }

  @Test void getUpdateAndDeleteMcpServerEchoTheId() {
    Http.Reply got = http.get("/v2/mcp-servers/mcp_abc");
    Http.Reply updated = send("PATCH", "/v2/mcp-servers/mcp_abc", "{\"enabled\":false}");
    Http.Reply deleted = send("DELETE", "/v2/mcp-servers/mcp_abc", null);

    Schemas.assertValid("v2/McpServer", got.body);
    assertThat(got.json()).containsEntry("id", "mcp_abc");
    Schemas.assertValid("v2/McpServer", updated.body);
    assertThat(updated.json()).containsEntry("id", "mcp_abc").containsEntry("enabled", false);
    Schemas.assertValid("v2/DeleteMcpServerResponse", deleted.body);
    assertThat(deleted.body).isEqualTo("{\"success\":true}");
  }

  // ---------------------------------------------------------------- settings

  @Test void previewHostsAreReadAndReplaced() {
    Http.Reply read = http.get("/v2/settings/preview-hosts");
    Http.Reply set = send("PUT", "/v2/settings/preview-hosts", "{\"hosts\":[\"example.com\",\"*.example.com\"]}");

    Schemas.assertValid("v2/TrustedPreviewHosts", read.body);
    assertThat(array(read.json().get("hosts"))).isNotEmpty();
    Schemas.assertValid("v2/TrustedPreviewHosts", set.body);
    assertThat(array(set.json().get("hosts"))).containsExactly("example.com", "*.example.com");
    assertThat(send("PUT", "/v2/settings/preview-hosts", "{\"hosts\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}").status)
        .isEqualTo(422);
  }

  // ---------------------------------------------------------------- usage

  @Test void usageSummaryCoversTheRangeDayByDay() {
    Http.Reply reply = http.get("/v2/usage/summary?start=2026-11-01T00:00:00Z&end=2026-11-08T00:00:00Z&userId=u_1");

    assertThat(reply.status).isEqualTo(200);
    Schemas.assertValid("v2/UsageSummary", reply.body);
    List<Object> daily = array(reply.json().get("daily"));
    assertThat(daily).hasSize(7);
    assertThat(map(daily.get(0))).containsEntry("date", "2026-11-01");
    assertThat(map(reply.json().get("range"))).containsEntry("start", "2026-11-01T00:00:00.000Z");
    assertThat(map(reply.json().get("scope"))).containsEntry("userId", "u_1").containsEntry("isTeamWide", false);
    assertThat(http.get("/v2/usage/summary?start=2026-12-01T00:00:00Z&end=2026-11-01T00:00:00Z").status)
        .isEqualTo(422);
  }

  @Test void usageActivityAnswersProjectsAndChats() {
    Http.Reply reply = http.get("/v2/usage/activity");

    Schemas.assertValid("v2/UsageActivity", reply.body);
    assertThat(array(reply.json().get("projects"))).hasSize(2);
    assertThat(array(reply.json().get("chats"))).hasSize(2);
  }

  @Test void usageEventsArePagedByLimitAndCursor() {
    fake.usageEvents(5);

    Http.Reply first = http.get("/v2/usage/events?limit=2");
    String cursor = (String) map(first.json().get("pagination")).get("cursor");
    Http.Reply second = http.get("/v2/usage/events?limit=2&cursor=" + cursor);
    String cursor2 = (String) map(second.json().get("pagination")).get("cursor");
    Http.Reply last = http.get("/v2/usage/events?limit=2&cursor=" + cursor2);

    for (Http.Reply page : Arrays.asList(first, second, last)) Schemas.assertValid("v2/UsageEventList", page.body);
    assertThat(map(first.json().get("pagination"))).containsEntry("hasMore", true);
    assertThat(map(array(second.json().get("data")).get(0))).containsEntry("id", "ue_0003");
    assertThat(array(last.json().get("data"))).hasSize(1);
    assertThat(map(last.json().get("pagination"))).containsEntry("hasMore", false).containsEntry("cursor", null);
    assertThat(http.get("/v2/usage/events?limit=101").status).isEqualTo(422);
  }

  @Test void usageEventsOfTheDefaultListAreValid() {
    Http.Reply reply = http.get("/v2/usage/events?chatId=chat_x");

    Schemas.assertValid("v2/UsageEventList", reply.body);
    List<Object> data = array(reply.json().get("data"));
    assertThat(data).hasSize(FakeV0Server.DEFAULT_USAGE_EVENTS);
    assertThat(map(data.get(0))).containsEntry("chatId", "chat_x");
  }

  // ---------------------------------------------------------------- webhooks

  @Test void webhooksAreListedCreatedReadUpdatedAndDeleted() {
    Http.Reply listed = http.get("/v2/hooks");
    Http.Reply created = http.post("/v2/hooks", "{\"name\":\"CI\",\"url\":\"https://ci.example.com/hook\","
        + "\"events\":[\"message.finished\"],\"chatId\":\"chat_1\"}");
    Http.Reply got = http.get("/v2/hooks/hook_x");
    Http.Reply updated = send("PATCH", "/v2/hooks/hook_x", "{\"name\":\"Renamed\"}");
    Http.Reply deleted = send("DELETE", "/v2/hooks/hook_x", null);

    Schemas.assertValid("v2/WebhookList", listed.body);
    assertThat(map(arrayBody(listed).get(0))).containsEntry("id", FakeV0Server.WEBHOOK_ID);
    Schemas.assertValid("v2/Webhook", created.body);
    assertThat(created.json()).containsEntry("id", FakeV0Server.WEBHOOK_ID).containsEntry("chatId", "chat_1")
        .containsEntry("events", List.of("message.finished"));
    Schemas.assertValid("v2/Webhook", got.body);
    assertThat(got.json()).containsEntry("id", "hook_x").containsEntry("chatId", null);
    Schemas.assertValid("v2/Webhook", updated.body);
    assertThat(updated.json()).containsEntry("name", "Renamed");
    Schemas.assertValid("v2/DeleteWebhookResponse", deleted.body);
    assertThat(deleted.json()).containsEntry("id", "hook_x").containsEntry("deleted", true);
    assertThat(http.post("/v2/hooks", "{\"name\":\"x\"}").status).isEqualTo(422);
  }

  // ---------------------------------------------------------------- the SDK against the fake

  @Test void theSdkWalksAllUsageEventsOfTheFake() {
    fake.usageEvents(7);
    try (V0Client v0 = client()) {
      List<String> ids = new ArrayList<>();
      for (UsageEvent event : v0.usage().listAllEvents(UsageFilter.builder()
          .start(Instant.parse("2026-11-01T00:00:00Z")).build(), 3)) {
        ids.add(event.getId());
      }

      assertThat(ids).containsExactly("ue_0001", "ue_0002", "ue_0003", "ue_0004", "ue_0005", "ue_0006", "ue_0007");
      assertThat(fake.requests(Operation.LIST_USAGE_EVENTS)).hasSize(3);
      assertThat(fake.lastRequest(Operation.LIST_USAGE_EVENTS).queryParameter("start").firstValue())
          .isEqualTo("2026-11-01T00:00:00Z");
    }
  }

  @Test void theSdkCreatesServersAndHooksAndSeesScriptedErrors() {
    try (V0Client v0 = client()) {
      McpServer server = v0.mcpServers().create(CreateMcpServerRequest.builder().name("Linear")
          .url("https://mcp.linear.app/sse").auth(McpBearerAuth.builder().token("tok_1").build()).build());
      Webhook hook = v0.webhooks().create(CreateWebhookRequest.builder().name("CI").url("https://ci.example.com")
          .events(Arrays.asList(WebhookEventType.CHAT_CREATED)).build());
      fake.failWith(Operation.SET_PREVIEW_HOSTS, 403, "Organization child teams inherit preview hosts");

      assertThat(((McpBearerAuth) server.getAuth()).getToken()).isEqualTo("tok_1");
      assertThat(hook.getEvents()).containsExactly(WebhookEventType.CHAT_CREATED);
      assertThat(hook.getChatId()).isNull();
      assertThat(catchThrowableOfType(PermissionDeniedException.class,
          () -> v0.settings().setPreviewHosts(List.of("example.com"))).errorMessage())
          .isEqualTo("Organization child teams inherit preview hosts");
      assertThat(v0.usage().summary().getDaily()).hasSize(30);
      assertThat(v0.usage().activity().getChats()).isNotEmpty();
      assertThat(v0.webhooks().list()).hasSize(2);
      assertThat(v0.mcpServers().delete("mcp_1").getSuccess()).isTrue();
    }
  }

  private static V0Client client() {
    return V0Client.builder().apiKey("test-key").baseUrl(fake.baseUrl()).build();
  }
}
