package org.hedgesim.scenario;

/** The length of one model step. */
public enum StepUnit {
  MONTH(12), QUARTER(4);

  private final int perYear;

  StepUnit(int perYear) {
    this.perYear = perYear;
  }

  /** Steps in a year. */
  public int perYear() {
    return perYear;
  }

  /** Months in a step. */
  public int months() {
    return 12 / perYear;
  }
}
