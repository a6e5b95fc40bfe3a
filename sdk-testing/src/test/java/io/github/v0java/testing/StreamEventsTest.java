package io.github.v0java.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The event factories produce what the upstream schemas describe. */
class StreamEventsTest {

  @Test void v2EventsMatchTheUpstreamSchemas() {
    List<String> messageEvents = List.of(
        StreamEvents.openingSnapshot(),
        StreamEvents.snapshot("[" + StreamEvents.thinkingPart("Plan") + "," + StreamEvents.fileReadPart("a.ts", "b.ts")
            + "," + StreamEvents.fileEditPart("create", "c.ts") + "," + StreamEvents.searchPart("web", "shadcn")
            + "," + StreamEvents.bashPart("pnpm test", "ok", 0) + ","
            + StreamEvents.toolCallPart("lookup", "{\"q\":1}", "{\"hits\":[]}") + "]", "stop", "Done"),
        StreamEvents.finalTextSnapshot("Hi"),
        StreamEvents.insertTextPart(0, "Hello"),
        StreamEvents.insertPart(1, StreamEvents.thinkingPart("x")),
        StreamEvents.textDelta(0, "Hello", "Hello world"),
        StreamEvents.chunk("[[\"x\"],9,9]"),
        StreamEvents.usage(1200, 3400),
        StreamEvents.error("Generation failed", null),
        StreamEvents.error("Generation failed", "internal_error"));
    for (String event : messageEvents) Schemas.assertValid("v2/MessageStreamEvent", event);
    for (String event : List.of(StreamEvents.chat("c1", null), StreamEvents.chat("c1", "Todo"),
        StreamEvents.chatTitle("c1", "To"))) {
      Schemas.assertValid("v2/ChatStreamEvent", event);
    }
  }

  @Test void textDeltaIsAJsonDiffPatchArrayDelta() {
    assertThat(StreamEvents.textDelta("m1", 2, "Hel", "Hello")).isEqualTo(
        "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":{\"2\":{\"text\":[\"Hel\",\"Hello\"]},\"_t\":\"a\"}}");
    assertThat(StreamEvents.insertTextPart("m1", 0, "Hi")).isEqualTo(
        "{\"object\":\"message.parts.chunk\",\"id\":\"m1\",\"delta\":{\"0\":[{\"type\":\"text\",\"text\":\"Hi\"}],\"_t\":\"a\"}}");
  }

  @Test void v1Events() {
    assertThat(V1StreamEvents.appendText(" world", 0, 1, 2)).isEqualTo("{\"delta\":[[0,1,2,\" world\"],9,9]}");
    assertThat(V1StreamEvents.insertRow(1, "[0,[\"p\",{},\"x\"]]"))
        .isEqualTo("{\"delta\":{\"1\":[[0,[\"p\",{},\"x\"]]],\"_t\":\"a\"}}");
    assertThat(Http.object(V1StreamEvents.error("quota", "too_many_requests_error")))
        .containsKey("error");
  }

  @Test void invalidJsonIsRefusedWhereTheFactoryEmbedsIt() {
    assertThatThrownBy(() -> StreamEvents.chunk("{oops")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamEvents.snapshot("[", null, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamScript.create().event("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThat(StreamEvents.raw("{oops")).isEqualTo("{oops");
  }
}
