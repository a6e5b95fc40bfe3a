package io.github.v0java.cli;

import static io.github.v0java.cli.CliRun.list;
import static io.github.v0java.cli.CliRun.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code replay} and {@code replay --sse} of captured bodies: CRLF, comments, multi-line data. */
class ReplayTest {
  private static String file(String name) {
    try {
      return Path.of(ReplayTest.class.getResource("/replay/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test void sseLayerPrintsEachDispatchedEvent() {
    CliRun run = CliRun.withEnv(Map.of(), "", "replay", "--sse", file("typical-crlf.sse"));

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    // Comments and the comment-only blocks dispatch nothing: 10 events.
    assertThat(lines).hasSize(10);
    assertThat(lines).allSatisfy(line -> assertThat(line).containsOnlyKeys("type", "data", "lastEventId"));
    assertThat(lines.get(0)).containsEntry("type", "message").containsEntry("lastEventId", "evt-1");
    assertThat((String) lines.get(0).get("data")).startsWith("{\"object\":\"message\",\"id\":\"m1\"");
    // The JSON split over two data lines is joined with a line feed; the comment between is dropped.
    String joined = (String) lines.get(2).get("data");
    assertThat(joined).contains("\n,\"delta\"").doesNotContain("comment").doesNotContain("\r");
    // The last event ID persists until the next id field.
    assertThat(lines.get(3)).containsEntry("lastEventId", "evt-2");
    assertThat(lines.get(8)).containsEntry("lastEventId", "evt-2");
    assertThat(lines.get(9)).containsEntry("lastEventId", "evt-3");
    // Output is JSON whether or not --json was given.
    assertThat(CliRun.withEnv(Map.of(), "", "replay", "--sse", "--json", file("typical-crlf.sse")).out)
        .isEqualTo(run.out);
  }

  @Test void replayJsonRunsTheBodyThroughTheLivePath() {
    CliRun run = CliRun.withEnv(Map.of(), "", "replay", file("typical-crlf.sse"), "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(11);
    Map<String, Object> last = map(lines.get(10).get("final"));
    assertThat(last).containsEntry("id", "m1").containsEntry("finishReason", "stop");
    List<Object> parts = list(last.get("parts"));
    assertThat(parts).hasSize(4);
    assertThat(map(parts.get(2))).containsEntry("command", "pnpm lint").containsEntry("exitCode", 0.0);
    assertThat(map(map(last.get("usage")).get("tokens"))).containsEntry("total", 18630.0);
  }

  @Test void replayForPeopleShowsTheGenerationAsItWouldStream() {
    CliRun run = CliRun.withEnv(Map.of(), "", "replay", file("typical-crlf.sse"));

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo("""
        thinking: The user wants a todo app.
        create app/page.tsx
        $ pnpm lint
          -> exit 0: No ESLint warnings

        Your todo app is ready.

        finished: stop | tokens: 1,520 in, 4,310 out, 12,000 cache read, 800 cache write, 18,630 total | credits: 0.0462
        """);
    assertThat(run.err).isEmpty();
  }

  @Test void replayFromStdin() throws IOException {
    try (InputStream in = ReplayTest.class.getResourceAsStream("/replay/typical-crlf.sse")) {
      CliRun run = CliRun.withInput(Map.of(), in, "replay", "-", "--json");
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.jsonLines()).hasSize(11);
    }
  }

  @Test void aCaptureCutShortIsAnInterruptedStream() {
    CliRun run = CliRun.withEnv(Map.of(), "", "replay", file("cut-short.sse"), "--json");

    assertThat(run.exitCode).isEqualTo(1);
    List<Map<String, Object>> lines = run.jsonLines();
    Map<String, Object> failure = lines.get(lines.size() - 1);
    assertThat(map(failure.get("error"))).containsEntry("kind", "stream_interrupted");
    assertThat(list(map(failure.get("state")).get("parts"))).hasSize(2);
  }

  @Test void missingFileIsAUsageError() {
    CliRun run = CliRun.withEnv(Map.of(), "", "replay", "/no/such/capture.sse");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("no such file: /no/such/capture.sse").contains("usage: v0 replay FILE");
    assertThat(run.out).isEmpty();
  }
}
