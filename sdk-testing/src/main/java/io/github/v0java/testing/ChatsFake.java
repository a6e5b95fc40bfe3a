package io.github.v0java.testing;

import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The state and answers of the chat operations beyond create/get/resume: the chats to list, the
 * chat's files (served by get-files and the ZIP download, changed by update-files) and the
 * preview that becomes ready after some polls. One project of files for every chat.
 */
final class ChatsFake {
  /** A file of the fake project: its content as the API sends it, and the encoding. */
  private static final class StoredFile {
    final String content;
    final String encoding;

    StoredFile(String content, String encoding) {
      this.content = content;
      this.encoding = encoding;
    }
  }

  private final Map<String, StoredFile> files = new LinkedHashMap<>();
  private final AtomicInteger previewPolls = new AtomicInteger();
  private volatile int previewReadyAtPoll = 1;
  private volatile int chatCount = FakeV0Server.DEFAULT_CHAT_COUNT;

  ChatsFake() {
    reset();
  }

  synchronized void reset() {
    files.clear();
    text("package.json", "{\n  \"name\": \"todo-app\",\n  \"private\": true,\n  \"scripts\": {\"dev\": \"next dev\"}\n}\n");
    text("app/page.tsx", "import { TodoList } from \"@/components/todo-list\"\n\nexport default function Page() {\n"
        + "  return <main><h1>Todos</h1><TodoList /></main>\n}\n");
    text("components/todo-list.tsx", "export function TodoList() {\n  return <ul>{/* todos */}</ul>\n}\n");
    binary("public/favicon.ico", new byte[] {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, (byte) 0x68, 4});
    previewPolls.set(0);
    previewReadyAtPoll = 1;
    chatCount = FakeV0Server.DEFAULT_CHAT_COUNT;
  }

  synchronized void text(String path, String content) {
    files.put(path, new StoredFile(content, "utf8"));
  }

  synchronized void binary(String path, byte[] bytes) {
    files.put(path, new StoredFile(Base64.getEncoder().encodeToString(bytes), "base64"));
  }

  synchronized void clearFiles() {
    files.clear();
  }

  void previewReadyAfterPolls(int polls) {
    previewReadyAtPoll = polls;
    previewPolls.set(0);
  }

  void chatCount(int count) {
    chatCount = count;
  }

  // ---------------------------------------------------------------- handlers

  ResponseDefinition listChats(Request request) {
    Map<String, String> query = query(request.getUrl());
    int limit = 20;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 100) return error(422, "limit must be an integer from 1 to 100");
    }
    int offset = 0;
    if (query.containsKey("cursor")) {
      offset = FakeV0Server.decodeCursor(query.get("cursor"));
      if (offset < 0) return error(422, "Invalid cursor");
    }
    List<Map<String, Object>> matching = new ArrayList<>();
    for (int i = 1; i <= chatCount; i++) {
      Map<String, Object> chat = listedChat(i);
      if (matches(chat, query)) matching.add(chat);
    }
    int end = Math.min(matching.size(), offset + limit);
    List<Object> page = new ArrayList<>(matching.subList(Math.min(offset, end), end));
    return FakeV0Server.json(200, obj("chats", page,
        "cursor", end < matching.size() ? FakeV0Server.encodeCursor(end) : null));
  }

  /** Chat number {@code i} of the list, newest first; odd ones are in production. */
  private static Map<String, Object> listedChat(int i) {
    Map<String, Object> chat = Fixtures.chatMap(String.format("chat_l%03d", i), "Project " + i, "private",
        obj("environment", i % 2 == 1 ? "production" : "staging", "number", Integer.toString(i)));
    chat.put("createdAt", Fixtures.timestamp(-i * 3_600_000L));
    return chat;
  }

  private static boolean matches(Map<String, Object> chat, Map<String, String> query) {
    for (Map.Entry<String, String> entry : query.entrySet()) {
      String key = entry.getKey();
      if (key.equals("authorId") && !entry.getValue().equals(chat.get("authorId"))) return false;
      if (key.equals("vercelProjectId") && !entry.getValue().equals(chat.get("vercelProjectId"))) return false;
      if (key.startsWith("metadata[") && key.endsWith("]")) {
        Object value = ((Map<?, ?>) chat.get("metadata")).get(key.substring(9, key.length() - 1));
        if (!entry.getValue().equals(value)) return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  ResponseDefinition update(Request request, String chatId) {
    Object parsed = Json.parseOrNull(request.getBodyAsString());
    if (!(parsed instanceof Map)) return error(422, "The request body must be a JSON object");
    Map<String, Object> body = (Map<String, Object>) parsed;
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("customer", "acme");
    if (body.containsKey("metadata")) {
      Object changes = body.get("metadata");
      if (changes == null) {
        metadata.clear();
      } else if (changes instanceof Map) {
        for (Map.Entry<String, Object> change : ((Map<String, Object>) changes).entrySet()) {
          if (change.getValue() == null) metadata.remove(change.getKey());
          else metadata.put(change.getKey(), change.getValue());
        }
      }
    }
    Object title = body.get("title");
    Object privacy = body.get("privacy");
    return FakeV0Server.json(200, Fixtures.chatMap(chatId, title instanceof String ? (String) title : Fixtures.TITLE,
        privacy instanceof String ? (String) privacy : "private", metadata));
  }

  ResponseDefinition duplicate(Request request) {
    Object privacy = FakeV0Server.bodyField(request, "privacy");
    Object title = FakeV0Server.bodyField(request, "title");
    return FakeV0Server.json(201, Fixtures.chatMap(FakeV0Server.DUPLICATED_CHAT_ID,
        title instanceof String ? (String) title : Fixtures.TITLE + " (2)",
        privacy instanceof String ? (String) privacy : "private", null));
  }

  /** Creates from files, a ZIP URL or a repository, once {@code source} is present and valid. */
  ResponseDefinition createFrom(Request request, String source) {
    Object parsed = Json.parseOrNull(request.getBodyAsString());
    if (!(parsed instanceof Map)) return error(422, "The request body must be a JSON object");
    Map<?, ?> body = (Map<?, ?>) parsed;
    Object value = body.get(source);
    if (source.equals("files")) {
      if (!(value instanceof List) || ((List<?>) value).isEmpty() || ((List<?>) value).size() > 20) {
        return error(422, "files: between 1 and 20 files are required");
      }
      for (Object file : (List<?>) value) {
        if (!(file instanceof Map) || !(((Map<?, ?>) file).get("name") instanceof String)
            || !(((Map<?, ?>) file).get("content") instanceof String)) {
          return error(422, "files: each file needs a name and a content");
        }
      }
    } else if (source.equals("repo")) {
      if (!(value instanceof Map) || !(((Map<?, ?>) value).get("url") instanceof String)) {
        return error(422, "repo.url: Required");
      }
    } else if (!(value instanceof String) || ((String) value).isEmpty()) {
      return error(422, source + ": Required");
    }
    Object title = body.get("title");
    Object privacy = body.get("privacy");
    Object metadata = body.get("metadata");
    @SuppressWarnings("unchecked")
    Map<String, Object> chat = Fixtures.chatMap(FakeV0Server.CHAT_ID,
        title instanceof String ? (String) title : Fixtures.TITLE, privacy instanceof String ? (String) privacy : "private",
        metadata instanceof Map ? (Map<String, Object>) metadata : null);
    return FakeV0Server.json(200, obj("chat", chat, "usage", Fixtures.usageMap(1.0)));
  }

  synchronized ResponseDefinition getFiles() {
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, StoredFile> file : files.entrySet()) {
      out.add(obj("path", file.getKey(), "content", file.getValue().content, "encoding", file.getValue().encoding));
    }
    return FakeV0Server.json(200, obj("files", out));
  }

  /** Applies the changes ({@code "content": null} deletes; the key must be present) and answers a message. */
  synchronized ResponseDefinition updateFiles(Request request, String chatId) {
    Object parsed = Json.parseOrNull(request.getBodyAsString());
    Object changes = parsed instanceof Map ? ((Map<?, ?>) parsed).get("files") : null;
    if (!(changes instanceof List) || ((List<?>) changes).isEmpty()) {
      return error(422, "files: at least one change is required");
    }
    for (Object change : (List<?>) changes) {
      if (!(change instanceof Map) || !(((Map<?, ?>) change).get("path") instanceof String)
          || !((Map<?, ?>) change).containsKey("content")) {
        return error(422, "files: each change needs a path and a content (null to delete)");
      }
    }
    List<Object> parts = new ArrayList<>();
    for (Object change : (List<?>) changes) {
      String path = (String) ((Map<?, ?>) change).get("path");
      Object content = ((Map<?, ?>) change).get("content");
      String operation;
      if (content == null) {
        operation = "delete";
        files.remove(path);
      } else {
        operation = files.containsKey(path) ? "update" : "create";
        files.put(path, new StoredFile((String) content, "utf8"));
      }
      parts.add(obj("type", "file-edit", "operation", operation, "path", path));
    }
    String text = "Updated " + parts.size() + (parts.size() == 1 ? " file." : " files.");
    parts.add(obj("type", "text", "text", text));
    return FakeV0Server.json(200, obj("messages", list(Fixtures.messageMap(chatId, FakeV0Server.FILES_MESSAGE_ID,
        parts, text, "stop", Fixtures.zeroUsageMap(), 2_000))));
  }

  synchronized ResponseDefinition download() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, StoredFile> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        StoredFile stored = file.getValue();
        zip.write(stored.encoding.equals("base64") ? Base64.getDecoder().decode(stored.content)
            : stored.content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/zip")
        .withHeader("Content-Disposition", "attachment; filename=\"project.zip\"")
        .withBody(bytes.toByteArray()).build();
  }

  /** JSON {@code null} until poll number {@link #previewReadyAfterPolls}, then the preview. */
  ResponseDefinition preview() {
    int poll = previewPolls.incrementAndGet();
    if (poll < previewReadyAtPoll) return FakeV0Server.json(200, null);
    return FakeV0Server.json(200, obj("url", FakeV0Server.PREVIEW_URL, "token", FakeV0Server.PREVIEW_TOKEN,
        "expiresAt", Fixtures.timestamp(3_600_000)));
  }

  ResponseDefinition restoreMessage(Request request, String chatId) {
    Object messageId = FakeV0Server.bodyField(request, "messageId");
    if (!(messageId instanceof String) || ((String) messageId).isEmpty()) return error(422, "messageId: Required");
    String text = "Restored the files of " + messageId + ".";
    return FakeV0Server.json(200, obj("messages", list(Fixtures.messageMap(chatId, FakeV0Server.FILES_MESSAGE_ID,
        list(obj("type", "text", "text", text)), text, "stop", Fixtures.zeroUsageMap(), 2_000))));
  }

  ResponseDefinition deploy() {
    return FakeV0Server.json(200, obj("deploymentId", FakeV0Server.DEPLOYMENT_ID, "vercelProjectId", "prj_8812"));
  }

  ResponseDefinition createVercelProject() {
    return FakeV0Server.json(201, obj("vercelProjectId", FakeV0Server.NEW_VERCEL_PROJECT_ID));
  }

  private static ResponseDefinition error(int status, String message) {
    return FakeV0Server.errorResponse(false, status, message).build();
  }

  /** The decoded query parameters of {@code url} (the first value of each). */
  static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    int start = url.indexOf('?');
    if (start < 0) return params;
    for (String pair : url.substring(start + 1).split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(key, value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }
}
