package io.github.v0java.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An embeddable fake of the v0 Platform API (v2 and legacy v1), built on WireMock, on a random
 * loopback port. Every operation of {@link Operation} answers a realistic body out of the box; the
 * scripting methods change that per test.
 *
 * <pre>{@code
 * try (FakeV0Server fake = FakeV0Server.start()) {
 *   fake.onSendMessageStream(StreamScript.demoGeneration("chat_1", "msg_1")
 *           .delayBetweenEvents(Duration.ofMillis(20)))
 *       .asyncFinishesAfterPolls(3)
 *       .failWith(Operation.GET_CHAT, 404, "Chat not found");
 *   V0Client client = V0Client.builder().apiKey("any").baseUrl(fake.baseUrl())
 *       .v1BaseUrl(fake.v1BaseUrl()).build();
 *   // ... exercise the client, then look at fake.requests(Operation.SEND_MESSAGE_STREAM)
 * }
 * }</pre>
 *
 * <p>Every request needs {@code Authorization: Bearer <key>} (any key, or the one given to
 * {@link #requireApiKey}); otherwise the answer is 401 with the error body of the API version.
 * Paths the fake does not serve answer 404.
 *
 * <p>Ids: the fake echoes the {@code chatId} and {@code messageId} of the path; chats it creates
 * are {@link #CHAT_ID} (v1 forks: {@link #FORKED_CHAT_ID}); the assistant message of sync and
 * streamed sends is {@link #MESSAGE_ID}; async sends answer {@link #ASYNC_MESSAGE_ID} (v1:
 * {@link #V1_ASYNC_MESSAGE_ID}).
 */
public final class FakeV0Server implements AutoCloseable {
  /** Id of the chats the fake creates. */
  public static final String CHAT_ID = "chat_3fKd9a";
  /** Id of the assistant message answered by sync and streamed v2 sends. */
  public static final String MESSAGE_ID = "msg_7Yq2c1";
  /** Id of the assistant message of async v2 sends (polled through {@link Operation#GET_MESSAGE}). */
  public static final String ASYNC_MESSAGE_ID = "msg_async_4Lp0";
  /** Id of a chat created by a v1 fork. */
  public static final String FORKED_CHAT_ID = "chat_fork_2Qm8";
  /** Id of the user message in v1 chat details. */
  public static final String V1_USER_MESSAGE_ID = "msg_v1_u1";
  /** Id of the finished assistant message in v1 chat details. */
  public static final String V1_MESSAGE_ID = "msg_v1_a1";
  /** Id of the placeholder assistant message of v1 {@code async} sends. */
  public static final String V1_ASYNC_MESSAGE_ID = "msg_v1_async_7Rt";
  /** Polls an async generation takes unless {@link #asyncFinishesAfterPolls} says otherwise. */
  public static final int DEFAULT_ASYNC_POLLS = 3;
  /**
   * Id of the assistant message of resolves (sync, streamed and async): polling it answers the
   * finished demo generation, never {@link #generationsEndWith} (the answer was given).
   */
  public static final String RESOLVED_MESSAGE_ID = "msg_resolved_5Hw";
  /** Messages in every chat's history unless {@link #messageHistory} says otherwise. */
  public static final int DEFAULT_HISTORY_SIZE = 6;
  /** Id of the MCP server the fake creates (and of the first one it lists). */
  public static final String MCP_SERVER_ID = "mcp_5tR2x9";
  /** Id of the webhook the fake creates (and of the first one it lists). */
  public static final String WEBHOOK_ID = "hook_6Fq1z8";
  /** Usage events listed unless {@link #usageEvents} says otherwise. */
  public static final int DEFAULT_USAGE_EVENTS = 12;
  /** Chats {@link Operation#LIST_CHATS} lists unless {@link #chatCount} says otherwise. */
  public static final int DEFAULT_CHAT_COUNT = 3;
  /** Id of the chat {@link Operation#DUPLICATE_CHAT} creates. */
  public static final String DUPLICATED_CHAT_ID = "chat_copy_5Nw1";
  /** Id of the message update-files and restore-message answer. */
  public static final String FILES_MESSAGE_ID = "msg_files_8Kc3";
  /** The URL of the preview {@link Operation#GET_CHAT_PREVIEW} answers once ready. */
  public static final String PREVIEW_URL = "https://vm-3f9a7c.vusercontent.net/";
  /** The preview's token (a secret in real life: tests can check it is never logged). */
  public static final String PREVIEW_TOKEN = "pvt_fake_Q2xM8rT4wZ";
  /** Id of the deployment {@link Operation#DEPLOY_CHAT} answers. */
  public static final String DEPLOYMENT_ID = "dpl_6Rb2Xk";
  /** Id of the Vercel project {@link Operation#CREATE_VERCEL_PROJECT} answers. */
  public static final String NEW_VERCEL_PROJECT_ID = "prj_new_3Tz9";

  private static final String TRANSFORMER = "v0-fake";
  private static final String V2_ASYNC = "v2-async-generation";
  private static final String V1_ASYNC = "v1-async-generation";
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(\\S+)\\s*");

  // Priorities: lower wins.
  private static final int AUTH = 1;
  private static final int OVERRIDE = 2;
  private static final int SCRIPT = 3;
  private static final int POLLS = 4;
  private static final int DEFAULT_SCENARIO = 5;
  private static final int DEFAULT = 6;
  private static final int FALLBACK = 10;

  /** Builds the response of one stub from the request. */
  private interface Handler {
    ResponseDefinition handle(Request request);
  }

  private final WireMockServer server;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final AtomicLong handlerIds = new AtomicLong();
  private final Map<Operation, List<UUID>> overrides = Collections.synchronizedMap(new EnumMap<>(Operation.class));
  private final Map<Operation, List<UUID>> scripts = Collections.synchronizedMap(new EnumMap<>(Operation.class));
  private final List<UUID> pollStubs = Collections.synchronizedList(new ArrayList<>());
  private final ChatsFake chats = new ChatsFake();

  private volatile String apiKey;
  private volatile long streamDelayMillis;
  private volatile int historySize = DEFAULT_HISTORY_SIZE;
  private volatile Integer fixedPageSize;
  private volatile int asyncPolls = DEFAULT_ASYNC_POLLS;
  private volatile int usageEventCount = DEFAULT_USAGE_EVENTS;
  private volatile String endingPart;
  private volatile int connectPolls = 1;
  private final Map<String, Integer> connectPollCounts = new ConcurrentHashMap<>();

  private FakeV0Server(int port) {
    server = new WireMockServer(wireMockConfig()
        .bindAddress("127.0.0.1")
        .port(port)
        .http2PlainDisabled(true)
        .gzipDisabled(true)
        // No mappings or __files from the working directory of the user's project.
        .usingFilesUnderClasspath("io/github/v0java/testing/no-wiremock-files")
        .notifier(new ConsoleNotifier(false))
        .extensions(new Dispatcher()));
    server.start();
    installDefaults();
  }

  /**
   * Starts a fake on a random free port of 127.0.0.1.
   *
   * @return the running fake; close it when done
   */
  public static FakeV0Server start() {
    return new FakeV0Server(0);
  }

  /**
   * Starts a fake on {@code port} of 127.0.0.1 (0 for a random free port).
   *
   * @param port the port to listen on, or 0 for a random free one
   * @return the running fake; close it when done
   */
  public static FakeV0Server start(int port) {
    return new FakeV0Server(port);
  }

  /**
   * Runs a fake until the process is stopped, for demos: {@code [port] [delay between stream
   * events in ms]} (defaults: random port, 40 ms). Prints the base URLs.
   *
   * @param args optional port and delay in milliseconds
   * @throws InterruptedException when the waiting main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    long delay = args.length > 1 ? Long.parseLong(args[1]) : 40;
    FakeV0Server fake = start(port).defaultStreamDelay(Duration.ofMillis(delay));
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    System.out.println("Fake v0 API: " + fake.baseUrl() + " (v1: " + fake.v1BaseUrl() + "), any Bearer key");
    Thread.currentThread().join();
  }

  // ---------------------------------------------------------------- addresses

  /**
   * The v2 base URL, {@code http://127.0.0.1:PORT/v2}.
   *
   * @return the URL to pass to {@code V0Client.Builder.baseUrl}
   */
  public String baseUrl() {
    return rootUrl() + "/v2";
  }

  /**
   * The v1 base URL, {@code http://127.0.0.1:PORT/v1}.
   *
   * @return the URL for the legacy v1 client
   */
  public String v1BaseUrl() {
    return rootUrl() + "/v1";
  }

  /**
   * {@code http://127.0.0.1:PORT}.
   *
   * @return the server's root, without an API version
   */
  public String rootUrl() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * The port.
   *
   * @return the port this fake listens on
   */
  public int port() {
    return server.port();
  }

  /**
   * The WireMock server underneath, for {@code verify(...)}, extra stubs and the journal.
   *
   * @return the live WireMock server; changes to it affect this fake
   */
  public WireMockServer wireMock() {
    return server;
  }

  // ---------------------------------------------------------------- requests

  /**
   * Every request received, oldest first (rejected ones included).
   *
   * @return a snapshot list, safe to keep
   */
  public List<LoggedRequest> requests() {
    List<LoggedRequest> requests = server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .collect(Collectors.toCollection(ArrayList::new));
    Collections.reverse(requests);
    return requests;
  }

  /**
   * The requests received for {@code operation}, oldest first.
   *
   * @param operation the operation whose requests to return
   * @return a snapshot list, safe to keep
   */
  public List<LoggedRequest> requests(Operation operation) {
    return requests().stream()
        .filter(r -> operation.matches(r.getMethod().getName(), path(r)))
        .collect(Collectors.toList());
  }

  /**
   * The last request received for {@code operation}; throws if none arrived.
   *
   * @param operation the operation whose request to return
   * @return the newest request for {@code operation}
   */
  public LoggedRequest lastRequest(Operation operation) {
    List<LoggedRequest> requests = requests(operation);
    if (requests.isEmpty()) throw new AssertionError("no request for " + operation + " arrived");
    return requests.get(requests.size() - 1);
  }

  // ---------------------------------------------------------------- scripting

  /**
   * Accepts only {@code Authorization: Bearer <apiKey>} (null: any non-empty key, the default).
   *
   * @param apiKey the only key accepted, or null for any non-empty key
   * @return this fake, for chaining
   */
  public FakeV0Server requireApiKey(String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /**
   * Time between events of the default streams (the demo generation); zero by default.
   *
   * @param delay the pause before each event; zero sends them at once
   * @return this fake, for chaining
   */
  public FakeV0Server defaultStreamDelay(Duration delay) {
    if (delay.isNegative()) throw new IllegalArgumentException("negative delay");
    streamDelayMillis = delay.toMillis();
    return this;
  }

  /**
   * Answers {@link Operation#SEND_MESSAGE_STREAM} with this script (for every chat).
   *
   * @param script the events to send, replacing the demo generation
   * @return this fake, for chaining
   */
  public FakeV0Server onSendMessageStream(StreamScript script) {
    return script(Operation.SEND_MESSAGE_STREAM, script, null);
  }

  /**
   * Answers {@link Operation#RESOLVE_TASK_STREAM} with this script (for every chat).
   *
   * @param script the events to send, replacing the demo generation
   * @return this fake, for chaining
   */
  public FakeV0Server onResolveTaskStream(StreamScript script) {
    return script(Operation.RESOLVE_TASK_STREAM, script, null);
  }

  /**
   * Answers {@link Operation#CREATE_CHAT_STREAM} with this script.
   *
   * @param script the events to send, replacing the demo generation
   * @return this fake, for chaining
   */
  public FakeV0Server onCreateChatStream(StreamScript script) {
    return script(Operation.CREATE_CHAT_STREAM, script, null);
  }

  /**
   * Answers {@link Operation#RESUME_CHAT} with this script (for every chat).
   *
   * @param script the events to send, replacing the demo generation
   * @return this fake, for chaining
   */
  public FakeV0Server onResumeChat(StreamScript script) {
    return script(Operation.RESUME_CHAT, script, null);
  }

  /**
   * Answers v1 {@code responseMode: "experimental_stream"} requests ({@link Operation#V1_CREATE_CHAT}
   * and {@link Operation#V1_SEND_MESSAGE}) with this script; see {@link V1StreamEvents}.
   *
   * @param script the v1 events to send, replacing the demo generation
   * @return this fake, for chaining
   */
  public FakeV0Server onV1Stream(StreamScript script) {
    script(Operation.V1_CREATE_CHAT, script, "experimental_stream");
    return script(Operation.V1_SEND_MESSAGE, script, "experimental_stream");
  }

  /**
   * Async generations (v2 {@link #ASYNC_MESSAGE_ID}, v1 {@link #V1_ASYNC_MESSAGE_ID}) finish on
   * poll number {@code polls} of get-message: polls before it see the message unfinished
   * ({@code finishReason} null, v1: absent) with parts (v1: content rows) growing from poll to
   * poll; that poll and later ones see it finished. Each async create or send starts the count
   * again (a WireMock scenario per API version).
   *
   * @param polls the first poll that sees the message finished; 1 finishes at once
   * @return this fake, for chaining
   */
  public FakeV0Server asyncFinishesAfterPolls(int polls) {
    if (polls < 1) throw new IllegalArgumentException("polls < 1");
    asyncPolls = polls;
    synchronized (pollStubs) {
      for (UUID id : pollStubs) removeStub(id);
      pollStubs.clear();
      installPolls();
    }
    server.setScenarioState(V2_ASYNC, Scenario.STARTED);
    server.setScenarioState(V1_ASYNC, Scenario.STARTED);
    return this;
  }

  /**
   * Every chat has {@code size} messages (alternately user and assistant, newest first), paged
   * by the request's {@code limit} (default 20) and {@code cursor}; the last page's cursor is null
   * (v1: {@code hasMore: false}, no {@code nextCursor}).
   *
   * @param size the number of messages in every chat
   * @return this fake, for chaining
   */
  public FakeV0Server messageHistory(int size) {
    if (size < 0) throw new IllegalArgumentException("size < 0");
    historySize = size;
    fixedPageSize = null;
    return this;
  }

  /**
   * Every chat has exactly {@code pages} pages of {@code pageSize} messages, whatever
   * {@code limit} the client asks for (v2 and v1 message listings).
   *
   * @param pages the number of pages
   * @param pageSize the messages per page, whatever the request's {@code limit}
   * @return this fake, for chaining
   */
  public FakeV0Server messagePages(int pages, int pageSize) {
    if (pages < 1 || pageSize < 1) throw new IllegalArgumentException("pages and pageSize must be positive");
    historySize = pages * pageSize;
    fixedPageSize = pageSize;
    return this;
  }

  /**
   * {@link Operation#LIST_USAGE_EVENTS} lists {@code total} events (newest first), paged by the
   * request's {@code limit} (default 50) and {@code cursor}; the last page has {@code hasMore: false}
   * and a null cursor.
   *
   * @param total the number of usage events
   * @return this fake, for chaining
   */
  public FakeV0Server usageEvents(int total) {
    if (total < 0) throw new IllegalArgumentException("total < 0");
    usageEventCount = total;
    return this;
  }

  /**
   * Adds (or replaces) a text file of the chats' project, served by {@link Operation#GET_CHAT_FILES}
   * ({@code utf8}) and {@link Operation#DOWNLOAD_CHAT_FILES}. By default the project is a small
   * Next.js app (package.json, app/page.tsx, components/todo-list.tsx, public/favicon.ico).
   *
   * @param path the file's path in the project, such as {@code app/page.tsx}
   * @param text the file's content
   * @return this fake, for chaining
   */
  public FakeV0Server chatFile(String path, String text) {
    chats.text(path, text);
    return this;
  }

  /**
   * Adds (or replaces) a binary file of the chats' project, served {@code base64}.
   *
   * @param path the file's path in the project, such as {@code app/page.tsx}
   * @param bytes the file's content
   * @return this fake, for chaining
   */
  public FakeV0Server chatFile(String path, byte[] bytes) {
    chats.binary(path, bytes);
    return this;
  }

  /**
   * Empties the chats' project (then add files with {@link #chatFile}).
   *
   * @return this fake, for chaining
   */
  public FakeV0Server clearChatFiles() {
    chats.clearFiles();
    return this;
  }

  /**
   * Makes every generation a message send or a streamed chat creation starts (sync, streamed, and
   * async as polled; resumed chat streams too) end with
   * {@code partJson}, a part asking the user something ({@link AgentActions#questions()},
   * {@link AgentActions#plan()}, ...), after the demo's text; null restores the plain demo.
   * Resolves answer with {@link #RESOLVED_MESSAGE_ID}, a plain demo generation.
   *
   * @param partJson the part's JSON object, or null for the plain demo
   * @return this fake, for chaining
   */
  public FakeV0Server generationsEndWith(String partJson) {
    if (partJson != null && !(Json.parseOrNull(partJson) instanceof Map)) {
      throw new IllegalArgumentException("a part must be a JSON object: " + partJson);
    }
    endingPart = partJson;
    return this;
  }

  /**
   * Vercel Connect setups ({@link Operation#GET_CONNECT_STATUS}) answer {@code pending} until poll
   * number {@code polls} of each request id, which and later ones answer {@code ready} with a
   * connector; 1 (the default) is ready at once. Scripts error statuses with {@link #respondWith}.
   *
   * @param polls the first poll that answers {@code ready}
   * @return this fake, for chaining
   */
  public FakeV0Server connectReadyAfterPolls(int polls) {
    if (polls < 1) throw new IllegalArgumentException("polls < 1");
    connectPolls = polls;
    connectPollCounts.clear();
    return this;
  }

  /**
   * {@link Operation#GET_CHAT_PREVIEW} answers JSON {@code null} (the preview is starting) until
   * poll number {@code polls}, and the preview ({@link #PREVIEW_URL}) from then on; 1 (ready at
   * once) by default. Restarts the count.
   *
   * @param polls the first poll that answers the preview
   * @return this fake, for chaining
   */
  public FakeV0Server previewReadyAfterPolls(int polls) {
    if (polls < 1) throw new IllegalArgumentException("polls < 1");
    chats.previewReadyAfterPolls(polls);
    return this;
  }

  /**
   * {@link Operation#LIST_CHATS} lists {@code count} chats ({@code chat_l001}, ..., newest first;
   * metadata {@code environment} is {@code production} for odd numbers, {@code staging} for even
   * ones), paged by {@code limit} and {@code cursor} and filtered by {@code authorId},
   * {@code vercelProjectId} and {@code metadata[key]=value}.
   *
   * @param count the number of chats
   * @return this fake, for chaining
   */
  public FakeV0Server chatCount(int count) {
    if (count < 0) throw new IllegalArgumentException("count < 0");
    chats.chatCount(count);
    return this;
  }

  /**
   * Makes {@code operation} answer {@code status} with the error body of its API version: v2
   * {@code {"message": ...}}, v1 {@code {"error": {"message", "type"}}} with the type of the status
   * ({@link Fixtures#v1ErrorType}). A 429 also carries {@code Retry-After: 1}.
   *
   * @param operation the operation to fail
   * @param status the HTTP status to answer, such as 404 or 429
   * @param message the error message in the body
   * @return this fake, for chaining
   */
  public FakeV0Server failWith(Operation operation, int status, String message) {
    return override(operation, errorResponse(operation.isV1(), status, message), 0);
  }

  /**
   * Like {@link #failWith(Operation, int, String)} for the next {@code times} calls only; then the operation works again.
   *
   * @param operation the operation to fail
   * @param status the HTTP status to answer, such as 404 or 429
   * @param message the error message in the body
   * @param times how many calls fail before the operation works again
   * @return this fake, for chaining
   */
  public FakeV0Server failWith(Operation operation, int status, String message, int times) {
    if (times < 1) throw new IllegalArgumentException("times < 1");
    return override(operation, errorResponse(operation.isV1(), status, message), times);
  }

  /**
   * Makes {@code operation} answer whatever WireMock response you build (status, headers, body, delays).
   *
   * @param operation the operation to answer
   * @param response the WireMock response to answer with
   * @return this fake, for chaining
   */
  public FakeV0Server respondWith(Operation operation, ResponseDefinitionBuilder response) {
    return override(operation, response, 0);
  }

  /**
   * Makes {@code operation} fail at the network level (reset connection, empty response, garbage, ...).
   *
   * @param fault how the connection fails, such as {@code Fault.CONNECTION_RESET_BY_PEER}
   * @param operation the operation to break
   * @return this fake, for chaining
   */
  public FakeV0Server fault(Operation operation, Fault fault) {
    return override(operation, new ResponseDefinitionBuilder().withFault(fault), 0);
  }

  /**
   * Removes the scripts and overrides of {@code operation}: it answers its default again.
   *
   * @param operation the operation to restore
   * @return this fake, for chaining
   */
  public FakeV0Server restoreDefault(Operation operation) {
    removeAll(overrides.remove(operation));
    removeAll(scripts.remove(operation));
    return this;
  }

  /**
   * Back to the state after {@link #start()}: default answers and settings, no requests recorded.
   *
   * @return this fake, for chaining
   */
  public FakeV0Server reset() {
    server.resetAll();
    handlers.clear();
    overrides.clear();
    scripts.clear();
    pollStubs.clear();
    apiKey = null;
    streamDelayMillis = 0;
    historySize = DEFAULT_HISTORY_SIZE;
    fixedPageSize = null;
    asyncPolls = DEFAULT_ASYNC_POLLS;
    usageEventCount = DEFAULT_USAGE_EVENTS;
    endingPart = null;
    connectPolls = 1;
    connectPollCounts.clear();
    chats.reset();
    installDefaults();
    return this;
  }

  /** Stops the server. */
  @Override public void close() {
    server.stop();
  }

  // ---------------------------------------------------------------- stubs

  private void installDefaults() {
    // Authentication first.
    for (String version : new String[] {"v1", "v2"}) {
      boolean v1 = version.equals("v1");
      server.stubFor(request("ANY", urlPathMatching("/" + version + "(/.*)?"))
          .atPriority(AUTH)
          .andMatching(request -> MatchResult.of(!authorized(request)))
          .willReturn(dispatch(request -> errorResponse(v1, 401, request.getHeader("Authorization") == null
              ? "Missing API key: send Authorization: Bearer <key>" : "Invalid API key").build())));
    }
    // Anything else the fake does not serve.
    server.stubFor(request("ANY", urlPathMatching("/.*")).atPriority(FALLBACK)
        .willReturn(dispatch(request -> {
          String path = path(request);
          String message = "Not found: " + request.getMethod() + " " + path;
          return errorResponse(path.startsWith("/v1/"), 404, message).build();
        })));

    stub(Operation.CREATE_CHAT, DEFAULT, this::createChat);
    stub(Operation.CREATE_CHAT_ASYNC, DEFAULT_SCENARIO, request -> requireMessage(request, false, () ->
        json(202, obj("chatId", CHAT_ID, "messageId", ASYNC_MESSAGE_ID))), m -> m.inScenario(V2_ASYNC)
        .willSetStateTo(Scenario.STARTED));
    stub(Operation.CREATE_CHAT_STREAM, DEFAULT, request -> requireMessage(request, false, () ->
        sse(StreamScript.demoChatGeneration(CHAT_ID, MESSAGE_ID, endingPart))));
    stub(Operation.GET_CHAT, DEFAULT, request ->
        json(200, Fixtures.chatMap(param(Operation.GET_CHAT, request, "chatId"), Fixtures.TITLE, "private", null)));
    stub(Operation.RESUME_CHAT, DEFAULT, request ->
        sse(StreamScript.demoChatGeneration(param(Operation.RESUME_CHAT, request, "chatId"), MESSAGE_ID,
            endingPart)));
    stub(Operation.SEND_MESSAGE, DEFAULT, request -> requireMessage(request, false, () ->
        json(200, Generation.demo(param(Operation.SEND_MESSAGE, request, "chatId"), MESSAGE_ID, endingPart)
            .finalMessage())));
    stub(Operation.SEND_MESSAGE_ASYNC, DEFAULT_SCENARIO, request -> requireMessage(request, false, () ->
        json(202, obj("messageId", ASYNC_MESSAGE_ID))), m -> m.inScenario(V2_ASYNC).willSetStateTo(Scenario.STARTED));
    stub(Operation.SEND_MESSAGE_STREAM, DEFAULT, request -> requireMessage(request, false, () ->
        sse(StreamScript.of(Generation.demo(param(Operation.SEND_MESSAGE_STREAM, request, "chatId"), MESSAGE_ID,
            endingPart).events))));
    stub(Operation.LIST_MESSAGES, DEFAULT, request -> listMessages(request, false));
    stub(Operation.GET_MESSAGE, DEFAULT, request -> {
      String chatId = param(Operation.GET_MESSAGE, request, "chatId");
      String messageId = param(Operation.GET_MESSAGE, request, "messageId");
      String ending = messageId.equals(RESOLVED_MESSAGE_ID) ? null : endingPart;
      return json(200, Generation.demo(chatId, messageId, ending).finalMessage());
    });
    stub(Operation.STOP_MESSAGE, DEFAULT, request ->
        json(200, obj("messageId", param(Operation.STOP_MESSAGE, request, "messageId"))));
    stub(Operation.RESOLVE_TASK, DEFAULT, request -> requireTask(request, () -> json(200,
        Generation.demo(param(Operation.RESOLVE_TASK, request, "chatId"), RESOLVED_MESSAGE_ID).finalMessage())));
    stub(Operation.RESOLVE_TASK_STREAM, DEFAULT, request -> requireTask(request, () ->
        sse(StreamScript.demoGeneration(param(Operation.RESOLVE_TASK_STREAM, request, "chatId"), RESOLVED_MESSAGE_ID))));
    stub(Operation.RESOLVE_TASK_ASYNC, DEFAULT, request -> requireTask(request, () ->
        json(202, obj("messageId", RESOLVED_MESSAGE_ID))));
    stub(Operation.GET_CONNECT_STATUS, DEFAULT, this::connectStatus);

    for (Operation op : new Operation[] {Operation.V1_CREATE_CHAT, Operation.V1_SEND_MESSAGE}) {
      stub(op, DEFAULT_SCENARIO, request -> v1Generate(op, request), m -> m
          .withRequestBody(matchingJsonPath("$.responseMode", equalTo("async")))
          .inScenario(V1_ASYNC).willSetStateTo(Scenario.STARTED));
      stub(op, DEFAULT, request -> v1Generate(op, request));
    }
    stub(Operation.V1_FORK_CHAT, DEFAULT, request -> {
      Map<String, Object> chat = Fixtures.v1ChatDetailMap(FORKED_CHAT_ID, Fixtures.PROMPT, V1_MESSAGE_ID, true);
      Object privacy = bodyField(request, "privacy");
      if (privacy instanceof String) chat.put("privacy", privacy);
      return json(200, chat);
    });
    stub(Operation.V1_FIND_MESSAGES, DEFAULT, request -> listMessages(request, true));
    stub(Operation.V1_GET_MESSAGE, DEFAULT, request -> json(200, Fixtures.v1MessageMap(
        param(Operation.V1_GET_MESSAGE, request, "chatId"), param(Operation.V1_GET_MESSAGE, request, "messageId"),
        "assistant", Generation.V1_ROWS_TEXT, Generation.v1Rows(1.0), "stop", true)));
    stub(Operation.V1_STOP_MESSAGE, DEFAULT, request -> json(200, obj("success", true)));

    installAccountDefaults();
    installChatOperations();
    installPolls();
  }

  private void installChatOperations() {
    stub(Operation.LIST_CHATS, DEFAULT, chats::listChats);
    stub(Operation.UPDATE_CHAT, DEFAULT, request -> chats.update(request, param(Operation.UPDATE_CHAT, request, "chatId")));
    stub(Operation.DELETE_CHAT, DEFAULT, request ->
        json(200, obj("chatId", param(Operation.DELETE_CHAT, request, "chatId"))));
    stub(Operation.DUPLICATE_CHAT, DEFAULT, chats::duplicate);
    stub(Operation.CREATE_CHAT_FROM_FILES, DEFAULT, request -> chats.createFrom(request, "files"));
    stub(Operation.CREATE_CHAT_FROM_ZIP, DEFAULT, request -> chats.createFrom(request, "url"));
    stub(Operation.CREATE_CHAT_FROM_REPO, DEFAULT, request -> chats.createFrom(request, "repo"));
    stub(Operation.GET_CHAT_FILES, DEFAULT, request -> chats.getFiles());
    stub(Operation.UPDATE_CHAT_FILES, DEFAULT, request ->
        chats.updateFiles(request, param(Operation.UPDATE_CHAT_FILES, request, "chatId")));
    stub(Operation.DOWNLOAD_CHAT_FILES, DEFAULT, request -> chats.download());
    stub(Operation.GET_CHAT_PREVIEW, DEFAULT, request -> chats.preview());
    stub(Operation.RESTORE_MESSAGE, DEFAULT, request ->
        chats.restoreMessage(request, param(Operation.RESTORE_MESSAGE, request, "chatId")));
    stub(Operation.DEPLOY_CHAT, DEFAULT, request -> chats.deploy());
    stub(Operation.CREATE_VERCEL_PROJECT, DEFAULT, request -> chats.createVercelProject());
  }

  private void installPolls() {
    int polls = asyncPolls;
    String v2Path = "/v2/chats/[^/]+/messages/" + Pattern.quote(ASYNC_MESSAGE_ID);
    String v1Path = "/v1/chats/[^/]+/messages/" + Pattern.quote(V1_ASYNC_MESSAGE_ID);
    for (int poll = 1; poll <= polls + 1; poll++) {
      int seen = Math.min(poll, polls);
      String required = poll == 1 ? Scenario.STARTED : "polled-" + (poll - 1);
      String next = "polled-" + seen;
      pollStubs.add(server.stubFor(request("GET", urlPathMatching(v2Path)).atPriority(POLLS)
          .inScenario(V2_ASYNC).whenScenarioStateIs(required).willSetStateTo(next)
          .willReturn(dispatch(request -> {
            String chatId = Operation.GET_MESSAGE.pathParameters(path(request)).get("chatId");
            return json(200, Generation.demo(chatId, ASYNC_MESSAGE_ID, endingPart).messageAtPoll(seen, polls));
          }))).getId());
      pollStubs.add(server.stubFor(request("GET", urlPathMatching(v1Path)).atPriority(POLLS)
          .inScenario(V1_ASYNC).whenScenarioStateIs(required).willSetStateTo(next)
          .willReturn(dispatch(request -> {
            String chatId = Operation.V1_GET_MESSAGE.pathParameters(path(request)).get("chatId");
            boolean done = seen >= polls;
            List<Object> rows = Generation.v1Rows(done ? 1.0 : (double) seen / polls);
            return json(200, Fixtures.v1MessageMap(chatId, V1_ASYNC_MESSAGE_ID, "assistant", rowsText(rows), rows,
                done ? "stop" : null, true));
          }))).getId());
    }
  }

  private FakeV0Server script(Operation operation, StreamScript script, String v1ResponseMode) {
    StreamScript copy = script.copy();
    List<UUID> ids = new ArrayList<>();
    MappingBuilder mapping = request(operation.method(), urlPathMatching(operation.pathRegex())).atPriority(SCRIPT);
    if (v1ResponseMode != null) mapping.withRequestBody(matchingJsonPath("$.responseMode", equalTo(v1ResponseMode)));
    ids.add(server.stubFor(mapping.willReturn(dispatch(request -> SseRenderer.render(copy)))).getId());
    removeAll(scripts.put(operation, ids));
    return this;
  }

  private FakeV0Server override(Operation operation, ResponseDefinitionBuilder response, int times) {
    List<UUID> ids = new ArrayList<>();
    if (times == 0) {
      ids.add(server.stubFor(request(operation.method(), urlPathMatching(operation.pathRegex()))
          .atPriority(OVERRIDE).willReturn(response)).getId());
    } else {
      String scenario = "fail-" + operation + "-" + UUID.randomUUID();
      for (int i = 1; i <= times; i++) {
        ids.add(server.stubFor(request(operation.method(), urlPathMatching(operation.pathRegex()))
            .atPriority(OVERRIDE).inScenario(scenario)
            .whenScenarioStateIs(i == 1 ? Scenario.STARTED : "failed-" + (i - 1))
            .willSetStateTo("failed-" + i)
            .willReturn(response)).getId());
      }
    }
    removeAll(overrides.put(operation, ids));
    return this;
  }

  private void stub(Operation operation, int priority, Handler handler) {
    stub(operation, priority, handler, m -> m);
  }

  private void stub(Operation operation, int priority, Handler handler,
      java.util.function.UnaryOperator<MappingBuilder> customize) {
    server.stubFor(customize.apply(request(operation.method(), urlPathMatching(operation.pathRegex()))
        .atPriority(priority)).willReturn(dispatch(handler)));
  }

  private ResponseDefinitionBuilder dispatch(Handler handler) {
    String key = "h" + handlerIds.incrementAndGet();
    handlers.put(key, handler);
    return new ResponseDefinitionBuilder().withTransformers(TRANSFORMER).withTransformerParameter("handler", key);
  }

  private void removeAll(List<UUID> ids) {
    if (ids != null) for (UUID id : ids) removeStub(id);
  }

  private void removeStub(UUID id) {
    StubMapping stub = server.getSingleStubMapping(id);
    if (stub != null) server.removeStubMapping(stub);
  }

  /** Runs the handler named by the stub. */
  private final class Dispatcher implements ResponseDefinitionTransformerV2 {
    @Override public String getName() {
      return TRANSFORMER;
    }

    @Override public boolean applyGlobally() {
      return false;
    }

    @Override public ResponseDefinition transform(ServeEvent serveEvent) {
      String key = serveEvent.getTransformerParameters().getString("handler");
      Handler handler = handlers.get(key);
      if (handler == null) return errorResponse(false, 500, "fake server: no handler " + key).build();
      try {
        return handler.handle(serveEvent.getRequest());
      } catch (RuntimeException e) {
        return errorResponse(path(serveEvent.getRequest()).startsWith("/v1/"), 500,
            "fake server failed: " + e).build();
      }
    }
  }

  // ---------------------------------------------------------------- handlers

  private ResponseDefinition createChat(Request request) {
    return requireMessage(request, false, () -> {
      Object title = bodyField(request, "title");
      Object privacy = bodyField(request, "privacy");
      Object metadata = bodyField(request, "metadata");
      @SuppressWarnings("unchecked")
      Map<String, Object> chat = Fixtures.chatMap(CHAT_ID, title instanceof String ? (String) title : Fixtures.TITLE,
          privacy instanceof String ? (String) privacy : "private",
          metadata instanceof Map ? (Map<String, Object>) metadata : null);
      return json(200, obj("chat", chat, "usage", Fixtures.usageMap(1.0)));
    });
  }

  private ResponseDefinition v1Generate(Operation operation, Request request) {
    return requireMessage(request, true, () -> {
      String chatId = operation == Operation.V1_CREATE_CHAT ? CHAT_ID : param(operation, request, "chatId");
      String prompt = (String) bodyField(request, "message");
      Object mode = bodyField(request, "responseMode");
      if (mode == null || "sync".equals(mode)) {
        return json(200, Fixtures.v1ChatDetailMap(chatId, prompt, V1_MESSAGE_ID, true));
      } else if ("async".equals(mode)) {
        return json(200, Fixtures.v1ChatDetailMap(chatId, prompt, V1_ASYNC_MESSAGE_ID, false));
      } else if ("experimental_stream".equals(mode)) {
        return sse(StreamScript.v1DemoGeneration(chatId));
      }
      return errorResponse(true, 422, "Invalid responseMode: " + mode
          + " (expected sync, async or experimental_stream)").build();
    });
  }

  private ResponseDefinition listMessages(Request request, boolean v1) {
    Operation op = v1 ? Operation.V1_FIND_MESSAGES : Operation.LIST_MESSAGES;
    String chatId = param(op, request, "chatId");
    int max = v1 ? 150 : 100;
    int limit = 20;
    QueryParameter limitParam = request.queryParameter("limit");
    if (limitParam.isPresent()) {
      try {
        limit = (int) Double.parseDouble(limitParam.firstValue());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > max) {
        return errorResponse(v1, 422, "limit must be an integer from 1 to " + max).build();
      }
    }
    int offset = 0;
    QueryParameter cursorParam = request.queryParameter("cursor");
    if (cursorParam.isPresent()) {
      offset = decodeCursor(cursorParam.firstValue());
      if (offset < 0) return errorResponse(v1, 422, "Invalid cursor").build();
    }
    int total = historySize;
    int pageSize = fixedPageSize != null ? fixedPageSize : limit;
    int end = Math.min(total, offset + pageSize);
    List<Object> messages = new ArrayList<>();
    for (int index = offset; index < end; index++) {
      int number = total - index; // newest first; 1 is the oldest
      messages.add(v1 ? historyV1(chatId, number) : historyV2(chatId, number));
    }
    String next = end < total ? encodeCursor(end) : null;
    if (!v1) return json(200, obj("messages", messages, "cursor", next));
    Map<String, Object> pagination = obj("hasMore", next != null);
    if (next != null) {
      pagination.put("nextCursor", next);
      pagination.put("nextUrl", v1BaseUrl() + "/chats/" + chatId + "/messages?limit=" + limit + "&cursor=" + next);
    }
    return json(200, obj("object", "list", "data", messages, "pagination", pagination));
  }

  private static final List<String> TASK_TYPES = List.of("confirmed-steps", "plan-exit-response",
      "answered-questions", "confirmed-permissions", "vercel-connect-setup");

  /** 422 unless the body is a JSON object whose {@code task} is an object of a known type. */
  private static ResponseDefinition requireTask(Request request, Body body) {
    Object task = bodyField(request, "task");
    if (!(task instanceof Map)) return errorResponse(false, 422, "task: Required").build();
    Object type = ((Map<?, ?>) task).get("type");
    if (!TASK_TYPES.contains(type)) {
      return errorResponse(false, 422, "task.type: Invalid discriminator value. Expected "
          + String.join(" | ", TASK_TYPES)).build();
    }
    return body.get();
  }

  private ResponseDefinition connectStatus(Request request) {
    QueryParameter requestId = request.queryParameter("requestId");
    if (!requestId.isPresent() || requestId.firstValue().isEmpty()) {
      return errorResponse(false, 422, "requestId: Required").build();
    }
    int poll = connectPollCounts.merge(requestId.firstValue(), 1, Integer::sum);
    if (poll < connectPolls) {
      return json(200, obj("status", "pending", "progress", "Waiting for the user to authorize the connection"));
    }
    return json(200, obj("status", "ready", "connector", obj("id", "conn_5Tz1", "uid", "github-acme",
        "name", "GitHub (acme)", "service", "github", "type", "oauth", "supportedSubjectTypes", list("user", "app"),
        "supportsInstallation", true, "attachedToProject", false)));
  }

  private static final String[] PROMPTS = {
      Fixtures.PROMPT, "Add a dark mode toggle", "Persist the todos in localStorage", "Add drag and drop reordering",
      "Show a counter of active todos"};

  private static String historyId(int number) {
    return String.format("msg_h%03d", number);
  }

  private static Map<String, Object> historyV2(String chatId, int number) {
    long created = number * 120_000L;
    if (number % 2 == 1) {
      return Fixtures.userMessageMap(chatId, historyId(number), PROMPTS[(number / 2) % PROMPTS.length], created);
    }
    String text = "Done: " + PROMPTS[((number - 1) / 2) % PROMPTS.length].toLowerCase() + ".";
    Map<String, Object> message = Fixtures.messageMap(chatId, historyId(number),
        list(obj("type", "text", "text", text)), text, "stop", Fixtures.usageMap(0.2), created + 30_000);
    message.put("createdAt", Fixtures.timestamp(created + 1_000));
    return message;
  }

  private static Map<String, Object> historyV1(String chatId, int number) {
    long created = number * 120_000L;
    if (number % 2 == 1) {
      return Fixtures.v1MessageSummary(chatId, historyId(number), "user", PROMPTS[(number / 2) % PROMPTS.length],
          null, null, created);
    }
    String text = "Done: " + PROMPTS[((number - 1) / 2) % PROMPTS.length].toLowerCase() + ".";
    return Fixtures.v1MessageSummary(chatId, historyId(number), "assistant", text, list(Generation.row(text)), "stop",
        created + 1_000);
  }

  static String encodeCursor(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
  }

  static int decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      Object parsed = Json.parseOrNull(text);
      if (!(parsed instanceof Map)) return -1;
      Object offset = ((Map<?, ?>) parsed).get("offset");
      return offset instanceof Number ? ((Number) offset).intValue() : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static String rowsText(List<Object> rows) {
    List<String> texts = new ArrayList<>();
    for (Object row : rows) texts.add((String) ((List<?>) ((List<?>) row).get(1)).get(2));
    return String.join("\n\n", texts);
  }

  // ---------------------------------------------------------------- account operations

  private void installAccountDefaults() {
    stub(Operation.LIST_MCP_SERVERS, DEFAULT, request -> json(200, AccountFixtures.mcpServers()));
    stub(Operation.CREATE_MCP_SERVER, DEFAULT, request -> requireFields(request, body -> {
      if (((String) body.get("name")).isEmpty()) return errorResponse(false, 422, "name: must not be empty").build();
      Map<String, Object> server = AccountFixtures.mcpServer(MCP_SERVER_ID, (String) body.get("name"),
          (String) body.get("url"), "", true, obj("type", "none"), "user");
      return json(200, merged(server, body, "description", "enabled", "auth", "scope"));
    }, "name", String.class, "url", String.class));
    stub(Operation.GET_MCP_SERVER, DEFAULT, request ->
        json(200, AccountFixtures.mcpServer(param(Operation.GET_MCP_SERVER, request, "mcpServerId"))));
    stub(Operation.UPDATE_MCP_SERVER, DEFAULT, request -> requireFields(request, body -> {
      Map<String, Object> server = AccountFixtures.mcpServer(param(Operation.UPDATE_MCP_SERVER, request, "mcpServerId"));
      return json(200, merged(server, body, "name", "url", "description", "enabled", "auth", "scope"));
    }));
    stub(Operation.DELETE_MCP_SERVER, DEFAULT, request -> json(200, obj("success", true)));

    stub(Operation.GET_PREVIEW_HOSTS, DEFAULT, request ->
        json(200, AccountFixtures.previewHosts(AccountFixtures.defaultPreviewHosts())));
    stub(Operation.SET_PREVIEW_HOSTS, DEFAULT, request -> requireFields(request, body -> {
      List<?> hosts = (List<?>) body.get("hosts");
      if (hosts.size() > 5) return errorResponse(false, 422, "hosts: at most 5 entries").build();
      return json(200, AccountFixtures.previewHosts(hosts));
    }, "hosts", List.class));

    stub(Operation.GET_USAGE_SUMMARY, DEFAULT, request -> usageReport(request, false));
    stub(Operation.GET_USAGE_ACTIVITY, DEFAULT, request -> usageReport(request, true));
    stub(Operation.LIST_USAGE_EVENTS, DEFAULT, this::listUsageEvents);

    stub(Operation.LIST_WEBHOOKS, DEFAULT, request -> json(200, AccountFixtures.webhooks()));
    stub(Operation.CREATE_WEBHOOK, DEFAULT, request -> requireFields(request, body ->
        json(200, AccountFixtures.webhook(WEBHOOK_ID, (String) body.get("name"), (List<?>) body.get("events"),
            (String) body.get("url"), body.get("chatId"))),
        "name", String.class, "events", List.class, "url", String.class));
    stub(Operation.GET_WEBHOOK, DEFAULT, request ->
        json(200, AccountFixtures.webhook(param(Operation.GET_WEBHOOK, request, "hookId"))));
    stub(Operation.UPDATE_WEBHOOK, DEFAULT, request -> requireFields(request, body -> {
      Map<String, Object> hook = AccountFixtures.webhook(param(Operation.UPDATE_WEBHOOK, request, "hookId"));
      return json(200, merged(hook, body, "name", "events", "url"));
    }));
    stub(Operation.DELETE_WEBHOOK, DEFAULT, request ->
        json(200, obj("id", param(Operation.DELETE_WEBHOOK, request, "hookId"), "deleted", true)));
  }

  private ResponseDefinition usageReport(Request request, boolean activity) {
    Instant[] range = usageRange(request);
    if (range == null) return errorResponse(false, 422, "start and end must be ISO-8601 instants, start before end").build();
    String userId = queryValue(request, "userId");
    return json(200, activity ? AccountFixtures.usageActivity(range[0], range[1], userId)
        : AccountFixtures.usageSummary(range[0], range[1], userId));
  }

  private ResponseDefinition listUsageEvents(Request request) {
    Instant[] range = usageRange(request);
    if (range == null) return errorResponse(false, 422, "start and end must be ISO-8601 instants, start before end").build();
    int limit = 50;
    String limitParam = queryValue(request, "limit");
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 100) return errorResponse(false, 422, "limit must be an integer from 1 to 100").build();
    }
    int offset = 0;
    String cursor = queryValue(request, "cursor");
    if (cursor != null) {
      offset = decodeCursor(cursor);
      if (offset < 0) return errorResponse(false, 422, "Invalid cursor").build();
    }
    String userId = queryValue(request, "userId");
    int total = usageEventCount;
    int end = Math.min(total, offset + limit);
    List<Object> events = new ArrayList<>();
    for (int index = offset; index < end; index++) {
      events.add(AccountFixtures.usageEvent(index, userId, queryValue(request, "chatId"),
          queryValue(request, "messageId")));
    }
    String next = end < total ? encodeCursor(end) : null;
    return json(200, AccountFixtures.usageEventList(range[0], range[1], userId, events, next));
  }

  /** The range of a usage request ({@code start}, {@code end}; the month of the epoch by default), or null if invalid. */
  private static Instant[] usageRange(Request request) {
    try {
      String start = queryValue(request, "start");
      String end = queryValue(request, "end");
      Instant from = start != null ? Instant.parse(start) : AccountFixtures.USAGE_START;
      Instant to = end != null ? Instant.parse(end) : AccountFixtures.USAGE_END;
      return from.isAfter(to) ? null : new Instant[] {from, to};
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String queryValue(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() ? parameter.firstValue() : null;
  }

  private interface ObjectBody {
    ResponseDefinition handle(Map<?, ?> body);
  }

  /**
   * 422 unless the body is a JSON object with the {@code required} fields, given as pairs of name
   * and JSON type ({@code String.class}, {@code List.class}); else what {@code handler} answers.
   */
  private static ResponseDefinition requireFields(Request request, ObjectBody handler, Object... required) {
    Object parsed = Json.parseOrNull(request.getBodyAsString());
    if (!(parsed instanceof Map)) return errorResponse(false, 422, "The request body must be a JSON object").build();
    Map<?, ?> body = (Map<?, ?>) parsed;
    for (int i = 0; i < required.length; i += 2) {
      if (!((Class<?>) required[i + 1]).isInstance(body.get(required[i]))) {
        return errorResponse(false, 422, required[i] + ": Required").build();
      }
    }
    return handler.handle(body);
  }

  /** {@code base} with the {@code fields} that {@code body} sets. */
  private static Map<String, Object> merged(Map<String, Object> base, Map<?, ?> body, String... fields) {
    for (String field : fields) {
      if (body.containsKey(field) && body.get(field) != null) base.put(field, body.get(field));
    }
    return base;
  }

  // ---------------------------------------------------------------- helpers

  private interface Body {
    ResponseDefinition get();
  }

  /** 422 unless the body is a JSON object with a non-empty string {@code message}. */
  private static ResponseDefinition requireMessage(Request request, boolean v1, Body body) {
    Object parsed = Json.parseOrNull(request.getBodyAsString());
    if (!(parsed instanceof Map)) return errorResponse(v1, 422, "The request body must be a JSON object").build();
    Object message = ((Map<?, ?>) parsed).get("message");
    if (!(message instanceof String) || ((String) message).isEmpty()) {
      return errorResponse(v1, 422, "message: Required").build();
    }
    return body.get();
  }

  static Object bodyField(Request request, String name) {
    Object parsed = Json.parseOrNull(request.getBodyAsString());
    return parsed instanceof Map ? ((Map<?, ?>) parsed).get(name) : null;
  }

  private boolean authorized(Request request) {
    String header = request.getHeader("Authorization");
    if (header == null) return false;
    java.util.regex.Matcher matcher = BEARER.matcher(header);
    if (!matcher.matches()) return false;
    String expected = apiKey;
    return expected == null || expected.equals(matcher.group(1));
  }

  private static String param(Operation operation, Request request, String name) {
    String value = operation.pathParameters(path(request)).get(name);
    if (value == null) throw new IllegalStateException(path(request) + " has no " + name);
    return value;
  }

  static String path(Request request) {
    String url = request.getUrl();
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private ResponseDefinition sse(StreamScript script) {
    return SseRenderer.render(script.delayBetweenEvents(Duration.ofMillis(streamDelayMillis)));
  }

  static ResponseDefinition json(int status, Object body) {
    return new ResponseDefinitionBuilder().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.write(body)).build();
  }

  static ResponseDefinitionBuilder errorResponse(boolean v1, int status, String message) {
    ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(v1 ? Fixtures.v1Error(message, Fixtures.v1ErrorType(status)) : Fixtures.error(message));
    if (status == 429) response.withHeader("Retry-After", "1");
    return response;
  }
}
