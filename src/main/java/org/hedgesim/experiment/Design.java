package org.hedgesim.experiment;

import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An experimental design: which points of the parameter space a sweep runs. A design works in the
 * unit cube: each point gives every parameter a coordinate in [0, 1], which the parameter maps to
 * a value ({@link SweepParameter#value}). docs/SWEEPS.md states each design's properties.
 */
public sealed interface Design
    permits FullGrid, UniformRandom, LatinHypercube, SobolSequence, MorrisTrajectories, SaltelliMatrices {

  /** The word that names the design in a sweep file. */
  String kind();

  /**
   * The number of points.
   *
   * @param cardinality per parameter, the number of its levels for a list of levels, 0 for a range
   */
  long size(int[] cardinality);

  /**
   * The points, in their documented order.
   *
   * @param rng the sampling generator, seeded from the sweep (used only by random designs)
   */
  DesignPoints generate(int[] cardinality, RandomGenerator rng);

  /** Whether the design draws from the sampling generator (the random designs say so). */
  default boolean sampled() {
    return false;
  }

  /** The design's settings, for the manifest. */
  Map<String, Object> describe();
}
