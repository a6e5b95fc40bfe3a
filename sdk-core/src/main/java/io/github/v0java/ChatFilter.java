package io.github.v0java;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which chats {@link Chats#list} and {@link Chats#listAll} return: by author, by Vercel project,
 * and by metadata entries (a chat must have all of them). Immutable; {@link #all()} has no
 * filter.
 *
 * <pre>{@code
 * ChatFilter production = ChatFilter.builder().metadata("environment", "production").build();
 * for (Chat chat : v0.chats().listAll(production, 100)) { ... }
 * }</pre>
 */
public final class ChatFilter {
  private static final ChatFilter ALL = new Builder().build();

  private final String authorId;
  private final String vercelProjectId;
  private final Map<String, String> metadata;

  private ChatFilter(Builder builder) {
    this.authorId = builder.authorId;
    this.vercelProjectId = builder.vercelProjectId;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata));
  }

  /**
   * Every chat the API key can see.
   *
   * @return every chat the API key can see
   */
  public static ChatFilter all() {
    return ALL;
  }

  /**
   * A builder with no condition set: it matches every chat until one is added.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Only chats created by this user, or null for any author.
   *
   * @return only chats created by this user, or null for any author
   */
  public String authorId() {
    return authorId;
  }

  /**
   * Only chats linked to this Vercel project, or null for any.
   *
   * @return only chats linked to this Vercel project, or null for any
   */
  public String vercelProjectId() {
    return vercelProjectId;
  }

  /**
   * The metadata entries a chat must have (all of them).
   *
   * @return the metadata entries a chat must have
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The metadata filters as query parameters: {@code metadata[key]} to value. */
  Map<String, String> metadataQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      query.put("metadata[" + entry.getKey() + "]", entry.getValue());
    }
    return query;
  }

  @Override public String toString() {
    return "ChatFilter{authorId=" + authorId + ", vercelProjectId=" + vercelProjectId
        + ", metadata=" + metadata + "}";
  }

  /** Builds {@link ChatFilter} values. */
  public static final class Builder {
    private String authorId;
    private String vercelProjectId;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    Builder() {
    }

    /**
     * Only chats created by {@code authorId} (a member of the calling scope).
     *
     * @param authorId the user's id
     * @return this builder
     */
    public Builder authorId(String authorId) {
      this.authorId = authorId;
      return this;
    }

    /**
     * Only chats linked to the Vercel project {@code vercelProjectId}.
     *
     * @param vercelProjectId the Vercel project's id
     * @return this builder
     */
    public Builder vercelProjectId(String vercelProjectId) {
      this.vercelProjectId = vercelProjectId;
      return this;
    }

    /**
     * Only chats whose metadata has {@code key} set to {@code value}; sent as
     * {@code metadata[key]=value}.
     *
     * @param key the metadata key
     * @param value the value it must have
     * @return this builder
     * @throws V0InvalidRequestException for an empty key, a key with {@code [} or {@code ]}, a null
     *     value or a value over 500 characters
     */
    public Builder metadata(String key, String value) {
      String field = "metadata." + key;
      if (key == null || key.isEmpty()) throw new V0InvalidRequestException("metadata", "keys must not be empty");
      if (key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
        throw new V0InvalidRequestException(field, "key must not contain '[' or ']'");
      }
      RequestValidator.metadataValue(field, value);
      metadata.put(key, value);
      return this;
    }

    /**
     * The filter with the conditions set so far; all must hold.
     *
     * @return an immutable filter
     */
    public ChatFilter build() {
      return new ChatFilter(this);
    }
  }
}
