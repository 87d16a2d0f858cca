package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The weighted histogram of a calibration report's marginals, on cases worked out by hand. */
class CalibrationHistogramTest {

  @Test
  void eachBarIsItsShareOfTheWeightOverItsWidth() {
    // four particles on [0, 2] in 2 bins of width 1: weights 1 and 3 in the first, 2 and 2 in the second
    double[][] h = CalibrationReport.histogram(new double[] {0.2, 0.9, 1.5, 2.0}, new double[] {1, 3, 2, 2}, 0, 2, 2);
    assertArrayEquals(new double[] {0, 1, 2}, h[0], 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, h[1], 1e-12, "4/8 and 4/8 of the weight, over width 1");
    // the same on [0, 4] in 4 bins of width 1: the top value falls in the last bin, the heights integrate to 1
    h = CalibrationReport.histogram(new double[] {0.5, 3.0, 4.0}, new double[] {2, 1, 1}, 0, 4, 4);
    assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, h[1], 1e-12);
    h = CalibrationReport.histogram(new double[] {0.1, 0.35, 0.36, 0.9}, new double[] {0.1, 0.2, 0.3, 0.4}, 0, 1, 5);
    double area = 0;
    for (int k = 0; k < 5; k++) area += h[1][k] * (h[0][k + 1] - h[0][k]);
    assertEquals(1, area, 1e-12);
    assertEquals(0.5 / 0.2, h[1][1], 1e-12, "0.2 + 0.3 of the weight in [0.2, 0.4)");
  }

  @Test
  void binsGrowWithTheSquareRootOfTheParticles() {
    assertEquals(5, CalibrationReport.bins(4));
    assertEquals(10, CalibrationReport.bins(100));
    assertEquals(23, CalibrationReport.bins(500));
    assertEquals(40, CalibrationReport.bins(100_000));
  }

  @Test
  void observationsAreDrawnAtTheMiddleOfTheirPeriod() {
    assertEquals(Charts.millis("2025-07"), CalibrationReport.millis("2025"));
    assertEquals(Charts.millis("2025-03") + 14L * 24 * 3600 * 1000, CalibrationReport.millis("2025-03"));
  }
}
