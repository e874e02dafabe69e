package io.piobuildpack.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineProblemsTest {

  @Test
  void newProblemsAreEmpty() {
    LineProblems problems = new LineProblems(3);

    assertThat(problems.isEmpty()).isTrue();
    assertThat(problems.count()).isZero();
    assertThat(problems.notKept()).isZero();
    assertThat(problems.kept()).isEmpty();
    assertThat(problems.describe("events.json")).isEmpty();
  }

  @Test
  void describeWhenUnderTheCapListsEveryProblemInOrder() {
    LineProblems problems = new LineProblems(3);
    problems.add(new LineProblem(2, "entityId", "field is required"));
    problems.add(new LineProblem(9, null, "invalid UTF-8 at byte 4"));

    assertThat(problems.isEmpty()).isFalse();
    assertThat(problems.count()).isEqualTo(2);
    assertThat(problems.notKept()).isZero();
    assertThat(problems.describe("events.json")).containsExactly(
        "events.json:2: entityId: field is required",
        "events.json:9: invalid UTF-8 at byte 4");
  }

  @Test
  void describeWhenExactlyAtTheCapAddsNoCountLine() {
    LineProblems problems = new LineProblems(2);
    problems.add(new LineProblem(1, "event", "field is required"));
    problems.add(new LineProblem(2, "event", "field is required"));

    assertThat(problems.describe("f")).containsExactly("f:1: event: field is required", "f:2: event: field is required");
  }

  @Test
  void describeWhenOverTheCapKeepsTheFirstInOrderThenCountsTheRest() {
    LineProblems problems = new LineProblems(3);
    for (int line = 1; line <= 10; line++) {
      problems.add(new LineProblem(line * 10L, "entityId", "field is required"));
    }

    assertThat(problems.count()).isEqualTo(10);
    assertThat(problems.notKept()).isEqualTo(7);
    assertThat(problems.kept()).extracting(LineProblem::lineNumber).containsExactly(10L, 20L, 30L);
    assertThat(problems.describe("data/initial-events.json")).containsExactly(
        "data/initial-events.json:10: entityId: field is required",
        "data/initial-events.json:20: entityId: field is required",
        "data/initial-events.json:30: entityId: field is required",
        "data/initial-events.json: ... and 7 more bad lines");
  }

  @Test
  void describeWhenOneOverTheCapSaysLineInTheSingular() {
    LineProblems problems = new LineProblems(1);
    problems.add(new LineProblem(1, "event", "field is required"));
    problems.add(new LineProblem(2, "event", "field is required"));

    assertThat(problems.describe("f")).containsExactly("f:1: event: field is required", "f: ... and 1 more bad line");
  }

  @Test
  void keptIsReadOnly() {
    LineProblems problems = new LineProblems(1);
    problems.add(new LineProblem(1, "event", "field is required"));

    assertThatThrownBy(() -> problems.kept().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void describeOfProblemWithoutFieldOmitsTheFieldPart() {
    assertThat(new LineProblem(3, null, "not valid JSON: oops").describe("<stdin>"))
        .isEqualTo("<stdin>:3: not valid JSON: oops");
    assertThat(new LineProblem(17, "entityId", "field is required").describe("data/initial-events.json"))
        .isEqualTo("data/initial-events.json:17: entityId: field is required");
  }
}
