package io.github.v0java.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code java -jar v0-cli.jar ...}: runs {@link Cli} on the process's streams and exits with its code. */
public final class Main {
  private Main() {
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command and its arguments, as after {@code v0}
   */
  public static void main(String[] args) {
    // UTF-8 whatever the platform default: generated text and JSON are Unicode.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    int code = Cli.run(args, out, err, System.getenv(), System.in);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
