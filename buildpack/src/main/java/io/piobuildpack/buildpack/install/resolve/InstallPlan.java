package io.piobuildpack.buildpack.install.resolve;

import io.piobuildpack.buildpack.install.inventory.Artifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to install for one app: every artifact resolved, with how it will be verified.
 *
 * @param predictionIo the PredictionIO distribution
 * @param spark the Spark distribution
 * @param jdk the Java 8 JDK PredictionIO and Spark run on
 * @param jre the Java 17 runtime the toolkit's own {@code pio-data} runs on
 * @param postgresqlJdbc the PostgreSQL JDBC driver PredictionIO's JDBC storage needs
 * @param elasticsearch Elasticsearch, when {@code PIO_ELASTICSEARCH_URL} is set
 * @param s3Jars {@code hadoop-aws} and {@code aws-java-sdk}, when {@code PIO_S3_BUCKET_NAME} is set
 * @param notes lines for the build log about choices made (defaults taken, overrides used)
 */
public record InstallPlan(
    Artifact predictionIo,
    Artifact spark,
    Artifact jdk,
    Artifact jre,
    Artifact postgresqlJdbc,
    Optional<Artifact> elasticsearch,
    List<Artifact> s3Jars,
    List<String> notes) {

  /** Copies the lists. */
  public InstallPlan {
    s3Jars = List.copyOf(s3Jars);
    notes = List.copyOf(notes);
  }

  /** Every artifact, in install order. */
  public List<Artifact> artifacts() {
    List<Artifact> all = new ArrayList<>(List.of(predictionIo, spark, jdk, jre, postgresqlJdbc));
    elasticsearch.ifPresent(all::add);
    all.addAll(s3Jars);
    return all;
  }
}
