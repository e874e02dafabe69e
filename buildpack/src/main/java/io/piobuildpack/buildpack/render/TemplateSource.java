package io.piobuildpack.buildpack.render;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a generated file's content comes from: the bundled template, the app's own Mustache template
 * ({@code config/<file>.mustache}, rendered with the same model and escaping), or the app's fixed file
 * ({@code config/<file>}, copied as it is).
 *
 * @param kind which of the three
 * @param name as shown in the build log and in errors, e.g. {@code config/core-site.xml.mustache}
 * @param file the app's file, absent for the bundled template
 */
public record TemplateSource(Kind kind, String name, Optional<Path> file) {

  /** The three kinds of source, in the order an app's files win. */
  public enum Kind {
    /** {@code config/<file>}: copied unchanged. */
    APP_FILE,
    /** {@code config/<file>.mustache}: rendered with the bundled template's model. */
    APP_TEMPLATE,
    /** The template shipped in the {@code templates} module. */
    BUNDLED
  }

  public TemplateSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
  }

  /** True for the app's fixed file, which is copied at build and never rendered. */
  public boolean isFixedFile() {
    return kind == Kind.APP_FILE;
  }
}
