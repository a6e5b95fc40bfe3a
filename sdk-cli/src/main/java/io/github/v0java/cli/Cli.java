package io.github.v0java.cli;

import io.github.v0java.AgentRequest;
import io.github.v0java.ChatFilter;
import io.github.v0java.Chats;
import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.Paginated;
import io.github.v0java.PendingGeneration;
import io.github.v0java.PollListener;
import io.github.v0java.PollingOptions;
import io.github.v0java.ResolveTasks;
import io.github.v0java.V0Client;
import io.github.v0java.V0Exception;
import io.github.v0java.V0InvalidRequestException;
import io.github.v0java.V0StreamException;
import io.github.v0java.V0StreamInterruptedException;
import io.github.v0java.V0TimeoutException;
import io.github.v0java.V1Stream;
import io.github.v0java.V1StreamEvent;
import io.github.v0java.model.Chat;
import io.github.v0java.model.ChatPrivacy;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.Credits;
import io.github.v0java.model.DailyUsage;
import io.github.v0java.model.DeleteChatResponse;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.model.ResolveTaskRequest;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.StopMessageResponse;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.UpdateChatRequest;
import io.github.v0java.model.UsageSummary;
import io.github.v0java.sse.ServerSentEvent;
import io.github.v0java.sse.ServerSentEventReader;
import io.github.v0java.v1.model.ChatDetail;
import io.github.v0java.v1.model.ForkChatRequest;
import io.github.v0java.v1.model.MessageDetail;
import io.github.v0java.v1.model.MessageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okio.BufferedSource;
import okio.Okio;

/**
 * The {@code v0} command. {@link #run} is the whole program, with its streams and environment
 * passed in, so that tests run it in-process; {@link Main} hands it the real ones.
 */
public final class Cli {
  static final String VERSION = "0.1.0-SNAPSHOT";
  private static final String USER_AGENT = "v0-cli/" + VERSION;

  private final Console console;
  private final Map<String, String> env;
  private final InputStream stdin;

  private Invocation invocation;
  private boolean json;
  private JsonLines lines;
  /** The base URL the command talks to, for messages about an unreachable server. */
  private String target;

  Cli(Console console, Map<String, String> env, InputStream stdin) {
    this.console = console;
    this.env = env;
    this.stdin = stdin;
  }

  /**
   * Runs {@code v0 args...} and returns its exit code: 0 on success, 1 on an API, network or
   * stream error, 2 on bad usage. Styles and the spinner are used only when {@code out} and
   * {@code err} are the process's own streams attached to a terminal.
   *
   * @param args the command line after {@code v0}
   * @param out where results go (one JSON object per line with {@code --json})
   * @param err where progress, warnings and errors go
   * @param env the environment ({@code V0_API_KEY}, {@code NO_COLOR}, {@code TERM})
   * @param stdin what {@code -} reads (replay captures, resolve tasks)
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      InputStream stdin) {
    boolean terminal = isTerminal() && out == System.out && err == System.err;
    boolean colors = terminal && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
    Cli cli = new Cli(new Console(out, err, colors, terminal), env, stdin);
    // On Ctrl-C, leave the terminal tidy: no spinner left over, the prompt on a line of its own.
    Thread tidy = terminal ? new Thread(() -> {
      cli.console.stopSpinner();
      cli.console.endLine();
    }, "v0-exit") : null;
    if (tidy != null) Runtime.getRuntime().addShutdownHook(tidy);
    try {
      return cli.execute(args);
    } finally {
      if (tidy != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(tidy);
        } catch (IllegalStateException shuttingDown) {
          // The hook runs.
        }
      }
    }
  }

  /**
   * Whether the process is attached to a terminal: {@code System.console() != null}, and on Java
   * 22+ (where a console exists even when redirected) also {@code Console.isTerminal()}.
   */
  static boolean isTerminal() {
    java.io.Console systemConsole = System.console();
    if (systemConsole == null) return false;
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(systemConsole);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // Before Java 22 a console exists only on a terminal.
    }
  }

  Console console() {
    return console;
  }

  int execute(String[] args) {
    // Before anything can be printed: the key must not show even in a usage error.
    console.mask(env.get(V0Client.API_KEY_ENV));
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--api-key") && i + 1 < args.length) console.mask(args[i + 1]);
      if (args[i].startsWith("--api-key=")) console.mask(args[i].substring("--api-key=".length()));
    }
    try {
      invocation = Invocation.parse(args);
    } catch (UsageException e) {
      return usageError(e);
    }
    json = invocation.has("--json");
    if (invocation.command == null) {
      console.print(Command.globalHelp());
      return 0;
    }
    if (invocation.wantsHelp()) {
      console.print(invocation.command.help());
      return 0;
    }
    try {
      return dispatch();
    } catch (UsageException e) {
      return usageError(e);
    } finally {
      console.stopSpinner();
    }
  }

  private int usageError(UsageException e) {
    console.error("v0: " + e.getMessage());
    Command command = e.command();
    console.error("usage: " + (command != null ? command.usage() : "v0 COMMAND [ARGUMENTS] [options]"));
    console.error("run 'v0 " + (command != null ? command.words + " " : "") + "--help' for more");
    return Failure.EXIT_USAGE;
  }

  private int dispatch() throws UsageException {
    Command command = invocation.command;
    String api = invocation.value("--api");
    if (api != null && !api.equals("v1") && !api.equals("v2")) {
      throw new UsageException("--api must be v1 or v2, not '" + api + "'", command);
    }
    boolean v1 = "v1".equals(api);
    Settings settings = Settings.of(invocation, command);
    lines = null;

    if (command == Command.REPLAY) return replay(settings);

    Sandbox sandbox = null;
    String apiKey = invocation.value("--api-key");
    if (apiKey == null) apiKey = env.get(V0Client.API_KEY_ENV);
    if (apiKey != null && apiKey.isBlank()) apiKey = null;
    String baseUrl = invocation.value("--base-url");
    if (command == Command.DEMO) {
      sandbox = Sandbox.start(settings.delayMillis);
    } else if (apiKey == null && baseUrl == null) {
      console.error("v0: no API key (--api-key or V0_API_KEY) and no --base-url: running against"
          + " an embedded fake v0 server (see 'v0 demo --help')");
      sandbox = Sandbox.start(settings.delayMillis);
    } else if (apiKey == null) {
      throw new UsageException("no API key: pass --api-key KEY or set the environment variable "
          + V0Client.API_KEY_ENV, command);
    }
    try {
      V0Client client;
      if (sandbox != null) {
        client = sandbox.client(USER_AGENT); // With the fake's own key, which is no secret.
        target = v1 ? sandbox.v1BaseUrl() : sandbox.baseUrl();
      } else {
        console.mask(apiKey);
        client = buildClient(apiKey, baseUrl, v1, command);
      }
      lines = new JsonLines(client.moshi());
      try {
        if (command == Command.DEMO) return demo(client, sandbox, v1);
        return run(client, command, settings, v1);
      } finally {
        client.close();
      }
    } finally {
      if (sandbox != null) sandbox.close();
    }
  }

  private V0Client buildClient(String apiKey, String baseUrl, boolean v1, Command command)
      throws UsageException {
    V0Client.Builder builder = V0Client.builder().apiKey(apiKey).userAgent(USER_AGENT);
    try {
      if (baseUrl != null) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String v2Url = v1 ? swapSuffix(trimmed, "/v1", "/v2") : trimmed;
        String v1Url = v1 ? trimmed : swapSuffix(trimmed, "/v2", "/v1");
        builder.baseUrl(v2Url).v1BaseUrl(v1Url);
      }
      V0Client client = builder.build();
      boolean usesV1 = v1 || command == Command.FORK;
      target = (usesV1 ? client.v1BaseUrl() : client.baseUrl()).toString();
      return client;
    } catch (V0InvalidRequestException e) {
      String option = "apiKey".equals(e.field()) ? "--api-key/V0_API_KEY" : "--base-url";
      // The message never contains the key (the SDK's checks say only what is wrong with it).
      throw new UsageException(option + ": " + stripField(e), command);
    }
  }

  private static String stripField(V0InvalidRequestException e) {
    String message = e.getMessage();
    String prefix = e.field() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** {@code https://host/v2} with {@code /v2} replaced by {@code /v1}; the same URL otherwise. */
  static String swapSuffix(String url, String from, String to) {
    return url.endsWith(from) ? url.substring(0, url.length() - from.length()) + to : url;
  }

  private int run(V0Client client, Command command, Settings settings, boolean v1)
      throws UsageException {
    try {
      switch (command) {
        case CHAT_CREATE:
          return v1 ? chatCreateV1(client, settings) : chatCreate(client, settings);
        case SEND:
          return v1 ? sendV1(client, settings) : send(client, settings);
        case MESSAGES_LIST:
          return v1 ? messagesListV1(client, settings) : messagesList(client, settings);
        case MESSAGE_GET:
          return v1 ? messageGetV1(client) : messageGet(client);
        case STOP:
          return stop(client, v1);
        case FORK:
          return fork(client, settings);
        default:
          break;
      }
      if (v1) throw new UsageException("'v0 " + command.words + "' is an API v2 command", command);
      switch (command) {
        case RESOLVE:
          return resolve(client, settings);
        case CHATS_LIST:
          return chatsList(client, settings);
        case CHAT_GET:
          return chatGet(client);
        case CHAT_UPDATE:
          return chatUpdate(client);
        case CHAT_DELETE:
          return chatDelete(client);
        case USAGE_SUMMARY:
          return usageSummary(client);
        case FILES_PULL:
          return project(client).pull(invocation.argument(0), invocation.argument(1));
        case FILES_DOWNLOAD:
          return project(client).download(invocation.argument(0), invocation.argument(1));
        case PREVIEW:
          return project(client).preview(invocation.argument(0), invocation.has("--wait"),
              settings.polling(), invocation.has("--show-token"));
        case PREVIEW_SERVE:
          return project(client).serve(invocation.argument(0), port(command));
        default:
          throw new IllegalStateException("unhandled command " + command);
      }
    } catch (V0InvalidRequestException e) {
      throw new UsageException(e.getMessage(), command);
    } catch (V0Exception | IOException e) {
      return fail(e, null);
    }
  }

  // --- chat create / send (v2) ---

  private int chatCreate(V0Client client, Settings settings) {
    CreateChatRequest request = CreateChatRequest.builder().message(invocation.argument(0)).build();
    switch (settings.mode) {
      case "sync": {
        console.startSpinner("waiting for the answer");
        ChatWithUsage result = client.chats().create(request);
        console.stopSpinner();
        if (json) return result(result);
        console.line("chat " + console.bold(result.getChat().getId())
            + (result.getChat().getTitle() != null ? "  " + result.getChat().getTitle() : ""));
        String tokens = LiveRenderer.tokens(result.getUsage());
        String credits = LiveRenderer.credits(result.getUsage());
        if (tokens != null) console.line(console.dim(tokens + (credits != null ? " | " + credits : "")));
        console.line(console.dim("see the answer: v0 messages list " + result.getChat().getId()));
        return 0;
      }
      case "async":
        return pollV2(client.chats().createAsync(request, settings.polling()));
      default:
        return stream(client.chats().createStream(request), ChatStreamEvent.class, null);
    }
  }

  private int send(V0Client client, Settings settings) {
    String chatId = invocation.argument(0);
    SendMessageRequest request = SendMessageRequest.builder().message(invocation.argument(1)).build();
    return answer(settings, chatId, () -> client.messages().send(chatId, request),
        () -> client.messages().sendAsync(chatId, request, settings.polling()),
        () -> client.messages().sendStream(chatId, request));
  }

  /** {@code resolve}: the task read from the file, then exactly what {@code send} shows. */
  private int resolve(V0Client client, Settings settings) throws UsageException {
    String chatId = invocation.argument(0);
    String file = invocation.argument(1);
    ResolveTask task = ResolveTasks.fromJson(readText(file, Command.RESOLVE));
    ResolveTaskRequest request = ResolveTaskRequest.builder().task(task).build();
    return answer(settings, chatId, () -> client.messages().resolve(chatId, request),
        () -> client.messages().resolveAsync(chatId, request, settings.polling()),
        () -> client.messages().resolveStream(chatId, request));
  }

  /** Shows the agent's answer in the chosen {@code --mode}: the one path of send and resolve. */
  private int answer(Settings settings, String chatId, Supplier<Message> sync,
      Supplier<PendingGeneration<Message>> async, Supplier<EventStream<MessageStreamEvent>> stream) {
    switch (settings.mode) {
      case "sync": {
        console.startSpinner("waiting for the answer");
        Message message = sync.get();
        console.stopSpinner();
        if (json) return result(message);
        renderMessage(message);
        return 0;
      }
      case "async":
        return pollV2(async.get());
      default:
        return stream(stream.get(), MessageStreamEvent.class, chatId);
    }
  }

  /** The text of {@code file}, or of stdin for {@code -}, as UTF-8. */
  private String readText(String file, Command command) throws UsageException {
    try {
      byte[] bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file, command);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), command);
    }
  }

  /** Shows a live stream, event by event, and its final message. */
  private <E> int stream(EventStream<E> stream, Class<E> eventType, String chatId) {
    LiveRenderer renderer = new LiveRenderer(console);
    boolean chatShown = false;
    console.startSpinner("waiting for the answer");
    try (stream) {
      E event;
      while ((event = stream.next()) != null) {
        MessageState state = stream.state();
        if (json) {
          console.line(lines.line("event", eventTree(event, eventType)));
        } else {
          if (!chatShown && state.chat() != null) {
            chatShown = true;
            console.line(console.dim("chat " + state.chat().getId()));
          }
          renderer.update(state.parts());
        }
        console.startSpinner("generating");
      }
      MessageState last = stream.state();
      console.stopSpinner();
      if (stream.recovered()) {
        console.error("v0: the connection broke before the end; the finished message was"
            + " recovered by polling it");
      }
      if (json) {
        console.line(lines.line("final", lines.message(last)));
      } else {
        renderer.finish(last.finishReason(), last.usage(), last.content());
        if (last.chat() != null || last.title() != null) {
          String streamedChatId = last.chat() != null ? last.chat().getId() : null;
          String title = last.title() != null ? last.title()
              : last.chat() != null ? last.chat().getTitle() : null;
          console.line(console.dim("chat " + (streamedChatId != null ? streamedChatId : "?")
              + (title != null ? "  \"" + title + "\"" : "")));
        }
        new PendingRequestText(console).show(AgentRequest.pendingIn(last),
            last.chat() != null ? last.chat().getId() : chatId);
      }
      return 0;
    } catch (V0StreamException e) {
      return fail(e, stateTree(e.lastState()));
    } catch (V0StreamInterruptedException e) {
      return fail(e, stateTree(e.lastState()));
    } catch (V0Exception e) {
      return fail(e, stateTree(stream.state()));
    }
  }

  private Object eventTree(Object event, Class<?> eventType) {
    if (event instanceof MessageStreamEvent.Unknown unknown) return JsonLines.normalize(unknown.json());
    if (event instanceof ChatStreamEvent.Unknown unknown) return JsonLines.normalize(unknown.json());
    return JsonLines.objectFirst(lines.tree(event, eventType));
  }

  /** The accumulated message for the error output, or null if the stream never got that far. */
  private Object stateTree(MessageState state) {
    if (state == null) return null;
    if (state.messageId() == null && state.parts().isEmpty() && state.snapshot() == null
        && state.chat() == null) {
      return null;
    }
    return lines.message(state);
  }

  private int pollV2(PendingGeneration<Message> pending) {
    LiveRenderer renderer = new LiveRenderer(console);
    return poll(pending, message -> lines.tree(message, Message.class),
        message -> renderer.update(message.getParts()),
        message -> {
          renderer.finish(message.getFinishReason(), message.getUsage(), message.getContent());
          new PendingRequestText(console).show(AgentRequest.pendingIn(message), pending.chatId());
        });
  }

  /** Waits for an asynchronous generation, showing each polled state that changed. */
  private <T> int poll(PendingGeneration<T> pending, Function<T, Object> tree,
      Consumer<T> render, Consumer<T> finish) {
    if (!json) {
      console.line(console.dim("chat " + pending.chatId() + ", message " + pending.messageId()
          + " (polling until it is done)"));
    }
    console.startSpinner("generating (polling)");
    try {
      T done = pending.await(new PollListener<T>() {
        @Override public void onProgress(T state) {
          if (json) {
            console.line(lines.line("state", tree.apply(state)));
          } else {
            render.accept(state);
          }
        }
      });
      console.stopSpinner();
      if (json) {
        console.line(lines.line("final", tree.apply(done)));
      } else {
        render.accept(done);
        finish.accept(done);
      }
      return 0;
    } catch (V0TimeoutException e) {
      @SuppressWarnings("unchecked") // The last polled message of this generation.
      T last = (T) e.lastPolled();
      return fail(e, last == null ? null : tree.apply(last));
    } catch (V0Exception e) {
      T last = pending.lastPolled();
      return fail(e, last == null ? null : tree.apply(last));
    }
  }

  // --- chat create / send (v1) ---

  private int chatCreateV1(V0Client client, Settings settings) {
    io.github.v0java.v1.model.CreateChatRequest request =
        io.github.v0java.v1.model.CreateChatRequest.builder().message(invocation.argument(0)).build();
    switch (settings.mode) {
      case "sync": {
        console.startSpinner("waiting for the answer");
        ChatDetail chat = client.v1().createChat(request);
        console.stopSpinner();
        return json ? result(chat) : renderChatDetail(chat);
      }
      case "async":
        return pollV1(client.v1().createChatAsync(request, settings.polling()));
      default:
        return streamV1(client.v1().createChatStream(request));
    }
  }

  private int sendV1(V0Client client, Settings settings) {
    String chatId = invocation.argument(0);
    io.github.v0java.v1.model.SendMessageRequest request =
        io.github.v0java.v1.model.SendMessageRequest.builder().message(invocation.argument(1)).build();
    switch (settings.mode) {
      case "sync": {
        console.startSpinner("waiting for the answer");
        ChatDetail chat = client.v1().sendMessage(chatId, request);
        console.stopSpinner();
        return json ? result(chat) : renderChatDetail(chat);
      }
      case "async":
        return pollV1(client.v1().sendMessageAsync(chatId, request, settings.polling()));
      default:
        return streamV1(client.v1().sendMessageStream(chatId, request));
    }
  }

  private int renderChatDetail(ChatDetail chat) {
    console.line("chat " + console.bold(chat.getId())
        + (chat.getName() != null ? "  " + chat.getName() : chat.getTitle() != null ? "  " + chat.getTitle() : ""));
    if (chat.getWebUrl() != null) console.line(console.dim(chat.getWebUrl()));
    if (chat.getText() != null && !chat.getText().isBlank()) {
      console.line("");
      console.line(chat.getText());
    }
    return 0;
  }

  private int pollV1(PendingGeneration<MessageDetail> pending) {
    TextTail tail = new TextTail(console);
    return poll(pending, message -> lines.tree(message, MessageDetail.class),
        message -> tail.update(message.getContent()),
        message -> {
          console.endLine();
          if (message.getFinishReason() != null) {
            console.line("");
            console.line(console.dim("finished: " + message.getFinishReason().value()));
          }
        });
  }

  private int streamV1(V1Stream stream) {
    TextTail tail = new TextTail(console);
    console.startSpinner("waiting for the answer");
    try (stream) {
      V1StreamEvent event;
      while ((event = stream.next()) != null) {
        if (json) {
          console.line(lines.line("event", JsonLines.normalize(event.json())));
        } else if (event.kind() == V1StreamEvent.Kind.DELTA) {
          tail.update(V1Text.of(stream.content()));
        }
        console.startSpinner("generating");
      }
      console.stopSpinner();
      if (json) {
        console.line(lines.line("final", v1Final(stream)));
      } else {
        console.endLine();
        Map<String, Object> chat = stream.chat();
        if (chat != null && chat.get("id") != null) {
          console.line("");
          console.line(console.dim("chat " + chat.get("id")));
        }
      }
      return 0;
    } catch (V0Exception e) {
      return fail(e, stream.content().isEmpty() ? null : v1Final(stream));
    }
  }

  private Map<String, Object> v1Final(V1Stream stream) {
    Map<String, Object> result = new LinkedHashMap<>();
    Map<String, Object> chat = stream.chat();
    result.put("chatId", chat != null ? chat.get("id") : null);
    result.put("content", JsonLines.normalize(stream.content()));
    result.put("text", V1Text.of(stream.content()));
    result.put("finished", stream.isFinished());
    return result;
  }

  // --- messages list, message get, stop, fork ---

  private int messagesList(V0Client client, Settings settings) {
    int limit = settings.limit != null ? settings.limit : (settings.all ? 100 : 20);
    return printPages(client.messages().listAll(invocation.argument(0), limit), settings, "messages",
        new ItemPrinter<Message>() {
          @Override public void print(Message message) {
            if (json) {
              console.line(lines.line("item", lines.tree(message, Message.class)));
            } else {
              console.line(messageLine(message.getId(), message.getRole() == null ? null
                  : message.getRole().value(), message.getFinishReason() == null ? null
                  : message.getFinishReason().value(), String.valueOf(message.getCreatedAt()),
                  preview(message)));
            }
          }
        });
  }

  private int messagesListV1(V0Client client, Settings settings) {
    return printPages(client.v1().findAllMessages(invocation.argument(0), settings.limit), settings,
        "messages", new ItemPrinter<MessageSummary>() {
          @Override public void print(MessageSummary message) {
            if (json) {
              console.line(lines.line("item", lines.tree(message, MessageSummary.class)));
            } else {
              console.line(messageLine(message.getId(), message.getRole() == null ? null
                  : message.getRole().value(), message.getFinishReason() == null ? null
                  : message.getFinishReason().value(), message.getCreatedAt(),
                  message.getContent()));
            }
          }
        });
  }

  /** Prints one item of a list. */
  private interface ItemPrinter<T> {
    void print(T item);
  }

  /**
   * Prints the pages of {@code list} from {@code --cursor}: all of them with {@code --all}, else
   * the first, with a hint on stderr naming the cursor of the next.
   */
  private <P, T> int printPages(Paginated<P, T> list, Settings settings, String noun,
      ItemPrinter<T> printer) {
    Paginated<P, T> pages = list.startingAt(invocation.value("--cursor"));
    console.startSpinner("listing");
    try {
      for (P page : pages.pages()) {
        console.stopSpinner();
        for (T item : pages.items(page)) printer.print(item);
        String next = pages.nextCursor(page);
        if (!settings.all) {
          if (next != null && !next.isEmpty()) {
            console.error("v0: more " + noun + ": add --all, or --cursor " + next);
          }
          return 0;
        }
        console.startSpinner("listing");
      }
      return 0;
    } finally {
      console.stopSpinner();
    }
  }

  private String messageLine(String id, String role, String finishReason, String createdAt,
      String preview) {
    // Only an assistant message is generated; a user message has no finish reason to wait for.
    String state = finishReason != null ? finishReason : "assistant".equals(role) ? "generating" : "";
    return console.bold(String.valueOf(id)) + "  " + String.format("%-9s", role == null ? "?" : role)
        + " " + String.format("%-10s", state) + " " + console.dim(String.valueOf(createdAt))
        + (preview == null || preview.isBlank() ? "" : "  " + LiveRenderer.abbreviate(preview, 72));
  }

  private static String preview(Message message) {
    if (message.getContent() != null && !message.getContent().isBlank()) return message.getContent();
    if (message.getParts() == null) return null;
    StringBuilder text = new StringBuilder();
    for (MessagePart part : message.getParts()) {
      if (part instanceof TextPart textPart && textPart.getText() != null) {
        text.append(textPart.getText()).append(' ');
      }
    }
    return text.toString();
  }

  private int messageGet(V0Client client) {
    Message message = client.messages().get(invocation.argument(0), invocation.argument(1));
    if (json) return result(message);
    renderMessage(message);
    return 0;
  }

  private void renderMessage(Message message) {
    console.line(console.dim("message " + message.getId()
        + (message.getRole() != null ? " (" + message.getRole().value() + ")" : "")
        + (message.getChatId() != null ? " of chat " + message.getChatId() : "")
        + (message.getCreatedAt() != null ? ", " + message.getCreatedAt() : "")));
    LiveRenderer renderer = new LiveRenderer(console);
    renderer.update(message.getParts());
    renderer.finish(message.getFinishReason(), message.getUsage(), message.getContent());
    if (message.getFinishReason() == null) console.line(console.dim("(still generating)"));
    new PendingRequestText(console).show(AgentRequest.pendingIn(message), message.getChatId());
  }

  private int messageGetV1(V0Client client) {
    MessageDetail message = client.v1().getMessage(invocation.argument(0), invocation.argument(1));
    if (json) return result(message);
    console.line(console.dim("message " + message.getId()
        + (message.getRole() != null ? " (" + message.getRole().value() + ")" : "")
        + (message.getCreatedAt() != null ? ", " + message.getCreatedAt() : "")));
    if (message.getContent() != null) console.line(message.getContent());
    console.line(console.dim(message.getFinishReason() != null
        ? "finished: " + message.getFinishReason().value() : "(still generating)"));
    return 0;
  }

  private int stop(V0Client client, boolean v1) {
    String chatId = invocation.argument(0);
    String messageId = invocation.argument(1);
    Object response = v1 ? client.v1().stop(chatId, messageId) : client.messages().stop(chatId, messageId);
    if (json) return result(response);
    String stopped = response instanceof StopMessageResponse v2 && v2.getMessageId() != null
        ? v2.getMessageId() : messageId;
    console.line("stop requested for message " + stopped
        + " (the agent stops at its next safe point)");
    return 0;
  }

  private int fork(V0Client client, Settings settings) {
    String version = invocation.value("--version");
    ForkChatRequest request = version == null ? null : ForkChatRequest.builder().versionId(version).build();
    ChatDetail chat = client.v1().fork(invocation.argument(0), request);
    if (json) return result(chat);
    console.line("forked chat " + invocation.argument(0) + " -> " + console.bold(chat.getId())
        + (version != null ? " (from version " + version + ")" : ""));
    if (chat.getWebUrl() != null) console.line(console.dim(chat.getWebUrl()));
    return 0;
  }

  // --- chats list, chat get/delete, usage summary ---

  private int chatsList(V0Client client, Settings settings) throws UsageException {
    int limit = settings.limit != null ? settings.limit : (settings.all ? Chats.MAX_LIMIT : Chats.DEFAULT_LIMIT);
    return printPages(client.chats().listAll(chatFilter(), limit), settings, "chats", chat -> {
      if (json) {
        console.line(lines.line("item", lines.tree(chat, Chat.class)));
      } else {
        console.line(chatLine(chat));
      }
    });
  }

  /** The filter {@code --author}, {@code --project} and {@code --metadata KEY=VALUE} ask for. */
  private ChatFilter chatFilter() throws UsageException {
    ChatFilter.Builder filter = ChatFilter.builder()
        .authorId(invocation.value("--author"))
        .vercelProjectId(invocation.value("--project"));
    String metadata = invocation.value("--metadata");
    if (metadata != null) {
      int equals = metadata.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--metadata must be KEY=VALUE, not '" + metadata + "'", Command.CHATS_LIST);
      }
      filter.metadata(metadata.substring(0, equals), metadata.substring(equals + 1));
    }
    return filter.build();
  }

  private String chatLine(Chat chat) {
    return console.bold(String.valueOf(chat.getId())) + "  "
        + String.format("%-8s", chat.getPrivacy() == null ? "?" : chat.getPrivacy().value()) + " "
        + console.dim(String.valueOf(chat.getUpdatedAt() != null ? chat.getUpdatedAt() : chat.getCreatedAt()))
        + (chat.getTitle() != null ? "  " + LiveRenderer.abbreviate(chat.getTitle(), 72) : "");
  }

  private int chatGet(V0Client client) {
    return showChat(client.chats().get(invocation.argument(0)));
  }

  private int chatUpdate(V0Client client) throws UsageException {
    String title = invocation.value("--title");
    String privacy = invocation.value("--privacy");
    if (title == null && privacy == null) {
      throw new UsageException("nothing to change: give --title or --privacy", Command.CHAT_UPDATE);
    }
    if (privacy != null && !ChatPrivacy.of(privacy).isKnown()) {
      throw new UsageException("--privacy must be public, private, team, team-edit or unlisted, not '"
          + privacy + "'", Command.CHAT_UPDATE);
    }
    UpdateChatRequest.Builder request = UpdateChatRequest.builder().title(title);
    if (privacy != null) request.privacy(ChatPrivacy.of(privacy));
    return showChat(client.chats().update(invocation.argument(0), request.build()));
  }

  private int showChat(Chat chat) {
    if (json) return result(chat);
    console.line("chat " + console.bold(chat.getId()) + (chat.getTitle() != null ? "  " + chat.getTitle() : ""));
    if (chat.getPrivacy() != null) console.line("privacy   " + chat.getPrivacy().value());
    if (chat.getCreatedAt() != null) console.line("created   " + chat.getCreatedAt());
    if (chat.getUpdatedAt() != null) console.line("updated   " + chat.getUpdatedAt());
    if (chat.getAuthorId() != null) console.line("author    " + chat.getAuthorId());
    if (chat.getVercelProjectId() != null) console.line("project   " + chat.getVercelProjectId());
    if (chat.getMetadata() != null) {
      for (Map.Entry<String, String> entry : chat.getMetadata().entrySet()) {
        console.line("metadata  " + entry.getKey() + "=" + entry.getValue());
      }
    }
    return 0;
  }

  private int chatDelete(V0Client client) {
    DeleteChatResponse deleted = client.chats().delete(invocation.argument(0));
    if (json) return result(deleted);
    console.line("deleted chat " + (deleted != null && deleted.getChatId() != null
        ? deleted.getChatId() : invocation.argument(0)));
    return 0;
  }

  private int usageSummary(V0Client client) {
    UsageSummary summary = client.usage().summary();
    if (json) return result(summary);
    if (summary.getRange() != null) {
      console.line(console.dim("from " + summary.getRange().getStart() + " to " + summary.getRange().getEnd()));
    }
    console.line("credits: " + credits(summary.getCredits()));
    if (summary.getDaily() != null) {
      for (DailyUsage day : summary.getDaily()) {
        console.line("  " + day.getDate() + "  " + credits(day.getCredits()));
      }
    }
    return 0;
  }

  private static String credits(Credits credits) {
    if (credits == null) return "?";
    return String.format(Locale.ROOT, "%.4f total (%.4f plan, %.4f on demand)", orZero(credits.getTotal()),
        orZero(credits.getPlan()), orZero(credits.getOnDemand()));
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  // --- files, preview ---

  private ProjectCommands project(V0Client client) {
    return new ProjectCommands(client, console, lines, json);
  }

  private int port(Command command) throws UsageException {
    String text = invocation.value("--port");
    if (text == null) return 0;
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) return port;
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new UsageException("--port must be a port number from 0 to 65535, not '" + text + "'", command);
  }

  private int result(Object result) {
    console.line(lines.line("result", lines.tree(result)));
    return 0;
  }

  // --- replay ---

  private int replay(Settings settings) throws UsageException {
    String file = invocation.argument(0);
    BufferedSource source;
    try {
      InputStream input = file.equals("-") ? stdin : Files.newInputStream(Path.of(file));
      source = Okio.buffer(Okio.source(input));
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file, Command.REPLAY);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), Command.REPLAY);
    }
    if (invocation.has("--sse")) return replaySse(source);
    // A client only for its decoding path: replay sends nothing, so the key is a placeholder.
    try (V0Client client = V0Client.builder().apiKey("replay-sends-nothing").build()) {
      lines = new JsonLines(client.moshi());
      return invocation.has("--chat")
          ? stream(client.replay(source, ChatStreamEvent.class), ChatStreamEvent.class, null)
          : stream(client.replay(source, MessageStreamEvent.class), MessageStreamEvent.class, null);
    }
  }

  private int replaySse(BufferedSource source) {
    try (V0Client client = V0Client.builder().apiKey("replay-sends-nothing").build();
        ServerSentEventReader reader = ServerSentEventReader.create(source)) {
      lines = new JsonLines(client.moshi());
      ServerSentEvent event;
      while ((event = reader.next()) != null) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", event.type());
        line.put("data", event.data());
        line.put("lastEventId", event.lastEventId());
        console.line(lines.line(line));
      }
      return 0;
    } catch (IOException e) {
      return fail(e, null);
    }
  }

  // --- demo ---

  private int demo(V0Client client, Sandbox sandbox, boolean v1) {
    if (!json) {
      console.line(console.dim("v0 demo: a fake v0 server at " + (v1 ? sandbox.v1BaseUrl() : sandbox.baseUrl())
          + " plays a scripted generation; nothing leaves this machine"));
      console.line(console.dim("$ v0 chat create \"" + Sandbox.DEMO_PROMPT + "\"" + (v1 ? " --api v1" : "")));
    }
    try {
      if (v1) {
        return streamV1(client.v1().createChatStream(io.github.v0java.v1.model.CreateChatRequest.builder()
            .message(Sandbox.DEMO_PROMPT).build()));
      }
      CreateChatRequest request = CreateChatRequest.builder().message(Sandbox.DEMO_PROMPT).build();
      return stream(client.chats().createStream(request), ChatStreamEvent.class, null);
    } catch (V0Exception e) {
      return fail(e, null);
    }
  }

  // --- failures ---

  /** Reports a failure (with the last state when there is one) and returns its exit code. */
  private int fail(Throwable error, Object state) {
    console.stopSpinner();
    Failure failure = Failure.of(error, target);
    if (json && lines != null) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("error", failure.json());
      if (state != null) line.put("state", state);
      console.line(lines.line(line));
    }
    console.error("v0: error: " + failure.message());
    if (failure.hint() != null) console.error("v0: " + failure.hint());
    return failure.exitCode();
  }

  /** The validated values of the command's options. */
  static final class Settings {
    String mode = "stream";
    Integer limit;
    boolean all;
    double pollIntervalSeconds = 1;
    double timeoutSeconds = 30 * 60;
    long delayMillis = 80;

    static Settings of(Invocation invocation, Command command) throws UsageException {
      Settings settings = new Settings();
      String mode = invocation.value("--mode");
      if (mode != null) {
        if (!List.of("sync", "async", "stream").contains(mode)) {
          throw new UsageException("--mode must be sync, async or stream, not '" + mode + "'", command);
        }
        settings.mode = mode;
      }
      String limit = invocation.value("--limit");
      if (limit != null) {
        int value;
        try {
          value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
          throw new UsageException("--limit must be a whole number, not '" + limit + "'", command);
        }
        if (value < 1 || value > 100) {
          throw new UsageException("--limit must be between 1 and 100, not " + value, command);
        }
        settings.limit = value;
      }
      settings.all = invocation.has("--all");
      String interval = invocation.value("--poll-interval");
      if (interval != null) settings.pollIntervalSeconds = seconds("--poll-interval", interval, command);
      String timeout = invocation.value("--timeout");
      if (timeout != null) settings.timeoutSeconds = seconds("--timeout", timeout, command);
      String delay = invocation.value("--delay");
      if (delay != null) {
        try {
          settings.delayMillis = Long.parseLong(delay);
        } catch (NumberFormatException e) {
          settings.delayMillis = -1;
        }
        if (settings.delayMillis < 0 || settings.delayMillis > 10_000) {
          throw new UsageException("--delay must be milliseconds from 0 to 10000, not '" + delay + "'",
              command);
        }
      }
      return settings;
    }

    private static double seconds(String option, String text, Command command) throws UsageException {
      try {
        double value = new BigDecimal(text).doubleValue();
        if (value > 0 && value <= 7 * 24 * 3600) return value;
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new UsageException(option + " must be a positive number of seconds, not '" + text + "'",
          command);
    }

    PollingOptions polling() {
      long initial = Math.max(1, (long) (pollIntervalSeconds * 1000));
      return PollingOptions.builder()
          .initialInterval(initial, TimeUnit.MILLISECONDS)
          .maxInterval(Math.max(initial, 10_000), TimeUnit.MILLISECONDS)
          .timeout(Math.max(1, (long) (timeoutSeconds * 1000)), TimeUnit.MILLISECONDS)
          .build();
    }
  }
}
