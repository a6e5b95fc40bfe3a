package io.github.v0java.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.NotFoundException;
import io.github.v0java.PollingOptions;
import io.github.v0java.V0Client;
import io.github.v0java.V0StreamInterruptedException;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.TextPart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK end to end against the fake: what a user's own tests look like (see the README). */
class SdkAgainstFakeTest {
  private final FakeV0Server fake = FakeV0Server.start();
  private final V0Client v0 = V0Client.builder().apiKey("test-key")
      .baseUrl(fake.baseUrl()).v1BaseUrl(fake.v1BaseUrl()).build();
  private static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();

  @AfterEach void close() {
    v0.close();
    fake.close();
  }

  @Test void demoGenerationStreamsToItsFinalMessage() {
    fake.onSendMessageStream(StreamScript.demoGeneration());

    MessageState state = v0.messages().sendStream(FakeV0Server.CHAT_ID, HI).awaitCompletion();

    assertThat(state.isComplete()).isTrue();
    assertThat(state.parts()).hasSizeGreaterThan(5);
    assertThat(state.usage()).isNotNull();
  }

  @Test void scriptedStreamWithDelaysAndACutIsRecoveredByPolling() {
    fake.onSendMessageStream(StreamScript.create()
        .event(StreamEvents.openingSnapshot())
        .event(StreamEvents.insertTextPart(0, "Hello"))
        .event(StreamEvents.textDelta(0, "Hello", "Hello world"))
        .cutConnection()
        .delayBetweenEvents(Duration.ofMillis(20)));
    fake.asyncFinishesAfterPolls(1);

    List<String> texts = new ArrayList<>();
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream(FakeV0Server.CHAT_ID, HI)) {
      for (MessageState state : stream.states()) {
        if (!state.parts().isEmpty() && state.parts().get(0) instanceof TextPart) {
          texts.add(((TextPart) state.parts().get(0)).getText());
        }
      }
      assertThat(stream.recovered()).isTrue();
    }

    assertThat(texts).startsWith("Hello", "Hello world");
  }

  @Test void cutWithoutRecoveryIsAnInterruptionWithTheLastState() {
    fake.onSendMessageStream(StreamScript.create()
        .event(StreamEvents.openingSnapshot())
        .event(StreamEvents.insertTextPart(0, "Partial"))
        .cutConnection());

    try (V0Client noRecovery = V0Client.builder().apiKey("k").baseUrl(fake.baseUrl()).streamRecovery(null).build()) {
      V0StreamInterruptedException e = catchThrowableOfType(V0StreamInterruptedException.class,
          () -> noRecovery.messages().sendStream(FakeV0Server.CHAT_ID, HI).awaitCompletion());

      assertThat(((TextPart) e.lastState().parts().get(0)).getText()).isEqualTo("Partial");
    }
  }

  @Test void asyncGenerationFinishesAfterTheScriptedPolls() {
    fake.asyncFinishesAfterPolls(3);

    Message done = v0.messages().sendAsync(FakeV0Server.CHAT_ID, HI, PollingOptions.builder()
        .initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(2, TimeUnit.MILLISECONDS).build()).await();

    assertThat(done.getFinishReason()).isNotNull();
    assertThat(fake.requests(Operation.GET_MESSAGE)).hasSize(3);
  }

  @Test void pagesWalkToTheEnd() {
    fake.messageHistory(25);

    List<Message> all = new ArrayList<>();
    v0.messages().listAll(FakeV0Server.CHAT_ID, 10).forEach(all::add);

    assertThat(all).hasSize(25);
    assertThat(fake.requests(Operation.LIST_MESSAGES)).hasSize(3);
  }

  @Test void scriptedErrorStatusIsTheTypedException() {
    fake.failWith(Operation.GET_CHAT, 404, "Chat not found");

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> v0.chats().get(FakeV0Server.CHAT_ID));

    assertThat(e.errorMessage()).isEqualTo("Chat not found");
  }
}
