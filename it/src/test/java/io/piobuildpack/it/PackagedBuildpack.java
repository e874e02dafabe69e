package io.piobuildpack.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the packaged buildpack ({@code buildpack/target/buildpack}, built by the {@code package} phase of module
 * {@code buildpack}) is, for every test and benchmark of this module that runs it: the system property {@value
 * #PROPERTY} (this module's Failsafe configuration sets it), else {@code buildpack/target/buildpack} of the
 * repository, found from the working directory (the repository root, as the benchmarks run, or a module directory,
 * as Maven runs the tests).
 */
public final class PackagedBuildpack {

  /** The system property naming the packaged buildpack. */
  public static final String PROPERTY = "pio.it.buildpack";
  /** The packaged buildpack's place in the repository. */
  static final Path IN_REPOSITORY = Path.of("buildpack", "target", "buildpack");
  /** Files every packaged buildpack has: the Heroku and CNB programs' entry points (executable) and the toolkit. */
  static final List<String> REQUIRED_FILES = List.of("bin/compile", "bin/build", "buildpack.toml", "lib/pio-data.jar");

  private PackagedBuildpack() {}

  /**
   * The packaged buildpack named by {@value #PROPERTY}, else the repository's {@code buildpack/target/buildpack}, as
   * an absolute path.
   *
   * @throws IllegalStateException when it is missing, saying how to build it
   */
  public static Path directory() {
    String property = System.getProperty(PROPERTY);
    return at(property == null || property.isBlank() ? inRepository() : Path.of(property));
  }

  /**
   * {@code dir} (a benchmark's argument) as an absolute path, checked to be a packaged buildpack.
   *
   * @throws IllegalStateException when a file of {@link #REQUIRED_FILES} is missing, saying how to build it
   */
  public static Path at(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    for (String file : REQUIRED_FILES) {
      Path path = absolute.resolve(file);
      if (!Files.isRegularFile(path) || file.startsWith("bin/") && !Files.isExecutable(path)) {
        throw new IllegalStateException("the packaged buildpack is missing at " + absolute + " (no " + file
            + "): run ./mvnw -pl it -am verify (the package phase of module buildpack builds it; alone: ./mvnw -pl "
            + "buildpack -am package -DskipTests)");
      }
    }
    return absolute;
  }

  /** {@code buildpack/target/buildpack} under the working directory when it holds {@code buildpack/}, else its parent. */
  private static Path inRepository() {
    Path workingDir = Path.of("").toAbsolutePath();
    Path repository = Files.isDirectory(workingDir.resolve("buildpack")) || workingDir.getParent() == null
        ? workingDir : workingDir.getParent();
    return repository.resolve(IN_REPOSITORY);
  }
}
