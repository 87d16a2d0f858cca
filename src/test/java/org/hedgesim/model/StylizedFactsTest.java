package org.hedgesim.model;

import static org.hedgesim.Fixtures.mean;
import static org.hedgesim.Fixtures.run;
import static org.hedgesim.Fixtures.runMean;
import static org.hedgesim.Fixtures.scenario;
import static org.hedgesim.Fixtures.value;
import static org.hedgesim.Fixtures.variant;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hedgesim.experiment.Replication;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stylized facts of docs/MODEL.md ("What must be true"), each checked for direction and size
 * on the reference scenarios, with means over replications where noise matters.
 */
class StylizedFactsTest {
  private static final int REPS = 20;

  @TempDir
  Path dir;

  // ------------------------------------------------------------------ 1. exit from a resented lead

  @Test
  void exit_raisesLegitimacyAndLowersTrustWithTheLead() {
    Scenario base = scenario("baseline-2024.yaml");
    Scenario exit = scenario("clv-dta-exit.yaml");
    int exitStep = exit.stepOf(java.time.YearMonth.of(2024, 9));
    List<Replication> a = run(base, REPS);
    List<Replication> b = run(exit, REPS);
    for (int r = 0; r < REPS; r++) {
      double dLegitimacy = value(b.get(r), "legitimacy", "KHM", "", exitStep)
          - value(a.get(r), "legitimacy", "KHM", "", exitStep);
      double dTrust = value(b.get(r), "trust", "KHM", "VNM", exitStep)
          - value(a.get(r), "trust", "KHM", "VNM", exitStep);
      // good news of nationalism 0.5 x exit_legitimacy_gain 0.1 = 5% of the room to 1; bad news
      // of exit_trust_shock 0.10 = a tenth of trust
      double room = 1 - value(a.get(r), "legitimacy", "KHM", "", exitStep);
      double trust = value(a.get(r), "trust", "KHM", "VNM", exitStep);
      assertEquals(0.05 * room, dLegitimacy, 0.005, "legitimacy jump at the exit, replication " + r);
      assertEquals(-0.10 * trust, dTrust, 0.01, "trust drop at the exit, replication " + r);
    }
    double legitimacyGap = mean(b, x -> runMean(x, "legitimacy", "KHM", ""))
        - mean(a, x -> runMean(x, "legitimacy", "KHM", ""));
    double trustGap = mean(b, x -> value(x, "trust", "KHM", "VNM", x.steps() - 1))
        - mean(a, x -> value(x, "trust", "KHM", "VNM", x.steps() - 1));
    assertTrue(legitimacyGap > 0.01, "legitimacy higher over the run: " + legitimacyGap);
    assertTrue(trustGap < -0.015, "trust with the lead still lower at the end: " + trustGap);
  }

  // ------------------------------------------------------------------ 2. a power-financed project

  @Test
  void project_raisesFinancierShareWhileBuiltAndCutsTransitDependence() {
    Scenario base = scenario("baseline-2024.yaml");
    // completion certain and on time, so that the effect can be read at a known date
    Scenario canal = variant(dir, "funan-techo-canal.yaml", "canal-sure",
        "projects:\n  - {id: funan-techo, completion_probability: 1.0}\n");
    int built = canal.stepOf(java.time.YearMonth.of(2028, 11));
    int last = canal.steps() - 1;
    List<Replication> a = run(base, 5);
    List<Replication> b = run(canal, 5);
    for (int r = 0; r < 5; r++) {
      double shareBase = value(a.get(r), "fdi_share", "KHM", "CHN", built);
      double shareCanal = value(b.get(r), "fdi_share", "KHM", "CHN", built);
      // 0.43 x US$1.7 bn added to a Chinese stock of about US$90 bn out of about US$160 bn (stocks
      // start at their steady state, amount / depreciation): about +0.002
      assertTrue(shareCanal - shareBase > 0.001 && shareCanal - shareBase < 0.01,
          "China's FDI share while the canal is built: " + shareCanal + " vs " + shareBase);
      double transitBefore = value(b.get(r), "transit_share", "KHM", "VNM", built);
      double transitAfter = value(b.get(r), "transit_share", "KHM", "VNM", last);
      // half of the transit through Vietnam moves to Cambodia's own ports: 1/3 -> 1/6
      assertEquals(1.0 / 3, transitBefore, 0.02);
      assertEquals(1.0 / 6, transitAfter, 0.02);
      assertTrue(value(b.get(r), "dependence", "KHM", "VNM", last)
          < value(a.get(r), "dependence", "KHM", "VNM", last) - 0.01,
          "dependence on the neighbour falls once the canal is open");
    }
  }

  // ------------------------------------------------------------------ 3. negative vs positive

  @Test
  void negativeReinforcement_endsWithLowerAlignmentThanPositive() {
    List<Replication> pos = run(scenario("us-positive-reinforcement.yaml"), REPS);
    List<Replication> neg = run(scenario("us-negative-reinforcement.yaml"), REPS);
    double aPos = mean(pos, x -> value(x, "alignment", "KHM", "USA", x.steps() - 1));
    double aNeg = mean(neg, x -> value(x, "alignment", "KHM", "USA", x.steps() - 1));
    double mPos = mean(pos, x -> runMean(x, "alignment", "KHM", "USA"));
    double mNeg = mean(neg, x -> runMean(x, "alignment", "KHM", "USA"));
    assertTrue(aNeg < aPos - 0.03, "final alignment to the US: negative " + aNeg + ", positive " + aPos);
    assertTrue(mNeg < mPos - 0.02, "mean alignment to the US: negative " + mNeg + ", positive " + mPos);
  }

  // ------------------------------------------------------------------ 4. strategies

  @Test
  void neutral_staysWithinItsCapEveryStep() {
    Scenario neutral = variant(dir, "baseline-2024.yaml", "neutral",
        "actors:\n  - {id: KHM, strategy: neutral, neutrality: 0.15}\n");
    for (Replication r : run(neutral, 5)) {
      for (int k = 0; k < r.series().size(); k++) {
        SeriesKey key = r.series().get(k);
        if (!key.metric().equals("alignment") || !key.actor().equals("KHM")) continue;
        for (double[] step : r.values()) {
          assertTrue(Math.abs(step[k]) <= 0.15 + 1e-12, key + " = " + step[k]);
        }
      }
    }
  }

  @Test
  void hedger_staysCloserToEquidistanceBetweenTheRivalsThanABandwagoner() {
    // the profiles compared as they are, without Kuik's exit from hedging
    Scenario hedger = variant(dir, "baseline-2024.yaml", "hedger",
        "actors:\n  - {id: KHM, regime_switch: false}\n");
    Scenario bandwagoner = variant(dir, "baseline-2024.yaml", "bandwagoner",
        "actors:\n  - {id: KHM, strategy: bandwagoner, regime_switch: false}\n");
    List<Replication> h = run(hedger, REPS);
    List<Replication> b = run(bandwagoner, REPS);
    double lh = mean(h, x -> Math.abs(runMean(x, "lean", "KHM", "CHN|USA")));
    double lb = mean(b, x -> Math.abs(runMean(x, "lean", "KHM", "CHN|USA")));
    // measured: 0.083 for the hedger, 0.188 for the bandwagoner (the hedging index over all five
    // poles, 0.730 and 0.742, is dominated by the distance from Vietnam, which is no rival's)
    assertTrue(lb - lh > 0.05, "|lean| between the US and China: hedger " + lh + ", bandwagoner " + lb);
  }

  // ------------------------------------------------------------------ 5. nationalism and exit

  @Test
  void nationalism_makesEndogenousExitMoreLikelyAndEarlier() {
    double[] levels = {0.3, 0.5, 0.55, 0.6, 0.9};
    double[] share = new double[levels.length];
    double[] firstStep = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      Scenario s = variant(dir, "baseline-2024.yaml", "nationalism-" + i,
          "actors:\n  - {id: KHM, nationalism: " + levels[i] + "}\n");
      int exits = 0;
      double steps = 0;
      for (Replication r : run(s, REPS)) {
        int step = exitStep(r, "KHM", "CLV-DTA");
        if (step >= 0) {
          exits++;
          steps += step;
        } else {
          steps += r.steps(); // censored at the end of the run
        }
      }
      share[i] = (double) exits / REPS;
      firstStep[i] = steps / REPS;
    }
    for (int i = 1; i < levels.length; i++) {
      assertTrue(share[i] >= share[i - 1], "exit share should not fall: " + java.util.Arrays.toString(share));
      assertTrue(firstStep[i] <= firstStep[i - 1], "exit should not come later: " + java.util.Arrays.toString(firstStep));
    }
    assertEquals(0.0, share[0], "no exit at low nationalism");
    assertEquals(1.0, share[levels.length - 1], "certain exit at high nationalism");
    assertTrue(firstStep[4] < firstStep[2] - 24, "years earlier at 0.9 than at 0.55: "
        + java.util.Arrays.toString(firstStep));
  }

  private static int exitStep(Replication r, String actor, String framework) {
    for (EventRecord e : r.events()) {
      if (e.kind().equals("exit") && e.actor().equals(actor) && e.target().equals(framework)) return e.step();
    }
    return -1;
  }

  // ------------------------------------------------------------------ 6. no noise, no chance

  @Test
  void zeroNoise_sameResultWhateverTheSeed() {
    String quiet = "parameters: {alignment_noise: 0, pressure_noise: 0}\n"
        + "projects:\n  - {id: funan-techo, completion_probability: 1.0}\n"
        + "actors:\n  - {id: CHN, inducements: {delivery: 1.0}}\n"
        + "disputes:\n  - {id: khm-vnm-border, rate: 0}\n";
    Scenario s = variant(dir, "as-it-happened-2024.yaml", "quiet", quiet + "events:\n"
        + "  - {id: china-visits, remove: true}\n"
        + "  - {id: us-visits, remove: true}\n"
        + "  - {id: japan-visits, remove: true}\n");
    assertTrue(s.events().stream().noneMatch(e -> e.isRandom()), "random events removed");
    Replication one = Replication.run(s, 0, 1L);
    Replication two = Replication.run(s, 0, 987654321987654321L);
    for (int step = 0; step < one.steps(); step++) {
      assertArrayEquals(one.values()[step], two.values()[step], 0.0, "step " + step);
    }
    assertEquals(one.events(), two.events());
    // and the noise is what makes seeds matter
    Scenario noisy = scenario("as-it-happened-2024.yaml");
    assertNotEquals(Replication.run(noisy, 0, 1L).values()[50][0],
        Replication.run(noisy, 0, 2L).values()[50][0]);
  }

}
