package io.github.v0java.sse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.ByteString;
import okio.Okio;

/** How a test stream delivers its chunks: each in one read, or one byte per read. */
enum Reads {
  WHOLE_CHUNKS(Integer.MAX_VALUE),
  BYTE_BY_BYTE(1);

  final int maxBytesPerRead;

  Reads(int maxBytesPerRead) {
    this.maxBytesPerRead = maxBytesPerRead;
  }

  ScriptedSource source() {
    return new ScriptedSource(maxBytesPerRead);
  }

  /** A reader of a stream made of {@code chunks} that then ends. */
  ServerSentEventReader reader(String... chunks) {
    ScriptedSource source = source();
    for (String chunk : chunks) source.send(chunk);
    return ServerSentEventReader.create(Okio.buffer(source.end()));
  }

  /** A reader of a stream made of {@code chunks} that then ends. */
  ServerSentEventReader reader(ByteString... chunks) {
    ScriptedSource source = source();
    for (ByteString chunk : chunks) source.send(chunk);
    return ServerSentEventReader.create(Okio.buffer(source.end()));
  }

  /** The events of a stream made of {@code chunks}. */
  List<ServerSentEvent> events(String... chunks) throws IOException {
    return readAll(reader(chunks));
  }

  /** The events of a stream made of {@code chunks}. */
  List<ServerSentEvent> events(ByteString... chunks) throws IOException {
    return readAll(reader(chunks));
  }

  /** The bytes of {@code parts}, one after the other. */
  static ByteString concat(ByteString... parts) {
    Buffer buffer = new Buffer();
    for (ByteString part : parts) buffer.write(part);
    return buffer.readByteString();
  }

  static List<ServerSentEvent> readAll(ServerSentEventReader reader) throws IOException {
    List<ServerSentEvent> events = new ArrayList<>();
    for (ServerSentEvent event; (event = reader.next()) != null; ) events.add(event);
    return events;
  }
}
