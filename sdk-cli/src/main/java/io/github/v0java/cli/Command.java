package io.github.v0java.cli;

import java.util.List;
import java.util.Set;

/** The commands of {@code v0}: their words, arguments, options and help. */
enum Command {
  CHAT_CREATE("chat create", "create a chat and watch the answer", List.of("MESSAGE"),
      Set.of("--mode", "--poll-interval", "--timeout"), Set.of(),
      "Create a chat from a first message and show the answer as it is generated.",
      Text.WAIT_OPTIONS),
  SEND("send", "send a message and watch the answer", List.of("CHAT_ID", "MESSAGE"),
      Set.of("--mode", "--poll-interval", "--timeout"), Set.of(),
      "Send a message to a chat and show the answer as it is generated.",
      Text.WAIT_OPTIONS),
  RESOLVE("resolve", "answer what the agent asks and watch the answer", List.of("CHAT_ID", "TASK_FILE"),
      Set.of("--mode", "--poll-interval", "--timeout"), Set.of(),
      "Answer the questions, plan, integrations, permission or setup a chat waits for: send the"
          + " resolve task in TASK_FILE (JSON, or - for stdin), such as"
          + " {\"type\":\"plan-exit-response\",\"status\":\"approved\",\"content\":\"Go ahead\"},"
          + " and show the agent's next message as 'v0 send' does.",
      Text.WAIT_OPTIONS),
  CHATS_LIST("chats list", "list your chats", List.of(),
      Set.of("--limit", "--cursor", "--author", "--project", "--metadata"), Set.of("--all"),
      "List your chats, newest first, one per line (--json: {\"item\": CHAT} per line).",
      """
        --limit N                  chats per page, 1 to 100 (default 20)
        --cursor CURSOR            start at this page (from an earlier listing)
        --all                      follow the cursors through every page
        --author USER_ID           only the chats this user created
        --project PROJECT_ID       only the chats linked to this Vercel project
        --metadata KEY=VALUE       only the chats whose metadata has KEY set to VALUE
      """),
  CHAT_GET("chat get", "show a chat", List.of("CHAT_ID"), Set.of(), Set.of(),
      "Show a chat: its title, privacy, dates and metadata.", ""),
  CHAT_UPDATE("chat update", "rename a chat or change its privacy", List.of("CHAT_ID"),
      Set.of("--title", "--privacy"), Set.of(),
      "Change a chat's title or privacy and show the chat as it is now.",
      """
        --title TITLE              the new title
        --privacy PRIVACY          public, private, team, team-edit or unlisted
      """),
  CHAT_DELETE("chat delete", "delete a chat", List.of("CHAT_ID"), Set.of(), Set.of(),
      "Delete a chat and its messages (needs edit access; it cannot be undone).", ""),
  FILES_PULL("files pull", "write a chat's files into a directory", List.of("CHAT_ID", "DIR"), Set.of(),
      Set.of(),
      "Write the chat's source files under DIR (created if needed; existing files replaced)."
          + " Every path the server sent is checked first: if one would escape DIR, nothing is"
          + " written (--json: {\"file\": {\"path\", \"bytes\"}} per file, then"
          + " {\"result\": {\"dir\", \"files\"}}).", ""),
  FILES_DOWNLOAD("files download", "download a chat's files as a ZIP archive", List.of("CHAT_ID", "FILE"),
      Set.of(), Set.of(),
      "Stream the chat's files as a ZIP archive into FILE, replacing it only once the download is"
          + " complete (--json: {\"result\": {\"path\", \"bytes\"}}).", ""),
  PREVIEW("preview", "show the URL of a chat's running preview", List.of("CHAT_ID"),
      Set.of("--poll-interval", "--timeout"), Set.of("--wait", "--show-token"),
      "Show the URL of the chat's preview and when it expires (--json: {\"result\": {\"url\","
          + " \"expiresAt\"}}, or {\"result\": null} while it starts). The preview token is"
          + " a secret and is shown only with --show-token.",
      """
        --wait                     wait until the preview is ready instead of answering null
        --poll-interval SECONDS    first wait between polls with --wait (default 1)
        --timeout SECONDS          give up waiting after this long (default 1800)
        --show-token               also print the preview token (a secret: it opens the preview)
      """),
  PREVIEW_SERVE("preview serve", "open a chat's preview through a local proxy", List.of("CHAT_ID"),
      Set.of("--port"), Set.of(),
      "Serve the chat's preview on http://127.0.0.1:PORT/ until interrupted (Ctrl-C), adding the"
          + " preview token to every request so that a browser can open the running app; the token"
          + " never leaves this process. Prints the local URL first (--json: {\"serving\":"
          + " {\"url\"}}).",
      """
        --port N                   the local port (default 0: any free port)
      """),
  USAGE_SUMMARY("usage summary", "show the credits used", List.of(), Set.of(), Set.of(),
      "Show the credits used over the current billing range, day by day.", ""),
  MESSAGES_LIST("messages list", "list a chat's messages", List.of("CHAT_ID"), Set.of("--limit", "--cursor"), Set.of("--all"),
      "List the messages of a chat, one per line (--json: {\"item\": MESSAGE} per line).",
      """
        --limit N                  messages per page, 1 to 100 (default 20)
        --cursor CURSOR            start at this page (from an earlier listing)
        --all                      follow the cursors through every page
      """),
  MESSAGE_GET("message get", "show one message", List.of("CHAT_ID", "MESSAGE_ID"), Set.of(), Set.of(),
      "Show one message: its parts, finish reason and usage.", ""),
  STOP("stop", "stop a generation in progress", List.of("CHAT_ID", "MESSAGE_ID"), Set.of(), Set.of(),
      "Stop a generation in progress (the agent stops at its next safe point).", ""),
  FORK("fork", "fork a chat (API v1)", List.of("CHAT_ID"), Set.of("--version"), Set.of(),
      "Fork a chat into a new private chat (API v1), from its latest or a given version.",
      """
        --version VERSION_ID       fork from this version instead of the latest
      """),
  REPLAY("replay", "replay a captured event stream", List.of("FILE"), Set.of(), Set.of("--sse", "--chat"),
      "Read a captured text/event-stream body (FILE, or - for stdin) through the same path as a"
          + " live stream, and show it as a live stream would be shown.",
      """
        --sse                      print the Server-Sent Events layer only, one JSON object
                                   {"type", "data", "lastEventId"} per dispatched event
        --chat                     the body is a chat stream (chat create), not a message stream
      """),
  DEMO("demo", "watch a generation stream from an embedded fake", List.of(), Set.of("--delay"), Set.of(),
      "Start an embedded fake v0 server and watch a realistic generation stream from it"
          + " (no network, no API key: --api-key and --base-url are ignored; --api v1 shows the"
          + " legacy stream).",
      """
        --delay MILLIS             pause between stream events (default 80)
      """);

  /** Help text shared by several commands. */
  private static final class Text {
    static final String WAIT_OPTIONS =
      """
        --mode sync|async|stream   how to wait for the answer (default stream):
                                   stream shows it live, async polls until it is done,
                                   sync waits for the finished chat
        --poll-interval SECONDS    first wait between polls with --mode async (default 1)
        --timeout SECONDS          give up polling after this long (default 1800)
      """;
  }

  /** Options every command accepts. */
  static final Set<String> GLOBAL_VALUE_OPTIONS = Set.of("--base-url", "--api-key", "--api");
  static final Set<String> GLOBAL_FLAGS = Set.of("--json", "--help", "-h");

  static final String GLOBAL_OPTIONS = """
        --api-key KEY              the API key (default: the environment variable V0_API_KEY;
                                   prefer the variable: arguments show in process lists)
        --base-url URL             the API base URL (default https://api.v0.dev/v2, or /v1 with
                                   --api v1); the other version's URL is derived from it
        --api v1|v2                the API version to call (default v2; fork always uses v1)
        --json                     print one JSON object per line instead of text
        -h, --help                 show help
      """;

  final String words;
  final String brief;
  final List<String> arguments;
  final Set<String> valueOptions;
  final Set<String> flags;
  final String summary;
  final String options;

  Command(String words, String brief, List<String> arguments, Set<String> valueOptions, Set<String> flags,
      String summary, String options) {
    this.words = words;
    this.brief = brief;
    this.arguments = arguments;
    this.valueOptions = valueOptions;
    this.flags = flags;
    this.summary = summary;
    this.options = options;
  }

  /** Whether {@code option} is one of this command's own options (not a global one). */
  boolean accepts(String option) {
    return valueOptions.contains(option) || flags.contains(option);
  }

  /** {@code v0 send CHAT_ID MESSAGE [--mode sync|async|stream] ...}. */
  String usage() {
    StringBuilder result = new StringBuilder("v0 ").append(words);
    for (String argument : arguments) result.append(' ').append(argument);
    if (!options.isEmpty()) result.append(" [options]");
    return result.append(" [global options]").toString();
  }

  String help() {
    StringBuilder result = new StringBuilder()
        .append("usage: ").append(usage()).append("\n\n")
        .append(summary).append("\n");
    if (!options.isEmpty()) result.append("\noptions:\n").append(options);
    result.append("\nglobal options:\n").append(GLOBAL_OPTIONS);
    return result.toString();
  }

  static String globalHelp() {
    StringBuilder result = new StringBuilder()
        .append("usage: v0 COMMAND [ARGUMENTS] [options]\n\n")
        .append("A command-line client for the v0 Platform API.\n\ncommands:\n");
    for (Command command : values()) {
      String left = command.words + (command.arguments.isEmpty() ? ""
          : " " + String.join(" ", command.arguments));
      result.append(String.format("  %-33s %s%n", left, command.brief));
    }
    result.append("\nglobal options:\n").append(GLOBAL_OPTIONS)
        .append("\nWith no API key and no --base-url, commands run against an embedded fake server.\n")
        .append("Exit codes: 0 success, 1 API, network or stream error, 2 bad usage.\n")
        .append("Run 'v0 COMMAND --help' for a command's options.\n");
    return result.toString();
  }

  /**
   * The command named by the leading words: a two-word command ({@code preview serve}) first, then
   * a one-word one ({@code preview}), so that a word can be both a command and a group; or null.
   */
  static Command find(String first, String second) {
    for (Command command : values()) {
      String[] parts = command.words.split(" ");
      if (parts.length == 2 && parts[0].equals(first) && parts[1].equals(second)) return command;
    }
    for (Command command : values()) {
      if (command.words.equals(first)) return command;
    }
    return null;
  }

  /** How many words name this command (1 for {@code send}, 2 for {@code chat create}). */
  int wordCount() {
    return words.split(" ").length;
  }

  /** The subcommands of a group word such as {@code chat}, or an empty list. */
  static List<String> subcommandsOf(String group) {
    return java.util.Arrays.stream(values())
        .map(command -> command.words.split(" "))
        .filter(parts -> parts.length == 2 && parts[0].equals(group))
        .map(parts -> parts[1])
        .toList();
  }
}
