package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.common.Toolkit;
import io.piobuildpack.core.config.Environment;
import java.time.Duration;
import java.util.Optional;

/**
 * How downloads behave. Defaults: connect timeout 10 s, read timeout 30 s (no byte received for that long fails
 * the attempt), 4 attempts with backoff 1 s doubling (retried: connection errors, timeouts, cut bodies, HTTP 5xx,
 * 408, 429; never other 4xx), a progress line at most every 5 s or 10 %.
 *
 * @param connectTimeout TCP/TLS connect timeout ({@code PIO_DOWNLOAD_CONNECT_TIMEOUT}, seconds)
 * @param readTimeout longest wait for the next bytes ({@code PIO_DOWNLOAD_READ_TIMEOUT}, seconds)
 * @param attempts attempts per URL, at least 1 ({@code PIO_DOWNLOAD_ATTEMPTS})
 * @param backoff delay before the second attempt; doubled for each further one
 * @param progressInterval longest time between two progress events
 * @param userAgent the User-Agent header
 */
public record DownloadSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int attempts,
    Duration backoff,
    Duration progressInterval,
    String userAgent) {

  public static final String PIO_DOWNLOAD_CONNECT_TIMEOUT = "PIO_DOWNLOAD_CONNECT_TIMEOUT";
  public static final String PIO_DOWNLOAD_READ_TIMEOUT = "PIO_DOWNLOAD_READ_TIMEOUT";
  public static final String PIO_DOWNLOAD_ATTEMPTS = "PIO_DOWNLOAD_ATTEMPTS";

  /** Checks the ranges. */
  public DownloadSettings {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** The defaults described on the type. */
  public static DownloadSettings defaults() {
    return new DownloadSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(1),
        Duration.ofSeconds(5), Toolkit.userAgent());
  }

  /**
   * The defaults with the variables applied.
   *
   * @throws InvalidInstallSettingException naming the variable when it is not a positive whole number
   */
  public static DownloadSettings from(Environment env) throws InvalidInstallSettingException {
    DownloadSettings d = defaults();
    return new DownloadSettings(
        seconds(env, PIO_DOWNLOAD_CONNECT_TIMEOUT).orElse(d.connectTimeout()),
        seconds(env, PIO_DOWNLOAD_READ_TIMEOUT).orElse(d.readTimeout()),
        number(env, PIO_DOWNLOAD_ATTEMPTS).orElse(d.attempts()),
        d.backoff(), d.progressInterval(), d.userAgent());
  }

  private static Optional<Duration> seconds(Environment env, String name) throws InvalidInstallSettingException {
    Optional<Integer> value = number(env, name);
    return value.map(Duration::ofSeconds);
  }

  private static Optional<Integer> number(Environment env, String name) throws InvalidInstallSettingException {
    Optional<String> value = env.find(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw new InvalidInstallSettingException(
          name + " must be a whole number of at least 1, got \"" + value.get() + "\"", e);
    }
  }
}
