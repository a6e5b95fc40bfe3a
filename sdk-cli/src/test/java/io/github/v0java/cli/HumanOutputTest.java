package io.github.v0java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.BashPart;
import io.github.v0java.model.FileReadPart;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.ThinkingPart;
import io.github.v0java.model.ToolCallPart;
import io.github.v0java.model.ToolCallStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Output for people: live, incremental, and plain (no ANSI codes) when not on a terminal. */
class HumanOutputTest {
  @RegisterExtension static WireMockExtension server = Servers.wireMock();

  @Test void typicalStreamReadsWellWithoutATerminal() {
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", Sse.typical().body());

    CliRun run = CliRun.run("send", "c1", "hi", "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo("""
        thinking: Plan the app

        Hello world

        finished: stop | tokens: 100 in, 20 out, 120 total | credits: 0.0030
        """);
    assertThat(run.out + run.err).doesNotContain("\033");
  }

  @Test void errorMidStreamKeepsWhatArrivedAndExplainsOnStderr() {
    Servers.serveStream(server, "/v2/chats/c1/messages/stream", new Sse()
        .event(Sse.snapshot("m1", "[]", null, ""))
        .event(Sse.chunk("m1", "{\"0\":[{\"type\":\"text\",\"text\":\"Half\"}],\"_t\":\"a\"}"))
        .event(Sse.error("m1", "model overloaded", "model_overloaded"))
        .body());

    CliRun run = CliRun.run("send", "c1", "hi", "--base-url", server.baseUrl() + "/v2");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out).isEqualTo("Half\n");
    assertThat(run.err).isEqualTo("v0: error: the generation failed: model overloaded\n");
  }

  @Test void messageGetShowsEveryKindOfPart() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v2/chats/chat_3fKd9a/messages/msg_7Yq2c1")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(Sse.resource("v2/message.json"))));

    CliRun run = CliRun.run("message", "get", "chat_3fKd9a", "msg_7Yq2c1", "--base-url",
        server.baseUrl() + "/v2");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo("""
        message msg_7Yq2c1 (assistant) of chat chat_3fKd9a, 2026-11-20T09:15:02.118Z
        thinking: The user wants a todo app. Start from a Next.js page.
        read   app/page.tsx, package.json
        search web: shadcn checkbox component
        create components/todo-list.tsx
        rename app/old.tsx -> app/page.tsx
        $ pnpm lint  -> done: ✔ No ESLint warnings or errors
        tool   linear_create_issue {title: Add dark mode, _t: not-a-delta}  -> ok
        *      Updated the plan (3 steps)

        I built a **todo app** with filtering.

        finished: stop | tokens: 1,520 in, 4,310 out, 12,000 cache read, 800 cache write, 18,630 total | credits: 0.0462
        """);
  }

  /** The renderer prints only what is new after each state: suffixes of growing text. */
  @Test void rendererPrintsOnlyTheNewSuffix() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    LiveRenderer renderer = new LiveRenderer(new Console(stream, stream, false, false));

    renderer.update(List.of(thinking("Let me")));
    assertThat(text(out)).isEqualTo("thinking: Let me");
    renderer.update(List.of(thinking("Let me look")));
    assertThat(text(out)).isEqualTo("thinking: Let me look");
    renderer.update(List.<MessagePart>of(thinking("Let me look"),
        FileReadPart.builder().paths(List.of("a.ts")).build()));
    assertThat(text(out)).isEqualTo("thinking: Let me look\nread   a.ts\n");
    BashPart running = BashPart.builder().command("pnpm test").build();
    renderer.update(List.of(thinking("Let me look"), FileReadPart.builder().paths(List.of("a.ts")).build(),
        running));
    assertThat(text(out)).endsWith("read   a.ts\n$ pnpm test\n");
    BashPart failed = BashPart.builder().command("pnpm test").output("1 failed\n2 passed").exitCode(1L).build();
    ToolCallPart tool = ToolCallPart.builder().name("deploy").status(ToolCallStatus.OK).build();
    renderer.update(List.of(thinking("Let me look"), FileReadPart.builder().paths(List.of("a.ts")).build(),
        failed, tool, text("Tests")));
    renderer.update(List.of(thinking("Let me look"), FileReadPart.builder().paths(List.of("a.ts")).build(),
        failed, tool, text("Tests fail.")));
    assertThat(text(out)).isEqualTo("""
        thinking: Let me look
        read   a.ts
        $ pnpm test
          -> exit 1 (2 lines of output)
        tool   deploy  -> ok

        Tests fail.""");
  }

  @Test void stylesOnlyOnATerminal() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    LiveRenderer renderer = new LiveRenderer(new Console(stream, stream, true, false));

    renderer.update(List.of(thinking("hmm"), text("Hi")));

    assertThat(text(out)).contains("\033[2;3mthinking: \033[0m").contains("Hi");
  }

  private static ThinkingPart thinking(String text) {
    return ThinkingPart.builder().text(text).build();
  }

  private static TextPart text(String text) {
    return TextPart.builder().text(text).build();
  }

  private static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }
}
