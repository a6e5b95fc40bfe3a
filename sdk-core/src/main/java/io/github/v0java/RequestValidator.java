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
    required(field, message);
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
      metadataValue(field + "." + key, entry.getValue());
    }
  }

  /** A metadata value: not null, at most {@value #MAX_METADATA_VALUE_LENGTH} characters. */
  static void metadataValue(String field, String value) {
    if (value == null) throw new V0InvalidRequestException(field, "value must not be null");
    if (value.length() > MAX_METADATA_VALUE_LENGTH) {
      throw new V0InvalidRequestException(field, "value is " + value.length()
          + " characters long; at most " + MAX_METADATA_VALUE_LENGTH + " are allowed");
    }
  }

  static final int MAX_METADATA_CHANGE_KEY_LENGTH = 50;
  static final int MAX_METADATA_ENTRIES = 50;

  /**
   * Metadata changes of an update: keys of 1 to {@value #MAX_METADATA_CHANGE_KEY_LENGTH}
   * characters, values up to {@value #MAX_METADATA_VALUE_LENGTH} or null (delete that key), at most
   * {@value #MAX_METADATA_ENTRIES} entries set.
   */
  static void metadataChanges(String field, Map<String, String> metadata) {
    if (metadata == null) return;
    int set = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key == null || key.isEmpty()) throw new V0InvalidRequestException(field, "keys must not be empty");
      if (key.length() > MAX_METADATA_CHANGE_KEY_LENGTH) {
        throw new V0InvalidRequestException(field + "." + key, "key is " + key.length()
            + " characters long; at most " + MAX_METADATA_CHANGE_KEY_LENGTH + " are allowed");
      }
      if (entry.getValue() == null) continue; // Deletes the key.
      metadataValue(field + "." + key, entry.getValue());
      set++;
    }
    if (set > MAX_METADATA_ENTRIES) {
      throw new V0InvalidRequestException(field, set + " entries set; at most "
          + MAX_METADATA_ENTRIES + " are allowed");
    }
  }

  /** A string the API requires: not null, not empty. */
  static void required(String field, String value) {
    if (value == null) throw new V0InvalidRequestException(field, "is required");
    if (value.isEmpty()) throw new V0InvalidRequestException(field, "must not be empty");
  }

  static void limit(String field, Integer limit, int min, int max) {
    if (limit != null && (limit < min || limit > max)) {
      throw new V0InvalidRequestException(field,
          "must be between " + min + " and " + max + ", got " + limit);
    }
  }

  // ---------------------------------------------------------------- account resources

  static void required(String field, Object value) {
    if (value == null) throw new V0InvalidRequestException(field, "is required");
  }

  /** A text of at most {@code max} characters (UTF-16 units, as the API counts); null passes. */
  static void maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new V0InvalidRequestException(field, "is " + value.length() + " characters long; at most "
          + max + " are allowed");
    }
  }

  /** A name of 1 to {@code max} characters; null passes (required-ness is checked apart). */
  static void name(String field, String value, int max) {
    if (value == null) return;
    if (value.trim().isEmpty()) throw new V0InvalidRequestException(field, "must not be blank");
    maxLength(field, value, max);
  }

  /** An absolute http(s) URL of at most {@code max} characters; null passes. */
  static void httpUrl(String field, String value, int max) {
    if (value == null) return;
    maxLength(field, value, max);
    if (okhttp3.HttpUrl.parse(value) == null) {
      throw new V0InvalidRequestException(field, "must be an absolute http or https URL: " + value);
    }
  }

  /** A filter sent as a query parameter: not blank when given. */
  static void queryValue(String field, String value) {
    if (value != null && value.trim().isEmpty()) {
      throw new V0InvalidRequestException(field, "must not be blank");
    }
  }

  /**
   * A secret value sent on to another server (a token, a header value): not empty and free of
   * line breaks and NUL. The message never repeats the value.
   */
  static void secret(String field, String value) {
    if (value == null) throw new V0InvalidRequestException(field, "is required");
    if (value.isEmpty()) throw new V0InvalidRequestException(field, "must not be empty");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new V0InvalidRequestException(field, "must not contain line breaks or NUL");
      }
    }
  }

  /** An HTTP header name: a non-empty token (RFC 9110), so it cannot split a header. */
  static void headerName(String field, String name) {
    if (name == null || name.isEmpty()) throw new V0InvalidRequestException(field, "header names must not be empty");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
      if (!token) {
        throw new V0InvalidRequestException(field, "not a valid header name: " + name);
      }
    }
  }
}
