package org.hedgesim.calibration;

import java.time.YearMonth;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Origin;

/**
 * One observed value of a series of the model: a month ({@code YYYY-MM}) or a year's mean of the
 * model's values ({@code YYYY}), with its uncertainty and its citation.
 *
 * @param origin the row of the observation file
 * @param date the date as written
 * @param from the first month the observation covers
 * @param until the last month it covers (equal to {@code from} for a month)
 * @param sd the observation's standard deviation, as given or by the default rule
 * @param sdGiven whether the file gave it
 * @param firstStep the first model step whose month falls in the window
 * @param lastStep the last such step
 */
public record Observation(Origin origin, String date, YearMonth from, YearMonth until, SeriesKey series,
    double value, double sd, boolean sdGiven, String source, int firstStep, int lastStep) {

  /** The series, dated, as a reader would name it: {@code fdi_inflow_share A>B 2019}. */
  public String label() {
    return series.metric() + " " + series.actor() + (series.target().isEmpty() ? "" : ">" + series.target())
        + " " + date;
  }

  /** Whether two observations are of the same series (for persistence and direction of change). */
  public boolean sameSeries(Observation o) {
    return series.equals(o.series);
  }
}
