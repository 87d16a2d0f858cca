package org.hedgesim.experiment;

import java.nio.file.Path;
import java.util.List;
import org.hedgesim.scenario.Inheritance;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.TreePaths;
import org.hedgesim.scenario.YNode.YMap;

/**
 * A checked sweep: a base scenario, the parameters it varies, the design that picks their values,
 * replications and seeds, and the outcomes to collect. Read by {@link SweepLoader}; run by
 * {@link SweepRun}.
 *
 * <p>Runs are numbered point after point: run {@code i} is replication {@code i % replications}
 * of design point {@code i / replications}. Its seed is {@code Seeds.derive(seed, point,
 * replication)}, or {@code Seeds.derive(seed, 0, replication)} with common random numbers, so that
 * replication r of every point shares one seed (and equals replication r of {@code hedgesim run}
 * with the same master seed).
 *
 * @param file the sweep file as the user named it
 * @param path the sweep file on disk
 * @param base the base scenario's merged document and files
 * @param samplingSeed the seed of the generator that draws random designs
 * @param warnings values of the base scenario, or set by the sweep at a parameter's bounds or
 *     levels, that lie outside their plausible range (docs/SCENARIOS.md)
 */
public record Sweep(String name, String description, String file, Path path,
    Inheritance.Resolved base, Scenario baseScenario, long seed, int replications,
    boolean commonRandomNumbers, Design design, long samplingSeed,
    List<SweepParameter> parameters, List<OutcomeSpec> outcomes, DesignPoints points,
    List<org.hedgesim.scenario.Problem> warnings) {

  public Sweep {
    warnings = List.copyOf(warnings);
    parameters = List.copyOf(parameters);
    outcomes = List.copyOf(outcomes);
  }

  public int pointCount() {
    return points.size();
  }

  public long runs() {
    return (long) points.size() * replications;
  }

  public int pointOf(long run) {
    return (int) (run / replications);
  }

  public int replicationOf(long run) {
    return (int) (run % replications);
  }

  /** The seed of a run. */
  public long seedOf(long run) {
    long point = commonRandomNumbers ? 0 : pointOf(run);
    return Seeds.derive(seed, point, replicationOf(run));
  }

  /** The value of a parameter at a design point, as written in the scenario and the results. */
  public String value(int point, int parameter) {
    return parameters.get(parameter).domain().text(points.units()[point][parameter]);
  }

  /** The base document with every parameter set to its value at a design point. */
  public YMap tree(int point) {
    return tree(point, base.tree());
  }

  /**
   * {@code start} (the base document, perhaps with other values already set, such as a posterior
   * draw's) with every parameter set to its value at a design point: the design's values win.
   */
  public YMap tree(int point, YMap start) {
    YMap tree = start;
    double[] u = points.units()[point];
    try {
      for (int j = 0; j < parameters.size(); j++) {
        SweepParameter p = parameters.get(j);
        tree = TreePaths.set(tree, p.path(), p.scalar(u[j]));
      }
    } catch (TreePaths.Unresolved e) {
      throw new IllegalStateException("a checked path no longer resolves: " + e.getMessage(), e);
    }
    return tree;
  }

  /** The scenario of a design point, bound and checked like any scenario. */
  public Scenario scenario(int point) throws ScenarioException {
    return ScenarioLoader.bind(tree(point), base.files());
  }
}
