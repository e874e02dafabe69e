package io.piobuildpack.templates;

import io.piobuildpack.templates.escape.OutputFormat;
import java.util.Objects;

/**
 * One bundled template: the file name it produces (also the name an app's override in {@code config/} has), its
 * classpath resource under {@code io/piobuildpack/templates/}, the output format that decides escaping, and the
 * record type of its model, so that a value missing from the model is a compile error.
 *
 * @param <M> the model record type
 * @param fileName the generated file's name, e.g. {@code core-site.xml}
 * @param resource the resource name relative to {@code io/piobuildpack/templates/}, e.g. {@code core-site.xml.mustache}
 */
public record Template<M extends Record>(String fileName, String resource, OutputFormat format, Class<M> modelType) {

  /** The package path every bundled template lives under. */
  public static final String RESOURCE_ROOT = "io/piobuildpack/templates/";

  public Template {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(modelType, "modelType");
  }

  /** The classpath resource path, e.g. {@code io/piobuildpack/templates/core-site.xml.mustache}. */
  public String resourcePath() {
    return RESOURCE_ROOT + resource;
  }
}
