package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.CreateMcpServerRequest;
import io.github.v0java.model.McpBearerAuth;
import io.github.v0java.model.McpCustomHeadersAuth;
import io.github.v0java.model.McpNoAuth;
import io.github.v0java.model.McpOAuth;
import io.github.v0java.model.McpOAuthConfig;
import io.github.v0java.model.McpServer;
import io.github.v0java.model.McpServerAuth;
import io.github.v0java.model.McpServerScope;
import io.github.v0java.model.UpdateMcpServerRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class McpServersTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  @Test void listDecodesEveryKindOfAuthentication() {
    server.stubFor(get("/v2/mcp-servers").willReturn(okJson(TestServers.resource("v2/mcp-servers.json"))));

    List<McpServer> servers = v0.mcpServers().list();

    server.verify(getRequestedFor(urlEqualTo("/v2/mcp-servers")));
    assertThat(servers).extracting(McpServer::getId)
        .containsExactly("mcp_5tR2x9", "mcp_8Kw1q3", "mcp_2Hn6p0", "mcp_0Zx4m1");
    McpServer linear = servers.get(0);
    assertThat(linear.getScope()).isSameAs(McpServerScope.TEAM);
    assertThat(linear.getCreatedAt()).isEqualTo(Instant.parse("2026-11-18T14:02:11Z"));
    assertThat(((McpBearerAuth) linear.getAuth()).getToken()).isEqualTo("lin_api_9f8e7d6c5b4a");
    assertThat(((McpCustomHeadersAuth) servers.get(1).getAuth()).getHeaders())
        .containsEntry("X-Api-Key", "docs_secret_77aa");
    McpOAuth oauth = (McpOAuth) servers.get(2).getAuth();
    assertThat(oauth.getConnected()).isTrue();
    assertThat(oauth.getConfig().getScopes()).containsExactly("read", "write");
    assertThat(oauth.getConfig().getUsePKCE()).isTrue();
    assertThat(servers.get(3).getAuth()).isInstanceOf(McpNoAuth.class);
    assertThat(servers.get(1).getEnabled()).isFalse();
  }

  @Test void createSendsTheApiDefaultsWhenOnlyNameAndUrlAreSet() {
    server.stubFor(post("/v2/mcp-servers").willReturn(okJson(TestServers.resource("v2/mcp-server.json"))));

    McpServer created = v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name("Weather").url("https://weather.example.org/mcp").build());

    server.verify(postRequestedFor(urlEqualTo("/v2/mcp-servers")).withRequestBody(equalToJson(
        "{\"name\":\"Weather\",\"url\":\"https://weather.example.org/mcp\",\"enabled\":true,"
            + "\"auth\":{\"type\":\"none\"},\"scope\":\"user\"}")));
    assertThat(created.getId()).isEqualTo("mcp_5tR2x9");
  }

  @Test void createSendsBearerAuthAndEveryField() {
    server.stubFor(post("/v2/mcp-servers").willReturn(okJson(TestServers.resource("v2/mcp-server.json"))));

    v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name("Linear").url("https://mcp.linear.app/sse").description("Issues")
        .enabled(false).scope(McpServerScope.TEAM)
        .auth(McpBearerAuth.builder().token("lin_api_9f8e7d6c5b4a").build())
        .build());

    server.verify(postRequestedFor(urlEqualTo("/v2/mcp-servers")).withRequestBody(equalToJson(
        "{\"name\":\"Linear\",\"url\":\"https://mcp.linear.app/sse\",\"description\":\"Issues\","
            + "\"enabled\":false,\"auth\":{\"type\":\"bearer\",\"token\":\"lin_api_9f8e7d6c5b4a\"},"
            + "\"scope\":\"team\"}")));
  }

  @Test void getReadsOneServer() {
    server.stubFor(get("/v2/mcp-servers/mcp_5tR2x9").willReturn(okJson(TestServers.resource("v2/mcp-server.json"))));

    McpServer linear = v0.mcpServers().get("mcp_5tR2x9");

    server.verify(getRequestedFor(urlEqualTo("/v2/mcp-servers/mcp_5tR2x9")));
    assertThat(linear.getName()).isEqualTo("Linear");
    assertThat(linear.getUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T08:45:30.250Z"));
  }

  @Test void updateSendsOnlyTheFieldsSet() {
    server.stubFor(patch(urlEqualTo("/v2/mcp-servers/mcp_5tR2x9"))
        .willReturn(okJson(TestServers.resource("v2/mcp-server.json"))));

    v0.mcpServers().update("mcp_5tR2x9", UpdateMcpServerRequest.builder()
        .enabled(false)
        .auth(McpCustomHeadersAuth.builder().headers(Collections.singletonMap("X-Api-Key", "k_1")).build())
        .build());

    server.verify(patchRequestedFor(urlEqualTo("/v2/mcp-servers/mcp_5tR2x9")).withRequestBody(equalToJson(
        "{\"enabled\":false,\"auth\":{\"type\":\"custom-headers\",\"headers\":{\"X-Api-Key\":\"k_1\"}}}")));
  }

  @Test void deleteAnswersSuccess() {
    server.stubFor(delete("/v2/mcp-servers/mcp_5tR2x9").willReturn(okJson("{\"success\":true}")));

    assertThat(v0.mcpServers().delete("mcp_5tR2x9").getSuccess()).isTrue();
    server.verify(deleteRequestedFor(urlEqualTo("/v2/mcp-servers/mcp_5tR2x9")));
  }

  @Test void theEleventhServerIsRefusedWithTheApiMessage() {
    server.stubFor(post("/v2/mcp-servers").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"MCP server limit reached (10)\"}")));

    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class, () ->
        v0.mcpServers().create(CreateMcpServerRequest.builder().name("x").url("https://x.example/mcp").build()));

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorMessage()).isEqualTo("MCP server limit reached (10)");
  }

  @Test void anUnknownAuthenticationKindIsKeptAsDataWithItsSecretsHidden() {
    server.stubFor(get("/v2/mcp-servers/mcp_new").willReturn(okJson(TestServers.resource("v2/mcp-server.json")
        .replace("{\"type\": \"bearer\", \"token\": \"lin_api_9f8e7d6c5b4a\"}",
            "{\"type\": \"mtls\", \"privateKey\": \"-----BEGIN KEY-----abc\"}"))));

    McpServerAuth auth = v0.mcpServers().get("mcp_new").getAuth();

    assertThat(auth).isInstanceOf(McpServerAuth.Unknown.class);
    assertThat(auth.getType()).isEqualTo("mtls");
    assertThat(((McpServerAuth.Unknown) auth).json()).containsEntry("privateKey", "-----BEGIN KEY-----abc");
    assertThat(auth.toString()).contains("mtls", "privateKey").doesNotContain("BEGIN KEY");
  }

  @Test void tokensHeaderValuesAndClientSecretsNeverAppearInToString() {
    server.stubFor(get("/v2/mcp-servers").willReturn(okJson(TestServers.resource("v2/mcp-servers.json"))));

    String all = v0.mcpServers().list().toString();

    assertThat(all).contains("mcp_5tR2x9", "bearer", "custom-headers", "client_4c1e")
        .doesNotContain("lin_api_9f8e7d6c5b4a", "docs_secret_77aa", "notion_client_secret_0b9d");
    String request = CreateMcpServerRequest.builder().name("n").url("https://u.example")
        .auth(McpBearerAuth.builder().token("tok_secret_1").build()).build().toString();
    assertThat(request).contains("bearer").doesNotContain("tok_secret_1");
  }

  @Test void badInputIsRefusedBeforeAnyRequestNamingTheField() {
    assertThat(refused(() -> v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name("x").url("ftp://files.example").build()))).isEqualTo("url");
    assertThat(refused(() -> v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name(repeat('n', 101)).url("https://x.example").build()))).isEqualTo("name");
    assertThat(refused(() -> v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name("x").url("https://x.example/" + repeat('p', 490)).build()))).isEqualTo("url");
    assertThat(refused(() -> v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name("x").url("https://x.example").description(repeat('d', 501)).build()))).isEqualTo("description");
    assertThat(refused(() -> v0.mcpServers().create(CreateMcpServerRequest.builder()
        .name("x").url("https://x.example").auth(McpBearerAuth.builder().token("").build()).build())))
        .isEqualTo("auth.token");
    V0InvalidRequestException injected = catchThrowableOfType(V0InvalidRequestException.class, () ->
        v0.mcpServers().update("mcp_1", UpdateMcpServerRequest.builder().auth(McpCustomHeadersAuth.builder()
            .headers(Collections.singletonMap("X-Key", "secret_v\r\nX-Evil: 1")).build()).build()));
    assertThat(injected.field()).isEqualTo("auth.headers.X-Key");
    assertThat(injected.getMessage()).doesNotContain("secret_v");
    assertThat(refused(() -> v0.mcpServers().update("mcp_1", UpdateMcpServerRequest.builder()
        .auth(McpCustomHeadersAuth.builder().headers(Collections.singletonMap("Bad Name", "v")).build())
        .build()))).isEqualTo("auth.headers");
    assertThat(refused(() -> v0.mcpServers().update("mcp_1", UpdateMcpServerRequest.builder()
        .auth(McpOAuth.builder().config(McpOAuthConfig.builder().authorizationUrl("javascript:alert(1)")
            .tokenUrl("https://t.example/token").clientId("c").scopes(Collections.<String>emptyList())
            .usePKCE(true).build()).build())
        .build()))).isEqualTo("auth.config.authorizationUrl");
    assertThat(refused(() -> v0.mcpServers().get("../hooks"))).isEqualTo("mcpServerId");
    assertThat(refused(() -> v0.mcpServers().delete(" "))).isEqualTo("mcpServerId");
    assertThat(refused(() -> v0.mcpServers().update("mcp_1", null))).isEqualTo("request");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  static String refused(Runnable call) {
    return catchThrowableOfType(V0InvalidRequestException.class, call::run).field();
  }

  static String repeat(char c, int times) {
    char[] chars = new char[times];
    java.util.Arrays.fill(chars, c);
    return new String(chars);
  }
}
