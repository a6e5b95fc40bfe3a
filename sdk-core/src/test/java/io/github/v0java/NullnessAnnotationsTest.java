package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.api.MessagesApi;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.sse.ServerSentEventReader;
import io.github.v0java.v1.model.ChatDetail;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The JSpecify annotations Kotlin and nullness checkers read from the jars: public packages are
 * null-marked, and what may be null says so (so Kotlin sees {@code String?} there and
 * {@code String} everywhere else).
 */
class NullnessAnnotationsTest {
  @Test void publicPackagesAreNullMarked() {
    for (Class<?> type : new Class<?>[] {V0Client.class, ServerSentEventReader.class, Message.class,
        MessagesApi.class, ChatDetail.class, io.github.v0java.v1.api.ChatsApi.class}) {
      assertThat(type.getPackage().isAnnotationPresent(NullMarked.class))
          .as(type.getPackage().getName()).isTrue();
    }
  }

  @Test void generatedGettersAreNullableExactlyForOptionalOrNullableFields() throws Exception {
    assertThat(nullable(Message.class.getMethod("getFinishReason").getAnnotatedReturnType())).isTrue();
    assertThat(nullable(Message.class.getMethod("getAttachments").getAnnotatedReturnType())).isTrue();
    assertThat(nullable(Message.class.getMethod("getUsage").getAnnotatedReturnType())).isFalse();
    assertThat(nullable(Message.class.getMethod("getId").getAnnotatedReturnType())).isFalse();
    assertThat(nullable(Message.class.getMethod("getParts").getAnnotatedReturnType())).isFalse();
  }

  @Test void generatedBuildersAcceptNullExactlyForOptionalFields() throws Exception {
    Method systemPrompt = SendMessageRequest.Builder.class.getMethod("systemPrompt", String.class);
    Method message = SendMessageRequest.Builder.class.getMethod("message", String.class);

    assertThat(nullable(systemPrompt.getAnnotatedParameterTypes()[0])).isTrue();
    assertThat(nullable(message.getAnnotatedParameterTypes()[0])).isFalse();
  }

  @Test void anUnknownUnionMemberMayHaveNoLabel() throws Exception {
    assertThat(nullable(MessagePart.class.getMethod("getType").getAnnotatedReturnType())).isTrue();
  }

  @Test void optionalQueryParametersOfServicesAreNullable() throws Exception {
    Method list = MessagesApi.class.getMethod("list", String.class, Integer.class, String.class);

    assertThat(nullable(list.getAnnotatedParameterTypes()[0])).as("chatId").isFalse();
    assertThat(nullable(list.getAnnotatedParameterTypes()[2])).as("cursor").isTrue();
  }

  @Test void handwrittenApiMarksWhatMayBeNull() throws Exception {
    assertThat(nullable(MessageState.class.getMethod("usage").getAnnotatedReturnType())).isTrue();
    assertThat(nullable(MessageState.class.getMethod("finishReason").getAnnotatedReturnType())).isTrue();
    assertThat(nullable(MessageState.class.getMethod("parts").getAnnotatedReturnType())).isFalse();
    assertThat(nullable(EventStream.class.getMethod("next").getAnnotatedReturnType())).isTrue();
    assertThat(nullable(EventStream.class.getMethod("state").getAnnotatedReturnType())).isFalse();
    assertThat(nullable(V0ApiException.class.getMethod("requestId").getAnnotatedReturnType())).isTrue();
    assertThat(nullable(Messages.class.getMethod("list", String.class, int.class, String.class)
        .getAnnotatedParameterTypes()[2])).as("cursor").isTrue();
    assertThat(nullable(V0Client.Builder.class.getMethod("streamRecovery", PollingOptions.class)
        .getAnnotatedParameterTypes()[0])).isTrue();
    assertThat(nullable(V0Client.Builder.class.getMethod("apiKey", String.class)
        .getAnnotatedParameterTypes()[0])).isFalse();
  }

  private static boolean nullable(AnnotatedType type) {
    return type.isAnnotationPresent(Nullable.class);
  }
}
