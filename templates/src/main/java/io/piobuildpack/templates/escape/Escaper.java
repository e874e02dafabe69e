package io.piobuildpack.templates.escape;

/**
 * Writes one value in the syntax of one output format so that the value is read back unchanged and nothing in it
 * is interpreted (no expansion, no markup, no line breaks that start a new setting).
 */
@FunctionalInterface
public interface Escaper {

  /**
   * The value as it must appear in the output.
   *
   * @throws UnrepresentableValueException when the format cannot carry the value unchanged
   */
  String escape(String value);
}
