package io.github.v0java;

/**
 * Input the SDK refused before sending anything: a blank chat id, an empty message, too many
 * skills, an API key with a line break. {@link #field()} names what is wrong.
 */
public final class V0InvalidRequestException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /** The request field or parameter that was refused. */
  private final String field;

  /**
   * A request refused because of {@code field}; the message says what is wrong with it.
   *
   * @param field the request field at fault, such as {@code chatId}
   * @param message what is wrong with it
   */
  public V0InvalidRequestException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /**
   * The request field or parameter that was refused, such as {@code chatId} or {@code message}.
   *
   * @return the request field or parameter that was refused, such as {@code chatId} or {@code
   *     message}
   */
  public String field() {
    return field;
  }
}
