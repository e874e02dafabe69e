package io.piobuildpack.buildpack.render;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.StorageOptions;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.config.StorageSettingsResolver;
import io.piobuildpack.templates.model.CoreSite;
import io.piobuildpack.templates.model.Credentials;
import io.piobuildpack.templates.model.ElasticsearchConnection;
import io.piobuildpack.templates.model.ElasticsearchYml;
import io.piobuildpack.templates.model.JdbcConnection;
import io.piobuildpack.templates.model.RuntimeEnv;
import io.piobuildpack.templates.model.S3Storage;
import io.piobuildpack.templates.model.SparkDefaults;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the run-time models from the environment of the starting dyno or container. The database comes from
 * {@code core}'s {@link StorageSettingsResolver} (so {@code DATABASE_URL} is parsed by {@code DatabaseUrl} only,
 * with the same precedence as every {@code pio-data} command), Elasticsearch from {@link ElasticsearchUrl}, S3 from
 * {@code PIO_S3_BUCKET_NAME}, {@code PIO_S3_AWS_ACCESS_KEY_ID}, {@code PIO_S3_AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_REGION}, Spark's address from {@code HEROKU_PRIVATE_IP} and {@code HEROKU_DNS_DYNO_NAME}.
 */
public final class RuntimeModels {

  /** Set on every Heroku dyno; there the embedded store is never used. */
  public static final String DYNO = "DYNO";
  /** {@code true}: a database is required as on a dyno (the same variable the data hooks read). */
  public static final String REQUIRE_DATABASE = "PIO_REQUIRE_DATABASE";

  private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+");

  private final Environment env;
  private final Path appDir;

  public RuntimeModels(Environment env, Path appDir) {
    this.env = env;
    this.appDir = appDir;
  }

  /**
   * The variables to export.
   *
   * @throws InvalidRuntimeSettingException when no database is configured on a dyno, or a URL is unusable
   * @throws io.piobuildpack.core.config.InvalidStorageSettingsException for an unusable storage variable
   */
  public RuntimeEnv runtimeEnv() {
    return new RuntimeEnv(pgsql(), elasticsearch(), env.find("HEROKU_PRIVATE_IP").orElse("127.0.0.1"),
        env.find("HEROKU_DNS_DYNO_NAME"));
  }

  /**
   * The Spark defaults: elasticsearch-hadoop options when {@code PIO_ELASTICSEARCH_URL} is set.
   *
   * @throws InvalidRuntimeSettingException naming {@code PIO_ELASTICSEARCH_URL} when it is unusable
   */
  public SparkDefaults sparkDefaults() {
    return new SparkDefaults(elasticsearch());
  }

  /**
   * The model of {@code elasticsearch.yml}: the connection from {@code PIO_ELASTICSEARCH_URL}, when set.
   *
   * @throws InvalidRuntimeSettingException naming {@code PIO_ELASTICSEARCH_URL} when it is unusable
   */
  public ElasticsearchYml elasticsearchYml() {
    return new ElasticsearchYml(elasticsearch());
  }

  /**
   * Hadoop's S3A settings when {@code PIO_S3_BUCKET_NAME} is set.
   *
   * @throws InvalidRuntimeSettingException for an {@code AWS_REGION} that is not a region name, or only one of the
   *     two {@code PIO_S3_AWS_*} keys
   */
  public CoreSite coreSite() {
    Optional<S3Storage> s3 = env.find("PIO_S3_BUCKET_NAME").map(bucket -> new S3Storage(bucket, s3Credentials(),
        env.find("AWS_REGION").map(RuntimeModels::endpoint)));
    return new CoreSite(s3);
  }

  private Optional<JdbcConnection> pgsql() {
    String source = env.find(StorageSettingsResolver.EVENTDATA_SOURCE).orElse("PGSQL");
    StorageSettings settings = new StorageSettingsResolver(env, appDir).resolve(StorageOptions.NONE);
    if (settings.isEmbedded()) {
      if (env.find(DYNO).isPresent() || "true".equals(env.get(REQUIRE_DATABASE))) {
        throw new InvalidRuntimeSettingException(StorageSettingsResolver.DATABASE_URL, "is not set: "
            + (env.find(DYNO).isPresent() ? "on a dyno" : "with " + REQUIRE_DATABASE + "=true")
            + " the event store must be PostgreSQL, never a local default. Attach a database (heroku addons:create"
            + " heroku-postgresql) or set PIO_STORAGE_SOURCES_PGSQL_URL, _USERNAME and _PASSWORD.");
      }
      return Optional.empty();
    }
    if (!source.equalsIgnoreCase("PGSQL")) {
      return Optional.empty();
    }
    return Optional.of(new JdbcConnection(settings.jdbcUrl(), nullToEmpty(settings.username()),
        nullToEmpty(settings.password())));
  }

  private Optional<ElasticsearchConnection> elasticsearch() {
    return env.find(ElasticsearchUrl.VARIABLE).map(ElasticsearchUrl::parse);
  }

  private Optional<Credentials> s3Credentials() {
    Optional<String> id = env.find("PIO_S3_AWS_ACCESS_KEY_ID");
    Optional<String> secret = env.find("PIO_S3_AWS_SECRET_ACCESS_KEY");
    if (id.isPresent() != secret.isPresent()) {
      throw new InvalidRuntimeSettingException(id.isPresent() ? "PIO_S3_AWS_SECRET_ACCESS_KEY"
          : "PIO_S3_AWS_ACCESS_KEY_ID", "is not set, but its pair is: set both, or neither to use the AWS"
          + " default credentials");
    }
    return id.map(key -> new Credentials(key, secret.orElseThrow()));
  }

  /** The S3 regional endpoint (https://docs.aws.amazon.com/general/latest/gr/s3.html). */
  private static String endpoint(String region) {
    if (!AWS_REGION.matcher(region).matches()) {
      throw new InvalidRuntimeSettingException("AWS_REGION", "is not an AWS region name such as eu-west-1");
    }
    return "s3." + region + ".amazonaws.com";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
