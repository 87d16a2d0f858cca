package org.hedgesim.model;

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
  void threat_waltProduct() {
    // capability 0.25 of max 1 -> 0.25^0.5 = 0.5; x proximity 0.8 x (1 - 0.4) x (1 + 0.5)/2
    // = 0.5 x 0.8 x 0.6 x 0.75 = 0.18
    assertEquals(0.18, Equations.threat(0.25, 1.0, 0.5, 0.8, 0.4, 0.5), EPS);
  }

  @Test
  void threat_strongestPoleWithFullTrustIsNoThreat() {
    assertEquals(0.0, Equations.threat(1.0, 1.0, 0.5, 1.0, 1.0, 1.0), EPS);
  }

  @Test
  void threat_alphaOneIsLinearInRelativeCapability() {
    // 0.1/0.2 = 0.5; x 1 x 1 x 1/2 = 0.25
    assertEquals(0.25, Equations.threat(0.1, 0.2, 1.0, 1.0, 0.0, 0.0), EPS);
  }

  // ------------------------------------------------------------------ utility and alignment

  @Test
  void dominanceCost_onlyAboveTolerance() {
    // 0.6 x (0.5 - 0.35) x (1 + 0.2) = 0.6 x 0.15 x 1.2 = 0.108
    assertEquals(0.108, Equations.dominanceCost(0.6, 0.5, 0.35, 0.2), 1e-12);
    assertEquals(0.0, Equations.dominanceCost(0.6, 0.3, 0.35, 0.2), EPS);
  }

  @Test
  void utility_weightedSum() {
    // 1 x 0.4 - 0.5 x 0.2 - 1 x 0.1 + 0.5 x 0.3 = 0.4 - 0.1 - 0.1 + 0.15 = 0.35
    assertEquals(0.35, Equations.utility(1, 0.4, 0.5, 0.2, 1, 0.1, 0.5, 0.3), EPS);
  }

  @Test
  void targetAlignment_tanhScaledByCap() {
    // 0.6 x tanh(2 x 0.35) = 0.6 x tanh(0.7) = 0.6 x 0.6043677771171636
    assertEquals(0.36262066627029816, Equations.targetAlignment(0.6, 2.0, 0.35), 1e-12);
    assertEquals(0.0, Equations.targetAlignment(0.6, 2.0, 0.0), EPS);
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
}
