package org.hedgesim.experiment;

/**
 * The points of a design in the unit cube.
 *
 * @param units {@code units[point][parameter]}, each in [0, 1]
 * @param trajectory for a Morris design, the trajectory of each point; null otherwise
 * @param moved for a Morris design, the parameter that changed from the previous point of the
 *     trajectory, or -1 at the start of a trajectory; null otherwise
 */
public record DesignPoints(double[][] units, int[] trajectory, int[] moved) {

  public DesignPoints(double[][] units) {
    this(units, null, null);
  }

  public int size() {
    return units.length;
  }
}
