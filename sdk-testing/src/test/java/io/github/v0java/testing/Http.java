package io.github.v0java.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/** A plain OkHttp client for the fake, and Moshi to read what it answers. */
final class Http {
  static final String API_KEY = "v0_test_3b1f8c7e2d9a4f60b5c1";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonAdapter<Object> MOSHI = new Moshi.Builder().build().adapter(Object.class);

  final OkHttpClient client = new OkHttpClient.Builder()
      .readTimeout(20, TimeUnit.SECONDS)
      .retryOnConnectionFailure(false)
      .build();
  private final FakeV0Server fake;

  Http(FakeV0Server fake) {
    this.fake = fake;
  }

  /** A finished exchange. */
  static final class Reply {
    final int status;
    final String body;
    final okhttp3.Headers headers;

    Reply(int status, String body, okhttp3.Headers headers) {
      this.status = status;
      this.body = body;
      this.headers = headers;
    }

    Map<String, Object> json() {
      return Http.object(body);
    }
  }

  Request.Builder request(String method, String path, String jsonBody) {
    Request.Builder builder = new Request.Builder().url(fake.rootUrl() + path)
        .header("Authorization", "Bearer " + API_KEY);
    return builder.method(method, jsonBody == null ? null : RequestBody.create(jsonBody, JSON));
  }

  Reply get(String path) {
    return execute(request("GET", path, null).build());
  }

  Reply post(String path, String jsonBody) {
    return execute(request("POST", path, jsonBody).build());
  }

  Reply execute(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Reply(response.code(), response.body().string(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a streaming POST; the caller reads and closes the response. */
  Response open(String path, String jsonBody) throws IOException {
    return client.newCall(request("POST", path, jsonBody).build()).execute();
  }

  /** An SSE event as read: its data and when it arrived. */
  static final class Event {
    final String data;
    final long nanos;

    Event(String data, long nanos) {
      this.data = data;
      this.nanos = nanos;
    }

    Map<String, Object> json() {
      return Http.object(data);
    }

    @Override public String toString() {
      return data;
    }
  }

  /** What a body read as SSE gave: the events, comment lines, and the failure that ended it if any. */
  static final class Sse {
    final List<Event> events = new ArrayList<>();
    int comments;
    IOException failure;
    long startNanos;

    List<String> data() {
      List<String> data = new ArrayList<>();
      for (Event event : events) data.add(event.data);
      return data;
    }

    List<Map<String, Object>> json() {
      List<Map<String, Object>> json = new ArrayList<>();
      for (Event event : events) json.add(event.json());
      return json;
    }

    /** Milliseconds from the start to event {@code i}. */
    long millisAt(int i) {
      return TimeUnit.NANOSECONDS.toMillis(events.get(i).nanos - startNanos);
    }
  }

  /** Reads a whole SSE body line by line (one data line per event here), stamping each event. */
  static Sse readSse(Response response, long startNanos) {
    Sse sse = new Sse();
    sse.startNanos = startNanos;
    try (Response r = response) {
      BufferedSource source = r.body().source();
      StringBuilder data = null;
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (line.isEmpty()) {
          if (data != null) sse.events.add(new Event(data.toString(), System.nanoTime()));
          data = null;
        } else if (line.startsWith(":")) {
          sse.comments++;
        } else if (line.startsWith("data:")) {
          String value = line.substring(5);
          if (value.startsWith(" ")) value = value.substring(1);
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    } catch (IOException e) {
      sse.failure = e;
    }
    return sse;
  }

  Sse stream(String path, String jsonBody) {
    long start = System.nanoTime();
    try {
      Response response = open(path, jsonBody);
      if (response.code() != 200) {
        String body = response.body().string();
        response.close();
        throw new AssertionError("HTTP " + response.code() + ": " + body);
      }
      return readSse(response, start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String json) {
    try {
      return (Map<String, Object>) MOSHI.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Object> array(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
