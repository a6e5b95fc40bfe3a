package io.github.v0java;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.github.v0java.internal.ApiKeys;
import io.github.v0java.internal.AuthorizationInterceptor;
import io.github.v0java.internal.DaemonThreads;
import io.github.v0java.internal.ErrorBodyLimitInterceptor;
import io.github.v0java.internal.Hosts;
import io.github.v0java.internal.LoggingInterceptor;
import io.github.v0java.internal.RetryInterceptor;
import io.github.v0java.sse.ServerSentEventReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the SDK: one instance per API key, shared by the whole application (it
 * holds a connection pool and threads, like {@link OkHttpClient}).
 *
 * <pre>{@code
 * V0Client v0 = V0Client.fromEnv(); // reads V0_API_KEY
 * Chat chat = v0.chats().create(CreateChatRequest.builder().message("A todo app").build());
 * }</pre>
 *
 * <p>Operations are grouped as the API groups them: {@link #chats()} and {@link #messages()}
 * for API v2, and {@link #v1()} for the legacy API v1. The generated Retrofit services are
 * available too, configured with this client's base URL, authentication and adapters:
 * {@link #service(Class)}, executed with {@link #execute(Call)} for typed errors.
 */
public final class V0Client implements Closeable {
  /** The v0 API v2 base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.v0.dev/v2/";
  /** The legacy v0 API v1 base URL. */
  public static final String DEFAULT_V1_BASE_URL = "https://api.v0.dev/v1/";
  /** The environment variable holding the API key when none is given. */
  public static final String API_KEY_ENV = "V0_API_KEY";

  static final String VERSION = "0.1.0";

  private final OkHttpClient okHttpClient;
  private final boolean ownsOkHttpClient;
  private final Moshi moshi;
  private final Retrofit v2;
  private final Retrofit v1;
  private final HttpUrl baseUrl;
  private final HttpUrl v1BaseUrl;
  private final ConcurrentHashMap<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final Chats chats;
  private final Messages messages;
  private final LegacyV1 legacyV1;
  private final McpServers mcpServers;
  private final Settings settings;
  private final Usage usage;
  private final Webhooks webhooks;
  private final StreamCalls streams;
  private final PollingOptions recoveryOptions;

  private V0Client(Builder builder, ApiKeySupplier apiKey, String apiKeyField) {
    this.baseUrl = builder.baseUrl;
    this.v1BaseUrl = builder.v1BaseUrl;
    this.moshi = V0Json.moshi();
    OkHttpClient.Builder http;
    if (builder.okHttpClient != null) {
      http = builder.okHttpClient.newBuilder();
      ownsOkHttpClient = false;
    } else {
      http = new OkHttpClient.Builder().dispatcher(DaemonThreads.dispatcher(256));
      ownsOkHttpClient = true;
    }
    String userAgent = "v0-java/" + VERSION
        + (builder.userAgentSuffix != null ? " " + builder.userAgentSuffix : "");
    // Outermost, so that every error body Retrofit buffers is already cut to size.
    http.interceptors().add(0, new ErrorBodyLimitInterceptor(ApiErrors.MAX_ERROR_BODY_BYTES));
    if (builder.httpLogger != null) {
      final HttpLogger logger = builder.httpLogger;
      // Added last, so it sees the headers as sent (Authorization included, redacted).
      http.addNetworkInterceptor(new LoggingInterceptor(new LoggingInterceptor.Sink() {
        @Override public void log(String line) {
          logger.log(line);
        }
      }));
    }
    if (builder.maxRetries > 0) {
      http.addInterceptor(new RetryInterceptor(builder.maxRetries, builder.maxRetryAfterMillis,
          builder.retrySleeper, new java.util.Random()));
    }
    // Inside the retries, so that every attempt asks a supplied key afresh.
    http.addInterceptor(new AuthorizationInterceptor(apiKey, apiKeyField, userAgent, baseUrl,
        v1BaseUrl));
    http.connectTimeout(builder.connectTimeoutMillis, TimeUnit.MILLISECONDS)
        .readTimeout(builder.readTimeoutMillis, TimeUnit.MILLISECONDS)
        .writeTimeout(builder.writeTimeoutMillis, TimeUnit.MILLISECONDS)
        .callTimeout(builder.callTimeoutMillis, TimeUnit.MILLISECONDS);
    this.okHttpClient = http.build();
    MoshiConverterFactory converter = MoshiConverterFactory.create(moshi);
    this.v2 = new Retrofit.Builder().baseUrl(baseUrl).client(okHttpClient)
        .addConverterFactory(converter).build();
    this.v1 = new Retrofit.Builder().baseUrl(v1BaseUrl).client(okHttpClient)
        .addConverterFactory(converter).build();
    this.streams = new StreamCalls(moshi, builder.maxEventBytes);
    this.recoveryOptions = builder.streamRecovery;
    this.chats = new Chats(this);
    this.messages = new Messages(this);
    this.legacyV1 = new LegacyV1(this);
    this.mcpServers = new McpServers(this);
    this.settings = new Settings(this);
    this.usage = new Usage(this);
    this.webhooks = new Webhooks(this);
  }

  /**
   * A client for the API key in the environment variable {@value #API_KEY_ENV}.
   *
   * @return a new client; share one per application, it holds the connection pool
   */
  public static V0Client fromEnv() {
    return builder().build();
  }

  /**
   * A builder for a client with custom settings.
   *
   * @return a builder with the defaults, the API key still to set (or read from the environment)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Chat operations of API v2: create (sync, async, streamed), get, resume.
   *
   * @return the chat operations, sharing this client's settings
   */
  public Chats chats() {
    return chats;
  }

  /**
   * Message operations of API v2: send (sync, async, streamed), list, get, stop.
   *
   * @return the message operations, sharing this client's settings
   */
  public Messages messages() {
    return messages;
  }

  /**
   * MCP servers chats can use as sources of tools: list, create, get, update, delete.
   *
   * @return the MCP server operations, sharing this client's settings
   */
  public McpServers mcpServers() {
    return mcpServers;
  }

  /**
   * Team settings: the hosts trusted to embed previews.
   *
   * @return the settings operations, sharing this client's settings
   */
  public Settings settings() {
    return settings;
  }

  /**
   * Credits and activity: usage summary, usage events (paginated), activity report.
   *
   * @return the usage operations, sharing this client's settings
   */
  public Usage usage() {
    return usage;
  }

  /**
   * Webhooks for chat and message events: list, create, get, update, delete.
   *
   * @return the webhook operations, sharing this client's settings
   */
  public Webhooks webhooks() {
    return webhooks;
  }

  /**
   * The legacy API v1 (create chat and send message with a response mode, fork, ...).
   *
   * @return the v1 operations, sharing this client's settings
   */
  public LegacyV1 v1() {
    return legacyV1;
  }

  /**
   * Returns the generated Retrofit service {@code type} ({@code ChatsApi}, {@code MessagesApi}
   * of {@code io.github.v0java.api}, or a v1 service of {@code io.github.v0java.v1.api}),
   * configured with this client's base URL, authentication and JSON adapters. Its calls answer
   * error statuses as plain Retrofit responses; run them with {@link #execute(Call)} to get the
   * SDK's typed exceptions instead.
   *
   * @param <S> the service interface
   * @param type the service interface's class
   * @return a service whose calls go through this client
   */
  public <S> S service(Class<S> type) {
    Object service = services.get(type);
    if (service == null) {
      String name = type.getName();
      Retrofit retrofit;
      if (name.startsWith("io.github.v0java.v1.api.")) {
        retrofit = v1;
      } else if (name.startsWith("io.github.v0java.api.")) {
        retrofit = v2;
      } else {
        throw new IllegalArgumentException(name + " is not a v0 service interface");
      }
      service = retrofit.create(type);
      Object previous = services.putIfAbsent(type, service);
      if (previous != null) service = previous;
    }
    return type.cast(service);
  }

  /**
   * Executes {@code call} and returns its decoded body.
   *
   * @param <T> the decoded body's type
   * @param call a call of one of {@link #service}'s services, not yet executed
   * @return the decoded body
   * @throws V0ApiException for an error status (a subclass per documented status)
   * @throws V0NetworkException if the exchange failed
   * @throws V0DecodingException if a successful body could not be decoded
   */
  public <T> T execute(Call<T> call) {
    return executeForResponse(call).body();
  }

  /**
   * Like {@link #execute(Call)}, keeping the status code and headers of the answer.
   *
   * @param <T> the decoded body's type
   * @param call a call of one of {@link #service}'s services, not yet executed
   * @return the decoded body with the answer's status code and headers
   */
  public <T> ApiResponse<T> executeForResponse(Call<T> call) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (JsonDataException e) {
      throw new V0DecodingException(200, describe(call) + ": unexpected JSON: " + e.getMessage(), e);
    } catch (JsonEncodingException | EOFException e) {
      throw new V0DecodingException(200, describe(call) + ": malformed JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw ApiErrors.failed(call.request(), e);
    }
    if (!response.isSuccessful()) {
      throw ApiErrors.from(response.code(), response.headers(), response.errorBody());
    }
    return new ApiResponse<>(response.code(), response.headers(), response.body());
  }

  private static String describe(Call<?> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }

  /**
   * The Moshi instance that reads and writes every model of the SDK.
   *
   * @return the shared instance; add adapters with {@code moshi().newBuilder()}
   */
  public Moshi moshi() {
    return moshi;
  }

  /**
   * The OkHttp client this SDK calls through (with its authentication interceptor added).
   *
   * @return the shared client; derive your own with {@code newBuilder()}
   */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /**
   * The base URL of API v2 calls.
   *
   * @return the URL, ending in a slash
   */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * The base URL of legacy API v1 calls.
   *
   * @return the URL, ending in a slash
   */
  public HttpUrl v1BaseUrl() {
    return v1BaseUrl;
  }

  Retrofit v1Retrofit() {
    return v1;
  }

  /** How a stream of chat {@code chatId} (null if not yet known) recovers, or null if it may not. */
  StreamRecovery recovery(String chatId) {
    return recoveryOptions == null ? null : new StreamRecovery(this, chatId, recoveryOptions);
  }

  StreamCalls streams() {
    return streams;
  }

  /**
   * Reads a captured {@code text/event-stream} body (a file, standard input) through exactly the
   * path a live stream takes: the same event reader, decoding and accumulation. For debugging a
   * stream, or replaying a recorded one in a test.
   *
   * @param <E> the event type
   * @param body the captured body; closed when the stream is
   * @param eventType {@code MessageStreamEvent.class} or {@code ChatStreamEvent.class}
   * @return the events as they arrive; close the stream to cancel
   */
  public <E> EventStream<E> replay(okio.BufferedSource body, Class<E> eventType) {
    return streams.replay(body, eventType);
  }

  /**
   * Releases the threads and pooled connections of the OkHttp client this SDK created; a client
   * supplied with {@link Builder#okHttpClient} is left untouched. Calls in flight are cancelled.
   */
  @Override public void close() {
    if (!ownsOkHttpClient) return;
    okHttpClient.dispatcher().cancelAll();
    okHttpClient.dispatcher().executorService().shutdown();
    okHttpClient.connectionPool().evictAll();
  }

  @Override public String toString() {
    return "V0Client{baseUrl=" + baseUrl + ", v1BaseUrl=" + v1BaseUrl + ", apiKey=██}";
  }

  /** Builds {@link V0Client} instances. */
  public static final class Builder {
    private String apiKey;
    private ApiKeySupplier apiKeySupplier;
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private HttpUrl v1BaseUrl = HttpUrl.get(DEFAULT_V1_BASE_URL);
    private OkHttpClient okHttpClient;
    private String userAgentSuffix;
    private boolean allowPlainHttp;
    private long connectTimeoutMillis = 10_000;
    private long readTimeoutMillis = 5 * 60_000;
    private long writeTimeoutMillis = 60_000;
    private long callTimeoutMillis = 15 * 60_000;
    private long maxEventBytes = ServerSentEventReader.DEFAULT_MAX_EVENT_BYTES;
    private int maxRetries = 2;
    private PollingOptions streamRecovery = PollingOptions.defaults();
    private HttpLogger httpLogger;
    private long maxRetryAfterMillis = 60_000;
    private RetryInterceptor.Sleeper retrySleeper = RetryInterceptor.threadSleeper();

    Builder() {
    }

    /**
     * The API key (create one at v0.dev, under settings). Defaults to the environment variable
     * {@value #API_KEY_ENV}.
     *
     * @param apiKey the v0 API key; never logged or shown in toString
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      this.apiKeySupplier = null;
      return this;
    }

    /**
     * Asks {@code supplier} for the API key of every request and every retry, for keys that are
     * fetched or refreshed while the application runs. Replaces a fixed {@link #apiKey} (the
     * last of the two set wins). What it returns is checked like a fixed key; a bad value or a
     * failure of the supplier fails that call with {@link V0InvalidRequestException} or
     * {@link V0CredentialsException}, before anything is sent.
     *
     * @param supplier called on the calling thread for each request; must not return null
     * @return this builder
     */
    public Builder apiKeySupplier(ApiKeySupplier supplier) {
      if (supplier == null) throw new NullPointerException("supplier == null");
      this.apiKeySupplier = supplier;
      this.apiKey = null;
      return this;
    }

    /**
     * The API v2 base URL; defaults to {@value #DEFAULT_BASE_URL}. A missing final '/' is added.
     *
     * @param baseUrl an {@code https://} URL ({@code http://} only on loopback unless allowed)
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = parseBaseUrl("baseUrl", baseUrl);
      return this;
    }

    /**
     * The API v1 base URL; defaults to {@value #DEFAULT_V1_BASE_URL}.
     *
     * @param v1BaseUrl an {@code https://} URL ({@code http://} only on loopback unless allowed)
     * @return this builder
     */
    public Builder v1BaseUrl(String v1BaseUrl) {
      this.v1BaseUrl = parseBaseUrl("v1BaseUrl", v1BaseUrl);
      return this;
    }

    /**
     * Shares an existing OkHttp client (its connection pool, dispatcher and interceptors); the SDK
     * derives its own client from it with {@link OkHttpClient#newBuilder()}.
     *
     * @param okHttpClient the client to share connection pool and dispatcher with
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      if (okHttpClient == null) throw new NullPointerException("okHttpClient == null");
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Text appended to the SDK's {@code User-Agent}, such as {@code my-app/1.2}.
     *
     * @param suffix a product token such as {@code my-app/1.2}
     * @return this builder
     */
    public Builder userAgent(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Time to establish a connection; default 10 s.
     *
     * @param timeout the limit; 0 for none
     * @param unit the unit of {@code timeout}
     * @return this builder
     */
    public Builder connectTimeout(long timeout, TimeUnit unit) {
      this.connectTimeoutMillis = unit.toMillis(timeout);
      return this;
    }

    /**
     * Longest silence between two reads; default 5 min. Streams stay open as long as bytes (or
     * keep-alive comments) keep arriving.
     *
     * @param timeout the limit; 0 for none
     * @param unit the unit of {@code timeout}
     * @return this builder
     */
    public Builder readTimeout(long timeout, TimeUnit unit) {
      this.readTimeoutMillis = unit.toMillis(timeout);
      return this;
    }

    /**
     * Longest silence while sending the request; default 60 s.
     *
     * @param timeout the limit; 0 for none
     * @param unit the unit of {@code timeout}
     * @return this builder
     */
    public Builder writeTimeout(long timeout, TimeUnit unit) {
      this.writeTimeoutMillis = unit.toMillis(timeout);
      return this;
    }

    /**
     * Longest duration of a whole non-streaming call; default 15 min, since a synchronous
     * generation answers only when it is done. 0 means no limit. Streams are not bound by it.
     *
     * @param timeout the limit; 0 for none
     * @param unit the unit of {@code timeout}
     * @return this builder
     */
    public Builder callTimeout(long timeout, TimeUnit unit) {
      this.callTimeoutMillis = unit.toMillis(timeout);
      return this;
    }

    /**
     * How many times a failed request may be sent again; default 2, 0 turns retries off. A
     * request the server may have acted on (sending a message, creating a chat) is only retried
     * when it provably did not reach the server or the server answered 429; GET and stop are
     * retried after connection failures and 408, 429, 500, 502, 503, 504. A stream that started
     * is never sent again. One call can opt out with the header {@code V0-No-Retry}.
     *
     * @param maxRetries how many times a retryable failure is retried; 0 for none
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0");
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * How a v2 stream recovers when its connection breaks before the message finished (reset,
     * truncated body, read timeout): it polls the message with these options until it is done
     * and ends with its final snapshot ({@link EventStream#recovered()} tells). On by default
     * with {@link PollingOptions#defaults()}; null turns recovery off, and a broken stream then
     * fails with {@link V0StreamInterruptedException}.
     *
     * @param options how often and how long to poll, and whether cancelling also stops the
     *     generation
     * @return this builder
     */
    public Builder streamRecovery(@Nullable PollingOptions options) {
      this.streamRecovery = options;
      return this;
    }

    /**
     * Logs every exchange (method, URL, headers, status, timing; no bodies) to {@code logger},
     * with the API key and other credentials redacted. Off by default.
     *
     * @param logger receives one line per request and response; secrets are redacted
     * @return this builder
     */
    public Builder httpLogger(HttpLogger logger) {
      this.httpLogger = logger;
      return this;
    }

    /**
     * The longest {@code Retry-After} honoured between retries; default 60 s.
     *
     * @param max the cap; a longer {@code Retry-After} is shortened to it
     * @param unit the unit of {@code max}
     * @return this builder
     */
    public Builder maxRetryAfter(long max, TimeUnit unit) {
      this.maxRetryAfterMillis = unit.toMillis(max);
      return this;
    }

    Builder retrySleeper(RetryInterceptor.Sleeper sleeper) {
      this.retrySleeper = sleeper;
      return this;
    }

    /**
     * The largest single stream event accepted, in bytes; default 16 MiB. A larger one fails the
     * stream with {@link V0DecodingException} instead of growing the heap.
     *
     * @param maxEventBytes the limit, at least 1
     * @return this builder
     */
    public Builder maxEventBytes(long maxEventBytes) {
      if (maxEventBytes < 1024) throw new IllegalArgumentException("maxEventBytes < 1024");
      this.maxEventBytes = maxEventBytes;
      return this;
    }

    /**
     * Allows {@code http://} base URLs on hosts other than loopback. Off by default: the API key
     * would travel in clear text.
     *
     * @param allow true to allow clear-text {@code http://} to any host
     * @return this builder
     */
    public Builder allowPlainHttp(boolean allow) {
      this.allowPlainHttp = allow;
      return this;
    }

    /**
     * Returns the client.
     *
     * @return a new client; share it, it holds connection pools and threads
     * @throws V0InvalidRequestException if no API key was given or found in the environment, or the
     *     key is unusable, or a base URL is plain HTTP to a non-loopback host
     */
    public V0Client build() {
      ApiKeySupplier key = apiKeySupplier != null ? apiKeySupplier : fixedKey();
      checkScheme("baseUrl", baseUrl);
      checkScheme("v1BaseUrl", v1BaseUrl);
      return new V0Client(this, key, apiKeySupplier != null ? "apiKeySupplier" : "apiKey");
    }

    /** The key given or found in the environment, checked once. */
    private ApiKeySupplier fixedKey() {
      final String key = apiKey != null ? apiKey : System.getenv(API_KEY_ENV);
      if (key == null) {
        throw new V0InvalidRequestException("apiKey",
            "no API key: pass one to V0Client.builder().apiKey(...) or set " + API_KEY_ENV);
      }
      try {
        ApiKeys.check(key);
      } catch (IllegalArgumentException e) {
        throw new V0InvalidRequestException("apiKey", e.getMessage());
      }
      return new ApiKeySupplier() {
        @Override public String apiKey() {
          return key;
        }
      };
    }

    private void checkScheme(String field, HttpUrl url) {
      if (url.isHttps() || allowPlainHttp || Hosts.isLoopback(url.host())) return;
      throw new V0InvalidRequestException(field, "plain http to " + url.host()
          + " would send the API key in clear text; use https or allowPlainHttp(true)");
    }

    private static HttpUrl parseBaseUrl(String field, String url) {
      if (url == null) throw new V0InvalidRequestException(field, "is null");
      HttpUrl parsed = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
      if (parsed == null) throw new V0InvalidRequestException(field, "not an http(s) URL: " + url);
      return parsed;
    }
  }
}
