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

  /** Reads the file to the end, in constant memory. */
  public static Result validate(BatchEventReader reader, int problemCap) {
    LineProblems problems = new LineProblems(problemCap);
    long valid = 0;
    for (BatchLine line = reader.next(); line != null; line = reader.next()) {
      if (line.isValid()) {
        valid++;
      } else {
        problems.add(line.problem());
      }
    }
    return new Result(reader.label(), valid, problems);
  }
}
