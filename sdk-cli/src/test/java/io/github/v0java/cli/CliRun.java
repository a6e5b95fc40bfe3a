package io.github.v0java.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured stdout and stderr. */
final class CliRun {
  static final String API_KEY = "v0_cli_test_9f3b2c7e1d";
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** Runs with the test API key in the environment. */
  static CliRun run(String... args) {
    return withEnv(Map.of("V0_API_KEY", API_KEY), "", args);
  }

  static CliRun withEnv(Map<String, String> env, String stdin, String... args) {
    return withInput(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static CliRun withInput(Map<String, String> env, InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Cli.run(args, outStream, errStream, new HashMap<>(env), stdin);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Each line of stdout parsed as JSON. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> jsonLines() {
    List<Map<String, Object>> result = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isEmpty()) continue;
      try {
        result.add((Map<String, Object>) JSON.fromJson(line));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + line, e);
      }
    }
    return result;
  }

  /** The raw lines of stdout. */
  List<String> outLines() {
    List<String> result = new ArrayList<>();
    for (String line : out.split("\n", -1)) result.add(line);
    if (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) result.remove(result.size() - 1);
    return result;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @Override public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
