package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.core.config.Environment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A replacement for every download origin, for air-gapped builds ({@code PIO_DEPENDENCY_MIRROR}): either a base
 * URL ({@code https://mirror.example/pio}, files looked up as {@code <base>/<file name>}), or a local directory
 * (an absolute path or a {@code file:} URL) holding each file under its own name or under its checksum
 * ({@code sha256-<hex>}). Checksum files are looked up by their file name too. The checksums are still verified.
 */
public final class Mirror {

  /** The variable naming the mirror. */
  public static final String PIO_DEPENDENCY_MIRROR = "PIO_DEPENDENCY_MIRROR";

  private final URI base;
  private final Path directory;

  private Mirror(URI base, Path directory) {
    this.base = base;
    this.directory = directory;
  }

  /**
   * The mirror named by {@code PIO_DEPENDENCY_MIRROR}, if set.
   *
   * @throws InvalidInstallSettingException when it is neither an http(s) URL nor an existing directory
   */
  public static Optional<Mirror> from(Environment env) throws InvalidInstallSettingException {
    Optional<String> value = env.find(PIO_DEPENDENCY_MIRROR);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (text.startsWith("https://") || text.startsWith("http://")) {
      return Optional.of(new Mirror(URI.create(text.endsWith("/") ? text : text + "/"), null));
    }
    Path dir;
    try {
      dir = text.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInstallSettingException(PIO_DEPENDENCY_MIRROR + " is neither an http(s) URL nor a directory: "
          + text, e);
    }
    if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
      throw new InvalidInstallSettingException(PIO_DEPENDENCY_MIRROR + "=" + text
          + " is neither an http(s) URL nor an existing directory (give an absolute path)");
    }
    return Optional.of(new Mirror(null, dir));
  }

  /** Where to fetch {@code fileName} (whose checksum may be known) from this mirror. */
  public URI locate(String fileName, Optional<Checksum> checksum) {
    if (base != null) {
      return base.resolve(fileName);
    }
    Path byName = directory.resolve(fileName);
    if (!Files.exists(byName) && checksum.isPresent()) {
      Path byChecksum = directory.resolve(checksum.get().fileKey());
      if (Files.exists(byChecksum)) {
        return byChecksum.toUri();
      }
    }
    return byName.toUri();
  }

  @Override
  public String toString() {
    return base != null ? base.toString() : directory.toString();
  }
}
