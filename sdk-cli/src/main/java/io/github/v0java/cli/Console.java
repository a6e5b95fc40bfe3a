package io.github.v0java.cli;

import java.io.PrintStream;

/**
 * Where output goes: stdout for results, stderr for messages and the spinner. Every write goes
 * through here, so that the API key is masked wherever it would appear, the spinner is erased
 * before anything else is printed, and ANSI styles are used only on a terminal.
 */
final class Console {
  private static final String RESET = "\033[0m";

  private final PrintStream out;
  private final PrintStream err;
  private final boolean ansi;
  private final boolean spinnerAllowed;
  private final Object lock = new Object();
  private final java.util.Set<String> secrets = new java.util.concurrent.CopyOnWriteArraySet<>();
  private Spinner spinner;
  /** The last character written to stdout was not a line break. */
  private boolean midLine;

  /**
   * @param ansi whether stdout is a terminal that takes ANSI styles
   * @param spinnerAllowed whether stderr is a terminal where a spinner may turn
   */
  Console(PrintStream out, PrintStream err, boolean ansi, boolean spinnerAllowed) {
    this.out = out;
    this.err = err;
    this.ansi = ansi;
    this.spinnerAllowed = spinnerAllowed;
  }

  /**
   * Masks {@code secret} (an API key) in everything printed from now on. Strings too short to be
   * a real key are not masked: they would garble ordinary text.
   */
  void mask(String secret) {
    if (secret != null && secret.strip().length() >= 6) secrets.add(secret.strip());
  }

  String redact(String text) {
    if (text == null) return null;
    for (String secret : secrets) text = text.replace(secret, "***");
    return text;
  }

  boolean ansi() {
    return ansi;
  }

  /** Prints {@code text} on stdout as it is (no line break added). */
  void print(String text) {
    if (text.isEmpty()) return;
    synchronized (lock) {
      eraseSpinner();
      String safe = redact(text);
      out.print(safe);
      out.flush();
      midLine = !safe.endsWith("\n");
    }
  }

  /** Prints a line on stdout, starting a new line first if one was left open. */
  void line(String text) {
    synchronized (lock) {
      if (midLine) print("\n");
      print(text + "\n");
    }
  }

  /** Ends an open line on stdout, if any. */
  void endLine() {
    synchronized (lock) {
      if (midLine) print("\n");
    }
  }

  /** Whether the last text printed on stdout left a line open. */
  boolean midLine() {
    synchronized (lock) {
      return midLine;
    }
  }

  /** Prints a line on stderr. */
  void error(String text) {
    synchronized (lock) {
      eraseSpinner();
      if (midLine) {
        // Keep the streamed text and the message on separate lines of the terminal.
        out.print("\n");
        out.flush();
        midLine = false;
      }
      err.println(redact(text));
      err.flush();
    }
  }

  /** {@code text} styled with the ANSI SGR {@code codes} when stdout is a terminal. */
  String style(String codes, String text) {
    if (!ansi || text.isEmpty()) return text;
    return "\033[" + codes + "m" + text + RESET;
  }

  String dim(String text) {
    return style("2", text);
  }

  String bold(String text) {
    return style("1", text);
  }

  /**
   * Shows a spinner with {@code label} on stderr until {@link #stopSpinner()}, if stderr is a
   * terminal; it turns only while stdout has no open line (it would overwrite it).
   */
  void startSpinner(String label) {
    if (!spinnerAllowed) return;
    synchronized (lock) {
      if (spinner == null) {
        spinner = new Spinner(this);
        spinner.start();
      }
      spinner.label(label);
    }
  }

  void stopSpinner() {
    Spinner stopping;
    synchronized (lock) {
      stopping = spinner;
      spinner = null;
      eraseSpinner(stopping);
    }
    if (stopping != null) stopping.halt();
  }

  /** Called by the spinner thread: draws one frame unless a line of stdout is open. */
  void drawSpinner(Spinner caller, String frame) {
    synchronized (lock) {
      if (spinner != caller || midLine) return;
      err.print("\r" + frame + "\033[K");
      err.flush();
      caller.visible = true;
    }
  }

  private void eraseSpinner() {
    eraseSpinner(spinner);
  }

  private void eraseSpinner(Spinner current) {
    if (current != null && current.visible) {
      err.print("\r\033[K");
      err.flush();
      current.visible = false;
    }
  }

  /** A spinner thread: one frame every 100 ms. */
  static final class Spinner extends Thread {
    private static final String FRAMES = "|/-\\";
    private final Console console;
    private volatile String label = "";
    private volatile boolean running = true;
    boolean visible; // Guarded by the console's lock.

    Spinner(Console console) {
      super("v0-spinner");
      this.console = console;
      setDaemon(true);
    }

    void label(String label) {
      this.label = label;
    }

    void halt() {
      running = false;
      interrupt();
    }

    @Override public void run() {
      long started = System.nanoTime();
      for (int i = 0; running; i++) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
        if (!running) return;
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        console.drawSpinner(this, FRAMES.charAt(i % FRAMES.length()) + " " + label
            + (seconds >= 2 ? " (" + seconds + " s)" : ""));
      }
    }
  }
}
