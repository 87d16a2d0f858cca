package org.hedgesim.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.OrderedParallel;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;

/**
 * Approximate Bayesian computation by sequential Monte Carlo (Toni, Welch, Strelkowa, Ipsen and
 * Stumpf 2009; Beaumont, Cornuet, Marin and Robert 2009), with tolerances set by quantile (Del
 * Moral, Doucet and Jasra 2012 adapt them the same way).
 *
 * <ol>
 *   <li>Generation 0 draws the particles from the prior and accepts them all.</li>
 *   <li>Generation t takes as tolerance the {@code quantile} of generation t-1's distances. It
 *       proposes by picking a particle of t-1 by weight and moving it with the {@link Kernel};
 *       a proposal outside the prior's support, or with a value the scenario refuses, is drawn
 *       again. Each proposal is simulated ({@code replications} runs, averaged), and it is
 *       accepted when its distance is within the tolerance, until {@code particles} are.</li>
 *   <li>An accepted proposal's weight is prior(θ) / Σ_j W_j K(θ | θ_j), normalised.</li>
 *   <li>It stops after {@code generations}, or after a generation whose acceptance rate fell under
 *       {@code min_acceptance}, or when a generation cannot fill its population within
 *       particles / min_acceptance proposals (that generation is then dropped).</li>
 * </ol>
 *
 * <p>Proposal i of generation t draws from its own generator, seeded by
 * {@code Seeds.derive(seed, t * 2^32 + i, -1)}, and its runs have seeds
 * {@code Seeds.derive(seed, t * 2^32 + i, r)}. Proposals are simulated in batches on all threads
 * and accepted in proposal order, so the particles do not depend on the thread count or the batch
 * size: a batch's proposals after the last one needed are simulated and discarded.
 */
public final class AbcSmc {

  /** Keeps finished generations, so that an interrupted calibration takes up where it stopped. */
  public interface Journal {
    /** The generations finished before, in order (empty for a fresh start). */
    List<Population> finished();

    void save(Population population);
  }

  /** Why the sequence stopped. */
  public record Outcome(List<Population> generations, String stopped) {
    public Population last() {
      return generations.get(generations.size() - 1);
    }
  }

  private final Calibration c;
  private final Simulator simulator;
  private final int threads;
  private final double[] floors;

  public AbcSmc(Calibration c, Simulator simulator, int threads) {
    this.c = c;
    this.simulator = simulator;
    this.threads = threads;
    this.floors = new double[c.dimension()];
    for (int j = 0; j < floors.length; j++) {
      double[] r = c.parameters().get(j).prior().range();
      floors[j] = 1e-6 * (r[1] - r[0]);
    }
  }

  /** The counter of proposal {@code i} of generation {@code g}. */
  static long stream(int generation, long proposal) {
    return ((long) generation << 32) + proposal;
  }

  public Outcome run(Journal journal, SweepProgress progress) {
    List<Population> done = new ArrayList<>(journal.finished());
    long total = (long) c.generations() * c.particles();
    progress.start(total, (long) done.size() * c.particles());
    String stopped = "reached the " + c.generations() + " generations asked for";
    while (done.size() < c.generations()) {
      if (!done.isEmpty() && done.get(done.size() - 1).acceptance() < c.minAcceptance()) {
        stopped = String.format(java.util.Locale.ROOT, "generation %d accepted %.3g of its proposals, under"
            + " min_acceptance %s", done.size() - 1, done.get(done.size() - 1).acceptance(), c.minAcceptance());
        break;
      }
      int g = done.size();
      Population previous = g == 0 ? null : done.get(g - 1);
      long offset = (long) g * c.particles();
      Population next = generation(g, previous, n -> progress.advance(offset + n));
      if (next == null) {
        stopped = "generation " + g + " could not accept " + c.particles() + " particles within "
            + maxProposals() + " proposals (particles / min_acceptance); it was dropped";
        break;
      }
      journal.save(next);
      done.add(next);
    }
    progress.finish((long) done.size() * c.particles());
    return new Outcome(List.copyOf(done), stopped);
  }

  long maxProposals() {
    return (long) Math.ceil(c.particles() / Math.max(c.minAcceptance(), 1e-6));
  }

  /** The tolerance of the generation after {@code p}: a quantile of its distances. */
  double nextTolerance(Population p) {
    double[] d = p.particles().stream().mapToDouble(Particle::distance).sorted().toArray();
    int i = (int) Math.ceil(c.quantile() * d.length) - 1;
    return d[Math.max(0, Math.min(d.length - 1, i))];
  }

  private record Candidate(int index, double[] theta, double distance, double[][] predictions) {}

  /** One generation, or null when it cannot fill its population. */
  Population generation(int g, Population previous, java.util.function.LongConsumer accepted) {
    double tolerance = previous == null ? Double.POSITIVE_INFINITY : nextTolerance(previous);
    Kernel kernel = previous == null ? null : Kernel.of(previous.particles(), floors);
    double[] cumulative = previous == null ? null : cumulative(previous);
    List<Candidate> kept = new ArrayList<>();
    long proposals = 0;
    long next = 0;
    double rate = previous == null ? 1 : Math.max(c.quantile() / 2, 0.05);
    long max = previous == null ? c.particles() : maxProposals();
    while (kept.size() < c.particles() && next < max) {
      int need = c.particles() - kept.size();
      long batch = Math.min(max - next, Math.max(4L * threads, (long) Math.ceil(need / rate)));
      long first = next;
      List<Candidate> results = new ArrayList<>();
      try {
        OrderedParallel.run((int) batch, threads,
            i -> propose(g, first + i, previous, kernel, cumulative, tolerance),
            (i, cand) -> results.add(cand));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      for (Candidate cand : results) {
        if (kept.size() == c.particles()) break;
        proposals = cand.index() + 1;
        if (cand.distance() <= tolerance) {
          kept.add(cand);
          accepted.accept(kept.size());
        }
      }
      next = first + batch;
      rate = Math.max(1e-4, (double) kept.size() / next);
    }
    if (kept.size() < c.particles()) return null;
    List<Particle> particles = new ArrayList<>(kept.size());
    double[] raw = new double[kept.size()];
    double sum = 0;
    for (int i = 0; i < kept.size(); i++) {
      Candidate k = kept.get(i);
      raw[i] = previous == null ? 1 : weight(k.theta(), previous, kernel);
      sum += raw[i];
    }
    for (int i = 0; i < kept.size(); i++) {
      Candidate k = kept.get(i);
      particles.add(new Particle(k.index(), k.theta(), k.distance(), raw[i] / sum, k.predictions()));
    }
    return new Population(g, tolerance, proposals, particles);
  }

  private double weight(double[] theta, Population previous, Kernel kernel) {
    double denominator = 0;
    for (Particle p : previous.particles()) denominator += p.weight() * kernel.relativeDensity(theta, p.theta());
    return priorDensity(theta) / denominator;
  }

  double priorDensity(double[] theta) {
    double d = 1;
    for (int j = 0; j < theta.length; j++) d *= c.parameters().get(j).prior().density(theta[j]);
    return d;
  }

  private static double[] cumulative(Population p) {
    double[] cum = new double[p.particles().size()];
    double s = 0;
    for (int i = 0; i < cum.length; i++) {
      s += p.particles().get(i).weight();
      cum[i] = s;
    }
    for (int i = 0; i < cum.length; i++) cum[i] /= s;
    return cum;
  }

  /** The most draws for one proposal before the kernel is judged to leave the prior for good. */
  static final int MAX_DRAWS = 10_000;

  private Candidate propose(int g, long i, Population previous, Kernel kernel, double[] cumulative,
      double tolerance) {
    long stream = stream(g, i);
    MersenneTwister rng = new MersenneTwister(Seeds.derive(c.seed(), stream, -1));
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      double[] theta;
      if (previous == null) {
        theta = fromPrior(rng);
      } else {
        int at = Arrays.binarySearch(cumulative, rng.nextDouble());
        at = Math.min(cumulative.length - 1, at < 0 ? -at - 1 : at);
        theta = kernel.perturb(previous.particles().get(at).theta(), rng);
      }
      for (int j = 0; j < theta.length; j++) theta[j] = FreeParameter.rounded(theta[j]);
      if (priorDensity(theta) <= 0) continue;
      Scenario s;
      try {
        s = c.scenario(theta);
      } catch (ScenarioException e) {
        continue; // the prior is truncated to the values the scenario accepts
      }
      double[][] predictions = simulator.simulate(s, theta, stream);
      return new Candidate((int) i, theta, Distance.of(c, Simulator.mean(predictions)), predictions);
    }
    throw new IllegalStateException("proposal " + i + " of generation " + g + " found no value the prior and the"
        + " scenario accept in " + MAX_DRAWS + " draws");
  }

  /** A draw from the prior, by the inverse distribution function of each parameter. */
  double[] fromPrior(org.apache.commons.math3.random.RandomGenerator rng) {
    double[] theta = new double[c.dimension()];
    for (int j = 0; j < theta.length; j++) {
      double u = rng.nextDouble();
      while (u == 0) u = rng.nextDouble();
      theta[j] = c.parameters().get(j).prior().at(u);
    }
    return theta;
  }
}
