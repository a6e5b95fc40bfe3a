package io.github.v0java.bench;

import io.github.v0java.EventStream;
import io.github.v0java.V0Client;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SendMessageRequest;

/** One cold run: build a client, open a stream, print the milliseconds to its first event. */
public final class ColdStart {
  public static void main(String[] args) {
    long start = System.nanoTime();
    try (V0Client client = V0Client.builder().apiKey("bench").baseUrl(args[0] + "/v2").build();
         EventStream<MessageStreamEvent> stream = client.messages().sendStream("c1",
             SendMessageRequest.builder().message("cold").build())) {
      stream.next();
      System.out.println("first-event " + (System.nanoTime() - start) / 1_000_000);
    }
  }
}
