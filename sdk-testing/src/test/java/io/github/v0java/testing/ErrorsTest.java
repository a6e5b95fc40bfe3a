package io.github.v0java.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorsTest extends FakeServerTest {

  /** A request for {@code operation} with ids filled in and a valid body. */
  private Request requestFor(Operation operation) {
    String path = operation.pathTemplate().replace("{chatId}", "chat_e").replace("{messageId}", "msg_e");
    boolean hasBody = !operation.method().equals("GET") && !operation.method().equals("DELETE");
    String body = hasBody ? "{\"message\":\"x\"}" : null;
    return http.request(operation.method(), path, body).build();
  }

  @ParameterizedTest @EnumSource(Operation.class)
  void anyOperationCanAnswerAnErrorInTheShapeOfItsVersion(Operation operation) {
    fake.failWith(operation, 500, "Something broke");

    Http.Reply reply = http.execute(requestFor(operation));

    assertThat(reply.status).isEqualTo(500);
    if (operation.isV1()) {
      Schemas.assertValid("v1/InternalServerError", reply.body);
      assertThat(map(reply.json().get("error"))).containsEntry("message", "Something broke")
          .containsEntry("type", "internal_server_error");
    } else {
      Schemas.assertValid("v2/Error", reply.body);
      assertThat(reply.json()).isEqualTo(Map.of("message", "Something broke"));
    }
    // Other operations are untouched.
    Operation other = operation == Operation.GET_CHAT ? Operation.STOP_MESSAGE : Operation.GET_CHAT;
    assertThat(http.execute(requestFor(other)).status).isEqualTo(200);
  }

  @Test void v1ErrorTypesFollowTheStatus() {
    int[] statuses = {401, 403, 404, 409, 413, 422, 429, 500};
    String[] schemas = {"UnauthorizedError", "ForbiddenError", "NotFoundError", "ConflictError",
        "PayloadTooLargeError", "UnprocessableEntityError", "TooManyRequestsError", "InternalServerError"};
    for (int i = 0; i < statuses.length; i++) {
      fake.failWith(Operation.V1_STOP_MESSAGE, statuses[i], "status " + statuses[i]);
      Http.Reply reply = http.execute(requestFor(Operation.V1_STOP_MESSAGE));
      assertThat(reply.status).isEqualTo(statuses[i]);
      Schemas.assertValid("v1/" + schemas[i], reply.body);
    }
  }

  @Test void rateLimitsCarryRetryAfter() {
    fake.failWith(Operation.SEND_MESSAGE, 429, "Too many requests");

    Http.Reply reply = http.execute(requestFor(Operation.SEND_MESSAGE));

    assertThat(reply.status).isEqualTo(429);
    assertThat(reply.headers.get("Retry-After")).isEqualTo("1");
  }

  @Test void anErrorCanBeLimitedToTheNextCalls() {
    fake.failWith(Operation.GET_CHAT, 503, "Unavailable", 2);

    assertThat(http.get("/v2/chats/c").status).isEqualTo(503);
    assertThat(http.get("/v2/chats/c").status).isEqualTo(503);
    assertThat(http.get("/v2/chats/c").status).isEqualTo(200);
    assertThat(http.get("/v2/chats/c").status).isEqualTo(200);
  }

  @Test void theLatestScriptOfAnOperationWins() {
    fake.failWith(Operation.GET_CHAT, 404, "Chat not found");
    fake.failWith(Operation.GET_CHAT, 403, "Forbidden");

    assertThat(http.get("/v2/chats/c").status).isEqualTo(403);
    fake.restoreDefault(Operation.GET_CHAT);
    assertThat(http.get("/v2/chats/c").status).isEqualTo(200);
  }

  @Test void anyWireMockResponseCanBeScripted() {
    fake.respondWith(Operation.GET_CHAT, aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"c\",\"surprise\":true}"));

    assertThat(http.get("/v2/chats/c").body).isEqualTo("{\"id\":\"c\",\"surprise\":true}");
  }

  @Test void networkFaults() {
    fake.fault(Operation.SEND_MESSAGE_STREAM, Fault.CONNECTION_RESET_BY_PEER);
    fake.fault(Operation.GET_CHAT, Fault.EMPTY_RESPONSE);

    assertThatThrownBy(() -> http.execute(requestFor(Operation.SEND_MESSAGE_STREAM)))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> http.execute(requestFor(Operation.GET_CHAT)))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test void scriptedStreamsCanStillFailBeforeStreaming() {
    fake.onSendMessageStream(StreamScript.demoGeneration());
    fake.failWith(Operation.SEND_MESSAGE_STREAM, 422, "message: Required");

    assertThat(http.execute(requestFor(Operation.SEND_MESSAGE_STREAM)).status).isEqualTo(422);
  }
}
