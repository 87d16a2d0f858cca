package org.hedgesim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.analysis.RobustnessMetrics.Direction;
import org.hedgesim.analysis.RobustnessMetrics.Threshold;
import org.hedgesim.scenario.Inheritance;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.TreePaths;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * A checked robust-decision study (docs/ANALYSIS.md, "Robust decisions"): the levers an actor
 * controls, whose levels' full factorial gives the lever settings; the uncertainties, the
 * contested assumptions, sampled once as a Latin hypercube of futures; and the objectives. Read by
 * {@link RobustLoader}; run by {@link RobustRun}.
 *
 * <p>Every setting runs the same futures on common random numbers: replication r of future f has
 * the seed {@code Seeds.derive(seed, f, r)} whatever the setting, so that two settings in one
 * future differ by the setting alone.
 *
 * @param file the study file as the user named it
 * @param futures the uncertainties' coordinates in each future, {@code units[future][uncertainty]}
 * @param samplingSeed the seed of the generator that drew the futures
 */
public record RobustStudy(String name, String description, String file, Path path,
    Inheritance.Resolved base, Scenario baseScenario, long seed, int replications,
    List<SweepParameter> levers, List<SweepParameter> uncertainties, List<Objective> objectives,
    DesignPoints futures, long samplingSeed) {

  /**
   * One objective: an outcome of each run (as a sweep outcome), whether more of it is better, the
   * percentile that looks at its bad futures, and an optional threshold it should meet.
   *
   * @param satisficing the threshold, or null
   */
  public record Objective(OutcomeSpec outcome, Direction direction, double percentile, Threshold satisficing,
      Origin origin) {
    public String name() {
      return outcome.name();
    }
  }

  public RobustStudy {
    levers = List.copyOf(levers);
    uncertainties = List.copyOf(uncertainties);
    objectives = List.copyOf(objectives);
  }

  public int futureCount() {
    return futures.size();
  }

  /** The number of lever settings: the product of the levers' level counts. */
  public int settingCount() {
    int n = 1;
    for (SweepParameter p : levers) n *= p.domain().cardinality();
    return n;
  }

  public long runs() {
    return (long) settingCount() * futureCount() * replications;
  }

  /** The level index of a lever in a setting; the last lever changes fastest. */
  public int levelOf(int setting, int lever) {
    int rest = setting;
    for (int j = levers.size() - 1; j > lever; j--) rest /= levers.get(j).domain().cardinality();
    return rest % levers.get(lever).domain().cardinality();
  }

  /** A lever's value in a setting, as written in the study file. */
  public String leverValue(int setting, int lever) {
    return level(setting, lever).text();
  }

  private YScalar level(int setting, int lever) {
    return ((SweepParameter.Levels) levers.get(lever).domain()).levels().get(levelOf(setting, lever));
  }

  /** A setting as a reader names it: {@code lever=value, lever=value}. */
  public String label(int setting) {
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < levers.size(); j++) parts.add(levers.get(j).name() + "=" + leverValue(setting, j));
    return String.join(", ", parts);
  }

  /** An uncertainty's value in a future, as written into the scenario and futures.csv. */
  public String uncertaintyValue(int future, int uncertainty) {
    return uncertainties.get(uncertainty).domain().text(futures.units()[future][uncertainty]);
  }

  /** The seed of replication r of future f, the same under every setting. */
  public long seedOf(int future, int replication) {
    return Seeds.derive(seed, future, replication);
  }

  /** The base document with the setting's levers and the future's uncertainties written in. */
  public YMap tree(int setting, int future) {
    YMap tree = base.tree();
    double[] u = futures.units()[future];
    try {
      for (int j = 0; j < levers.size(); j++) tree = TreePaths.set(tree, levers.get(j).path(), level(setting, j));
      for (int j = 0; j < uncertainties.size(); j++) {
        SweepParameter p = uncertainties.get(j);
        tree = TreePaths.set(tree, p.path(), p.scalar(u[j]));
      }
    } catch (TreePaths.Unresolved e) {
      throw new IllegalStateException("a checked path no longer resolves: " + e.getMessage(), e);
    }
    return tree;
  }

  /** The scenario of a setting in a future, bound and checked like any scenario. */
  public Scenario scenario(int setting, int future) throws ScenarioException {
    return ScenarioLoader.bind(tree(setting, future), base.files());
  }

  public List<OutcomeSpec> outcomes() {
    return objectives.stream().map(Objective::outcome).toList();
  }
}
