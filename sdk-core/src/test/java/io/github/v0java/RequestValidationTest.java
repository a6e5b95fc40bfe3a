package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.ProjectSkill;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.Skill;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused before any request: the server must see nothing. */
class RequestValidationTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void noRequestReachedTheServer() {
    v0.close();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private static final SendMessageRequest HI = SendMessageRequest.builder().message("hi").build();

  @ParameterizedTest @NullSource @ValueSource(strings = {"", "   ", ".", "..", "a/b", "../x", "a\\b", "a\nb"})
  void badChatIdIsRefused(String chatId) {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.messages().send(chatId, HI));
    assertThat(e.field()).isEqualTo("chatId");
    assertThat(e.getMessage()).startsWith("chatId: ");
  }

  @ParameterizedTest @NullSource @ValueSource(strings = {"", " ", ".", "..", "m/1"})
  void badMessageIdIsRefused(String messageId) {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.messages().get("c1", messageId));
    assertThat(e.field()).isEqualTo("messageId");
  }

  @Test void badIdsAreRefusedByEveryOperation() {
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.chats().get("..")).field())
        .isEqualTo("chatId");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.messages().stop("c/1", "m")).field())
        .isEqualTo("chatId");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.messages().list(" ")).field())
        .isEqualTo("chatId");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.chats().resume(".")).field())
        .isEqualTo("chatId");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.v1().fork("..", null)).field())
        .isEqualTo("chatId");
  }

  @Test void emptyMessageIsRefused() {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.messages().send("c1", SendMessageRequest.builder().message("").build()));
    assertThat(e.field()).isEqualTo("message");
    assertThat(e.getMessage()).isEqualTo("message: must not be empty");
  }

  @Test void missingMessageIsRefusedByTheBuilder() {
    IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
        () -> CreateChatRequest.builder().build());
    assertThat(e.getMessage()).isEqualTo("CreateChatRequest.message is required");
  }

  @Test void moreThanThreeSkillsAreRefused() {
    List<Skill> skills = Arrays.asList(ProjectSkill.builder().skillName("a").build(),
        ProjectSkill.builder().skillName("b").build(), ProjectSkill.builder().skillName("c").build(),
        ProjectSkill.builder().skillName("d").build());
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.chats().create(CreateChatRequest.builder().message("x").skills(skills).build()));
    assertThat(e.field()).isEqualTo("skills");
    assertThat(e.getMessage()).contains("at most 3").contains("got 4");
  }

  @Test void metadataKeyLongerThan40IsRefused() {
    String key = "k".repeat(41);
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.chats().createAsync(CreateChatRequest.builder().message("x")
            .metadata(Collections.singletonMap(key, "v")).build()));
    assertThat(e.field()).isEqualTo("metadata." + key);
    assertThat(e.getMessage()).contains("41 characters").contains("at most 40");
  }

  @Test void metadataValueLongerThan500IsRefused() {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.chats().create(CreateChatRequest.builder().message("x")
            .metadata(Collections.singletonMap("k", "v".repeat(501))).build()));
    assertThat(e.field()).isEqualTo("metadata.k");
    assertThat(e.getMessage()).contains("501 characters").contains("at most 500");
  }

  @Test void metadataAtTheLimitsIsAccepted() {
    RequestValidator.metadata("metadata", Collections.singletonMap("k".repeat(40), "v".repeat(500)));
  }

  @Test void limitOutOfRangeIsRefused() {
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.messages().list("c1", 0, null))
        .field()).isEqualTo("limit");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> v0.messages().list("c1", 101, null))
        .field()).isEqualTo("limit");
  }

  @Test void missingApiKeyIsRefusedWhenBuilding() {
    // The test JVM may have V0_API_KEY set; an explicit null key falls back to it, so only
    // assert the refusal when the environment has none.
    if (System.getenv(V0Client.API_KEY_ENV) != null) return;
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> V0Client.builder().build());
    assertThat(e.field()).isEqualTo("apiKey");
    assertThat(e.getMessage()).contains("V0_API_KEY");
  }

  @ParameterizedTest @ValueSource(strings = {"v0_key\r\nX-Injected: 1", "v0_key\n", "\rv0", "  "})
  void apiKeyWithLineBreakOrBlankIsRefusedWithoutEchoingIt(String key) {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> V0Client.builder().apiKey(key).build());
    assertThat(e.field()).isEqualTo("apiKey");
    if (!key.isBlank()) assertThat(e.getMessage()).doesNotContain("v0_key").doesNotContain("v0");
  }

  @Test void plainHttpToARemoteHostIsRefused() {
    V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class,
        () -> V0Client.builder().apiKey("k").baseUrl("http://api.example.com/v2").build());
    assertThat(e.field()).isEqualTo("baseUrl");
    V0Client.builder().apiKey("k").baseUrl("http://api.example.com/v2").allowPlainHttp(true).build().close();
  }
}
