package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.InvalidVariableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The front-end's own settings, read once from the build's environment (ENV_DIR's allowed config vars over the
 * process environment) before anything is installed. The install machinery reads its own ({@code InstallSettings},
 * {@code DownloadSettings}); the names are listed in docs/heroku.md.
 *
 * @param eventServer {@code PIO_RUN_AS_EVENTSERVER=true}: the app runs this toolkit's event server (the original
 *     buildpack's flag)
 * @param verbose {@code PIO_VERBOSE=true}: {@code pio build --verbose} (the original's flag)
 * @param mavenRepo {@code PIO_MAVEN_REPO}: an extra Maven repository for the engine's build (the original's
 *     variable), an http, https or file URL
 */
public record CompileSettings(boolean eventServer, boolean verbose, Optional<URI> mavenRepo) {

  /** The variable asking for the event-server variant. */
  public static final String PIO_RUN_AS_EVENTSERVER = "PIO_RUN_AS_EVENTSERVER";
  /** The variable asking for a verbose engine build. */
  public static final String PIO_VERBOSE = "PIO_VERBOSE";
  /** The variable adding a Maven repository to the engine build's resolvers. */
  public static final String PIO_MAVEN_REPO = "PIO_MAVEN_REPO";

  /**
   * Reads the settings.
   *
   * @throws InvalidVariableException naming the variable that is not a flag or not a usable URL
   */
  public static CompileSettings from(Environment env) {
    boolean eventServer = env.flag(PIO_RUN_AS_EVENTSERVER, false);
    boolean verbose = env.flag(PIO_VERBOSE, false);
    Optional<URI> repo = env.find(PIO_MAVEN_REPO).map(String::trim).filter(s -> !s.isEmpty())
        .map(CompileSettings::repository);
    return new CompileSettings(eventServer, verbose, repo);
  }

  private static URI repository(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidVariableException(PIO_MAVEN_REPO, "is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
      throw new InvalidVariableException(PIO_MAVEN_REPO, "must be an https, http or file URL");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidVariableException(PIO_MAVEN_REPO, "contains a control character");
    }
    return uri;
  }
}
