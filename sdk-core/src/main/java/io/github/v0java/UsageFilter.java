package io.github.v0java;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What a usage report covers: a time range and, optionally, one user; usage events can also be
 * narrowed to one chat or message. Unset fields are left to the API (its default range, the whole
 * team or account). Immutable; create one with {@link #builder()}.
 *
 * <pre>{@code
 * UsageFilter november = UsageFilter.builder()
 *     .start(Instant.parse("2026-11-01T00:00:00Z"))
 *     .end(Instant.parse("2026-12-01T00:00:00Z"))
 *     .build();
 * }</pre>
 */
public final class UsageFilter {
  private static final UsageFilter NONE = new Builder().build();

  private final Instant start;
  private final Instant end;
  private final String userId;
  private final String chatId;
  private final String messageId;

  private UsageFilter(Builder builder) {
    this.start = builder.start;
    this.end = builder.end;
    this.userId = builder.userId;
    this.chatId = builder.chatId;
    this.messageId = builder.messageId;
  }

  /**
   * No filter: the API's default range, for the whole team or account.
   *
   * @return no filter
   */
  public static UsageFilter none() {
    return NONE;
  }

  /**
   * Returns an empty builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with every field of this filter.
   *
   * @return a new builder with this filter's values
   */
  public Builder toBuilder() {
    return new Builder().start(start).end(end).userId(userId).chatId(chatId).messageId(messageId);
  }

  /**
   * The start of the range, or null for the API's default.
   *
   * @return the start of the range, or null for the API's default
   */
  public Instant start() {
    return start;
  }

  /**
   * The end of the range, or null for the API's default.
   *
   * @return the end of the range, or null for the API's default
   */
  public Instant end() {
    return end;
  }

  /**
   * The only user counted, or null for everyone the key may see.
   *
   * @return the only user counted, or null for everyone the key may see
   */
  public String userId() {
    return userId;
  }

  /**
   * The only chat whose events are listed (usage events only), or null.
   *
   * @return the chat's id, or null
   */
  public String chatId() {
    return chatId;
  }

  /**
   * The only message whose events are listed (usage events only), or null.
   *
   * @return the message's id, or null
   */
  public String messageId() {
    return messageId;
  }

  /** Refuses, before any request, what the API would: a reversed range, blank ids, odd years. */
  void check(boolean events) {
    checkInstant("start", start);
    checkInstant("end", end);
    if (start != null && end != null && start.isAfter(end)) {
      throw new V0InvalidRequestException("start", "is after end (" + start + " > " + end + ")");
    }
    RequestValidator.queryValue("userId", userId);
    RequestValidator.queryValue("chatId", chatId);
    RequestValidator.queryValue("messageId", messageId);
    if (!events && chatId != null) {
      throw new V0InvalidRequestException("chatId", "only usage events can be filtered by chat");
    }
    if (!events && messageId != null) {
      throw new V0InvalidRequestException("messageId", "only usage events can be filtered by message");
    }
  }

  private static void checkInstant(String field, Instant instant) {
    if (instant == null) return;
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    // The API reads a four-digit year; Instant.toString writes others with a sign.
    if (year < 0 || year > 9999) throw new V0InvalidRequestException(field, "year " + year + " is out of range");
  }

  @Override public boolean equals(Object other) {
    if (!(other instanceof UsageFilter)) return false;
    UsageFilter that = (UsageFilter) other;
    return eq(start, that.start) && eq(end, that.end) && eq(userId, that.userId)
        && eq(chatId, that.chatId) && eq(messageId, that.messageId);
  }

  private static boolean eq(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  @Override public int hashCode() {
    return java.util.Arrays.hashCode(new Object[] {start, end, userId, chatId, messageId});
  }

  @Override public String toString() {
    return "UsageFilter{start=" + start + ", end=" + end + ", userId=" + userId + ", chatId=" + chatId
        + ", messageId=" + messageId + "}";
  }

  /** Builds {@link UsageFilter} values. */
  public static final class Builder {
    private Instant start;
    private Instant end;
    private String userId;
    private String chatId;
    private String messageId;

    Builder() {
    }

    /**
     * The start of the range (inclusive); null for the API's default.
     *
     * @param start the first instant counted, or null
     * @return this builder
     */
    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    /**
     * The end of the range; null for the API's default.
     *
     * @param end the end of the range, or null
     * @return this builder
     */
    public Builder end(Instant end) {
      this.end = end;
      return this;
    }

    /**
     * Counts only this user; null for everyone the key may see.
     *
     * @param userId the user's id, or null
     * @return this builder
     */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Lists only this chat's events (usage events only).
     *
     * @param chatId the chat's id; blank or path-unsafe ids fail before any request
     * @return this builder
     */
    public Builder chatId(String chatId) {
      this.chatId = chatId;
      return this;
    }

    /**
     * Lists only this message's events (usage events only).
     *
     * @param messageId the message's id, as returned when it was sent
     * @return this builder
     */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    /**
     * Returns the filter.
     *
     * @return the filter
     */
    public UsageFilter build() {
      return new UsageFilter(this);
    }
  }
}
