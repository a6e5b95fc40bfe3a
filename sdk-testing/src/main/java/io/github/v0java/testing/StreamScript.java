package io.github.v0java.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A scripted Server-Sent Events body: events (the JSON after {@code data: }), the time before each
 * one, and optionally a cut connection.
 *
 * <pre>{@code
 * StreamScript script = StreamScript.create()
 *     .event(StreamEvents.openingSnapshot())
 *     .event(StreamEvents.insertTextPart(0, "Hello"))
 *     .pause(Duration.ofMillis(300))              // extra time before the next event
 *     .event(StreamEvents.textDelta(0, "Hello", "Hello world"))
 *     .cutConnection()                            // the body ends here, short of its length
 *     .event(StreamEvents.finalTextSnapshot("Hello world")) // never sent
 *     .delayBetweenEvents(Duration.ofMillis(50));
 * }</pre>
 *
 * <p>Timing: with no delay at all the body is sent at once. With delays, the fake sends the body in
 * equal-size pieces at a fixed interval (WireMock's chunked dribble delay), one piece per event (or per
 * group of events with no delay between them) plus idle pieces for longer pauses; pieces are padded
 * to the same size with SSE comment lines ({@code : ...}), which SSE readers ignore. Delays are
 * therefore multiples of a common tick (their greatest common divisor; very long scripts may be
 * rounded to a coarser tick), and the first piece also waits one tick.
 *
 * <p>A script is a mutable builder; the server takes a copy when you register it.
 */
public final class StreamScript {
  private final List<String> events = new ArrayList<>();
  private final List<Long> pausesMillis = new ArrayList<>();
  private long pendingPauseMillis;
  private long betweenMillis;
  private Integer cutAfter;

  private StreamScript() {
  }

  /**
   * An empty script.
   *
   * @return a new script with no events, to add them to
   */
  public static StreamScript create() {
    return new StreamScript();
  }

  /**
   * A script with these events.
   *
   * @param events the events' JSON, each sent as one {@code data:} line
   * @return a new script that sends {@code events} in order
   */
  public static StreamScript of(String... events) {
    return create().events(events);
  }

  /**
   * A script with these events.
   *
   * @param events the events' JSON, each sent as one {@code data:} line
   * @return a new script that sends {@code events} in order
   */
  public static StreamScript of(List<String> events) {
    StreamScript script = create();
    for (String event : events) script.event(event);
    return script;
  }

  /**
   * The demo generation of a v2 message stream, for {@link FakeV0Server#CHAT_ID} and
   * {@link FakeV0Server#MESSAGE_ID}: see {@link #demoGeneration(String, String)}.
   *
   * @return a new script; add to it or cut it like any other
   */
  public static StreamScript demoGeneration() {
    return demoGeneration(FakeV0Server.CHAT_ID, FakeV0Server.MESSAGE_ID);
  }

  /**
   * A realistic v2 message stream (44 events): the opening snapshot; a thinking part growing
   * in three steps; a file read; a repository search; a file created and a file updated; a
   * {@code bash} command that gets its output and exit code; a {@code tool-call}; a text part growing
   * word by word; a {@code message.usage} event; and the final snapshot ({@code finishReason: "stop"}).
   * Every delta is a jsondiffpatch array delta, and the final snapshot equals the parts they build.
   *
   * @param chatId the chat's id in the JSON
   * @param messageId the message's id in the JSON
   * @return a new script; add to it or cut it like any other
   */
  public static StreamScript demoGeneration(String chatId, String messageId) {
    return of(Generation.demo(chatId, messageId).events);
  }

  /**
   * The demo generation as a chat stream (create chat or resume): a {@code chat} event, the title
   * growing in {@code chat.title} events, the message events of {@link #demoGeneration(String, String)},
   * and a closing {@code chat} event.
   *
   * @param chatId the chat's id in the JSON
   * @param messageId the message's id in the JSON
   * @return a new script; add to it or cut it like any other
   */
  public static StreamScript demoChatGeneration(String chatId, String messageId) {
    return demoChatGeneration(chatId, messageId, null);
  }

  /** {@link #demoChatGeneration(String, String)} ending with {@code endingPartJson} if not null. */
  static StreamScript demoChatGeneration(String chatId, String messageId, String endingPartJson) {
    StreamScript script = create().event(StreamEvents.chat(chatId, null));
    String[] words = Fixtures.TITLE.split(" ");
    StringBuilder title = new StringBuilder();
    for (String word : words) {
      if (title.length() > 0) title.append(' ');
      title.append(word);
      script.event(StreamEvents.chatTitle(chatId, title.toString()));
    }
    for (String event : Generation.demo(chatId, messageId, endingPartJson).events) script.event(event);
    return script.event(StreamEvents.chat(chatId, Fixtures.TITLE));
  }

  /**
   * The demo of a v1 {@code experimental_stream}: {@code {"type":"connected"}}, a chat object, a
   * {@code chat.title}, content deltas (rows inserted and text appended word by word),
   * {@code {"type":"done"}} and {@code [DONE]}.
   *
   * @param chatId the chat's id in the JSON
   * @return a new script; add to it or cut it like any other
   */
  public static StreamScript v1DemoGeneration(String chatId) {
    return of(Generation.v1StreamEvents(chatId));
  }

  /**
   * Adds an event: the JSON sent as {@code data: <json>}, followed by a blank line.
   *
   * @param json the event's JSON, on one line
   * @return this script, for chaining
   */
  public StreamScript event(String json) {
    if (json == null) throw new NullPointerException("json");
    if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event must be one line (it is sent as one data: line)");
    }
    events.add(json);
    pausesMillis.add(pendingPauseMillis);
    pendingPauseMillis = 0;
    return this;
  }

  /**
   * Adds events in order.
   *
   * @param json the events' JSON, each on one line
   * @return this script, for chaining
   */
  public StreamScript events(String... json) {
    for (String event : json) event(event);
    return this;
  }

  /**
   * Waits {@code pause} more before the next event added (on top of {@link #delayBetweenEvents}).
   *
   * @param pause the extra wait; not negative
   * @return this script, for chaining
   */
  public StreamScript pause(Duration pause) {
    pendingPauseMillis += requireNonNegative(pause);
    return this;
  }

  /**
   * The time between consecutive events (default zero: all at once).
   *
   * @param delay the wait between events; not negative
   * @return this script, for chaining
   */
  public StreamScript delayBetweenEvents(Duration delay) {
    betweenMillis = requireNonNegative(delay);
    return this;
  }

  /**
   * Cuts the connection after the events added so far: the response declares a longer body
   * ({@code Content-Length}) than it sends, then the server closes the connection, so the client
   * reads these events and then fails (an {@code IOException}, with OkHttp a {@code ProtocolException:
   * unexpected end of stream}). Events added later are never sent.
   *
   * @return this script, for chaining
   */
  public StreamScript cutConnection() {
    cutAfter = events.size();
    return this;
  }

  /**
   * Cuts the connection after the first {@code count} events (see {@link #cutConnection()}).
   *
   * @param count how many events arrive before the cut
   * @return this script, for chaining
   */
  public StreamScript cutAfter(int count) {
    if (count < 0) throw new IllegalArgumentException("count < 0");
    cutAfter = count;
    return this;
  }

  /**
   * The events, in order (including those after a cut, which are never sent).
   *
   * @return an unmodifiable copy of the events' JSON
   */
  public List<String> events() {
    return Collections.unmodifiableList(new ArrayList<>(events));
  }

  /**
   * The number of events sent before the connection is cut, or -1 if it is not cut.
   *
   * @return the count, or -1 when the whole script is sent
   */
  public int cutAfter() {
    return cutAfter == null ? -1 : Math.min(cutAfter, events.size());
  }

  /**
   * The time between consecutive events.
   *
   * @return the delay; zero unless {@link #delayBetweenEvents(Duration)} set one
   */
  public Duration delayBetweenEvents() {
    return Duration.ofMillis(betweenMillis);
  }

  /**
   * The time before event {@code index}: the delay between events (except before the first) plus pauses.
   *
   * @param index the zero-based position of the event
   * @return the wait before sending it
   */
  public Duration delayBefore(int index) {
    return Duration.ofMillis((index > 0 ? betweenMillis : 0) + pausesMillis.get(index));
  }

  /**
   * The SSE text of the whole script (every event, no cut, no padding).
   *
   * @return the text as a client reads it from the response body
   */
  public String body() {
    StringBuilder body = new StringBuilder();
    for (String event : events) body.append("data: ").append(event).append("\n\n");
    return body.toString();
  }

  StreamScript copy() {
    StreamScript copy = new StreamScript();
    copy.events.addAll(events);
    copy.pausesMillis.addAll(pausesMillis);
    copy.pendingPauseMillis = pendingPauseMillis;
    copy.betweenMillis = betweenMillis;
    copy.cutAfter = cutAfter;
    return copy;
  }

  private static long requireNonNegative(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 0) throw new IllegalArgumentException("negative duration: " + duration);
    return millis;
  }

  @Override public String toString() {
    return "StreamScript" + Arrays.asList(events.size() + " events", "between " + betweenMillis + " ms",
        cutAfter == null ? "not cut" : "cut after " + cutAfter());
  }
}
