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
    out.put("v2/StopMessageResponse", okSchema(v2, "/chats/{chatId}/messages/{messageId}/stop"));
    for (String name : new String[] {"McpServer", "TrustedPreviewHosts", "UsageSummary", "UsageEventList",
        "UsageActivity", "Webhook"}) {
      out.put("v2/" + name, v2Schemas.get(name));
    }
    out.put("v2/McpServerList", okSchema(v2, "get", "/mcp-servers"));
    out.put("v2/DeleteMcpServerResponse", okSchema(v2, "delete", "/mcp-servers/{mcpServerId}"));
    out.put("v2/WebhookList", okSchema(v2, "get", "/hooks"));
    out.put("v2/DeleteWebhookResponse", okSchema(v2, "delete", "/hooks/{hookId}"));
    out.put("v2/ConnectStatus", jsonSchema((Map<String, Object>) ((Map<String, Object>) operation(v2,
        "/chats/{chatId}/connect/status", "get").get("responses")).get("200")));
    out.put("v2/ResolveTaskRequest", jsonSchema((Map<String, Object>) operation(v2,
        "/chats/{chatId}/messages/resolve", "post").get("requestBody")));
    out.put("v2/Files", v2Schemas.get("Files"));
    out.put("v2/ChatList", responseSchema(v2, "/chats", "get", "200"));
    out.put("v2/DeleteChatResponse", responseSchema(v2, "/chats/{chatId}", "delete", "200"));
    out.put("v2/DuplicateChatResponse", responseSchema(v2, "/chats/{chatId}/duplicate", "post", "201"));
    out.put("v2/UpdateChatFilesResponse", responseSchema(v2, "/chats/{chatId}/files", "patch", "200"));
    out.put("v2/RestoreMessageResponse", responseSchema(v2, "/chats/{chatId}/restore-message", "post", "200"));
    out.put("v2/ChatPreview", responseSchema(v2, "/chats/{chatId}/preview", "get", "200"));
    out.put("v2/ChatDeployment", responseSchema(v2, "/chats/{chatId}/deploy", "post", "200"));
    out.put("v2/CreatedVercelProject", responseSchema(v2, "/chats/{chatId}/vercel-project", "post", "201"));
    Map<String, Object> v1Schemas = (Map<String, Object>) ((Map<String, Object>) v1.get("components")).get("schemas");
    for (String name : new String[] {"ChatDetail", "MessageDetail", "MessageSummaryList", "UnauthorizedError",
        "ForbiddenError", "NotFoundError", "ConflictError", "PayloadTooLargeError", "UnprocessableEntityError",
        "TooManyRequestsError", "InternalServerError"}) {
      out.put("v1/" + name, v1Schemas.get(name));
    }
    out.put("v1/StopMessageResponse", okSchema(v1, "/chats/{chatId}/messages/{messageId}/stop"));
    return out;
  }

  private static Object okSchema(Map<String, Object> spec, String path) {
    return okSchema(spec, "post", path);
  }

  @SuppressWarnings("unchecked")
  private static Object okSchema(Map<String, Object> spec, String method, String path) {
    Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("paths"))
        .get(path)).get(method);
    Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) op.get("responses")).get("200");
    Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ok.get("content")).get("application/json");
    return json.get("schema");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> operation(Map<String, Object> spec, String path, String method) {
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("paths")).get(path)).get(method);
  }

  /** The {@code application/json} schema of a response or request body. */
  @SuppressWarnings("unchecked")
  private static Object jsonSchema(Map<String, Object> body) {
    return ((Map<String, Object>) ((Map<String, Object>) body.get("content")).get("application/json")).get("schema");
  }

  /** The JSON schema of the {@code status} answer of {@code method path}, its $refs resolved against v2's components. */
  @SuppressWarnings("unchecked")
  private static Object responseSchema(Map<String, Object> spec, String path, String method, String status) {
    Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("paths"))
        .get(path)).get(method);
    Map<String, Object> answer = (Map<String, Object>) ((Map<String, Object>) op.get("responses")).get(status);
    Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) answer.get("content")).get("application/json");
    Object schema = json.get("schema");
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
