package org.hedgesim.calibration;

import org.hedgesim.output.Numbers;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.TreePath;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * A value of the scenario that the calibration estimates: its place in the scenario (a
 * {@link TreePath}, as in sweeps) and its prior.
 *
 * @param name the column name in the results (the path unless the file names it)
 * @param canonical the path with each list entry picked by its identity
 * @param source why this prior, as the calibration file says (or null)
 */
public record FreeParameter(String name, TreePath path, String canonical, Prior prior, String source,
    Origin origin) {

  /**
   * A value as the model runs it: rounded to the 10 significant digits of the result files, so that
   * the value written in {@code posterior.csv} is exactly the value the run used.
   */
  public static double rounded(double v) {
    return Double.parseDouble(Numbers.format(v));
  }

  /** The scalar that goes into the scenario, pointing at this parameter's entry. */
  public YScalar scalar(double v) {
    return new YScalar(Numbers.format(v), true, false, origin,
        "calibration: a value drawn for " + name + " from " + prior.text());
  }
}
