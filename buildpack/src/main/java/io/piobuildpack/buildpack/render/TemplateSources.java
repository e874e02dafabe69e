package io.piobuildpack.buildpack.render;

import io.piobuildpack.templates.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the source of a generated file, as the original buildpack did: the app's own file in {@code config/}
 * wins over the bundled template. {@code config/<file>} is copied as it is; {@code config/<file>.mustache} is
 * rendered with the bundled template's model and escaping. Having both is an error (which one was meant is
 * unknown). The original's {@code config/<file>.erb} alone is an error explaining the change; next to one of the
 * two others it is reported as ignored ({@link RenderListener#erbIgnored}).
 */
public final class TemplateSources {

  private final Path appDir;
  private final RenderListener listener;

  /**
   * @param appDir the app directory holding {@code config/}
   * @param listener told when an ERB file is ignored
   */
  public TemplateSources(Path appDir, RenderListener listener) {
    this.appDir = appDir;
    this.listener = listener;
  }

  /**
   * The source of {@code template}'s file.
   *
   * @throws OverrideException for an ERB template alone, or for both a fixed file and a Mustache template
   */
  public TemplateSource resolve(Template<?> template) {
    String fileName = template.fileName();
    Path config = Path.of(AppLayout.CONFIG_DIR);
    Path fixed = config.resolve(fileName);
    Path mustache = config.resolve(fileName + ".mustache");
    Path erb = config.resolve(fileName + ".erb");
    boolean hasFixed = Files.isRegularFile(appDir.resolve(fixed));
    boolean hasMustache = Files.isRegularFile(appDir.resolve(mustache));
    boolean hasErb = Files.isRegularFile(appDir.resolve(erb));
    if (hasFixed && hasMustache) {
      throw new OverrideException(mustache, "both " + fixed + " and " + mustache + " exist: keep " + fixed
          + " for a fixed file or " + mustache + " for a template, not both");
    }
    TemplateSource source;
    if (hasFixed) {
      source = new TemplateSource(TemplateSource.Kind.APP_FILE, fixed.toString(), Optional.of(appDir.resolve(fixed)));
    } else if (hasMustache) {
      source = new TemplateSource(TemplateSource.Kind.APP_TEMPLATE, mustache.toString(),
          Optional.of(appDir.resolve(mustache)));
    } else if (hasErb) {
      throw new OverrideException(erb, erb + " is an ERB template of the original buildpack, which pio-buildpack no"
          + " longer renders (no Ruby runs at dyno start). Rename it to " + mustache + " and write each <%= ... %>"
          + " as a Mustache {{variable}} of the model listed in docs/templates.md, or put the final content in "
          + fixed + ".");
    } else {
      source = new TemplateSource(TemplateSource.Kind.BUNDLED, "bundled " + template.resource(), Optional.empty());
    }
    if (hasErb) {
      listener.erbIgnored(erb, source);
    }
    return source;
  }
}
