package org.hedgesim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario (or its file) is not usable. Carries every problem found, each with file, line,
 * column and key path; the command line prints them one per line and exits with code 2.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public ScenarioException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
