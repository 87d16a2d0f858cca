package org.hedgesim.experiment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.YNode.YMap;

/**
 * Replications that differ by their parameters as well as by their seeds. Replication r takes
 * draw {@link #draw(int) draw(r)} of a set of parameter vectors (a calibration's posterior
 * particles) and runs its scenario with those values set, so that the spread across replications
 * holds the uncertainty of the parameters and not only the noise of the runs. The draw depends on
 * the replication alone: replication r of every scenario of a comparison, and of every design
 * point of a sweep, takes the same one (common parameter draws, as seeds are common random
 * numbers).
 */
public interface ParameterDraws {

  /** The draw replication r takes. */
  int draw(int replication);

  /** A copy of a resolved scenario document with the values of a draw set. */
  YMap set(YMap tree, int draw);

  /**
   * What identifies the draws (the SHA-256 of the posterior they come from): two sets of draws with
   * the same identity and seed are the same draws. A sweep's fingerprint holds it.
   */
  String identity();

  /** What the summaries say of the parameters, as one sentence without its full stop. */
  String statement();

  /** The manifest's section on the draws of replications 0 to R - 1. */
  Map<String, Object> manifest(int replications);

  /** A draw and its values, for messages ("particle 3 of DIR/posterior.csv: a = 0.4, b = 0.7"). */
  String describe(int draw);

  /**
   * The draws of a scenario's replications, bound: replication r runs {@code scenarios[r]}, the
   * scenario with the values of {@code draws.draw(r)} set.
   */
  record Bound(ParameterDraws draws, Scenario[] scenarios) {
    public Scenario of(int replication) {
      return scenarios[replication];
    }
  }

  /**
   * The scenario of each replication: {@code scenario} with its draw's values set, each draw bound
   * once (before anything runs, so a draw the scenario refuses stops the command with nothing
   * written). A refused draw is reported with its values.
   */
  default Bound bind(Scenario scenario, int replications) throws ScenarioException {
    TreeMap<Integer, Scenario> bound = new TreeMap<>();
    Scenario[] out = new Scenario[replications];
    for (int r = 0; r < replications; r++) {
      int d = draw(r);
      Scenario s = bound.get(d);
      if (s == null) {
        s = bindDraw(scenario.resolved(), scenario.files(), d).withSeed(scenario.seed())
            .withReplications(scenario.replications());
        bound.put(d, s);
      }
      out[r] = s;
    }
    return new Bound(this, out);
  }

  /** A resolved document with a draw's values set, bound and checked like any scenario. */
  default Scenario bindDraw(YMap tree, List<String> files, int draw) throws ScenarioException {
    try {
      return ScenarioLoader.bind(set(tree, draw), files);
    } catch (ScenarioException e) {
      List<Problem> problems = e.problems().stream().map(p -> new Problem(p.origin(), p.path(),
          p.message() + " (with " + describe(draw) + ")")).toList();
      throw new ScenarioException(problems);
    }
  }
}
