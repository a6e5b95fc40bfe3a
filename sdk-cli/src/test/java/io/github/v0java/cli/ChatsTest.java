package io.github.v0java.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code chats list}, {@code chat get}, {@code chat delete} and {@code usage summary}. */
class ChatsTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  private String base() {
    return server.baseUrl() + "/v2";
  }

  private static String chat(String id, String title) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"privacy\":\"private\","
        + "\"createdAt\":\"2026-11-20T09:15:02Z\",\"updatedAt\":\"2026-11-21T10:00:00Z\",\"authorId\":\"user_1\","
        + "\"vercelProjectId\":null,\"metadata\":{\"environment\":\"production\"},\"writePermission\":true}";
  }

  private void pages() {
    server.stubFor(get(urlPathEqualTo("/v2/chats")).withQueryParam("cursor", absent())
        .willReturn(okJson("{\"chats\":[" + chat("chat_1", "Todo app") + "," + chat("chat_2", "Landing page")
            + "],\"cursor\":\"p2\"}")));
    server.stubFor(get(urlPathEqualTo("/v2/chats")).withQueryParam("cursor", equalTo("p2"))
        .willReturn(okJson("{\"chats\":[" + chat("chat_3", "Dashboard") + "],\"cursor\":null}")));
  }

  @Test void allFollowsTheCursorsInOrder() {
    pages();

    CliRun run = CliRun.run("chats", "list", "--all", "--limit", "2", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).allSatisfy(line -> assertThat(line).containsOnlyKeys("item"));
    assertThat(lines).extracting(line -> map(line.get("item")).get("id")).containsExactly("chat_1", "chat_2", "chat_3");
    assertThat(map(lines.get(0).get("item"))).containsEntry("title", "Todo app")
        .containsEntry("metadata", Map.of("environment", "production"));
    server.verify(2, getRequestedFor(urlPathEqualTo("/v2/chats")).withQueryParam("limit", equalTo("2")));
  }

  @Test void withoutAllTheFirstPageAndAHint() {
    pages();

    CliRun run = CliRun.run("chats", "list", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.outLines()).containsExactly(
        "chat_1  private  2026-11-21T10:00:00Z  Todo app",
        "chat_2  private  2026-11-21T10:00:00Z  Landing page");
    assertThat(run.err).isEqualTo("v0: more chats: add --all, or --cursor p2\n");
    server.verify(getRequestedFor(urlPathEqualTo("/v2/chats")).withQueryParam("limit", equalTo("20")));
  }

  @Test void filtersAreSentAsTheListsQueryParameters() {
    server.stubFor(get(urlPathEqualTo("/v2/chats"))
        .willReturn(okJson("{\"chats\":[" + chat("chat_1", "Todo app") + "],\"cursor\":null}")));

    CliRun run = CliRun.run("chats", "list", "--author", "user_1", "--project", "prj_9",
        "--metadata", "environment=production", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.jsonLines()).hasSize(1);
    server.verify(getRequestedFor(urlPathEqualTo("/v2/chats")).withQueryParam("authorId", equalTo("user_1"))
        .withQueryParam("vercelProjectId", equalTo("prj_9"))
        .withQueryParam("metadata[environment]", equalTo("production")));
  }

  @Test void metadataFilterWithoutAnEqualsSignIsAUsageError() {
    CliRun run = CliRun.run("chats", "list", "--metadata", "environment", "--base-url", base());

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--metadata must be KEY=VALUE, not 'environment'");
    server.verify(0, getRequestedFor(urlPathEqualTo("/v2/chats")));
  }

  @Test void chatGetAndDelete() {
    server.stubFor(get("/v2/chats/chat_1").willReturn(okJson(chat("chat_1", "Todo app"))));
    server.stubFor(delete("/v2/chats/chat_1").willReturn(okJson("{\"chatId\":\"chat_1\"}")));

    CliRun shown = CliRun.run("chat", "get", "chat_1", "--base-url", base());
    CliRun json = CliRun.run("chat", "get", "chat_1", "--json", "--base-url", base());
    CliRun deleted = CliRun.run("chat", "delete", "chat_1", "--base-url", base());

    assertThat(shown.out).isEqualTo("""
        chat chat_1  Todo app
        privacy   private
        created   2026-11-20T09:15:02Z
        updated   2026-11-21T10:00:00Z
        author    user_1
        metadata  environment=production
        """);
    assertThat(map(json.jsonLines().get(0).get("result"))).containsEntry("id", "chat_1");
    assertThat(deleted.out).isEqualTo("deleted chat chat_1\n");
    server.verify(deleteRequestedFor(urlPathEqualTo("/v2/chats/chat_1")));
  }

  @Test void chatUpdateSendsOnlyWhatChanges() {
    server.stubFor(patch(urlPathEqualTo("/v2/chats/chat_1")).willReturn(okJson(chat("chat_1", "Renamed"))));

    CliRun run = CliRun.run("chat", "update", "chat_1", "--title", "Renamed", "--json", "--base-url", base());
    CliRun nothing = CliRun.run("chat", "update", "chat_1", "--base-url", base());
    CliRun badPrivacy = CliRun.run("chat", "update", "chat_1", "--privacy", "secret", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(map(run.jsonLines().get(0).get("result"))).containsEntry("title", "Renamed");
    server.verify(1, patchRequestedFor(urlPathEqualTo("/v2/chats/chat_1"))
        .withRequestBody(equalToJson("{\"title\":\"Renamed\"}")));
    assertThat(nothing.exitCode).isEqualTo(2);
    assertThat(nothing.err).contains("nothing to change: give --title or --privacy");
    assertThat(badPrivacy.exitCode).isEqualTo(2);
    assertThat(badPrivacy.err).contains("--privacy must be public, private, team, team-edit or unlisted");
  }

  @Test void aMissingChatIsAnApiError() {
    server.stubFor(get("/v2/chats/nope").willReturn(okJson("{\"message\":\"Chat not found\"}").withStatus(404)));

    CliRun run = CliRun.run("chat", "get", "nope", "--json", "--base-url", base());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(map(run.jsonLines().get(0).get("error"))).containsEntry("kind", "api").containsEntry("status", 404.0);
  }

  @Test void usageSummary() {
    server.stubFor(get(urlPathEqualTo("/v2/usage/summary")).willReturn(okJson("""
        {"object":"usage_summary","range":{"start":"2026-11-01T00:00:00Z","end":"2026-12-01T00:00:00Z"},
         "scope":{"id":"team_1","type":"team","isTeamWide":true,"userId":null},
         "credits":{"plan":1.5,"onDemand":0.25,"total":1.75},
         "daily":[{"date":"2026-11-20","credits":{"plan":1.0,"onDemand":0,"total":1.0}},
                  {"date":"2026-11-21","credits":{"plan":0.5,"onDemand":0.25,"total":0.75}}],
         "dataAsOf":"2026-11-21T12:00:00Z"}""")));

    CliRun run = CliRun.run("usage", "summary", "--base-url", base());
    CliRun json = CliRun.run("usage", "summary", "--json", "--base-url", base());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo("""
        from 2026-11-01T00:00:00Z to 2026-12-01T00:00:00Z
        credits: 1.7500 total (1.5000 plan, 0.2500 on demand)
          2026-11-20  1.0000 total (1.0000 plan, 0.0000 on demand)
          2026-11-21  0.7500 total (0.5000 plan, 0.2500 on demand)
        """);
    assertThat(map(map(json.jsonLines().get(0).get("result")).get("credits"))).containsEntry("total", 1.75);
  }

  @Test void newCommandsAreV2Only() {
    CliRun run = CliRun.run("chats", "list", "--api", "v1", "--base-url", base());

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("'v0 chats list' is an API v2 command");
  }
}
