package io.github.v0java.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.V0Client;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Measures, on loopback and in one run: events per second of parse + typed decode + accumulate
 * (the SDK) against okhttp-sse + Moshi decoding each event into a Map (the baseline), at 10k and
 * 100k events, with the CPU time per event of the thread reading the stream (less noisy than
 * events per second on a shared machine), each in three fresh JVMs; per-event delivery latency
 * at one event every 20 ms; and cold start in a fresh JVM. Prints Markdown tables.
 */
public final class StreamBenchmark {
  private static final SendMessageRequest REQUEST = SendMessageRequest.builder().message("bench").build();
  /**
   * Rounds of the 100k stream, for both sides alike, before anything is measured: the JIT needs
   * about three for either side to reach its steady speed.
   */
  private static final int JIT_WARMUP = 5;
  private static final int WARMUP = 3;
  private static final int RUNS = 11;
  /** CPU time of the thread reading the stream, from the response headers to its end. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Fresh JVMs measuring throughput: a JVM's JIT can be luckier or unluckier for either side. */
  private static final int FORKS = 3;
  private static final int[] SIZES = {10_000, 100_000};

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--throughput")) {
      throughput();
      return;
    }
    // Per size: {SDK events/s, baseline events/s, SDK CPU ns/event, baseline CPU ns/event,
    // SDK seconds}, one row per fork.
    double[][][] forks = new double[SIZES.length][FORKS][];
    for (int f = 0; f < FORKS; f++) {
      double[][] result = throughputFork();
      for (int size = 0; size < SIZES.length; size++) forks[size][f] = result[size];
    }
    System.out.println("| events | SDK events/s | okhttp-sse + Moshi Map events/s | ratio | ratio"
        + " range | CPU per event, SDK | CPU per event, baseline |");
    System.out.println("|---|---|---|---|---|---|---|");
    double[] sdkSeconds = new double[SIZES.length];
    for (int size = 0; size < SIZES.length; size++) {
      double[] ratios = new double[FORKS];
      for (int f = 0; f < FORKS; f++) ratios[f] = forks[size][f][0] / forks[size][f][1];
      Arrays.sort(ratios);
      double sdkRate = medianOf(forks[size], 0);
      double baseRate = medianOf(forks[size], 1);
      sdkSeconds[size] = medianOf(forks[size], 4);
      System.out.printf(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.2f× | %.2f× – %.2f× | %.2f µs | %.2f µs |%n",
          SIZES[size], sdkRate, baseRate, ratios[FORKS / 2], ratios[0], ratios[FORKS - 1],
          medianOf(forks[size], 2) / 1000, medianOf(forks[size], 3) / 1000);
    }
    System.out.printf(Locale.ROOT, "%nEach figure is the median over %d fresh JVMs of each JVM's median"
        + " of %d runs (ratio range: the JVMs' own ratios).%n", FORKS, RUNS);
    System.out.printf(Locale.ROOT, "%nAccumulation growth: 100k events took %.1f× the time of 10k"
        + " (linear is 10×).%n%n", sdkSeconds[1] / sdkSeconds[0]);

    try (LoopbackSseServer server = new LoopbackSseServer();
         V0Client client = V0Client.builder().apiKey("bench").baseUrl(server.baseUrl() + "/v2").build()) {
      OkHttpClient baseline = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
      JsonAdapter<Object> mapAdapter = new Moshi.Builder().build().adapter(Object.class);

      // This JVM's JIT warms up as the throughput runs' do, on every path a stream takes (new
      // parts and usage events are rare in 500 events: measured cold, they would be interpreted),
      // and on what each stream does once (the request, the opening and final snapshots), as in
      // an app that has opened many streams: 2,000 streams of 10 events a side.
      warmUp(server, client, baseline, mapAdapter);
      server.serveBody(RealisticStream.body(RealisticStream.events(10)));
      for (int i = 0; i < 2_000; i++) {
        timeSdk(client, 10);
        timeBaseline(baseline, mapAdapter, server.baseUrl(), 10);
      }
      // 10 s a side per round: a round's p99 is its 5th slowest event. A scheduling hiccup on a
      // shared machine moves one round's p99 by milliseconds, so the median of three rounds is
      // reported, with the range, each side going first in turn; a first round warms up.
      List<String> paced = RealisticStream.events(500);
      int rounds = 3;
      long[][] sdkPercentiles = new long[2][rounds];
      long[][] basePercentiles = new long[2][rounds];
      for (int round = -1; round < rounds; round++) {
        long[] sdkLatency;
        long[] baseLatency;
        if (round % 2 == 0) {
          sdkLatency = latencySdk(client, server, paced);
          baseLatency = latencyBaseline(baseline, mapAdapter, server, paced);
        } else {
          baseLatency = latencyBaseline(baseline, mapAdapter, server, paced);
          sdkLatency = latencySdk(client, server, paced);
        }
        if (round < 0) continue;
        sdkPercentiles[0][round] = percentile(sdkLatency, 50);
        sdkPercentiles[1][round] = percentile(sdkLatency, 99);
        basePercentiles[0][round] = percentile(baseLatency, 50);
        basePercentiles[1][round] = percentile(baseLatency, 99);
      }
      System.out.println("| delivery latency, one event / 20 ms (median of " + rounds
          + " rounds) | p50 | p99 | p99 range |");
      System.out.println("|---|---|---|---|");
      printLatency("SDK", sdkPercentiles);
      printLatency("okhttp-sse + Moshi Map", basePercentiles);
      System.out.println();

      server.serveBody(RealisticStream.body(RealisticStream.events(10)));
      long[] cold = new long[RUNS];
      long[] coldInJvm = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long[] run = coldStart(server.baseUrl());
        cold[i] = run[0];
        coldInJvm[i] = run[1];
      }
      Arrays.sort(cold);
      Arrays.sort(coldInJvm);
      System.out.printf(Locale.ROOT, "Cold start (fresh JVM, median of %d): process start to first event"
          + " %d ms; building the client to first event %d ms.%n", RUNS, cold[RUNS / 2], coldInJvm[RUNS / 2]);
      baseline.dispatcher().executorService().shutdown();
      baseline.connectionPool().evictAll();
    }
  }

  /**
   * Measures both sides at each size in this JVM and prints, per size, a line "throughput SDK/s
   * baseline/s SDK-CPU-ns baseline-CPU-ns SDK-seconds" (medians of {@link #RUNS} runs).
   */
  private static void throughput() throws Exception {
    try (LoopbackSseServer server = new LoopbackSseServer();
         V0Client client = V0Client.builder().apiKey("bench").baseUrl(server.baseUrl() + "/v2").build()) {
      OkHttpClient baseline = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
      JsonAdapter<Object> mapAdapter = new Moshi.Builder().build().adapter(Object.class);
      // Both sides are compiled by the JIT on the same long stream before the first measurement,
      // so that the 10k figures measure the code rather than its warm-up.
      warmUp(server, client, baseline, mapAdapter);
      for (int events : SIZES) {
        server.serveBody(RealisticStream.body(RealisticStream.events(events)));
        double[] sdkSeconds = new double[RUNS];
        double[] baseSeconds = new double[RUNS];
        double[] sdkCpu = new double[RUNS];
        double[] baseCpu = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
          // Alternate which side runs first, so neither always follows the other's garbage.
          double[] s;
          double[] b;
          if (i % 2 == 0) {
            s = timeSdk(client, events);
            b = timeBaseline(baseline, mapAdapter, server.baseUrl(), events);
          } else {
            b = timeBaseline(baseline, mapAdapter, server.baseUrl(), events);
            s = timeSdk(client, events);
          }
          if (i >= WARMUP) {
            sdkSeconds[i - WARMUP] = s[0];
            baseSeconds[i - WARMUP] = b[0];
            sdkCpu[i - WARMUP] = s[1] / events;
            baseCpu[i - WARMUP] = b[1] / events;
          }
        }
        System.out.printf(Locale.ROOT, "throughput %f %f %f %f %f%n", events / median(sdkSeconds),
            events / median(baseSeconds), median(sdkCpu), median(baseCpu), median(sdkSeconds));
      }
      baseline.dispatcher().executorService().shutdown();
      baseline.connectionPool().evictAll();
    }
  }

  /** {@link #JIT_WARMUP} rounds of the 100k stream, both sides alike. */
  private static void warmUp(LoopbackSseServer server, V0Client client, OkHttpClient baseline,
      JsonAdapter<Object> mapAdapter) throws InterruptedException {
    server.serveBody(RealisticStream.body(RealisticStream.events(100_000)));
    for (int i = 0; i < JIT_WARMUP; i++) {
      timeSdk(client, 100_000);
      timeBaseline(baseline, mapAdapter, server.baseUrl(), 100_000);
    }
  }

  /** Runs {@link #throughput} in a fresh JVM with this one's options; one row per size. */
  private static double[][] throughputFork() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"),
        StreamBenchmark.class.getName(), "--throughput"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<double[]> rows = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        if (!line.startsWith("throughput ")) continue;
        String[] fields = line.substring(11).split(" ");
        double[] row = new double[fields.length];
        for (int i = 0; i < fields.length; i++) row[i] = Double.parseDouble(fields[i]);
        rows.add(row);
      }
    }
    if (process.waitFor() != 0 || rows.size() != SIZES.length) {
      throw new AssertionError("throughput run failed: " + lines);
    }
    return rows.toArray(new double[0][]);
  }

  private static double medianOf(double[][] rows, int column) {
    double[] values = new double[rows.length];
    for (int i = 0; i < rows.length; i++) values[i] = rows[i][column];
    return median(values);
  }

  /** Returns {wall seconds, CPU nanoseconds of the reading thread after the headers}. */
  private static double[] timeSdk(V0Client client, int expected) {
    long start = System.nanoTime();
    int count = 0;
    MessageState last = null;
    long cpu;
    try (EventStream<MessageStreamEvent> stream = client.messages().sendStream("c1", REQUEST)) {
      long cpuStart = THREADS.getCurrentThreadCpuTime(); // sendStream returns with the headers.
      while (stream.next() != null) {
        last = stream.state();
        count++;
      }
      cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (count != expected || last == null || !last.isComplete()) {
      throw new AssertionError("SDK read " + count + " of " + expected + " events");
    }
    return new double[] {seconds, cpu};
  }

  /** Returns {wall seconds, CPU nanoseconds of the reading thread after the headers}. */
  private static double[] timeBaseline(OkHttpClient http, JsonAdapter<Object> adapter,
      String baseUrl, int expected) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    int[] count = {0};
    long[] cpu = new long[2];
    long start = System.nanoTime();
    EventSource source = EventSources.createFactory(http).newEventSource(request(baseUrl),
        new EventSourceListener() {
          @Override public void onOpen(EventSource eventSource, Response response) {
            cpu[0] = THREADS.getCurrentThreadCpuTime();
          }

          @Override public void onEvent(EventSource eventSource, String id, String type, String data) {
            try {
              if (adapter.fromJson(data) != null) count[0]++;
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          }

          @Override public void onClosed(EventSource eventSource) {
            cpu[1] = THREADS.getCurrentThreadCpuTime();
            done.countDown();
          }

          @Override public void onFailure(EventSource eventSource, Throwable t, Response response) {
            done.countDown();
          }
        });
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    source.cancel();
    if (count[0] != expected) throw new AssertionError("baseline read " + count[0] + " of " + expected);
    return new double[] {seconds, cpu[1] - cpu[0]};
  }

  private static Request request(String baseUrl) {
    return new Request.Builder().url(baseUrl + "/v2/chats/c1/messages/stream")
        .post(RequestBody.create("{\"message\":\"bench\"}", MediaType.get("application/json")))
        .build();
  }

  private static void printLatency(String side, long[][] percentiles) {
    long[] p99 = percentiles[1].clone();
    Arrays.sort(p99);
    System.out.printf(Locale.ROOT, "| %s | %d µs | %d µs | %d–%d µs |%n", side,
        medianOf(percentiles[0]), medianOf(percentiles[1]), p99[0], p99[p99.length - 1]);
  }

  private static long medianOf(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static long[] latencySdk(V0Client client, LoopbackSseServer server, List<String> paced) {
    server.servePaced(RealisticStream.separate(paced), TimeUnit.MILLISECONDS.toNanos(20));
    int events = paced.size();
    long[] received = new long[events];
    int i = 0;
    try (EventStream<MessageStreamEvent> stream = client.messages().sendStream("c1", REQUEST)) {
      while (stream.next() != null) received[i++] = System.nanoTime();
    }
    return latencies(server.sentAt(), received);
  }

  private static long[] latencyBaseline(OkHttpClient http, JsonAdapter<Object> adapter,
      LoopbackSseServer server, List<String> paced) throws InterruptedException {
    server.servePaced(RealisticStream.separate(paced), TimeUnit.MILLISECONDS.toNanos(20));
    long[] received = new long[paced.size()];
    int[] i = {0};
    CountDownLatch done = new CountDownLatch(1);
    EventSources.createFactory(http).newEventSource(request(server.baseUrl()), new EventSourceListener() {
      @Override public void onEvent(EventSource eventSource, String id, String type, String data) {
        try {
          adapter.fromJson(data);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
        received[i[0]++] = System.nanoTime();
      }

      @Override public void onClosed(EventSource eventSource) {
        done.countDown();
      }

      @Override public void onFailure(EventSource eventSource, Throwable t, Response response) {
        done.countDown();
      }
    });
    done.await();
    return latencies(server.sentAt(), received);
  }

  private static long[] latencies(long[] sent, long[] received) {
    long[] micros = new long[sent.length];
    for (int i = 0; i < sent.length; i++) micros[i] = Math.max(0, (received[i] - sent[i]) / 1000);
    Arrays.sort(micros);
    return micros;
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double median(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  /** Runs {@link ColdStart} in a fresh JVM; returns {process start to first event, client to first event} in ms. */
  private static long[] coldStart(String baseUrl) throws IOException, InterruptedException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    long start = System.nanoTime();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ColdStart.class.getName(), baseUrl).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long firstEventAt = -1;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("first-event ") && firstEventAt < 0) firstEventAt = System.nanoTime();
      }
      process.waitFor();
      if (firstEventAt < 0) throw new AssertionError("cold start run failed: " + lines);
      String inJvm = lines.stream().filter(l -> l.startsWith("first-event ")).findFirst().get().substring(12);
      return new long[] {(firstEventAt - start) / 1_000_000, Long.parseLong(inJvm)};
    }
  }
}
