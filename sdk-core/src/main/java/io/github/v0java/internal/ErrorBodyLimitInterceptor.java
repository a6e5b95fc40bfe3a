package io.github.v0java.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Cuts the body of an error answer to a bounded prefix before anything reads it: Retrofit
 * buffers error bodies whole, and an endless error page would otherwise exhaust the heap.
 */
public final class ErrorBodyLimitInterceptor implements Interceptor {
  private final long maxBytes;

  public ErrorBodyLimitInterceptor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful() || response.body() == null) return response;
    ResponseBody prefix;
    try {
      prefix = response.peekBody(maxBytes);
    } finally {
      response.close();
    }
    return response.newBuilder().body(prefix).build();
  }
}
