package io.piobuildpack.core.batch;

/** Reads a whole batch file and reports how many events are valid and which lines are bad. */
public final class BatchValidation {

  /** The outcome: valid events counted, bad lines collected. */
  public record Result(String fileLabel, long validEvents, LineProblems problems) {
    public boolean isValid() {
      return problems.isEmpty();
    }
  }

  private BatchValidation() {}

  /** Reads the file to the end, in constant memory, with PredictionIO's validation only. */
  public static Result validate(BatchEventReader reader, int problemCap) {
    return validate(reader, problemCap, LineCheck.NONE);
  }

  /**
   * Reads the file to the end, in constant memory, applying {@code check} to every event PredictionIO's
   * validation accepts (the same check an import applies, so that a file valid here imports).
   */
  public static Result validate(BatchEventReader reader, int problemCap, LineCheck check) {
    LineProblems problems = new LineProblems(problemCap);
    long valid = 0;
    for (BatchLine line = reader.next(); line != null; line = reader.next()) {
      LineProblem problem = line.isValid() ? check.problem(line.lineNumber(), line.event()) : line.problem();
      if (problem == null) {
        valid++;
      } else {
        problems.add(problem);
      }
    }
    return new Result(reader.label(), valid, problems);
  }
}
