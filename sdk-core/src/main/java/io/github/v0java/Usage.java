package io.github.v0java;

import io.github.v0java.api.UsageApi;
import io.github.v0java.model.UsageActivity;
import io.github.v0java.model.UsageEvent;
import io.github.v0java.model.UsageEventList;
import io.github.v0java.model.UsageSummary;
import java.util.List;

/**
 * Credits and activity ({@code /usage}): a summary of the credits used, the usage events behind
 * it (paginated) and an activity report per project and chat, each for a {@link UsageFilter}.
 */
public final class Usage {
  /** The page size of usage events the API uses when none is given. */
  public static final int DEFAULT_LIMIT = 50;
  /** The largest page of usage events the API returns. */
  public static final int MAX_LIMIT = 100;

  private final V0Client client;
  private final UsageApi api;

  Usage(V0Client client) {
    this.client = client;
    this.api = client.service(UsageApi.class);
  }

  /**
   * The credits used in the API's default range ({@code GET /usage/summary}).
   *
   * @return the credits used in the API's default range
   */
  public UsageSummary summary() {
    return summary(UsageFilter.none());
  }

  /**
   * The credits used in {@code filter}'s range, in total and per day ({@code GET /usage/summary}).
   * The filter may not name a chat or message.
   *
   * @param filter the range and scope to count
   * @return the credits used in {@code filter}'s range, in total and per day
   */
  public UsageSummary summary(UsageFilter filter) {
    check(filter, false);
    return client.execute(api.getSummary(filter.start(), filter.end(), filter.userId()));
  }

  /**
   * Activity in the API's default range ({@code GET /usage/activity}).
   *
   * @return activity in the API's default range
   */
  public UsageActivity activity() {
    return activity(UsageFilter.none());
  }

  /**
   * Active users and days, and chats and messages per project and per chat, in {@code filter}'s
   * range ({@code GET /usage/activity}). The filter may not name a chat or message.
   *
   * @param filter the range and scope to count
   * @return active users and days, and chats and messages per project and per chat, in {@code
   *     filter}'s range
   */
  public UsageActivity activity(UsageFilter filter) {
    check(filter, false);
    return client.execute(api.getActivity(filter.start(), filter.end(), filter.userId()));
  }

  /**
   * One page of usage events ({@code GET /usage/events}).
   *
   * @param filter the range and scope to count
   * @param limit page size, 1 to {@value #MAX_LIMIT}
   * @param cursor the cursor of the previous page ({@code pagination.cursor}), or null for the
   *     first
   * @return one page of usage events ({@code GET /usage/events})
   */
  public UsageEventList listEvents(UsageFilter filter, int limit, String cursor) {
    check(filter, true);
    RequestValidator.limit("limit", limit, 1, MAX_LIMIT);
    return fetch(filter, limit, cursor);
  }

  /**
   * Every usage event of {@code filter}, fetched {@code pageSize} at a time as the iteration
   * proceeds, following {@code pagination.cursor} while {@code pagination.hasMore}.
   *
   * <pre>{@code
   * for (UsageEvent event : v0.usage().listAllEvents(filter, 100)) { ... }
   * }</pre>
   *
   * @param filter the range and scope to count
   * @param pageSize events per page, 1 to {@value #MAX_LIMIT}
   * @return an iterable that fetches each next page only when the iteration reaches it
   */
  public Paginated<UsageEventList, UsageEvent> listAllEvents(final UsageFilter filter, final int pageSize) {
    check(filter, true);
    RequestValidator.limit("limit", pageSize, 1, MAX_LIMIT);
    return new Paginated<>(new Paginated.Source<UsageEventList, UsageEvent>() {
      @Override public UsageEventList fetch(String cursor) {
        return Usage.this.fetch(filter, pageSize, cursor);
      }

      @Override public List<UsageEvent> items(UsageEventList page) {
        return page.getData();
      }

      @Override public String nextCursor(UsageEventList page) {
        if (page.getPagination() == null || !Boolean.TRUE.equals(page.getPagination().getHasMore())) return null;
        return page.getPagination().getCursor();
      }
    });
  }

  private UsageEventList fetch(UsageFilter filter, int limit, String cursor) {
    return client.execute(api.listEvents(filter.start(), filter.end(), filter.userId(), filter.chatId(),
        filter.messageId(), limit, cursor));
  }

  private static void check(UsageFilter filter, boolean events) {
    if (filter == null) throw new V0InvalidRequestException("filter", "is null");
    filter.check(events);
  }
}
