package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  static String page(String cursor, String... ids) {
    StringBuilder messages = new StringBuilder();
    for (String id : ids) {
      if (messages.length() > 0) messages.append(',');
      messages.append("{\"id\":\"").append(id).append("\",\"chatId\":\"c1\",\"role\":\"user\",")
          .append("\"createdAt\":\"2026-11-20T09:00:00Z\",\"content\":\"").append(id)
          .append("\",\"parts\":[],\"finishReason\":\"stop\",\"restorable\":false,\"authorId\":\"u1\"}");
    }
    return "{\"messages\":[" + messages + "],\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + "}";
  }

  @Test void walksThreePagesSendingTheExactCursors() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2")).willReturn(okJson(page("c2", "m1", "m2"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c2")).willReturn(okJson(page("c3", "m3", "m4"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c3")).willReturn(okJson(page("c4", "m5"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c4")).willReturn(okJson(page(null))));

    List<String> ids = new ArrayList<>();
    for (Message message : v0.messages().listAll("c1", 2)) ids.add(message.getId());

    assertThat(ids).containsExactly("m1", "m2", "m3", "m4", "m5");
    assertThat(server.getAllServeEvents()).hasSize(4); // The empty last page ends the walk.
  }

  @Test void fetchesNoPageBeforeItIsNeeded() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2")).willReturn(okJson(page("c2", "m1", "m2"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c2")).willReturn(okJson(page(null, "m3"))));

    Iterator<Message> messages = v0.messages().listAll("c1", 2).iterator();
    assertThat(server.getAllServeEvents()).isEmpty();
    messages.next();
    messages.next();
    assertThat(server.getAllServeEvents()).hasSize(1);
    assertThat(messages.next().getId()).isEqualTo("m3");
    assertThat(messages.hasNext()).isFalse();
    assertThat(server.getAllServeEvents()).hasSize(2);
  }

  @Test void errorOfPageTwoSurfacesWhenPageTwoIsReached() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2")).willReturn(okJson(page("c2", "m1", "m2"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c2"))
        .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"page 2 broke\"}")));

    Iterator<Message> messages = v0.messages().listAll("c1", 2).iterator();
    assertThat(messages.next().getId()).isEqualTo("m1");
    assertThat(messages.next().getId()).isEqualTo("m2");
    InternalServerException e = catchThrowableOfType(InternalServerException.class, messages::hasNext);

    assertThat(e.errorMessage()).isEqualTo("page 2 broke");
  }

  @Test void pagesCanBeWalkedWhole() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=1")).willReturn(okJson(page("c2", "m1"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=1&cursor=c2")).willReturn(okJson(page(null, "m2"))));

    List<Integer> sizes = new ArrayList<>();
    for (MessageList page : v0.messages().listAll("c1", 1).pages()) sizes.add(page.getMessages().size());

    assertThat(sizes).containsExactly(1, 1);
  }

  @Test void walkCanStartAtACursor() {
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c2")).willReturn(okJson(page("c3", "m3", "m4"))));
    server.stubFor(get(urlEqualTo("/v2/chats/c1/messages?limit=2&cursor=c3")).willReturn(okJson(page(null, "m5"))));

    Paginated<MessageList, Message> fromC2 = v0.messages().listAll("c1", 2).startingAt("c2");
    List<String> ids = new ArrayList<>();
    for (Message message : fromC2) ids.add(message.getId());

    assertThat(ids).containsExactly("m3", "m4", "m5");
    assertThat(server.getAllServeEvents()).hasSize(2);
  }
}
