package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.v0java.McpServersTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.v0java.model.CreateWebhookRequest;
import io.github.v0java.model.UpdateWebhookRequest;
import io.github.v0java.model.Webhook;
import io.github.v0java.model.WebhookEventType;
import io.github.v0java.model.WebhookSummary;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhooksTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);

  @AfterEach void close() {
    v0.close();
  }

  @Test void listReadsIdsAndNames() {
    server.stubFor(get("/v2/hooks").willReturn(okJson(
        "[{\"id\":\"hook_6Fq1z8\",\"name\":\"Deploy notifier\"},{\"id\":\"hook_1Aa2\",\"name\":\"Audit\"}]")));

    List<WebhookSummary> hooks = v0.webhooks().list();

    server.verify(getRequestedFor(urlEqualTo("/v2/hooks")));
    assertThat(hooks).extracting(WebhookSummary::getId).containsExactly("hook_6Fq1z8", "hook_1Aa2");
    assertThat(hooks.get(1).getName()).isEqualTo("Audit");
  }

  @Test void createForAllChatsLeavesChatIdOut() {
    server.stubFor(post("/v2/hooks").willReturn(okJson(TestServers.resource("v2/webhook.json"))));

    Webhook hook = v0.webhooks().create(CreateWebhookRequest.builder()
        .name("Deploy notifier").url("https://hooks.example.com/v0")
        .events(Arrays.asList(WebhookEventType.CHAT_CREATED, WebhookEventType.MESSAGE_FINISHED))
        .build());

    server.verify(postRequestedFor(urlEqualTo("/v2/hooks")).withRequestBody(equalToJson(
        "{\"name\":\"Deploy notifier\",\"url\":\"https://hooks.example.com/v0\","
            + "\"events\":[\"chat.created\",\"message.finished\"]}")));
    assertThat(hook.getId()).isEqualTo("hook_6Fq1z8");
    assertThat(hook.getChatId()).isNull();
    assertThat(hook.getEvents()).containsExactly(WebhookEventType.CHAT_CREATED, WebhookEventType.MESSAGE_FINISHED);
    assertThat(hook.getCreatedAt()).isEqualTo(Instant.parse("2026-11-20T09:20:00Z"));
  }

  @Test void createForOneChatSendsItsId() {
    server.stubFor(post("/v2/hooks").willReturn(okJson(TestServers.resource("v2/webhook.json")
        .replace("\"chatId\": null", "\"chatId\": \"chat_3fKd9a\""))));

    Webhook hook = v0.webhooks().create(CreateWebhookRequest.builder()
        .name("One chat").url("https://hooks.example.com/v0").chatId("chat_3fKd9a")
        .events(Collections.singletonList(WebhookEventType.MESSAGE_CREATED)).build());

    server.verify(postRequestedFor(urlEqualTo("/v2/hooks")).withRequestBody(equalToJson(
        "{\"name\":\"One chat\",\"url\":\"https://hooks.example.com/v0\",\"chatId\":\"chat_3fKd9a\","
            + "\"events\":[\"message.created\"]}")));
    assertThat(hook.getChatId()).isEqualTo("chat_3fKd9a");
  }

  @Test void getKeepsAnEventTypeAddedLaterAsData() {
    server.stubFor(get("/v2/hooks/hook_6Fq1z8").willReturn(okJson(TestServers.resource("v2/webhook.json")
        .replace("\"message.finished\"", "\"deployment.ready\""))));

    Webhook hook = v0.webhooks().get("hook_6Fq1z8");

    WebhookEventType added = hook.getEvents().get(1);
    assertThat(added.isKnown()).isFalse();
    assertThat(added.value()).isEqualTo("deployment.ready");
    assertThat(hook.getEvents().get(0)).isSameAs(WebhookEventType.CHAT_CREATED);
    // ...and it is sent back unchanged.
    server.stubFor(patch(urlEqualTo("/v2/hooks/hook_6Fq1z8")).willReturn(okJson(TestServers.resource("v2/webhook.json"))));
    v0.webhooks().update("hook_6Fq1z8", UpdateWebhookRequest.builder().events(hook.getEvents()).build());
    server.verify(patchRequestedFor(urlEqualTo("/v2/hooks/hook_6Fq1z8"))
        .withRequestBody(equalToJson("{\"events\":[\"chat.created\",\"deployment.ready\"]}")));
  }

  @Test void updateSendsOnlyTheFieldsSet() {
    server.stubFor(patch(urlEqualTo("/v2/hooks/hook_6Fq1z8")).willReturn(okJson(TestServers.resource("v2/webhook.json"))));

    v0.webhooks().update("hook_6Fq1z8", UpdateWebhookRequest.builder().url("https://hooks.example.com/v2").build());

    server.verify(patchRequestedFor(urlEqualTo("/v2/hooks/hook_6Fq1z8"))
        .withRequestBody(equalToJson("{\"url\":\"https://hooks.example.com/v2\"}")));
  }

  @Test void deleteAnswersTheDeletedId() {
    server.stubFor(delete("/v2/hooks/hook_6Fq1z8").willReturn(okJson("{\"id\":\"hook_6Fq1z8\",\"deleted\":true}")));

    assertThat(v0.webhooks().delete("hook_6Fq1z8").getDeleted()).isTrue();
    server.verify(deleteRequestedFor(urlEqualTo("/v2/hooks/hook_6Fq1z8")));
  }

  @Test void anUnknownHookIsNotFound() {
    server.stubFor(get("/v2/hooks/hook_gone").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Hook not found\"}")));

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> v0.webhooks().get("hook_gone"));

    assertThat(e.errorMessage()).isEqualTo("Hook not found");
  }

  @Test void badInputIsRefusedBeforeAnyRequest() {
    List<WebhookEventType> events = Collections.singletonList(WebhookEventType.CHAT_CREATED);
    assertThat(refused(() -> v0.webhooks().create(CreateWebhookRequest.builder().name("n").events(events)
        .url("not a url").build()))).isEqualTo("url");
    assertThat(refused(() -> v0.webhooks().create(CreateWebhookRequest.builder().name(" ").events(events)
        .url("https://h.example").build()))).isEqualTo("name");
    assertThat(refused(() -> v0.webhooks().create(CreateWebhookRequest.builder().name("n").events(events)
        .url("https://h.example").chatId("").build()))).isEqualTo("chatId");
    assertThat(refused(() -> v0.webhooks().update("hook_1", UpdateWebhookRequest.builder()
        .events(Arrays.asList(WebhookEventType.CHAT_CREATED, null)).build()))).isEqualTo("events[1]");
    assertThat(refused(() -> v0.webhooks().get("a/b"))).isEqualTo("hookId");
    assertThat(refused(() -> v0.webhooks().delete(".."))).isEqualTo("hookId");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
