package io.piobuildpack.core.batch;

/** Why one line of a batch file was rejected: the field at fault ({@code null} for the whole line) and why. */
public record LineProblem(long lineNumber, String field, String reason) {

  /** {@code <file>:<line>: <field>: <reason>}, e.g. {@code data/initial-events.json:17: entityId: field is required}. */
  public String describe(String fileLabel) {
    return fileLabel + ":" + lineNumber + ": " + (field == null ? "" : field + ": ") + reason;
  }
}
