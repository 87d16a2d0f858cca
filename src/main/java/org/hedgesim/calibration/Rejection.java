package org.hedgesim.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.DesignPoints;
import org.hedgesim.experiment.LatinHypercube;
import org.hedgesim.experiment.OrderedParallel;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.scenario.ScenarioException;

/**
 * Rejection ABC (Pritchard, Seielstad, Perez-Lezaun and Feldman 1999), the baseline: a Latin
 * hypercube of {@code samples} points of the prior (coordinates mapped through each prior's
 * inverse distribution function), each simulated, and the {@code particles} closest to the fitted
 * observations kept with equal weights; the tolerance is the distance of the last one kept. Only
 * the closest are held in memory. The work is done in chunks, each saved in the journal, so that
 * an interrupted calibration resumes at the last chunk finished. A sample the scenario refuses
 * (a value outside what it accepts) counts as infinitely far.
 */
public final class Rejection {

  /** Samples simulated between two saves of the journal. */
  static final int CHUNK = 1000;
  /** The counter of {@link Seeds#derive} the hypercube's generator uses. */
  static final long DESIGN_STREAM = -3;

  private final Calibration c;
  private final Simulator simulator;
  private final int threads;

  public Rejection(Calibration c, Simulator simulator, int threads) {
    this.c = c;
    this.simulator = simulator;
    this.threads = threads;
  }

  private static final Comparator<Particle> FARTHEST_FIRST =
      Comparator.comparingDouble(Particle::distance).thenComparingInt(Particle::proposal).reversed();

  public AbcSmc.Outcome run(AbcSmc.Journal journal, SweepProgress progress) {
    return run(journal, progress, 0, c.samples());
  }

  /**
   * Simulates samples {@code from} to {@code to - 1} of the hypercube (a shard, or all of them) and
   * keeps the closest; the population's {@code proposals} is the index reached.
   */
  public AbcSmc.Outcome run(AbcSmc.Journal journal, SweepProgress progress, long from, long to) {
    DesignPoints points = new LatinHypercube(c.samples()).generate(new int[c.dimension()],
        new MersenneTwister(Seeds.derive(c.seed(), DESIGN_STREAM, 0)));
    PriorityQueue<Particle> closest = new PriorityQueue<>(FARTHEST_FIRST);
    long done = from;
    List<Population> before = journal.finished();
    if (!before.isEmpty()) {
      Population p = before.get(before.size() - 1);
      closest.addAll(p.particles());
      done = p.proposals();
    }
    progress.start(to - from, done - from);
    while (done < to) {
      long first = done;
      int n = (int) Math.min(CHUNK, to - first);
      try {
        OrderedParallel.run(n, threads, i -> sample(points, (int) (first + i)), (i, particle) -> {
          if (particle == null) return;
          closest.add(particle);
          if (closest.size() > c.particles()) closest.poll();
        });
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      done = first + n;
      journal.save(population(closest, done));
      progress.advance(done - from);
    }
    progress.finish(done - from);
    return new AbcSmc.Outcome(List.of(population(closest, done)), from == 0 && to == c.samples()
        ? "simulated all " + c.samples() + " samples" : "simulated samples " + from + " to " + (to - 1));
  }

  /**
   * The closest particles of several shards together: the same population a single process would
   * have kept, since the closest of the whole are among the closest of each part.
   */
  public AbcSmc.Outcome merge(List<Population> shards) {
    PriorityQueue<Particle> closest = new PriorityQueue<>(FARTHEST_FIRST);
    for (Population p : shards) {
      for (Particle q : p.particles()) {
        closest.add(q);
        if (closest.size() > c.particles()) closest.poll();
      }
    }
    // said as a single process says it: the results do not depend on the split
    return new AbcSmc.Outcome(List.of(population(closest, c.samples())), "simulated all " + c.samples() + " samples");
  }

  private Population population(PriorityQueue<Particle> closest, long done) {
    List<Particle> kept = new ArrayList<>(closest);
    kept.sort(Comparator.comparingInt(Particle::proposal));
    double w = 1.0 / kept.size();
    List<Particle> out = new ArrayList<>();
    double tolerance = 0;
    for (Particle p : kept) {
      out.add(p.withWeight(w));
      tolerance = Math.max(tolerance, p.distance());
    }
    return new Population(0, tolerance, done, out);
  }

  private Particle sample(DesignPoints points, int i) {
    double[] u = points.units()[i];
    double[] theta = new double[u.length];
    for (int j = 0; j < u.length; j++) {
      double x = Math.min(1 - 1e-12, Math.max(1e-12, u[j]));
      theta[j] = FreeParameter.rounded(c.parameters().get(j).prior().at(x));
    }
    try {
      double[][] predictions = simulator.simulate(c.scenario(theta), theta, i);
      return new Particle(i, theta, Distance.of(c, Simulator.mean(predictions)), 0, predictions);
    } catch (ScenarioException e) {
      return null;
    }
  }
}
