package io.github.v0java.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ServerSentEventTest {
  @Test void exposesItsParts() {
    ServerSentEvent event = new ServerSentEvent("add", "{\"a\":1}", "42");
    assertThat(event.type()).isEqualTo("add");
    assertThat(event.data()).isEqualTo("{\"a\":1}");
    assertThat(event.lastEventId()).isEqualTo("42");
  }

  @Test void equalByValue() {
    ServerSentEvent event = new ServerSentEvent("message", "a", "1");
    assertThat(event).isEqualTo(new ServerSentEvent("message", "a", "1"))
        .hasSameHashCodeAs(new ServerSentEvent("message", "a", "1"))
        .isNotEqualTo(new ServerSentEvent("other", "a", "1"))
        .isNotEqualTo(new ServerSentEvent("message", "b", "1"))
        .isNotEqualTo(new ServerSentEvent("message", "a", ""))
        .isNotEqualTo(null);
  }

  @Test void toStringShowsShortDataWhole() {
    assertThat(new ServerSentEvent("message", "hello", "7"))
        .hasToString("ServerSentEvent{type=message, lastEventId=7, data=hello}");
  }

  @Test void toStringTruncatesLongData() {
    String data = "x".repeat(10_000);
    assertThat(new ServerSentEvent("message", data, "").toString())
        .isEqualTo("ServerSentEvent{type=message, lastEventId=, data=" + "x".repeat(64)
            + "…(10000 chars)}");
  }

  @Test void toStringDoesNotSplitASurrogatePair() {
    String data = "x".repeat(63) + "😀" + "y".repeat(100);
    assertThat(new ServerSentEvent("message", data, "").toString())
        .contains("data=" + "x".repeat(63) + "…(");
  }

  @Test void rejectsNulls() {
    assertThatThrownBy(() -> new ServerSentEvent(null, "", ""))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ServerSentEvent("message", null, ""))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ServerSentEvent("message", "", null))
        .isInstanceOf(NullPointerException.class);
  }
}
