package io.github.v0java.testing;

import static io.github.v0java.testing.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Request;
import org.junit.jupiter.api.Test;

class AuthTest extends FakeServerTest {

  private Http.Reply withAuthorization(String method, String path, String authorization) {
    Request.Builder builder = http.request(method, path, method.equals("POST") ? PROMPT : null);
    if (authorization == null) builder.removeHeader("Authorization");
    else builder.header("Authorization", authorization);
    return http.execute(builder.build());
  }

  @Test void v2WithoutAuthorizationIs401() {
    Http.Reply reply = withAuthorization("POST", "/v2/chats", null);

    assertThat(reply.status).isEqualTo(401);
    Schemas.assertValid("v2/Error", reply.body);
    assertThat((String) reply.json().get("message")).contains("Authorization: Bearer");
  }

  @Test void v1WithoutAuthorizationIs401WithTheV1Body() {
    Http.Reply reply = withAuthorization("GET", V1_CHAT + "/messages", null);

    assertThat(reply.status).isEqualTo(401);
    Schemas.assertValid("v1/UnauthorizedError", reply.body);
    assertThat(map(reply.json().get("error"))).containsEntry("type", "unauthorized_error");
  }

  @Test void onlyBearerWithAKeyIsAccepted() {
    assertThat(withAuthorization("GET", CHAT, "Basic dXNlcjpwYXNz").status).isEqualTo(401);
    assertThat(withAuthorization("GET", CHAT, "Bearer").status).isEqualTo(401);
    assertThat(withAuthorization("GET", CHAT, "Bearer ").status).isEqualTo(401);
    assertThat(withAuthorization("GET", CHAT, "bearer anything").status).isEqualTo(200);
  }

  @Test void streamsNeedAuthorizationToo() {
    Http.Reply reply = withAuthorization("POST", CHAT + "/messages/stream", null);

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.headers.get("Content-Type")).startsWith("application/json");
  }

  @Test void aRequiredKeyRejectsOthers() {
    fake.requireApiKey("v0_right");

    Http.Reply wrong = withAuthorization("GET", CHAT, "Bearer v0_wrong");
    assertThat(wrong.status).isEqualTo(401);
    assertThat(wrong.json()).containsEntry("message", "Invalid API key");
    assertThat(withAuthorization("GET", CHAT, "Bearer v0_right").status).isEqualTo(200);
  }

  @Test void rejectedRequestsAreRecorded() {
    withAuthorization("GET", CHAT, null);

    assertThat(fake.requests(Operation.GET_CHAT)).hasSize(1);
    assertThat(fake.lastRequest(Operation.GET_CHAT).containsHeader("Authorization")).isFalse();
  }
}
