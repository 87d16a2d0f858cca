package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hedgesim.analysis.RobustnessMetrics.Direction;
import org.hedgesim.analysis.RobustnessMetrics.Threshold;
import org.junit.jupiter.api.Test;

/**
 * The robustness metrics, regret, the Pareto set and the minimax-regret choice on tables small
 * enough to check by hand.
 */
class RobustnessMetricsTest {

  /** Three settings in four futures; in each future a different setting does best. */
  private static final double[][] TABLE = {
      {1, 2, 3, 4},
      {2, 2, 2, 2},
      {4, 1, 1, 1}};

  @Test
  void metrics_ofEachSetting_areItsMeanPercentileAndSatisficingShare() {
    Threshold atLeastTwo = new Threshold(">=", 2);
    RobustnessMetrics a = RobustnessMetrics.of(TABLE[0], 25, atLeastTwo);
    // h = (n - 1) p = 0.75 between the 1st and 2nd sorted values: 1 + 0.75 (2 - 1)
    assertEquals(new RobustnessMetrics(2.5, 1.75, 0.75), a);
    assertEquals(new RobustnessMetrics(2.0, 2.0, 1.0), RobustnessMetrics.of(TABLE[1], 25, atLeastTwo));
    assertEquals(new RobustnessMetrics(1.75, 1.0, 0.25), RobustnessMetrics.of(TABLE[2], 25, atLeastTwo));
    assertEquals(Double.NaN, RobustnessMetrics.of(TABLE[2], 25, null).satisficing());
    assertEquals(0.25, RobustnessMetrics.of(TABLE[0], 50, new Threshold("<", 2)).satisficing());
    assertEquals(4.0, RobustnessMetrics.of(TABLE[0], 100, null).percentile());
  }

  @Test
  void regret_isTheGapToTheBestSettingOfTheSameFuture_inTheObjectivesDirection() {
    double[][] up = Regret.of(TABLE, Direction.MAXIMIZE);
    assertArrayEquals(new double[] {3, 0, 0, 0}, up[0]);
    assertArrayEquals(new double[] {2, 0, 1, 2}, up[1]);
    assertArrayEquals(new double[] {0, 1, 2, 3}, up[2]);
    assertArrayEquals(new double[] {3, 2, 3}, Regret.max(up));
    double[][] down = Regret.of(TABLE, Direction.MINIMIZE);
    assertArrayEquals(new double[] {0, 1, 2, 3}, down[0]);
    assertArrayEquals(new double[] {1, 1, 1, 1}, down[1]);
    assertArrayEquals(new double[] {3, 0, 0, 0}, down[2]);
    assertArrayEquals(new double[] {3, 1, 3}, Regret.max(down));
  }

  @Test
  void minimaxRegret_picksTheLeastWorstRegret_andBreaksTiesByTheBetterMean() {
    assertEquals(1, ParetoSet.minimaxRegret(new double[] {3, 2, 3}, new double[] {2.5, 2, 1.75}, Direction.MAXIMIZE));
    // settings 0 and 2 tie on regret: the higher mean wins when maximising, the lower when minimising
    assertEquals(0, ParetoSet.minimaxRegret(new double[] {3, 4, 3}, new double[] {2.5, 2, 1.75}, Direction.MAXIMIZE));
    assertEquals(2, ParetoSet.minimaxRegret(new double[] {3, 4, 3}, new double[] {2.5, 2, 1.75}, Direction.MINIMIZE));
    // a full tie goes to the first setting
    assertEquals(0, ParetoSet.minimaxRegret(new double[] {1, 1}, new double[] {5, 5}, Direction.MAXIMIZE));
  }

  @Test
  void paretoSet_keepsTheNonDominatedSettings_andTies() {
    List<Direction> both = List.of(Direction.MAXIMIZE, Direction.MAXIMIZE);
    double[][] scores = {{1, 3}, {2, 2}, {0, 1}, {2, 2}, {2, 1}};
    assertArrayEquals(new boolean[] {true, true, false, true, false}, ParetoSet.of(scores, both));
    // minimising the second objective: (2, 1) is as good on the first as any and best on the second
    List<Direction> mixed = List.of(Direction.MAXIMIZE, Direction.MINIMIZE);
    assertArrayEquals(new boolean[] {false, false, false, false, true}, ParetoSet.of(scores, mixed));
    assertArrayEquals(new boolean[] {true}, ParetoSet.of(new double[][] {{0, 0}}, both));
  }

  @Test
  void threshold_knowsItsFourOperators_andRefusesOthers() {
    assertEquals(List.of(true, true, false), List.of(new Threshold(">=", 1).met(1), new Threshold("<=", 1).met(1),
        new Threshold(">", 1).met(1)));
    assertEquals(false, new Threshold("<", 1).met(1));
    assertEquals(">= 0.6", new Threshold(">=", 0.6).toString());
    assertThrows(IllegalArgumentException.class, () -> new Threshold("=", 1));
  }
}
