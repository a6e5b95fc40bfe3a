package io.github.v0java.cli;

/**
 * Prints a growing text as it grows: only the new suffix each time, or all of it again if it was
 * rewritten. Trailing line breaks are held back until more text follows them, so that a block
 * that ends a line now and goes on later still reads as one text.
 */
final class TextTail {
  private final Console console;
  private String printed = "";

  TextTail(Console console) {
    this.console = console;
  }

  void update(String text) {
    if (text == null) return;
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') end--;
    String stable = text.substring(0, end);
    if (stable.equals(printed)) return;
    if (stable.startsWith(printed)) {
      console.print(stable.substring(printed.length()));
    } else {
      console.endLine();
      console.print(stable);
    }
    printed = stable;
  }
}
