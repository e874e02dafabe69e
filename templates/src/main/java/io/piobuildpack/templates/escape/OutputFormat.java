package io.piobuildpack.templates.escape;

/**
 * The syntax a generated file is written in, which decides how every {@code {{value}}} of its template is escaped.
 * There is no HTML escaping anywhere.
 */
public enum OutputFormat {
  /** POSIX {@code sh} scripts and files sourced by them: single-quoted words. */
  SHELL(new ShellEscaper()),
  /** XML 1.0 (Hadoop {@code core-site.xml}): entity and character references. */
  XML(new XmlEscaper()),
  /** Java properties as Spark reads them ({@code spark-defaults.conf}). */
  PROPERTIES(new PropertiesEscaper()),
  /** YAML 1.2 ({@code elasticsearch.yml}): double-quoted scalars. */
  YAML(new YamlEscaper()),
  /** TOML 1.0 (CNB {@code launch.toml}, {@code exec.d} output): basic strings. */
  TOML(new TomlEscaper()),
  /** Files with no values at all (Procfiles): any {@code {{value}}} in such a template is an error. */
  NO_VALUES(value -> {
    throw new UnrepresentableValueException("this file type takes no values");
  });

  private final Escaper escaper;

  OutputFormat(Escaper escaper) {
    this.escaper = escaper;
  }

  /**
   * The value written for this format.
   *
   * @throws UnrepresentableValueException when the format cannot carry the value unchanged
   */
  public String escape(String value) {
    return escaper.escape(value);
  }
}
