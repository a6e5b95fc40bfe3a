package io.github.v0java.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Logs each exchange as lines, with credentials and secrets redacted; never logs bodies. */
public final class LoggingInterceptor implements Interceptor {
  /** Receives the lines. */
  public interface Sink {
    void log(String line);
  }

  private final Sink sink;

  public LoggingInterceptor(Sink sink) {
    this.sink = sink;
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    sink.log("--> " + request.method() + " " + request.url());
    logHeaders("    ", request.headers());
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      sink.log("<-- failed " + request.method() + " " + request.url() + ": " + e);
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    sink.log("<-- " + response.code() + " " + request.method() + " " + request.url() + " (" + millis
        + " ms)");
    logHeaders("    ", response.headers());
    return response;
  }

  private void logHeaders(String indent, Headers headers) {
    for (int i = 0, size = headers.size(); i < size; i++) {
      String name = headers.name(i);
      sink.log(indent + name + ": " + (isSecret(name) ? redacted(headers.value(i)) : headers.value(i)));
    }
  }

  static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("authorization") || lower.equals("proxy-authorization")
        || lower.equals("cookie") || lower.equals("set-cookie") || lower.contains("token");
  }

  private static String redacted(String value) {
    int space = value.indexOf(' ');
    return (space > 0 && space < 20 ? value.substring(0, space + 1) : "") + "██";
  }
}
