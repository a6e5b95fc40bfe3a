package io.github.v0java.cli;

/**
 * The command line is wrong: an unknown command or option, a missing or extra argument, a bad
 * value. Exit code 2, with the message and a usage line on stderr.
 */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The command the usage line is for, or null for the global usage. */
  private final transient Command command;

  UsageException(String message, Command command) {
    super(message);
    this.command = command;
  }

  Command command() {
    return command;
  }
}
