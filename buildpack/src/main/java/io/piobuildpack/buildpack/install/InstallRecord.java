package io.piobuildpack.buildpack.install;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.download.FetchedArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * What is installed at a destination, kept in a small JSON file next to it: {@code .<destination name>.install.json}
 * in the same directory. Written only after the install is complete and deleted before an install replaces it, so a
 * record always describes what is really there.
 *
 * @param name the artifact name ({@code predictionio})
 * @param version its version
 * @param checksum {@code <algo>:<hex>} of the file installed
 * @param verification how it was verified ({@code PINNED}, {@code PUBLISHED_FILE}, {@code UNVERIFIED})
 * @param url the artifact's origin URL (the inventory's or the override's), as {@link Urls#forLog}
 * @param downloadedFrom where the bytes came from (the origin, or the mirror), as {@link Urls#forLog}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallRecord(
    String name, String version, String checksum, String verification, String url, String downloadedFrom) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The record of a fetched artifact. */
  public static InstallRecord of(FetchedArtifact fetched) {
    return new InstallRecord(fetched.artifact().name(), fetched.artifact().version(),
        fetched.checksum().toString(), fetched.verification().name(), Urls.forLog(fetched.artifact().url()),
        Urls.forLog(fetched.source()));
  }

  /** The record file of a destination: {@code <parent>/.<name>.install.json}. */
  public static Path fileFor(Path destination) {
    Path absolute = destination.toAbsolutePath();
    return absolute.resolveSibling("." + absolute.getFileName() + ".install.json");
  }

  /**
   * The record of a destination, empty when there is none.
   *
   * @throws IOException when it exists but cannot be read or parsed
   */
  public static Optional<InstallRecord> read(Path destination) throws IOException {
    Path file = fileFor(destination);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), InstallRecord.class));
  }

  /** Writes the record of {@code destination} atomically (temporary file, then rename). */
  public void write(Path destination) throws IOException {
    Path file = fileFor(destination);
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
    JSON.writeValue(temporary.toFile(), this);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes the record of {@code destination}, if any. */
  public static void delete(Path destination) throws IOException {
    Files.deleteIfExists(fileFor(destination));
  }
}
