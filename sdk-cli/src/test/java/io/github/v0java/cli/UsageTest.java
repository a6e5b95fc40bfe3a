package io.github.v0java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad command lines exit with 2 and say what is wrong, with a usage line, on stderr. */
class UsageTest {
  private static CliRun run(String... args) {
    CliRun run = CliRun.run(args);
    assertThat(run.out).as("nothing on stdout for bad usage").isEmpty();
    return run;
  }

  @Test void unknownCommand() {
    CliRun run = run("sned", "c1", "hi");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).startsWith("v0: unknown command 'sned'\n")
        .contains("usage: v0 COMMAND [ARGUMENTS] [options]");
  }

  @Test void unknownFlagNamesTheFlagAndTheCommand() {
    CliRun run = run("send", "c1", "hi", "--stream-mode", "x");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("unknown option --stream-mode for 'v0 send'")
        .contains("usage: v0 send CHAT_ID MESSAGE [options] [global options]");
  }

  @Test void optionOfAnotherCommand() {
    CliRun run = run("send", "c1", "hi", "--all");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("option --all does not apply to 'v0 send'");
  }

  @Test void missingArgumentIsNamed() {
    CliRun run = run("send", "c1");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("missing argument MESSAGE for 'v0 send'")
        .contains("usage: v0 send CHAT_ID MESSAGE");
  }

  @Test void extraArgumentSuggestsQuoting() {
    CliRun run = run("chat", "create", "a", "todo", "app");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("unexpected argument 'todo' for 'v0 chat create'").contains("quote");
  }

  @Test void missingSubcommand() {
    CliRun run = run("chat");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("'chat' needs a subcommand: create");
  }

  @Test void badOptionValues() {
    assertThat(run("send", "c1", "hi", "--mode", "fast").err)
        .contains("--mode must be sync, async or stream, not 'fast'");
    assertThat(run("messages", "list", "c1", "--limit", "500").err)
        .contains("--limit must be between 1 and 100, not 500");
    assertThat(run("messages", "list", "c1", "--limit", "ten").err)
        .contains("--limit must be a whole number, not 'ten'");
    assertThat(run("send", "c1", "hi", "--api", "v3").err).contains("--api must be v1 or v2, not 'v3'");
    CliRun missingValue = run("send", "c1", "hi", "--mode");
    assertThat(missingValue.exitCode).isEqualTo(2);
    assertThat(missingValue.err).contains("option --mode needs a value");
    assertThat(run("send", "c1", "hi", "--json=yes").err).contains("option --json takes no value");
  }

  @Test void noCommand() {
    CliRun run = run();

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("no command given");
  }

  @Test void emptyMessageIsRefusedBeforeAnythingIsSent() {
    CliRun run = CliRun.run("send", "c1", "", "--base-url", "http://127.0.0.1:9/v2");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("message");
  }

  @Test void plainHttpToARemoteHostIsRefused() {
    CliRun run = run("send", "c1", "hi", "--base-url", "http://api.example.com/v2");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--base-url").contains("clear text");
  }

  @Test void baseUrlWithoutKeyAsksForOne() {
    CliRun run = CliRun.withEnv(java.util.Map.of(), "", "send", "c1", "hi", "--base-url",
        "http://127.0.0.1:9/v2");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("no API key: pass --api-key KEY or set the environment variable V0_API_KEY");
  }

  @Test void helpEverywhere() {
    CliRun global = CliRun.run("--help");
    assertThat(global.exitCode).isZero();
    assertThat(global.out).contains("usage: v0 COMMAND").contains("chat create MESSAGE")
        .contains("messages list CHAT_ID").contains("replay FILE").contains("demo");
    assertThat(CliRun.run("help").out).isEqualTo(global.out);

    for (Command command : Command.values()) {
      String[] args = (command.words + " --help").split(" ");
      CliRun help = CliRun.run(args);
      assertThat(help.exitCode).as(command.words).isZero();
      assertThat(help.out).startsWith("usage: " + command.usage()).contains("--api-key KEY");
      assertThat(help.err).isEmpty();
    }
    // --help wins over missing arguments, and works before the command too.
    assertThat(CliRun.run("-h", "send").out).startsWith("usage: v0 send CHAT_ID MESSAGE");
    assertThat(CliRun.run("help", "messages", "list").out).startsWith("usage: v0 messages list CHAT_ID");
    assertThat(CliRun.run("send", "--help").out).contains("--mode sync|async|stream");
  }

  @Test void doubleDashAllowsAMessageStartingWithADash() throws Exception {
    // Parsing only: the dash message reaches the argument list (the unreachable server fails later).
    Invocation invocation = Invocation.parse(new String[] {"send", "--json", "--", "c1", "--verbose please"});
    assertThat(invocation.command).isEqualTo(Command.SEND);
    assertThat(invocation.arguments).containsExactly("c1", "--verbose please");
    assertThat(invocation.has("--json")).isTrue();
  }
}
