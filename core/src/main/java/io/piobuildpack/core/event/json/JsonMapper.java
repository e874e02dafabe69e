package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson configuration of the event JSON package. */
final class JsonMapper {

  /** Lines and bodies may be large (a 10 MB property value is legal), so the default string cap is lifted. */
  private static final int MAX_STRING_LENGTH = 512 * 1024 * 1024;

  static final ObjectMapper MAPPER = create();

  private JsonMapper() {}

  private static ObjectMapper create() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
        .build();
    return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  static JsonFactory factory() {
    return MAPPER.getFactory();
  }
}
