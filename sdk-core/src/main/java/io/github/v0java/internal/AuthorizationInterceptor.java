package io.github.v0java.internal;

import io.github.v0java.ApiKeySupplier;
import io.github.v0java.V0CredentialsException;
import io.github.v0java.V0Exception;
import io.github.v0java.V0InvalidRequestException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <key>} and the SDK's {@code User-Agent} to requests for the
 * API's own hosts only, so a key never travels to another origin (a redirect, a preview URL).
 * The key is asked of the supplier for every request that passes, retries included.
 */
public final class AuthorizationInterceptor implements Interceptor {
  private final ApiKeySupplier apiKey;
  private final String field;
  private final String userAgent;
  private final HttpUrl[] apiOrigins;

  /**
   * @param field what {@code apiKey} is called in errors: {@code apiKey} for a fixed key (already
   *     checked), {@code apiKeySupplier} for one the application supplies per request
   */
  public AuthorizationInterceptor(ApiKeySupplier apiKey, String field, String userAgent,
      HttpUrl... apiOrigins) {
    this.apiKey = apiKey;
    this.field = field;
    this.userAgent = userAgent;
    this.apiOrigins = apiOrigins.clone();
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder();
    if (request.header("User-Agent") == null) builder.header("User-Agent", userAgent);
    if (request.header("Authorization") == null && isApiOrigin(request.url())) {
      builder.header("Authorization", "Bearer " + key());
    }
    return chain.proceed(builder.build());
  }

  /** The checked key, or a {@link CredentialsFailure} that never shows it. */
  private String key() throws CredentialsFailure {
    String key;
    try {
      key = apiKey.apiKey();
    } catch (V0Exception e) {
      throw new CredentialsFailure(e);
    } catch (Exception e) {
      throw new CredentialsFailure(new V0CredentialsException(
          field + " failed with " + e.getClass().getName() + "; nothing was sent", e));
    }
    try {
      ApiKeys.check("the key returned", key);
    } catch (IllegalArgumentException e) {
      throw new CredentialsFailure(new V0InvalidRequestException(field, e.getMessage()));
    }
    return key;
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
