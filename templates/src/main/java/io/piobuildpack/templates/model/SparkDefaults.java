package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Model of Spark's {@code conf/spark-defaults.conf} (rendered at run time): the elasticsearch-hadoop options when
 * Elasticsearch is configured, nothing otherwise.
 */
public record SparkDefaults(Optional<ElasticsearchConnection> elasticsearch) {

  public SparkDefaults {
    Objects.requireNonNull(elasticsearch, "elasticsearch");
  }
}
