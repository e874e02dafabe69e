package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a JSON value the way json4s prints its AST ({@code JBool(true)}, {@code JArray(List(JInt(1)))}),
 * because PredictionIO's error messages embed that text.
 */
final class Json4sAst {

  private Json4sAst() {}

  static String describe(JsonNode node) {
    StringBuilder out = new StringBuilder();
    append(out, node);
    return out.toString();
  }

  private static void append(StringBuilder out, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      out.append("JNothing");
    } else if (node.isNull()) {
      out.append("JNull");
    } else if (node.isBoolean()) {
      out.append("JBool(").append(node.booleanValue()).append(')');
    } else if (node.isIntegralNumber()) {
      out.append("JInt(").append(node.bigIntegerValue()).append(')');
    } else if (node.isNumber()) {
      out.append("JDouble(").append(node.doubleValue()).append(')');
    } else if (node.isTextual()) {
      out.append("JString(").append(node.textValue()).append(')');
    } else if (node.isArray()) {
      out.append("JArray(List(");
      appendElements(out, node.elements());
      out.append("))");
    } else {
      out.append("JObject(List(");
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      boolean first = true;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(first ? "" : ", ").append('(').append(field.getKey()).append(',');
        append(out, field.getValue());
        out.append(')');
        first = false;
      }
      out.append("))");
    }
  }

  private static void appendElements(StringBuilder out, Iterator<JsonNode> elements) {
    boolean first = true;
    while (elements.hasNext()) {
      out.append(first ? "" : ", ");
      append(out, elements.next());
      first = false;
    }
  }
}
