package io.github.v0java.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsTest extends FakeServerTest {

  @Test void requestsAreRecordedOldestFirstAndByOperation() {
    http.post("/v2/chats", "{\"message\":\"first\"}");
    http.get(CHAT);
    http.post(CHAT + "/messages", "{\"message\":\"second\"}");
    http.get(CHAT + "/messages?limit=5");

    List<LoggedRequest> all = fake.requests();
    assertThat(all).extracting(LoggedRequest::getUrl).containsExactly("/v2/chats", CHAT, CHAT + "/messages",
        CHAT + "/messages?limit=5");
    assertThat(fake.requests(Operation.SEND_MESSAGE)).hasSize(1);
    assertThat(fake.lastRequest(Operation.CREATE_CHAT).getBodyAsString()).isEqualTo("{\"message\":\"first\"}");
    assertThat(fake.lastRequest(Operation.LIST_MESSAGES).queryParameter("limit").firstValue()).isEqualTo("5");
    assertThat(fake.lastRequest(Operation.GET_CHAT).getHeader("Authorization")).isEqualTo("Bearer " + Http.API_KEY);
    assertThatThrownBy(() -> fake.lastRequest(Operation.STOP_MESSAGE)).isInstanceOf(AssertionError.class);
  }

  @Test void wireMockVerificationWorks() {
    http.post(CHAT + "/messages/stream", "{\"message\":\"Hi\",\"modelConfiguration\":{\"modelId\":\"v0-max\"}}");

    fake.wireMock().verify(postRequestedFor(urlEqualTo(CHAT + "/messages/stream"))
        .withHeader("Authorization", equalTo("Bearer " + Http.API_KEY))
        .withRequestBody(equalToJson("{\"message\":\"Hi\",\"modelConfiguration\":{\"modelId\":\"v0-max\"}}")));
  }

  @Test void resetForgetsRequestsAndScripts() {
    fake.failWith(Operation.GET_CHAT, 500, "x").requireApiKey("k").messageHistory(1);
    http.get(CHAT);

    fake.reset();

    assertThat(fake.requests()).isEmpty();
    assertThat(http.get(CHAT).status).isEqualTo(200);
    assertThat(Http.array(http.get(CHAT + "/messages").json().get("messages")))
        .hasSize(FakeV0Server.DEFAULT_HISTORY_SIZE);
  }

  @Test void addressesPointAtLoopback() {
    assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/v2");
    assertThat(fake.v1BaseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/v1");
  }

  @Test void severalFakesRunSideBySide() {
    try (FakeV0Server other = FakeV0Server.start()) {
      assertThat(other.port()).isNotEqualTo(fake.port());
      assertThat(new Http(other).get(CHAT).status).isEqualTo(200);
      assertThat(fake.requests()).isEmpty();
    }
  }
}
