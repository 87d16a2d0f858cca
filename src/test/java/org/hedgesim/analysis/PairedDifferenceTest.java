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
  void of_deterministicShiftWithRoundingNoise_countsAsConstant_notAsAHugeFiniteEffect() {
    double[] a = {0.1, 0.2, 0.3, 0.7, 1.1, 0.9};
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) b[i] = a[i] * 3.3 + 0.7 - a[i] * 2.3; // a + 0.7, rounded
    double rawSd = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(
        java.util.stream.IntStream.range(0, a.length).mapToDouble(i -> b[i] - a[i]).toArray()).getStandardDeviation();
    assertTrue(rawSd > 0 && rawSd < 1e-12, "the differences agree only up to rounding: sd " + rawSd);
    PairedDifference d = PairedDifference.of(a, b);
    assertEquals(Double.POSITIVE_INFINITY, d.effectDz());
    assertEquals(0, d.sd());
    assertEquals(d.difference(), d.ciLow());
    assertEquals(0, d.pValue());
    // a spread just above the threshold is variation: a finite effect
    double[] c = b.clone();
    c[0] += 1e-6;
    assertTrue(Double.isFinite(PairedDifference.of(a, c).effectDz()));
    // and rounding on both sides of an identical outcome is no effect at all
    double[] x = {0.3, 0.3, 0.3};
    double[] y = {0.1 + 0.2, 0.3, 0.3};
    assertEquals(0, PairedDifference.of(x, y).effectDz());
    assertEquals(0, PairedDifference.of(x, y).effectDav());
  }

  @Test
  void qValues_benjaminiHochberg_matchesHandComputation() {
    double[] q = FalseDiscovery.qValues(new double[] {0.01, 0.04, 0.03, Double.NaN, 0.5});
    // ranks among 4: 0.01 (1) -> 0.04; 0.03 (2) -> 0.06 -> min(0.06, 0.0533) = 0.0533; 0.04 (3) -> 0.0533; 0.5 (4) -> 0.5
    assertArrayEquals(new double[] {0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, Double.NaN, 0.5}, q, 1e-12);
  }
}
