package io.github.v0java;

import io.github.v0java.api.McpServersApi;
import io.github.v0java.model.CreateMcpServerRequest;
import io.github.v0java.model.DeleteMcpServerResponse;
import io.github.v0java.model.McpBearerAuth;
import io.github.v0java.model.McpCustomHeadersAuth;
import io.github.v0java.model.McpOAuth;
import io.github.v0java.model.McpOAuthConfig;
import io.github.v0java.model.McpServer;
import io.github.v0java.model.McpServerAuth;
import io.github.v0java.model.UpdateMcpServerRequest;
import java.util.List;
import java.util.Map;

/**
 * The MCP servers chats can use as sources of tools ({@code /mcp-servers}): list, add, read,
 * change and delete them. Pass their ids to {@code mcpServerIds} when creating a chat or sending a
 * message. Tokens, header values and client secrets in {@link McpServerAuth} never appear in
 * {@code toString}.
 */
public final class McpServers {
  /** The longest name the API accepts. */
  public static final int MAX_NAME_LENGTH = 100;
  /** The longest URL and description the API accepts. */
  public static final int MAX_URL_LENGTH = 500;

  private final V0Client client;
  private final McpServersApi api;

  McpServers(V0Client client) {
    this.client = client;
    this.api = client.service(McpServersApi.class);
  }

  /**
   * Every MCP server configured for the current user ({@code GET /mcp-servers}).
   *
   * @return every MCP server configured for the current user
   */
  public List<McpServer> list() {
    return client.execute(api.list());
  }

  /**
   * Adds an MCP server ({@code POST /mcp-servers}); at most 10 per user. Enabled, for the user
   * and without authentication unless the request says otherwise.
   *
   * @param request the request body; checked before anything is sent
   * @return the new server
   */
  public McpServer create(CreateMcpServerRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.required("name", request.getName());
    RequestValidator.required("url", request.getUrl());
    check(request.getName(), request.getUrl(), request.getDescription(), request.getAuth());
    return client.execute(api.create(request));
  }

  /**
   * Returns an MCP server ({@code GET /mcp-servers/{mcpServerId}}).
   *
   * @param mcpServerId the MCP server's id
   * @return an MCP server ({@code GET /mcp-servers/{mcpServerId}})
   */
  public McpServer get(String mcpServerId) {
    return client.execute(api.get(RequestValidator.pathId("mcpServerId", mcpServerId)));
  }

  /**
   * Changes an MCP server ({@code PATCH /mcp-servers/{mcpServerId}}): only the fields set in
   * {@code request} change.
   *
   * @param mcpServerId the MCP server's id
   * @param request the request body; checked before anything is sent
   * @return the server as updated
   */
  public McpServer update(String mcpServerId, UpdateMcpServerRequest request) {
    String id = RequestValidator.pathId("mcpServerId", mcpServerId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    check(request.getName(), request.getUrl(), request.getDescription(), request.getAuth());
    return client.execute(api.update(id, request));
  }

  /**
   * Deletes an MCP server and its OAuth tokens ({@code DELETE /mcp-servers/{mcpServerId}}); it
   * cannot be undone.
   *
   * @param mcpServerId the MCP server's id
   * @return the API's confirmation, naming the deleted server
   */
  public DeleteMcpServerResponse delete(String mcpServerId) {
    return client.execute(api.delete(RequestValidator.pathId("mcpServerId", mcpServerId)));
  }

  private static void check(String name, String url, String description, McpServerAuth auth) {
    RequestValidator.name("name", name, MAX_NAME_LENGTH);
    RequestValidator.httpUrl("url", url, MAX_URL_LENGTH);
    RequestValidator.maxLength("description", description, MAX_URL_LENGTH);
    if (auth instanceof McpBearerAuth) {
      RequestValidator.secret("auth.token", ((McpBearerAuth) auth).getToken());
    } else if (auth instanceof McpCustomHeadersAuth) {
      Map<String, String> headers = ((McpCustomHeadersAuth) auth).getHeaders();
      RequestValidator.required("auth.headers", headers);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        RequestValidator.headerName("auth.headers", header.getKey());
        RequestValidator.secret("auth.headers." + header.getKey(), header.getValue());
      }
    } else if (auth instanceof McpOAuth) {
      McpOAuthConfig config = ((McpOAuth) auth).getConfig();
      if (config != null) {
        RequestValidator.httpUrl("auth.config.authorizationUrl", config.getAuthorizationUrl(), Integer.MAX_VALUE);
        RequestValidator.httpUrl("auth.config.tokenUrl", config.getTokenUrl(), Integer.MAX_VALUE);
        RequestValidator.httpUrl("auth.config.registrationUrl", config.getRegistrationUrl(), Integer.MAX_VALUE);
      }
    }
  }
}
