package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiErrorsTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class, null),
        Arguments.of(401, UnauthorizedException.class, "unauthorized_error"),
        Arguments.of(403, PermissionDeniedException.class, "forbidden_error"),
        Arguments.of(404, NotFoundException.class, "not_found_error"),
        Arguments.of(409, ConflictException.class, "conflict_error"),
        Arguments.of(413, PayloadTooLargeException.class, "payload_too_large_error"),
        Arguments.of(422, UnprocessableEntityException.class, "unprocessable_entity_error"),
        Arguments.of(429, RateLimitException.class, "too_many_requests_error"),
        Arguments.of(500, InternalServerException.class, "internal_server_error"),
        Arguments.of(503, InternalServerException.class, null),
        Arguments.of(418, UnexpectedStatusException.class, null));
  }

  @ParameterizedTest @MethodSource("statuses")
  void v2ErrorStatusBecomesItsTypedException(int status, Class<? extends V0ApiException> type, String v1Type) {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_" + status)
        .withBody("{\"message\":\"Something about " + status + "\"}")));

    V0ApiException e = catchThrowableOfType(type, () -> v0.chats().get("c1"));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.errorMessage()).isEqualTo("Something about " + status);
    assertThat(e.errorType()).isNull();
    assertThat(e.requestId()).isEqualTo("req_" + status);
    assertThat(e.body()).isEqualTo("{\"message\":\"Something about " + status + "\"}");
    assertThat(e.getMessage()).isEqualTo("HTTP " + status + ": Something about " + status
        + " (request id req_" + status + ")");
  }

  @ParameterizedTest @MethodSource("statuses")
  void v1ErrorBodyGivesTypeAndMessage(int status, Class<? extends V0ApiException> type, String v1Type) {
    String errorType = v1Type != null ? v1Type : "internal_server_error";
    server.stubFor(post("/v1/chats/c1/messages").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"v1 says " + status + "\",\"type\":\"" + errorType + "\"}}")));

    V0ApiException e = catchThrowableOfType(type, () -> v0.v1().sendMessage("c1",
        io.github.v0java.v1.model.SendMessageRequest.builder().message("hi").build()));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.errorType()).isEqualTo(errorType);
    assertThat(e.errorMessage()).isEqualTo("v1 says " + status);
  }

  @Test void rateLimitReadsRetryAfterSeconds() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withBody("{\"message\":\"slow down\"}")));

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> v0.chats().get("c1"));

    assertThat(e.retryAfterMillis()).isEqualTo(7000);
  }

  @Test void htmlErrorPageKeepsItsTextAsMessage() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

    InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> v0.chats().get("c1"));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.errorMessage()).isEqualTo("<html><body>Bad gateway</body></html>");
  }

  @Test void connectionResetIsANetworkException() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    V0NetworkException e = catchThrowableOfType(V0NetworkException.class, () -> v0.chats().get("c1"));

    assertThat(e.getCause()).isNotNull();
    assertThat(e.getMessage()).startsWith("GET /v2/chats/c1 failed");
  }

  @Test void successWithHtmlIsADecodingException() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));

    V0DecodingException e = catchThrowableOfType(V0DecodingException.class, () -> v0.chats().get("c1"));

    assertThat(e.getMessage()).contains("malformed JSON");
  }

  @Test void successWithEmptyBodyIsADecodingException() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")));

    assertThat(catchThrowableOfType(V0DecodingException.class, () -> v0.chats().get("c1")))
        .isNotNull();
  }

  @Test void successWithTruncatedJsonIsADecodingException() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"c1\",\"privacy\":")));

    assertThat(catchThrowableOfType(V0DecodingException.class, () -> v0.chats().get("c1")))
        .isNotNull();
  }

  @Test void successWithWrongShapeIsADecodingException() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"c1\",\"metadata\":[1,2]}")));

    V0DecodingException e = catchThrowableOfType(V0DecodingException.class, () -> v0.chats().get("c1"));

    assertThat(e.getMessage()).contains("unexpected JSON").contains("$.metadata");
  }

  @Test void exceptionMessagesNeverContainTheApiKey() {
    server.stubFor(get("/v2/chats/c1").willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Invalid API key\"}")));

    V0ApiException e = catchThrowableOfType(V0ApiException.class, () -> v0.chats().get("c1"));

    assertThat(e.toString()).doesNotContain(TestServers.API_KEY);
    assertThat(v0.toString()).doesNotContain(TestServers.API_KEY);
  }
}
