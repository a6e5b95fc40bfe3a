package io.github.v0java.cli;

import io.github.v0java.V0Client;
import io.github.v0java.testing.FakeV0Server;
import java.time.Duration;

/**
 * The embedded fake v0 server (sdk-testing's {@link FakeV0Server}) that {@code v0 demo}, and
 * commands run with neither an API key nor a base URL, talk to: every operation answers a
 * realistic body, and streams play the demo generation with a pause between events.
 */
final class Sandbox implements AutoCloseable {
  static final String DEMO_PROMPT = "Create a todo app with filters";
  /** The fake accepts any key; this one is no secret. */
  private static final String FAKE_KEY = "fake-v0-demo-key";

  private final FakeV0Server fake;

  private Sandbox(FakeV0Server fake) {
    this.fake = fake;
  }

  static Sandbox start(long delayMillis) {
    FakeV0Server fake = FakeV0Server.start();
    try {
      fake.defaultStreamDelay(Duration.ofMillis(delayMillis));
      return new Sandbox(fake);
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  String baseUrl() {
    return fake.baseUrl();
  }

  String v1BaseUrl() {
    return fake.v1BaseUrl();
  }

  /** The chat the demo sends its message to. */
  String chatId() {
    return FakeV0Server.CHAT_ID;
  }

  V0Client client(String userAgent) {
    return V0Client.builder()
        .apiKey(FAKE_KEY)
        .baseUrl(fake.baseUrl())
        .v1BaseUrl(fake.v1BaseUrl())
        .userAgent(userAgent)
        .build();
  }

  @Override public void close() {
    fake.close();
  }
}
