package io.github.v0java.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <key>} and the SDK's {@code User-Agent} to requests for the
 * API's own hosts only, so a key never travels to another origin (a redirect, a preview URL).
 */
public final class AuthorizationInterceptor implements Interceptor {
  private final ApiKeySource apiKey;
  private final String userAgent;
  private final HttpUrl[] apiOrigins;

  /** Supplies the key for each request: fixed, or fetched and refreshed by the application. */
  public interface ApiKeySource {
    String apiKey() throws IOException;
  }

  public AuthorizationInterceptor(ApiKeySource apiKey, String userAgent, HttpUrl... apiOrigins) {
    this.apiKey = apiKey;
    this.userAgent = userAgent;
    this.apiOrigins = apiOrigins.clone();
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder();
    if (request.header("User-Agent") == null) builder.header("User-Agent", userAgent);
    if (request.header("Authorization") == null && isApiOrigin(request.url())) {
      String key = apiKey.apiKey();
      ApiKeys.check(key);
      builder.header("Authorization", "Bearer " + key);
    }
    return chain.proceed(builder.build());
  }

  private boolean isApiOrigin(HttpUrl url) {
    for (HttpUrl origin : apiOrigins) {
      if (origin.scheme().equals(url.scheme()) && origin.host().equals(url.host())
          && origin.port() == url.port()) {
        return true;
      }
    }
    return false;
  }
}
