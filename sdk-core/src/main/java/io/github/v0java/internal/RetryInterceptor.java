package io.github.v0java.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries failed requests without ever sending one twice when the server may have acted on it.
 *
 * <ul>
 *   <li>Idempotent requests ({@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}, and
 *       {@code POST .../stop}) are retried after a connection failure or a 408, 429, 500, 502,
 *       503 or 504 answer.
 *   <li>Other requests (sending a message, creating a chat) are retried only when they provably
 *       did not reach the server: the connection could not be opened, or the server answered 429.
 *   <li>An answer that arrived with a success status (a stream that started) is never retried.
 * </ul>
 *
 * Waits grow exponentially with jitter (0.5 s doubling to 8 s) unless the server asks for a
 * wait with {@code Retry-After-Ms} or {@code Retry-After}, which is honoured up to a cap. A
 * request with the header {@value #NO_RETRY_HEADER} is not retried (the header is not sent).
 */
public final class RetryInterceptor implements Interceptor {
  /** Send this header (any value) on a request to turn retries off for it alone. */
  public static final String NO_RETRY_HEADER = "V0-No-Retry";

  /** Sleeps; replaced in tests. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final int maxRetries;
  private final long maxRetryAfterMillis;
  private final Sleeper sleeper;
  private final Random random;

  public RetryInterceptor(int maxRetries, long maxRetryAfterMillis, Sleeper sleeper, Random random) {
    this.maxRetries = maxRetries;
    this.maxRetryAfterMillis = maxRetryAfterMillis;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Real sleeping. */
  public static Sleeper threadSleeper() {
    return new Sleeper() {
      @Override public void sleep(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
      }
    };
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int allowed = maxRetries;
    if (request.header(NO_RETRY_HEADER) != null) {
      request = request.newBuilder().removeHeader(NO_RETRY_HEADER).build();
      allowed = 0;
    }
    boolean idempotent = isIdempotent(request);
    for (int attempt = 0; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (attempt >= allowed || chain.call().isCanceled() || !retryable(e, idempotent)) throw e;
        pause(backoffMillis(attempt));
        continue;
      }
      if (attempt >= allowed || !retryable(response.code(), idempotent)) return response;
      long wait = RetryAfter.millis(response.headers(), System.currentTimeMillis());
      response.close();
      pause(wait >= 0 ? Math.min(wait, maxRetryAfterMillis) : backoffMillis(attempt));
    }
  }

  static boolean isIdempotent(Request request) {
    String method = request.method();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("PUT")
        || method.equals("DELETE")) {
      return true;
    }
    return method.equals("POST") && request.url().encodedPath().endsWith("/stop");
  }

  /** Whether a failed exchange may be sent again. */
  static boolean retryable(IOException e, boolean idempotent) {
    if (e instanceof CredentialsFailure) return false; // Nothing was sent; the key is the problem.
    if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
      return false; // Cancelled.
    }
    if (idempotent) return true;
    // The request never left: nothing on the server can have happened.
    return e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException;
  }

  static boolean retryable(int code, boolean idempotent) {
    if (code == 429) return true;
    if (!idempotent) return false;
    return code == 408 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  private long backoffMillis(int attempt) {
    long base = Math.min(8000L, 500L << Math.min(attempt, 4));
    return (long) (base * (0.75 + 0.25 * random.nextDouble()));
  }

  private void pause(long millis) throws IOException {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
