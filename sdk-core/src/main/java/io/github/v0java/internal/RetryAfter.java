package io.github.v0java.internal;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import okhttp3.Headers;

/**
 * Reads how long a server asked the client to wait: {@code Retry-After-Ms} (milliseconds), else
 * {@code Retry-After} as delay-seconds or as an HTTP date (RFC 9110 section 10.2.3).
 */
public final class RetryAfter {
  private RetryAfter() {
  }

  /** Returns the requested wait in milliseconds (0 or more), or -1 when none is given or readable. */
  public static long millis(Headers headers, long nowMillis) {
    String ms = headers.get("Retry-After-Ms");
    if (ms != null) {
      try {
        double value = Double.parseDouble(ms.trim());
        if (value >= 0 && !Double.isInfinite(value)) return (long) value;
      } catch (NumberFormatException ignored) {
        // Fall through to Retry-After.
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) return -1;
    value = value.trim();
    if (!value.isEmpty() && isDigits(value)) {
      if (value.length() > 9) return Long.MAX_VALUE / 2; // An absurd wait: callers cap it.
      return Long.parseLong(value) * 1000L;
    }
    Date date = parseHttpDate(value);
    if (date == null) return -1;
    return Math.max(0, date.getTime() - nowMillis);
  }

  private static boolean isDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private static Date parseHttpDate(String value) {
    // IMF-fixdate first; RFC 850 and asctime forms are obsolete but still allowed to be read.
    String[] patterns = {
        "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"
    };
    for (String pattern : patterns) {
      SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.US);
      format.setTimeZone(TimeZone.getTimeZone("GMT"));
      format.setLenient(false);
      try {
        return format.parse(value);
      } catch (ParseException ignored) {
        // Try the next form.
      }
    }
    return null;
  }
}
