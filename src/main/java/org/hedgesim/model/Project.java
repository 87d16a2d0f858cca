package org.hedgesim.model;

import org.hedgesim.scenario.ProjectSpec;

/** An infrastructure project during a run. */
public final class Project {
  /** Where a project stands. */
  public enum Status { PLANNED, BUILDING, DELAYED, COMPLETE }

  final ProjectSpec spec;
  final int host;
  final int financier;
  /** the investment flow that carries the financier's share while it is built */
  final Flow financing;
  Status status = Status.PLANNED;
  int stepsLeft;
  double inflowPerStep;

  Project(ProjectSpec spec, int host, int financier, Flow financing) {
    this.spec = spec;
    this.host = host;
    this.financier = financier;
    this.financing = financing;
  }

  public Status status() {
    return status;
  }

  public String getId() {
    return spec.id();
  }
}
