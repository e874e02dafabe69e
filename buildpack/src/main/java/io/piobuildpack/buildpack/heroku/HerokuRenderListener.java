package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.buildpack.render.RenderListener;
import io.piobuildpack.buildpack.render.TemplateSource;
import java.nio.file.Path;

/** Prints rendering events in the Heroku style: which file was written from which source. */
final class HerokuRenderListener implements RenderListener {

  private final HerokuLog log;

  HerokuRenderListener(HerokuLog log) {
    this.log = log;
  }

  @Override
  public void written(Path file, TemplateSource source) {
    log.info("Wrote " + file + describe(source));
  }

  @Override
  public void renderedAtStart(Path file, TemplateSource source) {
    log.info(file + " is rendered at every start" + describe(source));
  }

  @Override
  public void erbIgnored(Path erbFile, TemplateSource used) {
    log.warning(erbFile + " (an ERB template of the original buildpack) is ignored: " + used.name()
        + " is used instead.");
  }

  private static String describe(TemplateSource source) {
    return switch (source.kind()) {
      case BUNDLED -> "";
      case APP_FILE -> " (using the app's " + source.name() + ")";
      case APP_TEMPLATE -> " (from the app's " + source.name() + ")";
    };
  }
}
