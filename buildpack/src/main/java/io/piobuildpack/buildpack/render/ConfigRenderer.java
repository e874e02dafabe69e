package io.piobuildpack.buildpack.render;

import io.piobuildpack.templates.Template;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.TemplateRenderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Produces one generated file from its {@link TemplateSource}: the app's fixed file copied, or the app's or the
 * bundled template rendered with the model; written atomically with the given mode, then reported to the listener.
 */
public final class ConfigRenderer {

  private final TemplateEngine engine;
  private final Path appDir;
  private final RenderListener listener;

  public ConfigRenderer(TemplateEngine engine, Path appDir, RenderListener listener) {
    this.engine = engine;
    this.appDir = appDir;
    this.listener = listener;
  }

  /**
   * Writes {@code target} (relative to the app directory).
   *
   * @throws TemplateRenderException naming the template (the app's file name for an override) and the variable
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public <M extends Record> void write(Template<M> template, TemplateSource source, M model, Path target,
      AtomicFiles.Mode mode) {
    byte[] content = switch (source.kind()) {
      case APP_FILE -> read(source.file().orElseThrow());
      case APP_TEMPLATE -> engine.render(template, source.name(),
          new String(read(source.file().orElseThrow()), StandardCharsets.UTF_8), model)
          .getBytes(StandardCharsets.UTF_8);
      case BUNDLED -> engine.render(template, model).getBytes(StandardCharsets.UTF_8);
    };
    AtomicFiles.write(appDir.resolve(target), content, mode);
    listener.written(target, source);
  }

  /** Writes the bundled template (no override possible), e.g. a launcher. */
  public <M extends Record> void writeBundled(Template<M> template, M model, Path target, AtomicFiles.Mode mode) {
    write(template, new TemplateSource(TemplateSource.Kind.BUNDLED, "bundled " + template.resource(),
        java.util.Optional.empty()), model, target, mode);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
