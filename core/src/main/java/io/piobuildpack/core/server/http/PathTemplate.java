package io.piobuildpack.core.server.http;

/**
 * A path, either fixed ({@code /events.json}) or with one variable segment written {@code {}} that must be
 * non-empty and contain no {@code /}: {@code /events/{}.json} matches {@code /events/abc.json} with value
 * {@code abc}, as PredictionIO's {@code (.+)\.json$} segment matcher does.
 */
final class PathTemplate {

  private static final String VARIABLE = "{}";

  private final String template;
  private final String prefix;
  private final String suffix;

  PathTemplate(String template) {
    int at = template.indexOf(VARIABLE);
    this.template = template;
    if (at < 0) {
      this.prefix = template;
      this.suffix = null;
    } else {
      this.prefix = template.substring(0, at);
      this.suffix = template.substring(at + VARIABLE.length());
      if (!prefix.endsWith("/") || suffix.contains("/") || suffix.contains(VARIABLE)) {
        throw new IllegalArgumentException("the variable must be one whole segment with a fixed suffix: " + template);
      }
    }
  }

  /** The variable's value when the path matches (the empty string for a fixed path), else {@code null}. */
  String match(String path) {
    if (suffix == null) {
      return path.equals(prefix) ? "" : null;
    }
    if (path.length() <= prefix.length() + suffix.length() || !path.startsWith(prefix) || !path.endsWith(suffix)) {
      return null;
    }
    String value = path.substring(prefix.length(), path.length() - suffix.length());
    return value.indexOf('/') >= 0 ? null : value;
  }

  boolean hasVariable() {
    return suffix != null;
  }

  @Override
  public String toString() {
    return template;
  }
}
