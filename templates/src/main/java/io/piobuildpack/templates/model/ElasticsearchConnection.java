package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where Elasticsearch is, from {@code PIO_ELASTICSEARCH_URL} (e.g. {@code https://user:pass@host:443}).
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name
 * @param port the port (the scheme's default when the URL has none)
 * @param https true for {@code https}: Spark's {@code es.net.ssl}
 * @param credentials basic-authentication user and password, when the URL has them
 */
public record ElasticsearchConnection(String scheme, String host, int port, boolean https,
    Optional<Credentials> credentials) {

  public ElasticsearchConnection {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(credentials, "credentials");
  }
}
