package io.github.v0java.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: the command, its arguments, and its options. Options may come before or
 * after the command words and arguments, as {@code --name value} or {@code --name=value};
 * {@code --} ends the options, so that an argument may start with a dash.
 */
final class Invocation {
  final Command command; // Null for `v0 --help`.
  final List<String> arguments;
  final Map<String, String> values;
  final Set<String> flags;

  private Invocation(Command command, List<String> arguments, Map<String, String> values,
      Set<String> flags) {
    this.command = command;
    this.arguments = arguments;
    this.values = values;
    this.flags = flags;
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }

  String value(String option) {
    return values.get(option);
  }

  boolean wantsHelp() {
    return flags.contains("--help") || flags.contains("-h");
  }

  String argument(int index) {
    return arguments.get(index);
  }

  static Invocation parse(String[] argv) throws UsageException {
    Set<String> allValueOptions = new LinkedHashSet<>(Command.GLOBAL_VALUE_OPTIONS);
    Set<String> allFlags = new LinkedHashSet<>(Command.GLOBAL_FLAGS);
    for (Command command : Command.values()) {
      allValueOptions.addAll(command.valueOptions);
      allFlags.addAll(command.flags);
    }

    List<String> positionals = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> flags = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
        positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String name = arg;
      String inline = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 2) {
        name = arg.substring(0, equals);
        inline = arg.substring(equals + 1);
      }
      if (allValueOptions.contains(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= argv.length || isOption(argv[i + 1], allValueOptions, allFlags)) {
            throw new UsageException("option " + name + " needs a value", commandOf(positionals));
          }
          value = argv[++i];
        }
        values.put(name, value);
      } else if (allFlags.contains(name)) {
        if (inline != null) {
          throw new UsageException("option " + name + " takes no value", commandOf(positionals));
        }
        flags.add(name);
      } else {
        unknown.add(name);
      }
    }

    Command command = null;
    List<String> arguments = positionals;
    if (!positionals.isEmpty()) {
      String first = positionals.get(0);
      if (first.equals("help")) {
        // `v0 help [COMMAND...]` is `v0 [COMMAND] --help`.
        flags.add("--help");
        positionals = positionals.subList(1, positionals.size());
        if (positionals.isEmpty()) return new Invocation(null, List.of(), values, flags);
        first = positionals.get(0);
      }
      List<String> subcommands = Command.subcommandsOf(first);
      if (!subcommands.isEmpty()) {
        String second = positionals.size() > 1 ? positionals.get(1) : null;
        command = Command.find(first, second);
        if (command == null) {
          throw new UsageException(second == null
              ? "'" + first + "' needs a subcommand: " + String.join(", ", subcommands)
              : "unknown subcommand '" + first + " " + second + "' (known: "
                  + String.join(", ", subcommands) + ")", null);
        }
        arguments = positionals.subList(Math.min(command.wordCount(), positionals.size()), positionals.size());
      } else {
        command = Command.find(first, null);
        if (command == null) {
          throw new UsageException("unknown command '" + first + "'", null);
        }
        arguments = positionals.subList(1, positionals.size());
      }
    }

    if (!unknown.isEmpty()) {
      throw new UsageException("unknown option " + unknown.get(0)
          + (command != null ? " for 'v0 " + command.words + "'" : ""), command);
    }
    if (command == null) {
      if (flags.contains("--help") || flags.contains("-h")) {
        return new Invocation(null, List.of(), values, flags);
      }
      throw new UsageException("no command given", null);
    }
    for (String option : values.keySet()) checkApplies(command, option);
    for (String flag : flags) checkApplies(command, flag);

    Invocation invocation = new Invocation(command, List.copyOf(arguments), values, flags);
    if (invocation.wantsHelp()) return invocation;
    if (arguments.size() < command.arguments.size()) {
      throw new UsageException("missing argument " + command.arguments.get(arguments.size())
          + " for 'v0 " + command.words + "'", command);
    }
    if (arguments.size() > command.arguments.size()) {
      throw new UsageException("unexpected argument '" + arguments.get(command.arguments.size())
          + "' for 'v0 " + command.words + "'"
          + (command.arguments.isEmpty() ? "" : " (it takes " + command.arguments.size() + ": "
              + String.join(" ", command.arguments) + "; quote a message with spaces)"),
          command);
    }
    return invocation;
  }

  private static boolean isOption(String arg, Set<String> valueOptions, Set<String> flags) {
    if (!arg.startsWith("--")) return false;
    int equals = arg.indexOf('=');
    String name = equals > 2 ? arg.substring(0, equals) : arg;
    return valueOptions.contains(name) || flags.contains(name);
  }

  private static void checkApplies(Command command, String option) throws UsageException {
    if (Command.GLOBAL_VALUE_OPTIONS.contains(option) || Command.GLOBAL_FLAGS.contains(option)) return;
    if (!command.accepts(option)) {
      throw new UsageException("option " + option + " does not apply to 'v0 " + command.words + "'",
          command);
    }
  }

  /** The command the positionals so far name, for the usage line of an early error. */
  private static Command commandOf(List<String> positionals) {
    if (positionals.isEmpty()) return null;
    return Command.find(positionals.get(0), positionals.size() > 1 ? positionals.get(1) : null);
  }
}
