package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The paired difference, its interval, effect size and p value. */
class PairedDifferenceTest {

  @Test
  void of_knownSample_matchesHandComputation() {
    double[] a = {1, 2, 3, 4};
    double[] b = {2, 4, 4, 6}; // differences 1, 2, 1, 2: mean 1.5, sd sqrt(1/3)
    PairedDifference d = PairedDifference.of(a, b);
    double sd = Math.sqrt(1.0 / 3);
    double half = 3.182446305284263 * sd / 2; // t(0.975, 3) = 3.1824463
    assertEquals(4, d.n());
    assertEquals(2.5, d.meanA(), 1e-12);
    assertEquals(4.0, d.meanB(), 1e-12);
    assertEquals(1.5, d.difference(), 1e-12);
    assertEquals(sd, d.sd(), 1e-12);
    assertEquals(1.5 - half, d.ciLow(), 1e-9);
    assertEquals(1.5 + half, d.ciHigh(), 1e-9);
    assertEquals(1.5 / sd, d.effectDz(), 1e-9);
    double sdA = Math.sqrt(5.0 / 3); // 1,2,3,4
    double sdB = Math.sqrt(8.0 / 3); // 2,4,4,6: mean 4, squares 4 + 0 + 0 + 4
    assertEquals(1.5 / ((sdA + sdB) / 2), d.effectDav(), 1e-9);
    assertEquals(new TTest().pairedTTest(b, a), d.pValue(), 1e-12);
    assertTrue(d.ciExcludesZero());
  }

  @Test
  void of_missingValues_dropThePair() {
    PairedDifference d = PairedDifference.of(new double[] {1, Double.NaN, 3}, new double[] {2, 5, Double.NaN});
    assertEquals(1, d.n());
    assertEquals(1, d.difference());
    assertTrue(Double.isNaN(d.ciLow()));
    assertFalse(d.ciExcludesZero());
  }

  @Test
  void of_constantDifference_degenerateIntervalAndInfiniteEffect() {
    PairedDifference d = PairedDifference.of(new double[] {0, 0, 0}, new double[] {1, 1, 1});
    assertEquals(1, d.ciLow());
    assertEquals(1, d.ciHigh());
    assertEquals(Double.POSITIVE_INFINITY, d.effectDz());
    assertTrue(d.ciExcludesZero());
    PairedDifference same = PairedDifference.of(new double[] {2, 3}, new double[] {2, 3});
    assertEquals(0, same.effectDz());
    assertFalse(same.ciExcludesZero());
    assertEquals(1, same.pValue());
  }

  @Test
  void qValues_benjaminiHochberg_matchesHandComputation() {
    double[] q = FalseDiscovery.qValues(new double[] {0.01, 0.04, 0.03, Double.NaN, 0.5});
    // ranks among 4: 0.01 (1) -> 0.04; 0.03 (2) -> 0.06 -> min(0.06, 0.0533) = 0.0533; 0.04 (3) -> 0.0533; 0.5 (4) -> 0.5
    assertArrayEquals(new double[] {0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, Double.NaN, 0.5}, q, 1e-12);
  }
}
