package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.json.EventJsonWriter;
import io.piobuildpack.core.server.http.BodyWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a JSON array of events in PredictionIO's output format as they are read from the database, so that a
 * large result ({@code limit=-1}) is sent in constant memory. Closing releases the result's connection.
 */
final class EventArrayWriter implements BodyWriter {

  private final List<Event> head;
  private final Iterator<Event> rest;
  private final Stream<Event> open;

  EventArrayWriter(List<Event> head, Iterator<Event> rest, Stream<Event> open) {
    this.head = head;
    this.rest = rest;
    this.open = open;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    writer.write('[');
    boolean first = true;
    for (Event event : head) {
      first = write(writer, event, first);
    }
    while (rest != null && rest.hasNext()) {
      first = write(writer, rest.next(), first);
    }
    writer.write(']');
    writer.flush();
  }

  @Override
  public void close() {
    if (open != null) {
      open.close();
    }
  }

  /** The array as text, for results small enough to send at once. */
  static String toJson(List<Event> events) {
    StringBuilder json = new StringBuilder(events.size() * 256).append('[');
    for (int i = 0; i < events.size(); i++) {
      json.append(i == 0 ? "" : ",").append(EventJsonWriter.toJson(events.get(i)));
    }
    return json.append(']').toString();
  }

  private static boolean write(Writer writer, Event event, boolean first) throws IOException {
    if (!first) {
      writer.write(',');
    }
    EventJsonWriter.write(event, writer);
    return false;
  }
}
