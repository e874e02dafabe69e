package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Model of {@code elasticsearch.yml} in {@code ES_CONF_DIR} (rendered at run time). The bundled file is an empty
 * mapping, as the original's; an app's {@code config/elasticsearch.yml.mustache} can use the connection.
 */
public record ElasticsearchYml(Optional<ElasticsearchConnection> elasticsearch) {

  public ElasticsearchYml {
    Objects.requireNonNull(elasticsearch, "elasticsearch");
  }
}
