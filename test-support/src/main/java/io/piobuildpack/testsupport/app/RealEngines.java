package io.piobuildpack.testsupport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real engines' files the integration tests deploy (template.json, engine.json, app.json,
 * data/initial-events.json of public Heroku engines), read where they are and never copied into this repository:
 * the directory named by {@code PIO_IT_ENGINES_DIR} ({@code .ci/run} sets it), else the build machine's default
 * beside the repository. One subdirectory per engine.
 */
public final class RealEngines {

  /** The variable naming the directory of engines. */
  public static final String PIO_IT_ENGINES_DIR = "PIO_IT_ENGINES_DIR";

  private RealEngines() {}

  /**
   * Every engine directory (one holding an {@code engine.json}) of the engines directory, sorted by name; fails the
   * test when the directory is missing or holds none.
   */
  public static List<Path> directories() throws IOException {
    Path dir = Optional.ofNullable(System.getenv(PIO_IT_ENGINES_DIR)).map(Path::of)
        .orElse(Path.of("..", "..", "shared", "fixtures", "engines")).toAbsolutePath().normalize();
    assertThat(dir).as(PIO_IT_ENGINES_DIR + " (the real engines' files)").isDirectory();
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> engines = list.filter(p -> Files.isRegularFile(p.resolve("engine.json"))).sorted().toList();
      assertThat(engines).as("engines in " + dir).isNotEmpty();
      return engines;
    }
  }
}
