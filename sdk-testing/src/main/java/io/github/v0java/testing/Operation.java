package io.github.v0java.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations {@link FakeV0Server} serves, for scripting errors and inspecting requests. */
public enum Operation {
  /** {@code POST /v2/chats}: ChatWithUsage. */
  CREATE_CHAT("POST", "/v2/chats"),
  /** {@code POST /v2/chats/async}: 202 {@code {chatId, messageId}}. */
  CREATE_CHAT_ASYNC("POST", "/v2/chats/async"),
  /** {@code POST /v2/chats/stream}: SSE of ChatStreamEvent. */
  CREATE_CHAT_STREAM("POST", "/v2/chats/stream"),
  /** {@code GET /v2/chats/{chatId}}: Chat. */
  GET_CHAT("GET", "/v2/chats/{chatId}"),
  /** {@code POST /v2/chats/{chatId}/resume}: SSE of ChatStreamEvent. */
  RESUME_CHAT("POST", "/v2/chats/{chatId}/resume"),
  /** {@code POST /v2/chats/{chatId}/messages}: Message. */
  SEND_MESSAGE("POST", "/v2/chats/{chatId}/messages"),
  /** {@code POST /v2/chats/{chatId}/messages/async}: 202 {@code {messageId}}. */
  SEND_MESSAGE_ASYNC("POST", "/v2/chats/{chatId}/messages/async"),
  /** {@code POST /v2/chats/{chatId}/messages/stream}: SSE of MessageStreamEvent. */
  SEND_MESSAGE_STREAM("POST", "/v2/chats/{chatId}/messages/stream"),
  /** {@code GET /v2/chats/{chatId}/messages}: {@code {messages, cursor}}. */
  LIST_MESSAGES("GET", "/v2/chats/{chatId}/messages"),
  /** {@code GET /v2/chats/{chatId}/messages/{messageId}}: Message. */
  GET_MESSAGE("GET", "/v2/chats/{chatId}/messages/{messageId}"),
  /** {@code POST /v2/chats/{chatId}/messages/{messageId}/stop}: {@code {messageId}}. */
  STOP_MESSAGE("POST", "/v2/chats/{chatId}/messages/{messageId}/stop"),
  /** {@code POST /v2/chats/{chatId}/messages/resolve}: Message (the generation the answer resumes). */
  RESOLVE_TASK("POST", "/v2/chats/{chatId}/messages/resolve"),
  /** {@code POST /v2/chats/{chatId}/messages/resolve/stream}: SSE of MessageStreamEvent. */
  RESOLVE_TASK_STREAM("POST", "/v2/chats/{chatId}/messages/resolve/stream"),
  /** {@code POST /v2/chats/{chatId}/messages/resolve/async}: 202 {@code {messageId}}. */
  RESOLVE_TASK_ASYNC("POST", "/v2/chats/{chatId}/messages/resolve/async"),
  /** {@code GET /v2/chats/{chatId}/connect/status?requestId=...}: ConnectStatus. */
  GET_CONNECT_STATUS("GET", "/v2/chats/{chatId}/connect/status"),

  /** {@code GET /v2/mcp-servers}: a list of McpServer. */
  LIST_MCP_SERVERS("GET", "/v2/mcp-servers"),
  /** {@code POST /v2/mcp-servers}: McpServer (the body's fields, id {@link FakeV0Server#MCP_SERVER_ID}). */
  CREATE_MCP_SERVER("POST", "/v2/mcp-servers"),
  /** {@code GET /v2/mcp-servers/{mcpServerId}}: McpServer. */
  GET_MCP_SERVER("GET", "/v2/mcp-servers/{mcpServerId}"),
  /** {@code PATCH /v2/mcp-servers/{mcpServerId}}: McpServer with the fields sent. */
  UPDATE_MCP_SERVER("PATCH", "/v2/mcp-servers/{mcpServerId}"),
  /** {@code DELETE /v2/mcp-servers/{mcpServerId}}: {@code {"success": true}}. */
  DELETE_MCP_SERVER("DELETE", "/v2/mcp-servers/{mcpServerId}"),
  /** {@code GET /v2/settings/preview-hosts}: TrustedPreviewHosts. */
  GET_PREVIEW_HOSTS("GET", "/v2/settings/preview-hosts"),
  /** {@code PUT /v2/settings/preview-hosts}: TrustedPreviewHosts (the hosts sent). */
  SET_PREVIEW_HOSTS("PUT", "/v2/settings/preview-hosts"),
  /** {@code GET /v2/usage/summary}: UsageSummary, one day per day of the range. */
  GET_USAGE_SUMMARY("GET", "/v2/usage/summary"),
  /** {@code GET /v2/usage/events}: UsageEventList, paged (see {@link FakeV0Server#usageEvents}). */
  LIST_USAGE_EVENTS("GET", "/v2/usage/events"),
  /** {@code GET /v2/usage/activity}: UsageActivity. */
  GET_USAGE_ACTIVITY("GET", "/v2/usage/activity"),
  /** {@code GET /v2/hooks}: a list of {@code {id, name}}. */
  LIST_WEBHOOKS("GET", "/v2/hooks"),
  /** {@code POST /v2/hooks}: Webhook (the body's fields, id {@link FakeV0Server#WEBHOOK_ID}). */
  CREATE_WEBHOOK("POST", "/v2/hooks"),
  /** {@code GET /v2/hooks/{hookId}}: Webhook. */
  GET_WEBHOOK("GET", "/v2/hooks/{hookId}"),
  /** {@code PATCH /v2/hooks/{hookId}}: Webhook with the fields sent. */
  UPDATE_WEBHOOK("PATCH", "/v2/hooks/{hookId}"),
  /** {@code DELETE /v2/hooks/{hookId}}: {@code {id, deleted: true}}. */
  DELETE_WEBHOOK("DELETE", "/v2/hooks/{hookId}"),
  /** {@code GET /v2/chats}: {@code {chats, cursor}}, paged and filtered (see {@link FakeV0Server#chatCount}). */
  LIST_CHATS("GET", "/v2/chats"),
  /** {@code PATCH /v2/chats/{chatId}}: the Chat with the changes applied. */
  UPDATE_CHAT("PATCH", "/v2/chats/{chatId}"),
  /** {@code DELETE /v2/chats/{chatId}}: {@code {chatId}}. */
  DELETE_CHAT("DELETE", "/v2/chats/{chatId}"),
  /** {@code POST /v2/chats/{chatId}/duplicate}: 201 Chat {@link FakeV0Server#DUPLICATED_CHAT_ID}. */
  DUPLICATE_CHAT("POST", "/v2/chats/{chatId}/duplicate"),
  /** {@code POST /v2/chats/from-files}: ChatWithUsage. */
  CREATE_CHAT_FROM_FILES("POST", "/v2/chats/from-files"),
  /** {@code POST /v2/chats/from-zip}: ChatWithUsage. */
  CREATE_CHAT_FROM_ZIP("POST", "/v2/chats/from-zip"),
  /** {@code POST /v2/chats/from-repo}: ChatWithUsage. */
  CREATE_CHAT_FROM_REPO("POST", "/v2/chats/from-repo"),
  /** {@code GET /v2/chats/{chatId}/files}: {@code {files}} (see {@link FakeV0Server#chatFile}). */
  GET_CHAT_FILES("GET", "/v2/chats/{chatId}/files"),
  /** {@code PATCH /v2/chats/{chatId}/files}: applies the changes, answers {@code {messages}}. */
  UPDATE_CHAT_FILES("PATCH", "/v2/chats/{chatId}/files"),
  /** {@code GET /v2/chats/{chatId}/files/download}: the files as a ZIP archive. */
  DOWNLOAD_CHAT_FILES("GET", "/v2/chats/{chatId}/files/download"),
  /** {@code GET /v2/chats/{chatId}/preview}: null, then the preview (see {@link FakeV0Server#previewReadyAfterPolls}). */
  GET_CHAT_PREVIEW("GET", "/v2/chats/{chatId}/preview"),
  /** {@code POST /v2/chats/{chatId}/restore-message}: {@code {messages}}. */
  RESTORE_MESSAGE("POST", "/v2/chats/{chatId}/restore-message"),
  /** {@code POST /v2/chats/{chatId}/deploy}: {@code {deploymentId, vercelProjectId}}. */
  DEPLOY_CHAT("POST", "/v2/chats/{chatId}/deploy"),
  /** {@code POST /v2/chats/{chatId}/vercel-project}: 201 {@code {vercelProjectId}}. */
  CREATE_VERCEL_PROJECT("POST", "/v2/chats/{chatId}/vercel-project"),

  /** {@code POST /v1/chats} (any {@code responseMode}). */
  V1_CREATE_CHAT("POST", "/v1/chats"),
  /** {@code POST /v1/chats/{chatId}/messages} (any {@code responseMode}). */
  V1_SEND_MESSAGE("POST", "/v1/chats/{chatId}/messages"),
  /** {@code POST /v1/chats/{chatId}/fork}: ChatDetail. */
  V1_FORK_CHAT("POST", "/v1/chats/{chatId}/fork"),
  /** {@code GET /v1/chats/{chatId}/messages}: MessageSummaryList. */
  V1_FIND_MESSAGES("GET", "/v1/chats/{chatId}/messages"),
  /** {@code GET /v1/chats/{chatId}/messages/{messageId}}: MessageDetail. */
  V1_GET_MESSAGE("GET", "/v1/chats/{chatId}/messages/{messageId}"),
  /** {@code POST /v1/chats/{chatId}/messages/{messageId}/stop}: {@code {"success": true}}. */
  V1_STOP_MESSAGE("POST", "/v1/chats/{chatId}/messages/{messageId}/stop");

  private final String method;
  private final String pathTemplate;
  private final Pattern pattern;

  Operation(String method, String pathTemplate) {
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.pattern = Pattern.compile(pathTemplate.replaceAll("\\{(\\w+)}", "(?<$1>[^/]+)"));
  }

  /**
   * The HTTP method.
   *
   * @return the method in upper case, such as {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The path with {@code {chatId}}-style placeholders, such as {@code /v2/chats/{chatId}}.
   *
   * @return the template, as the spec writes it
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * A regular expression matching the paths of this operation.
   *
   * @return the regular expression, for WireMock's {@code urlPathMatching}
   */
  public String pathRegex() {
    return pattern.pattern();
  }

  /**
   * True for the legacy v1 operations (their error bodies are {@code {"error": {message, type}}}).
   *
   * @return whether this operation is under {@code /v1}
   */
  public boolean isV1() {
    return pathTemplate.startsWith("/v1/");
  }

  /**
   * True if {@code method} and {@code path} (without query) belong to this operation.
   *
   * @param method the HTTP method, in any case
   * @param path the request's path, such as {@code /v2/chats/chat_1}
   * @return whether a request with them is this operation
   */
  public boolean matches(String method, String path) {
    return this.method.equalsIgnoreCase(method) && pattern.matcher(path).matches();
  }

  /**
   * The path parameters of {@code path} ({@code chatId}, {@code messageId}); empty if it does not match.
   *
   * @param path the request's path, such as {@code /v2/chats/chat_1}
   * @return the values by placeholder name
   */
  public Map<String, String> pathParameters(String path) {
    Matcher matcher = pattern.matcher(path);
    if (!matcher.matches()) return Collections.emptyMap();
    Map<String, String> params = new LinkedHashMap<>();
    Matcher names = Pattern.compile("\\{(\\w+)}").matcher(pathTemplate);
    while (names.find()) params.put(names.group(1), matcher.group(names.group(1)));
    return params;
  }
}
