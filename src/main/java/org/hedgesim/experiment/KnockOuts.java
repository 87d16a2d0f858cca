package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.hedgesim.analysis.PairedDifference;
import org.hedgesim.experiment.ScenarioComparison.Arm;
import org.hedgesim.experiment.ScenarioComparison.Key;
import org.hedgesim.output.CsvTable;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Scenario;

/**
 * The knock-out table of {@code hedgesim explain} (docs/MODEL.md, "Evaluation"): the scenario as it
 * is, and once more with each of its mechanisms switched off in turn, all on common random numbers;
 * for each mechanism, the paired effect of switching it off on each headline outcome, and whether
 * that effect exceeds the outcome's run-to-run standard deviation in the full model.
 */
public final class KnockOuts {

  /** The header of explain.csv. */
  public static final List<String> HEADER = List.of("mechanism", "metric", "actor", "target",
      "statistic", "n", "full_mean", "full_sd", "knocked_out_mean", "knocked_out_sd", "difference",
      "ci_low", "ci_high", "effect_in_sd", "moves");

  /** One mechanism's effect on one headline outcome: knocked out minus full. */
  public record Effect(Mechanism mechanism, Key key, PairedDifference difference, double fullSd,
      double knockedOutSd) {
    /**
     * The effect in run-to-run standard deviations: of the full model, or of the knock-out when
     * the outcome never varies in the full model; infinite when it varies in neither.
     */
    public double inSd() {
      double d = Math.abs(difference.difference());
      if (d == 0) return 0;
      double scale = fullSd > 0 ? fullSd : knockedOutSd;
      return scale > 0 ? d / scale : Double.POSITIVE_INFINITY;
    }

    /**
     * Whether the mechanism moves this outcome: by more than one run-to-run sd, with a 95% CI of
     * the paired difference that excludes zero.
     */
    public boolean moves() {
      return inSd() > 1.0 && difference.ciExcludesZero();
    }
  }

  /** The table: every mechanism the scenario runs, with its effects on the headline outcomes. */
  public record Table(Scenario scenario, int replications, long seed, List<Mechanism> mechanisms,
      List<Key> headline, List<Effect> effects) {

    public List<Effect> of(Mechanism m) {
      return effects.stream().filter(e -> e.mechanism() == m).toList();
    }

    /** The mechanism's largest effect in sd units. */
    public Effect largest(Mechanism m) {
      Effect best = null;
      for (Effect e : of(m)) {
        if (best == null || (e.moves() && !best.moves())
            || (e.moves() == best.moves() && e.inSd() > best.inSd())) {
          best = e;
        }
      }
      return best;
    }

    /** Mechanisms that move no headline outcome by more than one sd. */
    public List<Mechanism> dormant() {
      return mechanisms.stream().filter(m -> of(m).stream().noneMatch(Effect::moves)).toList();
    }
  }

  private KnockOuts() {}

  /**
   * Whether an outcome is a headline one: final and mean alignments, leans and hedging index of
   * the small states; final courtship and coercion; exits, sanctions, regime switches and
   * incidents over the run.
   */
  public static boolean headline(Key k) {
    String s = k.statistic();
    return switch (k.metric()) {
      case "alignment", "hedging_index" -> !s.equals(ScenarioComparison.OUTCOME);
      case "lean", "courtship", "coercion" -> s.equals(ScenarioComparison.FINAL);
      case "exited", "sanctions", "regime_switches", "incidents" -> s.equals(ScenarioComparison.OUTCOME);
      default -> false;
    };
  }

  /** Runs the full scenario and each knock-out R times and tabulates the effects. */
  public static Table explain(Scenario s, int replications, long seed, int threads) throws IOException {
    return explain(s, replications, seed, threads, SweepProgress.NONE);
  }

  /** As {@link #explain(Scenario, int, long, int)}, telling {@code progress} of each run (full model and knock-outs). */
  public static Table explain(Scenario s, int replications, long seed, int threads, SweepProgress progress)
      throws IOException {
    List<Mechanism> mechanisms = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    arms.add(new Arm("full", s, List.of()));
    for (Mechanism m : Mechanism.values()) {
      if (!s.runs(m)) continue;
      mechanisms.add(m);
      Set<Mechanism> off = EnumSet.noneOf(Mechanism.class);
      off.addAll(s.knockOuts());
      off.add(m);
      arms.add(new Arm(m.key(), s.withKnockOuts(off), List.of()));
    }
    ScenarioComparison.Sample sample = ScenarioComparison.simulate(arms, replications, seed, threads, null, null,
        progress);
    List<Key> keys = sample.keys().get(0);
    List<Key> headline = keys.stream().filter(KnockOuts::headline).toList();
    List<Effect> effects = new ArrayList<>();
    for (int a = 1; a < arms.size(); a++) {
      List<Key> armKeys = sample.keys().get(a);
      for (Key k : headline) {
        int i0 = keys.indexOf(k);
        int i1 = armKeys.indexOf(k);
        if (i1 < 0) continue;
        double[] full = column(sample.values().get(0), i0);
        double[] out = column(sample.values().get(a), i1);
        effects.add(new Effect(mechanisms.get(a - 1), k, PairedDifference.of(full, out), sd(full), sd(out)));
      }
    }
    return new Table(s, replications, seed, List.copyOf(mechanisms), headline, List.copyOf(effects));
  }

  private static double[] column(double[][] values, int i) {
    double[] c = new double[values.length];
    for (int r = 0; r < values.length; r++) c[r] = values[r][i];
    return c;
  }

  private static double sd(double[] v) {
    SummaryStatistics s = new SummaryStatistics();
    for (double x : v) {
      if (!Double.isNaN(x)) s.addValue(x);
    }
    return s.getN() > 1 ? s.getStandardDeviation() : 0.0;
  }

  /** Writes explain.csv: one row per mechanism and headline outcome. */
  public static void write(Path file, Table t) throws IOException {
    try (CsvTable csv = CsvTable.create(file, HEADER)) {
      for (Effect e : t.effects()) {
        PairedDifference d = e.difference();
        Key k = e.key();
        csv.row(e.mechanism().key(), k.metric(), k.actor(), k.target(), k.statistic(), d.n(),
            d.meanA(), e.fullSd(), d.meanB(), e.knockedOutSd(), d.difference(), d.ciLow(),
            d.ciHigh(), e.inSd(), e.moves());
      }
    }
  }
}
