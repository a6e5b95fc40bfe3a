package io.github.v0java.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One fake per test class, back to its defaults before each test. */
abstract class FakeServerTest {
  static FakeV0Server fake;
  Http http;

  static final String CHAT = "/v2/chats/" + FakeV0Server.CHAT_ID;
  static final String V1_CHAT = "/v1/chats/" + FakeV0Server.CHAT_ID;
  static final String PROMPT = "{\"message\":\"Create a todo app with filters\"}";

  @BeforeAll static void startFake() {
    fake = FakeV0Server.start();
    // Warm up the connection and WireMock, so timings in tests measure the fake, not class loading.
    new Http(fake).stream(CHAT + "/messages/stream", PROMPT);
  }

  @AfterAll static void stopFake() {
    fake.close();
  }

  @BeforeEach void resetFake() {
    fake.reset();
    http = new Http(fake);
  }
}
