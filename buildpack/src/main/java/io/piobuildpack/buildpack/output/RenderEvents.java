package io.piobuildpack.buildpack.output;

import io.piobuildpack.buildpack.render.RenderListener;
import io.piobuildpack.buildpack.render.TemplateSource;
import io.piobuildpack.core.output.DeployLog;
import java.nio.file.Path;

/**
 * Rendering's listener onto the output events: {@link RenderListener} stays the render package's own small port
 * (it speaks {@link TemplateSource}, which {@code core} does not know), and this adapter turns each call into the
 * {@link DeployLog} event a front-end renders. File contents and values are never passed on.
 */
public final class RenderEvents implements RenderListener {

  private final DeployLog log;

  public RenderEvents(DeployLog log) {
    this.log = log;
  }

  @Override
  public void written(Path file, TemplateSource source) {
    log.rendered(file.toString(), source.name(), fromApp(source));
  }

  @Override
  public void renderedAtStart(Path file, TemplateSource source) {
    log.renderedAtStart(file.toString(), source.name(), fromApp(source));
  }

  @Override
  public void erbIgnored(Path erbFile, TemplateSource used) {
    log.erbIgnored(erbFile.toString(), used.name());
  }

  private static boolean fromApp(TemplateSource source) {
    return source.kind() != TemplateSource.Kind.BUNDLED;
  }
}
