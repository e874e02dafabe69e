package io.piobuildpack.templates;

/**
 * A template that cannot be rendered: a value its format cannot carry, a variable the model does not have, an
 * unescaped {@code {{{value}}}}, or a syntax error. The message names the template (its file or resource) and,
 * where there is one, the variable; it never contains the value.
 */
public class TemplateRenderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String template;
  private final String variable;

  /**
   * @param template the template's name, e.g. {@code core-site.xml.mustache} or {@code config/core-site.xml.mustache}
   * @param variable the variable at fault, or {@code null}
   * @param reason what is wrong
   */
  public TemplateRenderException(String template, String variable, String reason, Throwable cause) {
    super(template + (variable == null ? "" : ": {{" + variable + "}}") + ": " + reason, cause);
    this.template = template;
    this.variable = variable;
  }

  public String template() {
    return template;
  }

  /** The variable at fault, or {@code null} when the problem is not one variable's. */
  public String variable() {
    return variable;
  }
}
