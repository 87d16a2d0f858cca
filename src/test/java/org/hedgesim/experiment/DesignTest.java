package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.YNode.YScalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each design's points have the properties docs/SWEEPS.md states. */
class DesignTest {

  private static DesignPoints points(Design d, int[] cardinality, long seed) {
    return d.generate(cardinality, new MersenneTwister(seed));
  }

  // ------------------------------------------------------------------ grid

  @Test
  void grid_isTheFullProduct_firstParameterSlowest() {
    // a range with 3 points, a list of 2 levels, a range with 3 points
    DesignPoints d = points(new FullGrid(3), new int[] {0, 2, 0}, 1);
    assertEquals(18, d.size());
    Set<List<Double>> seen = new HashSet<>();
    for (double[] u : d.units()) seen.add(List.of(u[0], u[1], u[2]));
    assertEquals(18, seen.size(), "every combination once");
    for (double a : new double[] {0, 0.5, 1}) {
      for (double b : new double[] {0.25, 0.75}) {
        for (double c : new double[] {0, 0.5, 1}) {
          assertTrue(seen.contains(List.of(a, b, c)), a + "," + b + "," + c);
        }
      }
    }
    assertArrayEquals(new double[] {0, 0.25, 0}, d.units()[0]);
    assertArrayEquals(new double[] {0, 0.25, 0.5}, d.units()[1], "the last parameter changes fastest");
    assertArrayEquals(new double[] {0.5, 0.25, 0}, d.units()[6], "the first changes slowest");
    assertEquals(18, new FullGrid(3).size(new int[] {0, 2, 0}));
  }

  @Test
  void grid_levelsMapBackToEachLevelOnce() {
    SweepParameter.Levels levels = new SweepParameter.Levels(List.of(word("negative"), word("mixed"), word("positive")));
    DesignPoints d = points(new FullGrid(2), new int[] {3}, 1);
    assertEquals(List.of("negative", "mixed", "positive"),
        Arrays.stream(d.units()).map(u -> levels.text(u[0])).toList());
  }

  // ------------------------------------------------------------------ Latin hypercube

  @ParameterizedTest
  @CsvSource({"1, 1, 1", "10, 3, 7", "60, 5, 8", "257, 4, 123456789"})
  void latinHypercube_oneSamplePerStratumPerDimension(int samples, int dims, long seed) {
    DesignPoints d = points(new LatinHypercube(samples), new int[dims], seed);
    assertEquals(samples, d.size());
    for (int j = 0; j < dims; j++) {
      boolean[] hit = new boolean[samples];
      for (double[] u : d.units()) {
        assertTrue(u[j] >= 0 && u[j] < 1, "in the unit interval: " + u[j]);
        int stratum = (int) Math.floor(u[j] * samples);
        assertFalse(hit[stratum], "stratum " + stratum + " of dimension " + j + " holds two samples");
        hit[stratum] = true;
      }
    }
  }

  @Test
  void latinHypercube_sameSeedSamePoints_otherSeedOtherPoints() {
    Design d = new LatinHypercube(20);
    assertTrue(Arrays.deepEquals(points(d, new int[3], 5).units(), points(d, new int[3], 5).units()));
    assertFalse(Arrays.deepEquals(points(d, new int[3], 5).units(), points(d, new int[3], 6).units()));
  }

  // ------------------------------------------------------------------ Sobol

  @Test
  void sobol_firstPointsMatchThePublishedSequence() {
    // the two-dimensional Sobol sequence after its initial point 0 (Joe and Kuo's direction
    // numbers, which begin with Sobol's own: both dimensions start 1/2, 3/4 | 1/4, 1/4 | 3/4, ...)
    double[][] expected = {{0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}, {0.875, 0.875},
        {0.625, 0.125}, {0.125, 0.625}};
    DesignPoints d = points(new SobolSequence(7), new int[2], 99);
    for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], d.units()[i], 0.0, "point " + i);
  }

  @Test
  void sobol_isDeterministicAndEvenlySpread() {
    DesignPoints a = points(new SobolSequence(64), new int[4], 1);
    DesignPoints b = points(new SobolSequence(64), new int[4], 2);
    assertTrue(Arrays.deepEquals(a.units(), b.units()), "the sampling generator is not used");
    // the sequence's first 2^6 points, the origin (left out of the design) and its first 63
    // points, put exactly 8 points in each eighth of every dimension
    for (int j = 0; j < 4; j++) {
      int[] count = new int[8];
      count[0]++; // the origin
      for (int i = 0; i < 63; i++) count[(int) (a.units()[i][j] * 8)]++;
      for (int c : count) assertEquals(8, c, "dimension " + j + ": " + Arrays.toString(count));
    }
  }

  // ------------------------------------------------------------------ Morris

  @ParameterizedTest
  @CsvSource({"4, 3, 4", "10, 5, 6", "3, 1, 2", "25, 7, 8"})
  void morris_trajectoriesMoveEachParameterOnceByDelta(int r, int k, int p) {
    MorrisTrajectories m = new MorrisTrajectories(r, p);
    DesignPoints d = points(m, new int[k], 42);
    double delta = p / (2.0 * (p - 1));
    assertEquals(delta, m.delta());
    assertEquals(r * (k + 1), d.size());
    for (int t = 0; t < r; t++) {
      Set<Integer> movedOnce = new HashSet<>();
      for (int s = 0; s <= k; s++) {
        int i = t * (k + 1) + s;
        assertEquals(t, d.trajectory()[i]);
        for (double u : d.units()[i]) {
          double level = u * (p - 1);
          assertEquals(Math.rint(level), level, 1e-12, "on the grid of " + p + " levels: " + u);
          assertTrue(u >= 0 && u <= 1);
        }
        if (s == 0) {
          assertEquals(-1, d.moved()[i]);
          continue;
        }
        int changed = 0;
        for (int j = 0; j < k; j++) {
          double step = d.units()[i][j] - d.units()[i - 1][j];
          if (step != 0) {
            changed++;
            assertEquals(delta, Math.abs(step), 1e-12, "a move is one step of delta");
            assertEquals(j, d.moved()[i], "moved names the parameter that changed");
          }
        }
        assertEquals(1, changed, "one parameter changes per step");
        assertTrue(movedOnce.add(d.moved()[i]), "each parameter moves once per trajectory");
      }
      assertEquals(k, movedOnce.size());
    }
  }

  @Test
  void morris_drawsBothDirectionsAndAllBaseLevels() {
    DesignPoints d = points(new MorrisTrajectories(200, 4), new int[2], 7);
    Set<Double> starts = new HashSet<>();
    boolean up = false;
    boolean down = false;
    for (int i = 0; i < d.size(); i++) {
      if (d.moved()[i] < 0) {
        starts.add(d.units()[i][0]);
        continue;
      }
      int j = d.moved()[i];
      if (d.units()[i][j] > d.units()[i - 1][j]) up = true;
      else down = true;
    }
    assertTrue(up && down);
    assertEquals(Set.of(0.0, 1.0 / 3, 2.0 / 3, 1.0), starts, "starts on every level of the grid");
  }

  // ------------------------------------------------------------------ random

  @Test
  void random_inTheUnitCubeAndReproducible() {
    DesignPoints a = points(new UniformRandom(500), new int[3], 8);
    assertTrue(Arrays.deepEquals(a.units(), points(new UniformRandom(500), new int[3], 8).units()));
    for (double[] u : a.units()) for (double x : u) assertTrue(x >= 0 && x < 1);
  }

  // ------------------------------------------------------------------ mapping to values

  @Test
  void numberRange_linearLogAndWhole() {
    var lin = new SweepParameter.NumberRange(0.3, 0.9, false, false, num("0.3"), num("0.9"));
    assertEquals("0.3", lin.text(0));
    assertEquals("0.6", lin.text(0.5));
    assertEquals("0.9", lin.text(1));
    var log = new SweepParameter.NumberRange(0.01, 1, true, false, num("0.01"), num("1"));
    assertEquals("0.01", log.text(0));
    assertEquals("0.1", log.text(0.5));
    assertEquals("1", log.text(1));
    assertEquals(0.01234567891, Double.parseDouble(new SweepParameter.NumberRange(0, 1, false, false, num("0"),
        num("1")).text(0.012345678912345)), 0.0, "rounded to 10 significant digits, as the results print it");
    var whole = new SweepParameter.NumberRange(1, 4, false, true, num("1"), num("4"));
    assertEquals(List.of("1", "2", "3", "4", "4"),
        List.of(whole.text(0), whole.text(0.3), whole.text(0.6), whole.text(0.99), whole.text(1)));
  }

  @Test
  void monthRange_everyMonthAnEqualShare() {
    var months = new SweepParameter.MonthRange(YearMonth.of(2024, 11), YearMonth.of(2025, 2), num("2024-11"), num("2025-02"));
    assertEquals(List.of("2024-11", "2024-12", "2025-01", "2025-02", "2025-02"),
        List.of(months.text(0), months.text(0.25), months.text(0.5), months.text(0.75), months.text(1)));
  }

  private static YScalar num(String t) {
    return new YScalar(t, true, false, new Origin("t.yaml", 1, 1), null);
  }

  private static YScalar word(String t) {
    return num(t);
  }
}
