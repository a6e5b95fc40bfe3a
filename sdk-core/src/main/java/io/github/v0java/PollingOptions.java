package io.github.v0java;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * How to wait for an asynchronous generation: the first and largest interval between polls
 * (exponential backoff with jitter in between), the overall timeout, and whether cancelling also
 * stops the generation on the server. Immutable; {@link #defaults()} suits most apps.
 */
public final class PollingOptions {
  /** Tells time and waits; replace it in tests so that they need no real waiting. */
  public interface Clock {
    /**
     * A monotonic reading in nanoseconds, like {@link System#nanoTime()}.
     *
     * @return a monotonic reading in nanoseconds, like {@link System#nanoTime()}
     */
    long nanoTime();

    /**
     * Waits {@code nanos}; may return early when the poll is cancelled.
     *
     * @param nanos how long to wait
     * @throws InterruptedException when the polling thread is interrupted; polling then
     *     fails
     */
    void sleep(long nanos) throws InterruptedException;
  }

  /** The system clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
  public static final Clock SYSTEM_CLOCK = new Clock() {
    @Override public long nanoTime() {
      return System.nanoTime();
    }

    @Override public void sleep(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  };

  private static final PollingOptions DEFAULTS = new Builder().build();

  final long initialIntervalNanos;
  final long maxIntervalNanos;
  final double multiplier;
  final double jitter;
  final long timeoutNanos;
  final long maxRetryAfterNanos;
  final boolean stopOnCancel;
  final Clock clock;
  final Random random;

  private PollingOptions(Builder builder) {
    this.initialIntervalNanos = builder.initialIntervalNanos;
    this.maxIntervalNanos = builder.maxIntervalNanos;
    this.multiplier = builder.multiplier;
    this.jitter = builder.jitter;
    this.timeoutNanos = builder.timeoutNanos;
    this.maxRetryAfterNanos = builder.maxRetryAfterNanos;
    this.stopOnCancel = builder.stopOnCancel;
    this.clock = builder.clock;
    this.random = builder.random;
  }

  /**
   * First interval 1 s, doubling up to 10 s, ±20% jitter, 30 min timeout, no server stop.
   *
   * @return the shared default options
   */
  public static PollingOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options, to change some of them.
   *
   * @return a new builder with these options' values
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.initialIntervalNanos = initialIntervalNanos;
    builder.maxIntervalNanos = maxIntervalNanos;
    builder.multiplier = multiplier;
    builder.jitter = jitter;
    builder.timeoutNanos = timeoutNanos;
    builder.maxRetryAfterNanos = maxRetryAfterNanos;
    builder.stopOnCancel = stopOnCancel;
    builder.clock = clock;
    builder.random = random;
    return builder;
  }

  /** The interval before poll number {@code attempt} (0-based), jitter included. */
  long intervalNanos(int attempt) {
    double base = initialIntervalNanos * Math.pow(multiplier, Math.min(attempt, 62));
    double capped = Math.min(base, maxIntervalNanos);
    double spread = capped * jitter * (random.nextDouble() * 2 - 1);
    return Math.max(0, (long) (capped + spread));
  }

  /** Builds {@link PollingOptions}. */
  public static final class Builder {
    private long initialIntervalNanos = TimeUnit.SECONDS.toNanos(1);
    private long maxIntervalNanos = TimeUnit.SECONDS.toNanos(10);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private long timeoutNanos = TimeUnit.MINUTES.toNanos(30);
    private long maxRetryAfterNanos = TimeUnit.MINUTES.toNanos(2);
    private boolean stopOnCancel;
    private Clock clock = SYSTEM_CLOCK;
    private Random random = new Random();

    Builder() {
    }

    /**
     * The wait before the second poll; default 1 s.
     *
     * @param interval the wait, positive
     * @param unit the unit of {@code interval}
     * @return this builder
     */
    public Builder initialInterval(long interval, TimeUnit unit) {
      this.initialIntervalNanos = positive("initialInterval", unit.toNanos(interval));
      return this;
    }

    /**
     * The largest wait between polls; default 10 s.
     *
     * @param interval the cap, at least the initial interval
     * @param unit the unit of {@code interval}
     * @return this builder
     */
    public Builder maxInterval(long interval, TimeUnit unit) {
      this.maxIntervalNanos = positive("maxInterval", unit.toNanos(interval));
      return this;
    }

    /**
     * Growth of the interval after each poll; default 2.
     *
     * @param multiplier the factor, at least 1
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1)) throw new IllegalArgumentException("multiplier < 1: " + multiplier);
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Random spread of each interval, 0 to 1 (0.2 means ±20%); default 0.2.
     *
     * @param jitter the spread, 0 to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("jitter: " + jitter);
      this.jitter = jitter;
      return this;
    }

    /**
     * The longest the whole wait may take; default 30 min.
     *
     * @param timeout the longest total wait before polling fails with {@code V0TimeoutException}
     * @param unit the unit of {@code timeout}
     * @return this builder
     */
    public Builder timeout(long timeout, TimeUnit unit) {
      this.timeoutNanos = positive("timeout", unit.toNanos(timeout));
      return this;
    }

    /**
     * The longest {@code Retry-After} obeyed; default 2 min.
     *
     * @param max the cap; a longer {@code Retry-After} is shortened to it
     * @param unit the unit of {@code max}
     * @return this builder
     */
    public Builder maxRetryAfter(long max, TimeUnit unit) {
      this.maxRetryAfterNanos = positive("maxRetryAfter", unit.toNanos(max));
      return this;
    }

    /**
     * Whether cancelling the wait also stops the generation on the server ({@code stop}); off by
     * default: cancelling only stops watching, and the generation still finishes.
     *
     * @param stopOnCancel true to also stop the generation
     * @return this builder
     */
    public Builder stopOnCancel(boolean stopOnCancel) {
      this.stopOnCancel = stopOnCancel;
      return this;
    }

    /**
     * The clock and sleeper (tests pass a fake one); default {@link #SYSTEM_CLOCK}.
     *
     * @param clock the clock to read and sleep on; tests pass a fake one
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /**
     * The source of jitter (tests pass a seeded one).
     *
     * @param random the random source
     * @return this builder
     */
    public Builder random(Random random) {
      if (random == null) throw new NullPointerException("random == null");
      this.random = random;
      return this;
    }

    /**
     * Returns the options; fails if the maximum interval is below the initial one.
     *
     * @return the immutable options
     */
    public PollingOptions build() {
      if (maxIntervalNanos < initialIntervalNanos) {
        throw new IllegalArgumentException("maxInterval < initialInterval");
      }
      return new PollingOptions(this);
    }

    private static long positive(String name, long nanos) {
      if (nanos <= 0) throw new IllegalArgumentException(name + " must be positive");
      return nanos;
    }
  }
}
