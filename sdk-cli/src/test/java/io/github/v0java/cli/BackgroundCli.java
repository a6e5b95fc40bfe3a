package io.github.v0java.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CLI running in a thread (for {@code preview serve}, which runs until interrupted), its
 * output readable while it runs; closing it interrupts the thread, as Ctrl-C would end the command.
 */
final class BackgroundCli implements AutoCloseable {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final AtomicInteger exitCode = new AtomicInteger(-1);
  final Thread thread;

  BackgroundCli(Map<String, String> env, String... args) {
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    thread = new Thread(() -> exitCode.set(Cli.run(args, outStream, errStream, new HashMap<>(env),
        new ByteArrayInputStream(new byte[0]))), "v0-cli-under-test");
    thread.start();
  }

  /** The first line printed on stdout, once it is there (at most 5 s). */
  String firstLine() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      String text = out.toString(StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      if (end >= 0) return text.substring(0, end);
      Thread.sleep(10);
    }
    throw new AssertionError("nothing printed; stderr: " + err.toString(StandardCharsets.UTF_8));
  }

  /** Everything printed so far, stdout then stderr. */
  String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Override public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(10_000);
  }
}
