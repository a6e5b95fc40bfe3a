package io.github.v0java.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link StreamScript} into a WireMock response.
 *
 * <p>WireMock can only pace a body with its chunked dribble delay: the body is cut into N pieces
 * of equal size (the last one takes the remainder) and each piece is written and flushed after
 * sleeping totalDuration / N. So the body is laid out as equal-size slots, one slot per tick: a slot
 * holds the events due at that tick, padded at its start with an SSE comment line, or only a
 * comment when nothing is due. Every event thus reaches the client whole, at its time.
 *
 * <p>A cut connection is a {@code Content-Length} larger than the bytes sent: Jetty closes the
 * connection when the handler finishes short of the declared length, and the client sees the body
 * end early.
 */
final class SseRenderer {
  /** Above this many slots the tick is made coarser (bounds the padding). */
  static final int MAX_SLOTS = 2_000;

  private SseRenderer() {
  }

  static ResponseDefinition render(StreamScript script) {
    List<String> events = script.events();
    int sent = script.cutAfter() < 0 ? events.size() : script.cutAfter();
    List<byte[]> frames = new ArrayList<>();
    long[] delays = new long[sent];
    boolean timed = false;
    for (int i = 0; i < sent; i++) {
      frames.add(frame(events.get(i)));
      delays[i] = script.delayBefore(i).toMillis();
      if (delays[i] > 0) timed = true;
    }

    ResponseDefinitionBuilder response = new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withHeader("Cache-Control", "no-cache");

    byte[] body;
    if (!timed) {
      body = concat(frames);
    } else {
      long tick = 0;
      long total = 0;
      for (long delay : delays) {
        if (delay > 0) tick = gcd(tick, delay);
        total += delay;
      }
      if (total / tick > MAX_SLOTS) tick = (total + MAX_SLOTS - 1) / MAX_SLOTS;

      List<ByteArrayOutputStream> slots = new ArrayList<>();
      for (int i = 0; i < sent; i++) {
        long ticks = delays[i] == 0 ? 0 : Math.max(1, Math.round((double) delays[i] / tick));
        if (ticks == 0 && !slots.isEmpty()) {
          slots.get(slots.size() - 1).writeBytes(frames.get(i));
          continue;
        }
        for (long idle = 1; idle < ticks; idle++) slots.add(new ByteArrayOutputStream());
        ByteArrayOutputStream slot = new ByteArrayOutputStream();
        slot.writeBytes(frames.get(i));
        slots.add(slot);
      }
      int slotSize = 0;
      for (ByteArrayOutputStream slot : slots) slotSize = Math.max(slotSize, slot.size());
      slotSize += 2; // room for the shortest comment line ":\n"
      ByteArrayOutputStream out = new ByteArrayOutputStream(slotSize * slots.size());
      for (ByteArrayOutputStream slot : slots) {
        out.writeBytes(padding(slotSize - slot.size()));
        out.writeBytes(slot.toByteArray());
      }
      body = out.toByteArray();
      long duration = tick * slots.size();
      if (duration > Integer.MAX_VALUE) throw new IllegalArgumentException("stream script too long: " + script);
      response.withChunkedDribbleDelay(slots.size(), (int) duration);
    }

    if (script.cutAfter() >= 0) {
      long missing = 0;
      for (int i = sent; i < events.size(); i++) missing += frame(events.get(i)).length;
      response.withHeader("Content-Length", String.valueOf(body.length + Math.max(1, missing)));
    }
    return response.withBody(body).build();
  }

  private static byte[] frame(String event) {
    return ("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** An SSE comment line of exactly {@code size} bytes (at least 2). */
  private static byte[] padding(int size) {
    byte[] line = new byte[size];
    Arrays.fill(line, (byte) ' ');
    line[0] = ':';
    line[size - 1] = '\n';
    return line;
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
