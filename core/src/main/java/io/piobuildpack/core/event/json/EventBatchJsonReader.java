package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import io.piobuildpack.core.event.EventFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of PredictionIO's batch route ({@code POST /batch/events.json}): a JSON array whose elements
 * are read and validated one by one with an {@link EventJsonReader}. A body that is not an array is rejected
 * with PredictionIO's message, {@code Can't convert <json4s AST> to interface scala.collection.Seq}.
 */
public final class EventBatchJsonReader {

  private static final String SEQ = "interface scala.collection.Seq";

  private final EventJsonReader reader;

  public EventBatchJsonReader(EventJsonReader reader) {
    this.reader = reader;
  }

  /**
   * Parses the array; its elements are validated later, by {@link EventBatch#items()}.
   *
   * @throws EventFormatException when the body is not JSON or not a JSON array
   */
  public EventBatch read(byte[] utf8Json) {
    JsonNode root;
    try {
      root = JsonMapper.MAPPER.readTree(utf8Json);
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isArray()) {
      throw new EventFormatException(null, null, "expected a JSON array of events",
          "Can't convert " + Json4sAst.describe(root) + " to " + SEQ);
    }
    List<JsonNode> elements = new ArrayList<>(root.size());
    root.elements().forEachRemaining(elements::add);
    return new EventBatch(elements, reader);
  }

  private static EventFormatException notJson(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "unreadable input" : e.getOriginalMessage();
    String reason = JsonSyntax.describe(e, true);
    boolean cutBetweenTokens = e instanceof JsonEOFException eof
        ? eof.getTokenBeingDecoded() == null
        : original.startsWith("Unexpected end-of-input within/between ");
    return new EventFormatException(null, null, reason, cutBetweenTokens ? "Can't convert JNothing to " + SEQ : reason);
  }
}
