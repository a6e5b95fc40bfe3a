package io.github.v0java.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.v0java.AgentRequest;
import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.PollingOptions;
import io.github.v0java.ProjectDirectory;
import io.github.v0java.V0Client;
import io.github.v0java.model.ChatPreview;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.preview.PreviewTarget;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's round trip, end to end against the fake: create a chat and stream it, answer the
 * question it ends with, wait for the preview, pull the files.
 */
class RoundTripTest {
  private static final PollingOptions FAST = PollingOptions.builder()
      .initialInterval(10, TimeUnit.MILLISECONDS).maxInterval(20, TimeUnit.MILLISECONDS)
      .timeout(10, TimeUnit.SECONDS).build();

  private final FakeV0Server fake = FakeV0Server.start();
  private final V0Client v0 = V0Client.builder().apiKey("test-key")
      .baseUrl(fake.baseUrl()).v1BaseUrl(fake.v1BaseUrl()).build();

  @TempDir File dir;

  @AfterEach void close() {
    v0.close();
    fake.close();
  }

  @Test void createStreamAnswerWaitForThePreviewAndPullTheFiles() throws Exception {
    fake.generationsEndWith(AgentActions.questions())
        .previewReadyAfterPolls(3)
        .chatFile("app/page.tsx", "export default function Page() { return <h1>Tâches ✓</h1> }\n");

    // 1. Create and stream: the generation ends asking which database to use.
    MessageState state;
    String chatId;
    try (EventStream<ChatStreamEvent> stream = v0.chats().createStream(CreateChatRequest.builder()
        .message("A todo app with filters; ask me which database to use").build())) {
      int states = 0;
      for (MessageState ignored : stream.states()) states++;
      assertThat(states).as("states delivered while streaming").isGreaterThan(5);
      state = stream.state();
      chatId = state.chat().getId();
    }
    assertThat(state.isComplete()).isTrue();

    // 2. Answer the question and stream the rest.
    AgentRequest pending = AgentRequest.pendingIn(state);
    assertThat(pending).isInstanceOf(AgentRequest.Questions.class);
    ResolveTask answer = ((AgentRequest.Questions) pending).answers().choose("database", "Supabase").build();
    MessageState resolved;
    try (EventStream<MessageStreamEvent> stream = v0.messages().resolveStream(chatId, answer)) {
      resolved = stream.awaitCompletion();
    }
    assertThat(resolved.messageId()).isEqualTo(FakeV0Server.RESOLVED_MESSAGE_ID);
    assertThat(AgentRequest.pendingIn(resolved)).as("nothing asked after the answer").isNull();
    List<LoggedRequest> sent = fake.requests(Operation.RESOLVE_TASK_STREAM);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getBodyAsString()).contains("\"answered-questions\"")
        .contains("\"selectedLabels\":[\"Supabase\"]");

    // 3. The preview: null twice while it starts, then ready.
    ChatPreview preview = v0.chats().pendingPreview(chatId, FAST).await();
    assertThat(preview.getUrl()).isEqualTo(FakeV0Server.PREVIEW_URL);
    assertThat(fake.requests(Operation.GET_CHAT_PREVIEW)).hasSize(3);
    assertThat(PreviewTarget.of(preview).toString()).doesNotContain(FakeV0Server.PREVIEW_TOKEN);

    // 4. The project on disk.
    List<ProjectDirectory.WrittenFile> written = v0.chats().writeFiles(chatId, dir);
    assertThat(written).extracting(ProjectDirectory.WrittenFile::path).contains("app/page.tsx");
    assertThat(new String(Files.readAllBytes(new File(dir, "app/page.tsx").toPath()), StandardCharsets.UTF_8))
        .isEqualTo("export default function Page() { return <h1>Tâches ✓</h1> }\n");
  }
}
