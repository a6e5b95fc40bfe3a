package io.github.v0java;

/**
 * Supplies the API key of each request, for keys that are fetched or rotated while the
 * application runs (a secrets manager, a short-lived token from your own service). Set it with
 * {@link V0Client.Builder#apiKeySupplier}.
 *
 * <p>It is called once for every request to the API and again for every retry, on the thread
 * that runs the call (the caller's, or OkHttp's for listeners and Rx), so it should answer from a
 * cache and refresh only when the key is about to expire. Its value is as secret as a fixed key:
 * the SDK never logs it nor puts it in a message.
 */
public interface ApiKeySupplier {
  /**
   * The key to send now. A null, blank or unusable value fails the call with
   * {@link V0InvalidRequestException} naming {@code apiKeySupplier}; an exception thrown here
   * fails it with {@link V0CredentialsException}. Either way nothing is sent.
   *
   * @return the key to send now
   * @throws Exception any failure to get the key; the call then fails with {@link
   *     V0CredentialsException}
   */
  String apiKey() throws Exception;
}
