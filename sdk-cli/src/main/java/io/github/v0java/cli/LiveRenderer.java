package io.github.v0java.cli;

import io.github.v0java.model.AgentActionPart;
import io.github.v0java.model.BashPart;
import io.github.v0java.model.FileEditOperation;
import io.github.v0java.model.FileEditPart;
import io.github.v0java.model.FileReadPart;
import io.github.v0java.model.FinishReason;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessageUsage;
import io.github.v0java.model.SearchPart;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.ThinkingPart;
import io.github.v0java.model.ToolCallPart;
import io.github.v0java.model.UsageBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a message as it grows, for people: given the parts after each event (or poll), it prints
 * only what is new. Text and thinking appear as they arrive (the new suffix of a growing part);
 * file reads and edits, searches, commands, tool calls and agent actions get one line when they
 * appear, and commands and tool calls one more when their result arrives.
 */
final class LiveRenderer {
  private final Console console;
  private final List<Seen> seen = new ArrayList<>();
  /** The index of the text or thinking part whose line is open on stdout, or -1. */
  private int open = -1;
  private boolean printedText;

  LiveRenderer(Console console) {
    this.console = console;
  }

  /** What was printed of one part. */
  private static final class Seen {
    String type;
    int printed; // Characters of text printed (text and thinking).
    String text = ""; // The text printed so far (text and thinking).
    boolean announced;
    boolean completed;
  }

  /** Prints what changed since the previous call. */
  void update(List<MessagePart> parts) {
    if (parts == null) return;
    for (int i = 0; i < parts.size(); i++) {
      MessagePart part = parts.get(i);
      if (part == null) continue;
      Seen state;
      if (i < seen.size()) {
        state = seen.get(i);
        if (!part.getType().equals(state.type)) { // Replaced by a snapshot: start over.
          state = new Seen();
          seen.set(i, state);
        }
      } else {
        while (seen.size() < i) seen.add(new Seen());
        state = new Seen();
        seen.add(state);
      }
      state.type = part.getType();
      render(i, part, state);
    }
  }

  private void render(int index, MessagePart part, Seen state) {
    if (part instanceof TextPart text) {
      renderText(index, state, text.getText(), false);
    } else if (part instanceof ThinkingPart thinking) {
      renderText(index, state, thinking.getText(), true);
    } else if (part instanceof BashPart bash) {
      boolean done = bash.getExitCode() != null || bash.getFinishedAt() != null
          || bash.getOutput() != null;
      if (!state.announced) {
        state.announced = true;
        state.completed = done;
        String line = console.style("36", "$ " + nullToEmpty(bash.getCommand()))
            + (Boolean.TRUE.equals(bash.getIsDangerous()) ? console.style("33", "  (dangerous)") : "");
        lineFor(done ? line + "  " + bashResult(bash) : line);
      } else if (done && !state.completed) {
        state.completed = true;
        lineFor("  " + bashResult(bash));
      }
    } else if (part instanceof ToolCallPart tool) {
      boolean done = tool.getStatus() != null || tool.getOutput() != null
          || tool.getFinishedAt() != null;
      if (!state.announced) {
        state.announced = true;
        state.completed = done;
        String line = console.style("35", "tool   ") + nullToEmpty(tool.getName())
            + inputSummary(tool.getInput());
        lineFor(done ? line + "  " + toolResult(tool) : line);
      } else if (done && !state.completed) {
        state.completed = true;
        lineFor("  " + toolResult(tool));
      }
    } else if (!state.announced) {
      state.announced = true;
      lineFor(describe(part));
    }
  }

  private void renderText(int index, Seen state, String text, boolean thinking) {
    if (text == null) text = "";
    if (!state.text.isEmpty() && !text.startsWith(state.text)) {
      // The part was rewritten, not extended: show it again in full on a line of its own.
      open = -1;
      state.printed = 0;
      state.text = "";
    }
    if (text.length() <= state.printed) return;
    String suffix = text.substring(state.printed);
    if (open != index) {
      startBlock(thinking ? Kind.THINKING : Kind.TEXT);
      if (thinking) {
        console.print(console.style("2;3", state.announced ? "thinking (cont.): " : "thinking: "));
      }
      open = index;
    }
    state.announced = true;
    state.printed = text.length();
    state.text = text;
    if (!thinking) printedText = true;
    console.print(thinking ? console.style("2;3", suffix) : suffix);
  }

  /** What was printed last: prose is set apart from the other lines by a blank line. */
  private enum Kind { NONE, TEXT, THINKING, LINE }

  private Kind last = Kind.NONE;

  private void startBlock(Kind kind) {
    console.endLine();
    if (last != Kind.NONE && (kind == Kind.TEXT) != (last == Kind.TEXT)) console.print("\n");
    last = kind;
  }

  private void lineFor(String text) {
    open = -1;
    startBlock(Kind.LINE);
    console.line(text);
  }

  private String describe(MessagePart part) {
    if (part instanceof FileReadPart read) {
      List<String> paths = read.getPaths();
      return console.style("34", "read   ") + (paths == null ? "" : String.join(", ", paths));
    }
    if (part instanceof FileEditPart edit) {
      FileEditOperation operation = edit.getOperation();
      String verb = operation == null ? "edit" : operation.value();
      String target = nullToEmpty(edit.getPath())
          + (edit.getToPath() != null ? " -> " + edit.getToPath() : "");
      return console.style("32", String.format("%-7s", verb)) + target;
    }
    if (part instanceof SearchPart search) {
      String scope = search.getScope() == null ? "" : search.getScope().value() + ": ";
      return console.style("34", "search ") + scope + nullToEmpty(search.getQuery());
    }
    if (part instanceof AgentActionPart action) {
      String summary = action.getSummary() != null ? action.getSummary() : action.getName();
      return console.style("33", "*      ") + nullToEmpty(summary);
    }
    if (part instanceof MessagePart.Unknown unknown) {
      return console.dim("[" + unknown.getType() + "] " + abbreviate(compact(unknown.json()), 80));
    }
    return console.dim("[" + part.getType() + "]");
  }

  private String bashResult(BashPart bash) {
    StringBuilder result = new StringBuilder("-> ");
    Long exit = bash.getExitCode();
    if (exit != null) {
      result.append("exit ").append(exit);
    } else {
      result.append("done");
    }
    String output = bash.getOutput();
    if (output != null && !output.isBlank()) {
      String[] lines = output.strip().split("\r?\n");
      result.append(lines.length == 1 ? ": " + abbreviate(lines[0], 80)
          : " (" + lines.length + " lines of output)");
    }
    String text = result.toString();
    if (exit != null && exit != 0) return console.style("31", text);
    return console.dim(text);
  }

  private String toolResult(ToolCallPart tool) {
    String status = tool.getStatus() != null ? tool.getStatus().value() : "done";
    String text = "-> " + status;
    if ("error".equals(status)) return console.style("31", text);
    return console.dim(text);
  }

  private static String inputSummary(Object input) {
    if (input == null) return "";
    String text = input instanceof Map<?, ?> || input instanceof List<?>
        ? compact(input) : String.valueOf(input);
    return " " + abbreviate(text, 60);
  }

  /**
   * Ends the message: the closing prose if no text part showed it, then why generation ended,
   * the token usage and the credits spent.
   */
  void finish(FinishReason finishReason, MessageUsage usage, String content) {
    if (!printedText && content != null && !content.isBlank()) {
      startBlock(Kind.TEXT);
      console.print(content);
      printedText = true;
    }
    open = -1;
    StringBuilder summary = new StringBuilder();
    if (finishReason != null) summary.append("finished: ").append(finishReason.value());
    String tokens = tokens(usage);
    if (tokens != null) summary.append(summary.length() > 0 ? " | " : "").append(tokens);
    String credits = credits(usage);
    if (credits != null) summary.append(" | ").append(credits);
    console.endLine();
    if (summary.length() > 0) {
      if (last != Kind.NONE) console.print("\n");
      console.line(console.dim(summary.toString()));
    }
    last = Kind.LINE;
  }

  static String tokens(MessageUsage usage) {
    if (usage == null || usage.getTokens() == null) return null;
    UsageBreakdown tokens = usage.getTokens();
    StringBuilder result = new StringBuilder("tokens: ")
        .append(number(tokens.getInput())).append(" in, ")
        .append(number(tokens.getOutput())).append(" out");
    if (nonZero(tokens.getCacheRead()) || nonZero(tokens.getCacheWrite())) {
      result.append(", ").append(number(tokens.getCacheRead())).append(" cache read, ")
          .append(number(tokens.getCacheWrite())).append(" cache write");
    }
    return result.append(", ").append(number(tokens.getTotal())).append(" total").toString();
  }

  static String credits(MessageUsage usage) {
    if (usage == null || usage.getCreditsCost() == null || usage.getCreditsCost().getTotal() == null) {
      return null;
    }
    return "credits: " + String.format(Locale.ROOT, "%.4f", usage.getCreditsCost().getTotal());
  }

  private static boolean nonZero(Double value) {
    return value != null && value != 0;
  }

  private static String number(Double value) {
    if (value == null) return "?";
    if (value == Math.rint(value)) return String.format(Locale.ROOT, "%,d", value.longValue());
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }

  /** A short JSON-like rendering of a tree, for one line of text. */
  static String compact(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder result = new StringBuilder("{");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (result.length() > 1) result.append(", ");
        result.append(entry.getKey()).append(": ").append(compact(entry.getValue()));
      }
      return result.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder result = new StringBuilder("[");
      for (Object item : list) {
        if (result.length() > 1) result.append(", ");
        result.append(compact(item));
      }
      return result.append(']').toString();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }
}
