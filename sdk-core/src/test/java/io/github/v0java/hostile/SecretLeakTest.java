package io.github.v0java.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.v0java.EventStream;
import io.github.v0java.UnauthorizedException;
import io.github.v0java.V0ApiException;
import io.github.v0java.V0Client;
import io.github.v0java.V0Exception;
import io.github.v0java.V0NetworkException;
import io.github.v0java.V0StreamException;
import io.github.v0java.V0StreamInterruptedException;
import io.github.v0java.model.MessageStreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The API key never shows: not in messages, toString, stack traces, stdout, stderr or logs. */
@EnabledIfSystemProperty(named = "v0.hostile", matches = "true")
@Timeout(60)
class SecretLeakTest {

  @Test void apiKeyNeverAppearsInAnyOutputOfAFailingRun() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, "UTF-8");
    StringBuilder logs = new StringBuilder();
    SimpleFormatter formatter = new SimpleFormatter();
    Handler handler = new Handler() {
      @Override public synchronized void publish(LogRecord record) {
        logs.append(formatter.format(record)).append('\n');
        if (record.getParameters() != null) {
          for (Object parameter : record.getParameters()) logs.append(parameter).append('\n');
        }
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    handler.setLevel(Level.ALL);
    Logger root = LogManager.getLogManager().getLogger("");
    Level rootLevel = root.getLevel();
    Map<String, Level> levels = new HashMap<>();
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<Throwable> failures = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();

    RawHttpServer server = new RawHttpServer((request, os) -> {
      String target = request.target();
      seen.put(target, request.headers);
      if (target.endsWith("/messages/m1")) {
        RawHttpServer.answer(os, 401, "application/json",
            "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"unauthorized_error\"}}"
                .getBytes(StandardCharsets.UTF_8));
      } else if (target.contains("/c-error/")) {
        RawHttpServer.answer(os, 200, "text/event-stream", Hostile.sse(Hostile.message("[]", null, "", ""),
            "{\"object\":\"error\",\"id\":\"m1\",\"message\":\"boom\",\"code\":\"internal\"}")
            .getBytes(StandardCharsets.UTF_8));
      } else {
        // A stream cut short after its first event.
        RawHttpServer.head(os, 200, "text/event-stream", null);
        os.write(Hostile.sse(Hostile.message("[]", null, "", "")).getBytes(StandardCharsets.UTF_8));
      }
    });
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    try {
      System.setOut(capture);
      System.setErr(capture);
      root.addHandler(handler);
      root.setLevel(Level.ALL);
      for (String name : new String[] {"okhttp3", "okhttp3.OkHttpClient", "io.github.v0java", "retrofit2"}) {
        Logger logger = Logger.getLogger(name);
        levels.put(name, logger.getLevel());
        logger.setLevel(Level.ALL);
      }

      Logger httpLog = Logger.getLogger("v0.http");
      try (V0Client v0 = V0Client.builder().apiKey(Hostile.API_KEY).baseUrl(server.baseUrl() + "/v2")
               .maxRetries(0).streamRecovery(null)
               .httpLogger(line -> {
                 httpLog.info(line);
                 System.err.println("http: " + line);
               }).build();
           V0Client offline = Hostile.client("http://127.0.0.1:" + closedPort)) {
        texts.add(v0.toString());
        texts.add(offline.toString());

        Throwable unauthorized = catchThrowable(() -> v0.messages().get("c1", "m1"));
        assertThat(unauthorized).isInstanceOf(UnauthorizedException.class);
        V0ApiException api = (V0ApiException) unauthorized;
        texts.add(String.valueOf(api.body()));
        texts.add(String.valueOf(api.headers()));
        texts.add(String.valueOf(api.errorMessage()));
        failures.add(unauthorized);

        Throwable network = catchThrowable(() -> offline.messages().get("c1", "m1"));
        assertThat(network).isInstanceOf(V0NetworkException.class);
        failures.add(network);
        Throwable networkStream = catchThrowable(() -> {
          try (EventStream<MessageStreamEvent> stream = offline.messages().sendStream("c1", Hostile.HI)) {
            stream.awaitCompletion();
          }
        });
        assertThat(networkStream).isInstanceOf(V0Exception.class);
        failures.add(networkStream);

        Throwable streamError = catchThrowable(() -> {
          try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c-error", Hostile.HI)) {
            texts.add(stream.toString());
            stream.awaitCompletion();
          }
        });
        assertThat(streamError).isInstanceOf(V0StreamException.class);
        failures.add(streamError);

        Throwable interrupted = catchThrowable(() -> {
          try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream("c-cut", Hostile.HI)) {
            stream.awaitCompletion();
          }
        });
        assertThat(interrupted).isInstanceOf(V0StreamInterruptedException.class);
        failures.add(interrupted);

        Throwable invalid = catchThrowable(() -> v0.messages().get("c1", "../m1"));
        assertThat(invalid).isInstanceOf(V0Exception.class);
        failures.add(invalid);

        for (Throwable failure : failures) {
          failure.printStackTrace(); // into the captured stderr
          StringWriter trace = new StringWriter();
          failure.printStackTrace(new PrintWriter(trace));
          texts.add(trace.toString());
          for (Throwable t = failure; t != null; t = t.getCause()) {
            texts.add(t.toString());
            texts.add(String.valueOf(t.getMessage()));
            texts.add(String.valueOf(t.getLocalizedMessage()));
            for (Throwable suppressed : t.getSuppressed()) texts.add(suppressed.toString());
          }
        }
        Logger.getLogger("io.github.v0java").info("marker: logging is captured");
        System.out.println("marker: stdout is captured");
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(handler);
      root.setLevel(rootLevel);
      levels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
      server.close();
    }

    String all = captured.toString("UTF-8") + "\n" + logs + "\n" + String.join("\n", texts);
    // The key did reach the server, so the run had it to leak.
    assertThat(seen.values()).anySatisfy(headers -> assertThat(headers).contains(Hostile.API_KEY));
    assertThat(all).contains("marker: logging is captured").contains("marker: stdout is captured");
    assertThat(all).contains("Invalid API key");
    assertThat(logs).as("the HTTP log saw the exchanges").contains("401").containsIgnoringCase("authorization");
    assertThat(all).doesNotContain(Hostile.API_KEY);
    // Not even a recognisable fragment of it.
    assertThat(all).doesNotContain(Hostile.API_KEY.substring(Hostile.API_KEY.length() - 12));
  }
}
