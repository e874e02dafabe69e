package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.InvalidEventException;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a batch request body (a JSON array of events), read but not yet validated: the size can be
 * checked before any element is read, and {@link #items()} then reads and validates each element on its own.
 */
public final class EventBatch {

  private final List<JsonNode> elements;
  private final EventJsonReader reader;

  EventBatch(List<JsonNode> elements, EventJsonReader reader) {
    this.elements = List.copyOf(elements);
    this.reader = reader;
  }

  /** The number of elements in the array. */
  public int size() {
    return elements.size();
  }

  /** Every element read and validated, in input order: either an event or why it is invalid. */
  public List<Item> items() {
    List<Item> items = new ArrayList<>(elements.size());
    for (JsonNode element : elements) {
      try {
        items.add(Item.valid(reader.read(element)));
      } catch (InvalidEventException e) {
        items.add(Item.invalid(e));
      }
    }
    return items;
  }

  /** One element of a batch: exactly one of {@code event} and {@code error} is set. */
  public record Item(Event event, InvalidEventException error) {

    public Item {
      if ((event == null) == (error == null)) {
        throw new IllegalArgumentException("exactly one of event and error must be set");
      }
    }

    public static Item valid(Event event) {
      return new Item(event, null);
    }

    public static Item invalid(InvalidEventException error) {
      return new Item(null, error);
    }

    public boolean isValid() {
      return event != null;
    }
  }
}
