package io.github.v0java;

import java.util.Collection;
import java.util.Map;

/** Checks input before any network call, naming the refused field in the exception. */
final class RequestValidator {
  static final int MAX_SKILLS = 3;
  static final int MAX_METADATA_KEY_LENGTH = 40;
  static final int MAX_METADATA_VALUE_LENGTH = 500;

  private RequestValidator() {
  }

  /**
   * An id used as a path segment: not blank, not {@code .} or {@code ..}, and free of
   * {@code /}, {@code \} and control characters, so that it can never change the route.
   */
  static String pathId(String field, String id) {
    if (id == null) throw new V0InvalidRequestException(field, "is null");
    if (id.trim().isEmpty()) throw new V0InvalidRequestException(field, "is blank");
    if (id.equals(".") || id.equals("..")) {
      throw new V0InvalidRequestException(field, "must not be '" + id + "'");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '/' || c == '\\') {
        throw new V0InvalidRequestException(field, "must not contain '" + c + "': " + id);
      }
      if (c < 0x20 || c == 0x7f) {
        throw new V0InvalidRequestException(field, "must not contain control characters");
      }
    }
    return id;
  }

  static void message(String field, String message) {
    if (message == null) throw new V0InvalidRequestException(field, "is required");
    if (message.isEmpty()) throw new V0InvalidRequestException(field, "must not be empty");
  }

  static void skills(String field, Collection<?> skills) {
    if (skills != null && skills.size() > MAX_SKILLS) {
      throw new V0InvalidRequestException(field,
          "at most " + MAX_SKILLS + " skills are allowed, got " + skills.size());
    }
  }

  static void metadata(String field, Map<String, String> metadata) {
    if (metadata == null) return;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key == null || key.isEmpty()) {
        throw new V0InvalidRequestException(field, "keys must not be empty");
      }
      if (key.length() > MAX_METADATA_KEY_LENGTH) {
        throw new V0InvalidRequestException(field + "." + key, "key is " + key.length()
            + " characters long; at most " + MAX_METADATA_KEY_LENGTH + " are allowed");
      }
      String value = entry.getValue();
      if (value == null) {
        throw new V0InvalidRequestException(field + "." + key, "value must not be null");
      }
      if (value.length() > MAX_METADATA_VALUE_LENGTH) {
        throw new V0InvalidRequestException(field + "." + key, "value is " + value.length()
            + " characters long; at most " + MAX_METADATA_VALUE_LENGTH + " are allowed");
      }
    }
  }

  static void limit(String field, Integer limit, int min, int max) {
    if (limit != null && (limit < min || limit > max)) {
      throw new V0InvalidRequestException(field,
          "must be between " + min + " and " + max + ", got " + limit);
    }
  }
}
