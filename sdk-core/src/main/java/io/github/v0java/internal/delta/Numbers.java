package io.github.v0java.internal.delta;

import java.math.BigDecimal;

/** Reads JSON numbers as JavaScript sees them: every number is a double. */
final class Numbers {
  /** Integers up to this magnitude print without an exponent in JavaScript. */
  private static final double PLAIN_LIMIT = 1e21;

  private Numbers() {
  }

  /** True if {@code value} is a number equal to {@code expected} ({@code ===} in JavaScript). */
  static boolean is(Object value, int expected) {
    return value instanceof Number && ((Number) value).doubleValue() == expected;
  }

  /** True if {@code value} is a whole number ({@code Number.isInteger} in JavaScript). */
  static boolean isInteger(Object value) {
    if (!(value instanceof Number)) return false;
    double d = ((Number) value).doubleValue();
    return !Double.isInfinite(d) && d == Math.rint(d);
  }

  /**
   * The object key JavaScript uses for the whole number {@code index}: {@code 2.0} is key
   * {@code "2"}. Returns null for magnitudes JavaScript writes with an exponent (no such key).
   */
  static String toKey(double index) {
    if (Math.abs(index) >= PLAIN_LIMIT) return null;
    // Exact for whole doubles; -0.0 becomes "0", as String(-0) does.
    return new BigDecimal(index).toPlainString();
  }
}
