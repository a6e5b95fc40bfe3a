package io.github.v0java;

import org.jspecify.annotations.Nullable;

/**
 * The API reported, inside a stream, that the generation failed (an {@code error} event). The
 * stream ends with it; {@link #lastState()} holds what had arrived before.
 */
public final class V0StreamException extends V0Exception {
  private static final long serialVersionUID = 1L;

  /** The error message the API sent. */
  private final String errorMessage;
  /** The error code the API sent, or null. */
  private final String code;
  /** The message that failed, or null. */
  private final String messageId;
  private final transient MessageState lastState;

  V0StreamException(String errorMessage, String code, String messageId, MessageState lastState) {
    super("stream error" + (code != null ? " " + code : "") + ": " + errorMessage
        + (messageId != null ? " (message " + messageId + ")" : ""));
    this.errorMessage = errorMessage;
    this.code = code;
    this.messageId = messageId;
    this.lastState = lastState;
  }

  /**
   * The error message the API sent.
   *
   * @return the error message the API sent
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * The error code the API sent, or null.
   *
   * @return the error code the API sent, or null
   */
  public @Nullable String code() {
    return code;
  }

  /**
   * The id of the message whose generation failed, or null.
   *
   * @return the id of the message whose generation failed, or null
   */
  public @Nullable String messageId() {
    return messageId;
  }

  /**
   * The accumulated message before the error; {@link MessageState#EMPTY}-like when none.
   *
   * @return the accumulated message before the error
   */
  public MessageState lastState() {
    return lastState;
  }
}
