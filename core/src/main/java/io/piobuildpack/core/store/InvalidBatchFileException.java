package io.piobuildpack.core.store;

import io.piobuildpack.core.batch.LineProblems;
import java.util.List;

/**
 * An import was refused because the file has bad lines; nothing was written. Carries every bad line (the first
 * ones in detail, see {@link LineProblems}).
 */
public final class InvalidBatchFileException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final String fileLabel;
  private final transient LineProblems problems;

  public InvalidBatchFileException(String fileLabel, LineProblems problems) {
    super(fileLabel + ": " + problems.count() + " bad line" + (problems.count() == 1 ? "" : "s")
        + "; nothing was imported");
    this.fileLabel = fileLabel;
    this.problems = problems;
  }

  public String fileLabel() {
    return fileLabel;
  }

  public LineProblems problems() {
    return problems;
  }

  /** One line per reported problem, {@code <file>:<line>: <field>: <reason>}. */
  public List<String> describeProblems() {
    return problems.describe(fileLabel);
  }
}
