package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.squareup.moshi.JsonAdapter;
import io.github.v0java.model.ChatPrivacy;
import io.github.v0java.model.FinishReason;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.TextPart;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values, kinds and fields the API adds later decode as data, never as a failure. */
class ForwardCompatibilityTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  @Test void unknownEnumValueIsKeptWithItsRawString() {
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(okJson("{\"id\":\"m1\",\"chatId\":\"c1\","
        + "\"role\":\"system-agent\",\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":[],"
        + "\"finishReason\":\"budget-exhausted\",\"restorable\":false,\"authorId\":null}")));

    Message message = v0.messages().get("c1", "m1");

    assertThat(message.getFinishReason().isKnown()).isFalse();
    assertThat(message.getFinishReason().value()).isEqualTo("budget-exhausted");
    assertThat(message.getFinishReason()).isEqualTo(FinishReason.of("budget-exhausted"));
    assertThat(message.getRole().value()).isEqualTo("system-agent");
  }

  @Test void knownEnumValuesAreSingletons() {
    assertThat(FinishReason.of("stop")).isSameAs(FinishReason.STOP).matches(FinishReason::isKnown);
    assertThat(ChatPrivacy.of("team-edit")).isSameAs(ChatPrivacy.TEAM_EDIT);
    assertThat(FinishReason.knownValues()).extracting(FinishReason::value)
        .containsExactly("stop", "length", "content-filter", "tool-calls", "error", "other");
  }

  @Test void unknownPartTypeIsKeptAsRawJson() {
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(okJson("{\"id\":\"m1\",\"chatId\":\"c1\","
        + "\"role\":\"assistant\",\"createdAt\":\"2026-11-20T09:15:02Z\",\"content\":\"\",\"parts\":["
        + "{\"type\":\"image-generation\",\"url\":\"https://x/y.png\",\"size\":{\"w\":512}},"
        + "{\"text\":\"no type at all\"},"
        + "{\"type\":\"text\",\"text\":\"hi\",\"citations\":[1,2]}],"
        + "\"finishReason\":\"stop\",\"restorable\":false,\"authorId\":null,\"newTopLevelField\":{\"a\":1}}")));

    Message message = v0.messages().get("c1", "m1");

    MessagePart.Unknown image = (MessagePart.Unknown) message.getParts().get(0);
    assertThat(image.getType()).isEqualTo("image-generation");
    assertThat(image.json()).containsEntry("url", "https://x/y.png");
    MessagePart.Unknown untyped = (MessagePart.Unknown) message.getParts().get(1);
    assertThat(untyped.getType()).isNull();
    assertThat(untyped.json()).containsEntry("text", "no type at all");
    assertThat(((TextPart) message.getParts().get(2)).getText()).isEqualTo("hi");
  }

  @Test void unknownMembersEncodeBackToTheirRawJson() throws IOException {
    JsonAdapter<MessageStreamEvent> adapter = v0.moshi().adapter(MessageStreamEvent.class);
    String json = "{\"object\":\"message.reaction\",\"id\":\"m1\",\"emoji\":\"🎉\"}";

    MessageStreamEvent event = adapter.fromJson(json);

    assertThat(event).isInstanceOf(MessageStreamEvent.Unknown.class);
    assertThat(event.getObject()).isEqualTo("message.reaction");
    assertThat(adapter.toJson(event)).isEqualTo(json);
  }

  @Test void knownMembersRoundTrip() throws IOException {
    JsonAdapter<MessagePart> adapter = v0.moshi().adapter(MessagePart.class);

    MessagePart part = TextPart.builder().text("héllo").build();

    assertThat(v0.moshi().adapter(Object.class).fromJson(adapter.toJson(part)))
        .isEqualTo(java.util.Map.of("type", "text", "text", "héllo"));
    assertThat(adapter.fromJson(adapter.toJson(part))).isEqualTo(part);
  }

  @Test void unionLabelIsFoundWhereverItIsAndTheObjectDecodesTheSame() throws IOException {
    JsonAdapter<MessagePart> adapter = v0.moshi().adapter(MessagePart.class);
    MessagePart expected = TextPart.builder().text("hi").build();

    // First (as the API sends it, read in one pass), later, and escaped: the same part.
    assertThat(adapter.fromJson("{\"type\":\"text\",\"text\":\"hi\",\"extra\":[1]}")).isEqualTo(expected);
    assertThat(adapter.fromJson("{\"extra\":{\"type\":\"x\"},\"text\":\"hi\",\"type\":\"text\"}"))
        .isEqualTo(expected);
    assertThat(adapter.fromJson("{\"text\":\"hi\",\"type\":\"t\\u0065xt\"}")).isEqualTo(expected);
    assertThat(adapter.fromJson("{\"type\":\"t\\u0065xt\",\"text\":\"hi\"}")).isEqualTo(expected);

    // Unknown labels, first or later, and no label keep every field in order.
    MessagePart.Unknown first = (MessagePart.Unknown) adapter.fromJson(
        "{\"type\":\"diagram\",\"nodes\":[1,2],\"title\":\"t\"}");
    assertThat(first.getType()).isEqualTo("diagram");
    assertThat(first.json()).containsExactly(java.util.Map.entry("type", "diagram"),
        java.util.Map.entry("nodes", java.util.List.of(1.0, 2.0)), java.util.Map.entry("title", "t"));
    MessagePart.Unknown later = (MessagePart.Unknown) adapter.fromJson(
        "{\"nodes\":[],\"type\":\"diagram\"}");
    assertThat(later.getType()).isEqualTo("diagram");
    assertThat(later.json()).containsExactly(java.util.Map.entry("nodes", java.util.List.of()),
        java.util.Map.entry("type", "diagram"));
    MessagePart.Unknown none = (MessagePart.Unknown) adapter.fromJson("{}");
    assertThat(none.getType()).isNull();
    assertThat(none.json()).isEmpty();

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> adapter.fromJson("{\"type\":\"diagram\",\"a\":1,\"a\":2}"))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class).hasMessageContaining("'a'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.fromJson("{\"type\":7}"))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class).hasMessageContaining("MessagePart.type");
  }

  @Test void untypedValuesDecodeAsImmutableTrees() throws IOException {
    Object value = v0.moshi().adapter(Object.class)
        .fromJson("{\"a\":[1,\"x\",true,null,{\"b\":{}}],\"c\":2.5}");

    assertThat(value).isEqualTo(java.util.Map.of("a",
        java.util.Arrays.asList(1.0, "x", true, null, java.util.Map.of("b", java.util.Map.of())), "c", 2.5));
    java.util.Map<?, ?> map = (java.util.Map<?, ?>) value;
    java.util.List<?> list = (java.util.List<?>) map.get("a");
    org.assertj.core.api.Assertions.assertThatThrownBy(map::clear)
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(list::clear)
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(((java.util.Map<?, ?>) list.get(4))::clear)
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> v0.moshi().adapter(Object.class).fromJson("{\"k\":1,\"k\":2}"))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class).hasMessageContaining("'k'");
  }

  @Test void untypedObjectsOfAnySizeKeepTheirOrderAndStayImmutable() throws IOException {
    JsonAdapter<Object> adapter = v0.moshi().adapter(Object.class);
    // A few members (kept in one array) and more than eight (kept in a hash map) behave alike.
    for (int size : new int[] {0, 1, 3, 8, 9, 20}) {
      StringBuilder json = new StringBuilder("{");
      java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
      for (int i = size - 1; i >= 0; i--) { // Names out of hash order, to see the order kept.
        if (json.length() > 1) json.append(',');
        json.append("\"k").append(i).append("\":").append(i == 1 ? "null" : String.valueOf(i));
        expected.put("k" + i, i == 1 ? null : (double) i);
      }
      java.util.Map<?, ?> map = (java.util.Map<?, ?>) adapter.fromJson(json.append('}').toString());

      assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(new java.util.ArrayList<>(map.keySet())).isEqualTo(new java.util.ArrayList<>(expected.keySet()));
      assertThat(map.containsKey("k1")).isEqualTo(size > 1);
      assertThat(map.get("k1")).isNull();
      assertThat(map.containsKey("absent")).isFalse();
      assertThat(map.get(7)).isNull();
      if (size == 0) continue;
      @SuppressWarnings("unchecked") java.util.Map<String, Object> writable = (java.util.Map<String, Object>) map;
      java.util.Map.Entry<String, Object> first = writable.entrySet().iterator().next();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> writable.put("k0", 1.0))
          .isInstanceOf(UnsupportedOperationException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> writable.remove("k0"))
          .isInstanceOf(UnsupportedOperationException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.setValue(1.0))
          .isInstanceOf(UnsupportedOperationException.class);
      java.util.Iterator<?> names = writable.keySet().iterator();
      names.next();
      org.assertj.core.api.Assertions.assertThatThrownBy(names::remove)
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(adapter.toJson(map)).isEqualTo(adapter.toJson(expected));
      assertThat(map).hasSize(size);
    }
    // A repeated name fails, even when its first value was null, and in a large object too.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.fromJson("{\"k\":null,\"k\":2}"))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class).hasMessageContaining("'k'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.fromJson(
        "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"b\":0}"))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class).hasMessageContaining("'b'");
  }

  @Test void decodedListsAreUnmodifiable() {
    server.stubFor(get("/v2/chats/c1/messages/m1").willReturn(okJson(TestServers.resource("v2/message.json"))));

    Message message = v0.messages().get("c1", "m1");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> message.getParts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
