package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The equations of docs/MODEL.md against values worked out by hand. */
class EquationsTest {
  private static final double EPS = 1e-12;

  // ------------------------------------------------------------------ concentration

  @Test
  void hhi_sumOfSquaredShares() {
    // 0.5^2 + 0.3^2 + 0.2^2 = 0.25 + 0.09 + 0.04
    assertEquals(0.38, Equations.hhi(new double[] {0.5, 0.3, 0.2}, 3), EPS);
  }

  @Test
  void hhi_onlyFirstNSharesCount() {
    assertEquals(0.25, Equations.hhi(new double[] {0.5, 0.9}, 1), EPS);
  }

  @Test
  void normalizedHhi_rescalesBetweenEvenAndMonopoly() {
    // (0.38 - 1/3) / (1 - 1/3) = 0.046666.../0.666... = 0.07
    assertEquals(0.07, Equations.normalizedHhi(0.38, 3), 1e-12);
    assertEquals(0.0, Equations.normalizedHhi(0.25, 4), EPS);
    assertEquals(1.0, Equations.normalizedHhi(1.0, 4), EPS);
    assertEquals(1.0, Equations.normalizedHhi(1.0, 1), EPS);
  }

  // ------------------------------------------------------------------ threat

  @Test
  void relativePower_againstTheThreatenedStateItself() {
    // (0.09 / (0.09 + 0.01))^0.5 = 0.9^0.5
    assertEquals(Math.sqrt(0.9), Equations.relativePower(0.09, 0.01, 0.5), 1e-15);
    assertEquals(0.75, Equations.relativePower(0.3, 0.1, 1.0), EPS);
    assertEquals(0.0, Equations.relativePower(0.0, 0.0, 0.5), EPS);
  }

  @Test
  void threat_waltProductWithDisputeSalience() {
    // 0.5 x proximity 0.8 x (1 - 0.4) x (1 + 0.5)/2 x (1 + 0.25) = 0.18 x 1.25
    assertEquals(0.225, Equations.threat(0.5, 0.8, 0.4, 0.5, 0.25), EPS);
    assertEquals(0.18, Equations.threat(0.5, 0.8, 0.4, 0.5, 0.0), EPS);
  }

  @Test
  void threat_fullTrustIsNoThreat() {
    assertEquals(0.0, Equations.threat(1.0, 1.0, 1.0, 1.0, 1.0), EPS);
  }

  @Test
  void vulnerability_squaredDependenceTimesDistrust() {
    // 0.4^2 x (1 - 0.25) = 0.16 x 0.75
    assertEquals(0.12, Equations.vulnerability(0.4, 0.25), 1e-15);
    assertEquals(0.0, Equations.vulnerability(0.4, 1.0), EPS);
  }

  @Test
  void securityValue_protectorsShareOfTheContestTimesTheThreat() {
    // 0.5 x 0.3/(0.3 + 0.1) x 0.4 = 0.5 x 0.75 x 0.4
    assertEquals(0.15, Equations.securityValue(0.5, 0.3, 0.1, 0.4), 1e-15);
    assertEquals(0.0, Equations.securityValue(0.5, 0.0, 0.0, 0.4), EPS);
  }

  @Test
  void combineSecurity_frameworksAddWithDiminishingReturns() {
    // 1 - (1 - 0.2)(1 - 0.5) = 0.6
    assertEquals(0.6, Equations.combineSecurity(0.2, 0.5), 1e-15);
    assertEquals(0.2, Equations.combineSecurity(0.2, 0.0), 1e-15);
  }

  // ------------------------------------------------------------------ decision

  @Test
  void uncertainty_oneAtParityFallingWithTheGap() {
    assertEquals(1.0, Equations.uncertainty(0.2, 0.2), EPS);
    // 1 - 0.2/0.4
    assertEquals(0.5, Equations.uncertainty(0.3, 0.1), EPS);
    assertEquals(0.0, Equations.uncertainty(0.0, 0.0), EPS);
  }

  @Test
  void hedgingPressure_rivalryUncertaintyRiskAversionAndTheSmallerTie() {
    // 0.8 x (1 + 1 x 0.5) x 0.25 x min(0.1, 0.2) / 0.05 = 0.8 x 1.5 x 0.25 x 2
    assertEquals(0.6, Equations.hedgingPressure(0.8, 1.0, 0.5, 0.25, 0.1, 0.2, 0.05), 1e-12);
    assertEquals(0.0, Equations.hedgingPressure(0.0, 1.0, 0.5, 0.25, 0.1, 0.2, 0.05), EPS);
    assertEquals(0.0, Equations.hedgingPressure(0.8, 1.0, 0.5, 0.25, 0.1, 0.2, 0.0), EPS);
    assertEquals(0.0, Equations.hedgingPressure(0.8, 1.0, 0.5, 0.25, -0.1, 0.2, 0.05), EPS);
  }

  @Test
  void marginalValue_signsOfEachTerm() {
    // 1 x 0.1 + 0.5 x 0.2 - 0.5 x 0.3 - 2 x 0.01 + 0.1 x 0.5 = 0.1 + 0.1 - 0.15 - 0.02 + 0.05
    assertEquals(0.08, Equations.marginalValue(1, 0.1, 0.5, 0.2, 0.5, 0.3, 2, 0.01, 0.1, 0.5), 1e-15);
  }

  @Test
  void solve_choleskyOfASymmetricPositiveDefiniteSystem() {
    // [[2, -1], [-1, 2]] x = [1, 0] -> x = [2/3, 1/3]
    double[] q = {2, -1, -1, 2};
    double[] b = {1, 0};
    assertEquals(true, Equations.solve(q, b, 2));
    assertEquals(2.0 / 3, b[0], 1e-15);
    assertEquals(1.0 / 3, b[1], 1e-15);
    // 3 x 3: [[4, -1, 0], [-1, 4, -1], [0, -1, 4]] x = [3, 2, 3] -> x = [1, 1, 1]
    double[] q3 = {4, -1, 0, -1, 4, -1, 0, -1, 4};
    double[] b3 = {3, 2, 3};
    assertEquals(true, Equations.solve(q3, b3, 3));
    for (double x : b3) assertEquals(1.0, x, 1e-14);
  }

  @Test
  void solve_refusesAMatrixThatIsNotPositiveDefinite() {
    assertEquals(false, Equations.solve(new double[] {1, 2, 2, 1}, new double[] {1, 1}, 2));
    assertEquals(false, Equations.solve(new double[] {0}, new double[] {1}, 1));
  }

  @Test
  void adjust_partialStepPlusNoise() {
    // 0.1 + 0.2 x (0.5 - 0.1) + 0.01 = 0.19
    assertEquals(0.19, Equations.adjust(0.1, 0.5, 0.2, 0.01, 1.0), 1e-12);
  }

  @Test
  void adjust_clippedToNeutralityCap() {
    assertEquals(0.3, Equations.adjust(0.29, 0.9, 0.5, 0.0, 0.3), EPS);
    assertEquals(-0.3, Equations.adjust(-0.29, -0.9, 0.5, -0.2, 0.3), EPS);
  }

  @Test
  void hedgingIndex_halfTheSpread() {
    // 1 - (0.4 - (-0.2)) / 2 = 0.7
    assertEquals(0.7, Equations.hedgingIndex(new double[] {0.4, -0.2, 0.1}, 3), EPS);
    assertEquals(1.0, Equations.hedgingIndex(new double[] {0.4}, 1), EPS);
  }

  // ------------------------------------------------------------------ frameworks

  @Test
  void exitPressure_resentmentOfTheLeadMinusWhatIsLost() {
    // 0.5 x 0.5 x (1 - 0.45) x (1 + 0.6) - 1 x 0.03 - 0.02 = 0.22 - 0.05 = 0.17
    assertEquals(0.17, Equations.exitPressure(0.5, 0.5, 0.45, 0.6, true, 1.0, 0.03, 0.02), 1e-12);
  }

  @Test
  void exitPressure_withoutLeadResentmentIsOne() {
    // 0.5 x 0.2 x 1 - 0.5 x 0.1 - 0 = 0.05
    assertEquals(0.05, Equations.exitPressure(0.5, 0.2, 0.9, 0.9, false, 0.5, 0.1, 0.0), 1e-12);
  }

  @Test
  void joinAttraction_benefitMinusResentment() {
    // 1 x 0.05 - 0.4 x 0.1 x (1 - 0.8) x (1 + 0) = 0.05 - 0.008 = 0.042
    assertEquals(0.042, Equations.joinAttraction(0.4, 0.1, 0.8, 0.0, true, 1.0, 0.05), 1e-12);
  }

  // ------------------------------------------------------------------ time

  @Test
  void stepGrowth_twelveMonthsCompoundToTheYearlyRate() {
    double f = Equations.stepGrowth(0.06, 12);
    assertEquals(1.06, Math.pow(f, 12), 1e-12);
  }

  @Test
  void relaxation_halfLifeHalvesTheGap() {
    double k = Equations.relaxation(5.0, 12);
    assertEquals(0.5, Math.pow(1 - k, 60), 1e-12);
  }

  @Test
  void relaxation_zeroHalfLifeClosesTheWholeGap() {
    assertEquals(1.0, Equations.relaxation(0.0, 12), EPS);
  }

  @Test
  void stepProbability_poissonChanceOfAtLeastOneEvent() {
    // 1 - exp(-1.2 / 12)
    assertEquals(1 - Math.exp(-0.1), Equations.stepProbability(1.2, 12), 1e-15);
    assertEquals(0.0, Equations.stepProbability(0.0, 12), EPS);
  }

  // ------------------------------------------------------------------ beliefs

  @Test
  void news_diminishingReturnsNeverReachTheBounds() {
    // good: 0.8 + 0.5 x 0.2 = 0.9; bad: 0.8 - 0.5 x 0.8 = 0.4
    assertEquals(0.9, Equations.goodNews(0.8, 0.5), 1e-15);
    assertEquals(0.4, Equations.badNews(0.8, 0.5), 1e-15);
    assertEquals(0.9, Equations.news(0.8, 0.5), 1e-15);
    assertEquals(0.4, Equations.news(0.8, -0.5), 1e-15);
    double mu = 0.5;
    for (int i = 0; i < 200; i++) mu = Equations.goodNews(mu, 0.1);
    assertEquals(true, mu < 1.0 && mu > 0.999);
    // a signed size beyond 1 counts as 1
    assertEquals(0.0, Equations.news(0.8, -3.0), EPS);
    assertEquals(1.0, Equations.news(0.8, 3.0), EPS);
  }

  // ------------------------------------------------------------------ powers

  @Test
  void courtship_richardsonStep() {
    // 0.2 + 0.5 x (1 x 0.3 x 2 + 0.5 x 0.4 - 0.2 x 0.2) = 0.2 + 0.5 x (0.6 + 0.2 - 0.04) = 0.58
    assertEquals(0.58, Equations.courtship(0.2, 0.5, 1.0, 0.3, 2.0, 0.5, 0.4, 0.2), 1e-12);
    // a negative gap counts as none: 0.2 + 0.5 x (0 + 0 - 0.04) = 0.18
    assertEquals(0.18, Equations.courtship(0.2, 0.5, 1.0, -0.3, 2.0, 0.0, 0.0, 0.2), 1e-12);
    // never below zero
    assertEquals(0.0, Equations.courtship(0.2, 1.0, 0.0, 0.0, 2.0, 0.0, 0.0, 5.0), EPS);
  }

  @Test
  void coercion_risesDecaysAndIsLifted() {
    // above tolerance: 0.1 + 0.5 x (0.3 - 0.1) = 0.2, capped at 0.15
    assertEquals(0.2, Equations.coercion(0.1, 0.5, 0.3, 0.1, 0.05, 0.3, 0.3), 1e-12);
    assertEquals(0.15, Equations.coercion(0.1, 0.5, 0.3, 0.1, 0.05, 0.15, 0.3), 1e-12);
    // within the band: decays by 30%
    assertEquals(0.07, Equations.coercion(0.1, 0.5, 0.08, 0.1, 0.05, 0.3, 0.3), 1e-12);
    // below tolerance - hysteresis: lifted
    assertEquals(0.0, Equations.coercion(0.1, 0.5, 0.04, 0.1, 0.05, 0.3, 0.3), EPS);
    // at the tolerance exactly: no rise
    assertEquals(0.07, Equations.coercion(0.1, 0.5, 0.1, 0.1, 0.05, 0.3, 0.3), 1e-12);
  }

  // ------------------------------------------------------------------ observables and politics

  @Test
  void lean_andVotePosition() {
    assertEquals(0.2, Equations.lean(0.3, -0.1), 1e-15);
    assertEquals(0.5, Equations.logistic(0.0), EPS);
    assertEquals(1 / (1 + Math.exp(-0.8)), Equations.logistic(0.8), 1e-15);
  }

  @Test
  void legitimacyDrift_growthGapMinusNationalistCostOfDependence() {
    // 1 x (0.05 - 0.06) - 0.2 x 0.5 x 0.1 = -0.01 - 0.01
    assertEquals(-0.02, Equations.legitimacyDrift(1.0, 0.05, 0.06, 0.2, 0.5, 0.1), 1e-15);
    // no excess dependence below the tolerance
    assertEquals(0.01, Equations.legitimacyDrift(1.0, 0.06, 0.05, 0.2, 0.5, -0.1), 1e-15);
  }

  @Test
  void transitionedCapability_keepsTheTotalAndFollowsRelativeGrowth() {
    // two actors 0.3 and 0.1; indices 1.2 and 1.0: weighted 0.46; shares 0.36/0.46 and 0.1/0.46 of 0.4
    double a = Equations.transitionedCapability(0.3, 1.2, 0.4, 0.46);
    double b = Equations.transitionedCapability(0.1, 1.0, 0.4, 0.46);
    assertEquals(0.4, a + b, 1e-15);
    assertEquals(0.3 * 1.2 * 0.4 / 0.46, a, 1e-15);
    assertEquals(0.3, Equations.transitionedCapability(0.3, 1.2, 0.4, 0.0), EPS);
  }

  // ------------------------------------------------------------------ the box-constrained portfolio

  private static double[] box(double[] q, double[] b, double bound) {
    int n = b.length;
    double[] x = b.clone();
    double[] qq = q.clone();
    assertEquals(true, Equations.boxMaximum(qq, x, n, bound, new int[n], new double[n * n + 2 * n]));
    assertArrayEquals(q, qq, 0.0, "Q is kept");
    return x;
  }

  /** The box maximum by projected gradient ascent, slowly but surely (a check of the active set). */
  private static double[] bruteForce(double[] q, double[] b, double bound) {
    int n = b.length;
    double[] x = new double[n];
    for (int it = 0; it < 200_000; it++) {
      for (int i = 0; i < n; i++) {
        double g = b[i];
        for (int j = 0; j < n; j++) g -= q[i * n + j] * x[j];
        x[i] = Equations.clip(x[i] + 0.05 * g, -bound, bound);
      }
    }
    return x;
  }

  @Test
  void boxMaximum_insideTheBoxIsTheUnconstrainedMaximum() {
    // [[2, -1], [-1, 2]] x = [1, 0] -> [2/3, 1/3], inside [-1, 1]
    assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, box(new double[] {2, -1, -1, 2}, new double[] {1, 0}, 1.0), 1e-15);
  }

  @Test
  void boxMaximum_holdsACoordinateAtItsBoundAndSolvesTheRest() {
    // unconstrained [2, 1]; x0 held at 1: 2 x1 = 0 + 1 x 1 -> x1 = 0.5 (clipping would give [1, 1])
    assertArrayEquals(new double[] {1.0, 0.5}, box(new double[] {2, -1, -1, 2}, new double[] {3, 0}, 1.0), 1e-15);
    assertArrayEquals(new double[] {-1.0, -0.5}, box(new double[] {2, -1, -1, 2}, new double[] {-3, 0}, 1.0), 1e-15);
    // both at their bounds
    assertArrayEquals(new double[] {1.0, -1.0}, box(new double[] {2, -1, -1, 2}, new double[] {9, -9}, 1.0), 1e-15);
  }

  @Test
  void boxMaximum_agreesWithProjectedGradientOnHedgingLikeSystems() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int trial = 0; trial < 30; trial++) {
      int n = 2 + r.nextInt(4);
      double[] q = new double[n * n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        q[i * n + i] = 0.2 + r.nextDouble();
        b[i] = 2 * r.nextDouble() - 1;
      }
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double h = 0.5 * r.nextDouble();
          q[i * n + i] += h;
          q[j * n + j] += h;
          q[i * n + j] = -h;
          q[j * n + i] = -h;
        }
      }
      double bound = 0.3 + 0.7 * r.nextDouble();
      assertArrayEquals(bruteForce(q, b, bound), box(q, b, bound), 1e-7, "trial " + trial);
    }
  }

  @Test
  void boxMaximum_refusesASystemThatIsNotPositiveDefinite() {
    assertEquals(false, Equations.boxMaximum(new double[] {1, 2, 2, 1}, new double[] {1, 1}, 2, 1.0, new int[2],
        new double[8]));
  }
}
