package io.github.v0java.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The upstream JSON Schemas of the v0 API, read from the official specifications in the
 * reference folder beside the repository ({@code ../shared/reference/upstream}, as on the
 * project's machines and CI), and checked with the validator WireMock already brings (networknt,
 * 2020-12 dialect). Nothing of the upstream files is copied into this repository; where they are
 * absent, the tests that need them are skipped.
 */
final class Schemas {
  private static final Path UPSTREAM = locate();
  private static final Map<String, Object> ALL = UPSTREAM == null ? null : load(UPSTREAM);
  private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private Schemas() {
  }

  private static Path locate() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("reference").resolve("upstream");
      if (Files.isRegularFile(candidate.resolve("v0-api-v2.openapi.json"))) return candidate;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Path dir) {
    Map<String, Object> v2 = read(dir.resolve("v0-api-v2.openapi.json"));
    Map<String, Object> v1 = read(dir.resolve("v0-api-v1.openapi.json"));
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    Map<String, Object> v2Schemas = (Map<String, Object>) ((Map<String, Object>) v2.get("components")).get("schemas");
    for (String name : new String[] {"Error", "Chat", "ChatWithUsage", "AsyncChat", "ChatStreamEvent", "Message",
        "MessageListResponse", "AsyncMessage", "MessageStreamEvent"}) {
      out.put("v2/" + name, v2Schemas.get(name));
    }
    out.put("v2/StopMessageResponse", responseSchema(v2, "post", "/chats/{chatId}/messages/{messageId}/stop", "200"));
    for (String name : new String[] {"McpServer", "TrustedPreviewHosts", "UsageSummary", "UsageEventList",
        "UsageActivity", "Webhook"}) {
      out.put("v2/" + name, v2Schemas.get(name));
    }
    out.put("v2/McpServerList", responseSchema(v2, "get", "/mcp-servers", "200"));
    out.put("v2/DeleteMcpServerResponse", responseSchema(v2, "delete", "/mcp-servers/{mcpServerId}", "200"));
    out.put("v2/WebhookList", responseSchema(v2, "get", "/hooks", "200"));
    out.put("v2/DeleteWebhookResponse", responseSchema(v2, "delete", "/hooks/{hookId}", "200"));
    out.put("v2/ConnectStatus", responseSchema(v2, "get", "/chats/{chatId}/connect/status", "200"));
    out.put("v2/ResolveTaskRequest", requestSchema(v2, "post", "/chats/{chatId}/messages/resolve"));
    out.put("v2/Files", v2Schemas.get("Files"));
    out.put("v2/ChatList", responseSchema(v2, "get", "/chats", "200"));
    out.put("v2/DeleteChatResponse", responseSchema(v2, "delete", "/chats/{chatId}", "200"));
    out.put("v2/DuplicateChatResponse", responseSchema(v2, "post", "/chats/{chatId}/duplicate", "201"));
    out.put("v2/UpdateChatFilesResponse", responseSchema(v2, "patch", "/chats/{chatId}/files", "200"));
    out.put("v2/RestoreMessageResponse", responseSchema(v2, "post", "/chats/{chatId}/restore-message", "200"));
    out.put("v2/ChatPreview", responseSchema(v2, "get", "/chats/{chatId}/preview", "200"));
    out.put("v2/ChatDeployment", responseSchema(v2, "post", "/chats/{chatId}/deploy", "200"));
    out.put("v2/CreatedVercelProject", responseSchema(v2, "post", "/chats/{chatId}/vercel-project", "201"));
    Map<String, Object> v1Schemas = (Map<String, Object>) ((Map<String, Object>) v1.get("components")).get("schemas");
    for (String name : new String[] {"ChatDetail", "MessageDetail", "MessageSummaryList", "UnauthorizedError",
        "ForbiddenError", "NotFoundError", "ConflictError", "PayloadTooLargeError", "UnprocessableEntityError",
        "TooManyRequestsError", "InternalServerError"}) {
      out.put("v1/" + name, v1Schemas.get(name));
    }
    out.put("v1/StopMessageResponse", responseSchema(v1, "post", "/chats/{chatId}/messages/{messageId}/stop", "200"));
    return out;
  }

  /** The JSON schema of the {@code status} answer of {@code method path}. */
  @SuppressWarnings("unchecked")
  private static Object responseSchema(Map<String, Object> spec, String method, String path, String status) {
    Map<String, Object> responses = (Map<String, Object>) operation(spec, method, path).get("responses");
    return jsonSchema(spec, (Map<String, Object>) responses.get(status));
  }

  /** The JSON schema of the request body of {@code method path}. */
  @SuppressWarnings("unchecked")
  private static Object requestSchema(Map<String, Object> spec, String method, String path) {
    return jsonSchema(spec, (Map<String, Object>) operation(spec, method, path).get("requestBody"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> operation(Map<String, Object> spec, String method, String path) {
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("paths")).get(path)).get(method);
  }

  /** The {@code application/json} schema of a response or request body, a top-level $ref resolved. */
  @SuppressWarnings("unchecked")
  private static Object jsonSchema(Map<String, Object> spec, Map<String, Object> body) {
    Object schema = ((Map<String, Object>) ((Map<String, Object>) body.get("content")).get("application/json"))
        .get("schema");
    if (schema instanceof Map && ((Map<String, Object>) schema).containsKey("$ref")) {
      String ref = (String) ((Map<String, Object>) schema).get("$ref");
      Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
      return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }

  private static Map<String, Object> read(Path file) {
    try {
      return Http.object(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the calling test when the upstream specifications are not beside the repository. */
  static void assumeAvailable() {
    Assumptions.assumeTrue(ALL != null, "the upstream specifications are not in ../shared/reference/upstream");
  }

  /** The problems of {@code json} against schema {@code name} ({@code v2/Message}, ...); empty if valid. */
  static Set<String> problems(String name, String json) {
    assumeAvailable();
    JsonSchema schema = COMPILED.computeIfAbsent(name, n -> {
      Object raw = ALL.get(n);
      if (raw == null) throw new IllegalArgumentException("no schema " + n);
      return FACTORY.getSchema(Json.write(raw));
    });
    Set<ValidationMessage> messages = schema.validate(json, InputFormat.JSON);
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }

  static void assertValid(String name, String json) {
    assertThat(problems(name, json)).as("%s against upstream %s", json.length() > 300
        ? json.substring(0, 300) + "..." : json, name).isEmpty();
  }
}
