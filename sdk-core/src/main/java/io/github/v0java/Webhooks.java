package io.github.v0java;

import io.github.v0java.api.WebhooksApi;
import io.github.v0java.model.CreateWebhookRequest;
import io.github.v0java.model.DeleteWebhookResponse;
import io.github.v0java.model.UpdateWebhookRequest;
import io.github.v0java.model.Webhook;
import io.github.v0java.model.WebhookEventType;
import io.github.v0java.model.WebhookSummary;
import java.util.List;

/**
 * Webhooks ({@code /hooks}): URLs that receive a POST for chat and message events, of one chat or
 * of all. Event types the API adds later decode as {@link WebhookEventType} values that are not
 * {@linkplain WebhookEventType#isKnown() known}, never as an error.
 */
public final class Webhooks {
  private final V0Client client;
  private final WebhooksApi api;

  Webhooks(V0Client client) {
    this.client = client;
    this.api = client.service(WebhooksApi.class);
  }

  /**
   * The webhooks, as ids and names ({@code GET /hooks}); {@link #get} has the rest.
   *
   * @return the webhooks, as ids and names
   */
  public List<WebhookSummary> list() {
    return client.execute(api.list());
  }

  /**
   * Creates a webhook ({@code POST /hooks}) delivering {@code events} to {@code url}, for the chat
   * {@code chatId} or, when it is null, for every chat.
   *
   * @param request the request body; checked before anything is sent
   * @return the new webhook
   */
  public Webhook create(CreateWebhookRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.required("name", request.getName());
    RequestValidator.required("events", request.getEvents());
    RequestValidator.required("url", request.getUrl());
    check(request.getName(), request.getEvents(), request.getUrl());
    RequestValidator.name("chatId", request.getChatId(), Integer.MAX_VALUE);
    return client.execute(api.create(request));
  }

  /**
   * Returns a webhook ({@code GET /hooks/{hookId}}).
   *
   * @param hookId the webhook's id
   * @return a webhook ({@code GET /hooks/{hookId}})
   */
  public Webhook get(String hookId) {
    return client.execute(api.get(RequestValidator.pathId("hookId", hookId)));
  }

  /**
   * Changes a webhook ({@code PATCH /hooks/{hookId}}): only the fields set change.
   *
   * @param hookId the webhook's id
   * @param request the request body; checked before anything is sent
   * @return the webhook as updated
   */
  public Webhook update(String hookId, UpdateWebhookRequest request) {
    String id = RequestValidator.pathId("hookId", hookId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    check(request.getName(), request.getEvents(), request.getUrl());
    return client.execute(api.update(id, request));
  }

  /**
   * Deletes a webhook ({@code DELETE /hooks/{hookId}}).
   *
   * @param hookId the webhook's id
   * @return the API's confirmation, naming the deleted webhook
   */
  public DeleteWebhookResponse delete(String hookId) {
    return client.execute(api.delete(RequestValidator.pathId("hookId", hookId)));
  }

  private static void check(String name, List<WebhookEventType> events, String url) {
    RequestValidator.name("name", name, Integer.MAX_VALUE);
    if (events != null) {
      for (int i = 0; i < events.size(); i++) RequestValidator.required("events[" + i + "]", events.get(i));
    }
    RequestValidator.httpUrl("url", url, Integer.MAX_VALUE);
  }
}
