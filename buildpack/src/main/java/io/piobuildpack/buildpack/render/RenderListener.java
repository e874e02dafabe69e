package io.piobuildpack.buildpack.render;

import java.nio.file.Path;

/**
 * What rendering reports, for the front-end to print in its own style (Heroku's {@code -----> }/7-space indent,
 * CNB's) — rendering never writes to {@code System.out} itself. Values are never passed: they may be secrets.
 * Front-ends pass {@code io.piobuildpack.buildpack.output.RenderEvents}, which turns each call into the general
 * output event ({@code io.piobuildpack.core.output.DeployLog}) their renderer prints.
 */
public interface RenderListener {

  /** Reports nothing. */
  RenderListener NONE = new RenderListener() {
    @Override
    public void written(Path file, TemplateSource source) {}
  };

  /**
   * A file was written.
   *
   * @param file the file written, relative to the app directory (e.g. {@code PredictionIO-dist/conf/pio-env.sh})
   * @param source where its content came from (e.g. "Using custom config/pio-env.sh")
   */
  void written(Path file, TemplateSource source);

  /**
   * A file whose values exist only at run time will be rendered at every start of a dyno or container
   * ({@code pio-data runtime-config}) from this source; reported at build so the log names a source for every file.
   *
   * @param file the file, relative to the app directory (e.g. {@code PredictionIO-dist/conf/core-site.xml})
   * @param source the bundled template or the app's {@code config/<file>.mustache}
   */
  default void renderedAtStart(Path file, TemplateSource source) {}

  /**
   * The app has the original buildpack's ERB template for a file, which is not rendered any more, but also a
   * {@code config/<file>} or {@code config/<file>.mustache} that is used instead.
   *
   * @param erbFile the ignored file, relative to the app directory (e.g. {@code config/core-site.xml.erb})
   * @param used the source used instead
   */
  default void erbIgnored(Path erbFile, TemplateSource used) {}
}
