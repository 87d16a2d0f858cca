package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A box of scenario discovery: one limit per dimension, and what it holds. Coverage, density and
 * mass are those of Bryant and Lempert (2010): the share of all cases of interest that fall in the
 * box, the share of the box's cases that are of interest, and the share of all cases in the box.
 *
 * @param limits one per dimension, in dimension order
 * @param cases cases in the box
 * @param interest cases of interest in the box
 * @param totalCases cases searched
 * @param totalInterest cases of interest among them
 */
public record PrimBox(List<Limit> limits, int cases, int interest, int totalCases, int totalInterest) {

  public PrimBox {
    limits = List.copyOf(limits);
  }

  /** How a box bounds one dimension. */
  public sealed interface Limit permits Range, Levels {
    /** Whether the limit leaves out some of the dimension's values in the data. */
    boolean restricted();
  }

  /**
   * An ordered dimension's interval, both ends included and both values found in the data; a side
   * is restricted when it leaves out some of the data's values.
   */
  public record Range(double lower, double upper, boolean lowerRestricted, boolean upperRestricted) implements Limit {
    @Override
    public boolean restricted() {
      return lowerRestricted || upperRestricted;
    }
  }

  /** A categorical dimension's levels the box keeps (positions in the sweep's list, ascending). */
  public record Levels(List<Integer> kept, boolean restricted) implements Limit {
    public Levels {
      kept = List.copyOf(kept);
    }
  }

  public double coverage() {
    return totalInterest == 0 ? Double.NaN : (double) interest / totalInterest;
  }

  public double density() {
    return cases == 0 ? Double.NaN : (double) interest / cases;
  }

  public double mass() {
    return totalCases == 0 ? Double.NaN : (double) cases / totalCases;
  }

  /** The restricted dimensions, in dimension order. */
  public List<Integer> restricted() {
    List<Integer> out = new ArrayList<>();
    for (int d = 0; d < limits.size(); d++) if (limits.get(d).restricted()) out.add(d);
    return out;
  }
}
