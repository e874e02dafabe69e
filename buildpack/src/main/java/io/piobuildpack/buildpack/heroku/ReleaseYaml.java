package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import io.piobuildpack.templates.escape.OutputFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code bin/release} prints (https://devcenter.heroku.com/articles/buildpack-api#bin-release): a YAML
 * document starting with {@code ---} whose {@code default_process_types} are the processes of the variant's
 * bundled Procfile (engine: {@code web}, {@code train}, {@code release}; event server: {@code web},
 * {@code release}). An app's own Procfile still wins: Heroku uses these only for process types it does not declare.
 * {@code bin/compile} writes it to {@code .pio-buildpack/release.yml}; {@code bin/release} prints that file, so it
 * needs no Java.
 */
public final class ReleaseYaml {

  /** The file in the app holding the release output. */
  public static final String FILE = ".pio-buildpack/release.yml";

  private ReleaseYaml() {}

  /** The release YAML for the engine ({@code eventServer} false) or event-server variant. */
  public static String render(boolean eventServer) {
    StringBuilder yaml = new StringBuilder("---\ndefault_process_types:\n");
    processes(eventServer).forEach((name, command) ->
        yaml.append("  ").append(name).append(": ").append(OutputFormat.YAML.escape(command)).append('\n'));
    return yaml.toString();
  }

  /** The processes of the variant's bundled Procfile, in order. */
  public static Map<String, String> processes(boolean eventServer) {
    String procfile = TemplateEngine.bundledText(eventServer ? Templates.PROCFILE_EVENTSERVER
        : Templates.PROCFILE_ENGINE);
    Map<String, String> processes = new LinkedHashMap<>();
    for (String line : procfile.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        processes.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return processes;
  }
}
