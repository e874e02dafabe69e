package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The json4s AST rendering embedded in PredictionIO's messages ({@code EventJson4sSupport},
 * https://github.com/apache/predictionio/blob/v0.14.0/data/src/main/scala/org/apache/predictionio/data/storage/EventJson4sSupport.scala).
 */
class Json4sAstTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      true                  | JBool(true)
      false                 | JBool(false)
      null                  | JNull
      5                     | JInt(5)
      -12345678901234567890 | JInt(-12345678901234567890)
      1.5                   | JDouble(1.5)
      1e3                   | JDouble(1000.0)
      `"x y"`               | JString(x y)
      `""`                  | JString()
      []                    | JArray(List())
      [1]                   | JArray(List(JInt(1)))
      `[1,"a",null,[]]`     | JArray(List(JInt(1), JString(a), JNull, JArray(List())))
      {}                    | JObject(List())
      `{"a":1,"b":[true]}`  | JObject(List((a,JInt(1)), (b,JArray(List(JBool(true))))))
      """)
  void describeRendersValueLikeJson4s(String json, String ast) throws JsonProcessingException {
    assertThat(Json4sAst.describe(JsonMapper.MAPPER.readTree(json))).isEqualTo(ast);
  }

  @Test
  void describeOfMissingValueIsJNothing() {
    assertThat(Json4sAst.describe(null)).isEqualTo("JNothing");
    assertThat(Json4sAst.describe(MissingNode.getInstance())).isEqualTo("JNothing");
  }

  @Test
  void describeOfTranscript48BodyMatchesPredictionIo() throws JsonProcessingException {
    String body = "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"a\":1,\"b\":\"x\"},"
        + "\"eventTime\":\"2024-01-02T03:04:05.678Z\"}";

    assertThat("Can't convert " + Json4sAst.describe(JsonMapper.MAPPER.readTree(body)) + " to interface "
        + "scala.collection.Seq").isEqualTo("Can't convert JObject(List((event,JString($set)), (entityType,"
        + "JString(user)), (entityId,JString(u1)), (properties,JObject(List((a,JInt(1)), (b,JString(x))))), "
        + "(eventTime,JString(2024-01-02T03:04:05.678Z)))) to interface scala.collection.Seq");
  }
}
