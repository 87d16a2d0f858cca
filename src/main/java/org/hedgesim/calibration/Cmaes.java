package org.hedgesim.calibration;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.OrderedParallel;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.scenario.ScenarioException;

/**
 * A point estimate by CMA-ES (Hansen and Ostermeier 2001; Commons Math's {@link CMAESOptimizer}),
 * minimising the distance under common random numbers: every evaluation runs the same
 * replication seeds, so that the distance is a deterministic function of the parameters and the
 * optimiser compares like with like. The search is bounded by each prior's central 99.8% and starts
 * at the priors' medians with a step of a third of that range.
 *
 * <p>Each parameter then gets a profile: the distance as that parameter alone varies over its
 * range, the others held at the optimum (a slice through the optimum, the cheap form of
 * OpenMOLE's Profile). Since the distance is -2 log likelihood up to a constant for Gaussian
 * observation errors, the values whose distance is within 2.706 (the 90% quantile of chi-square
 * with one degree of freedom) of the profile's minimum form a 90% likelihood-ratio interval, and
 * within 0.455 a 50% one (Pawitan 2001, ch. 2); they are reported as the estimate's intervals. A
 * slice ignores the other parameters' uncertainty, so these intervals are narrower than a full
 * profile's or a posterior's would be.
 *
 * <p>Every evaluation is kept in the journal: a resumed run replays the optimiser, which asks for
 * the same points in the same order (its generator is seeded), and is answered from the journal
 * until it asks for a point not yet evaluated.
 */
public final class Cmaes {

  /** The 90% and 50% quantiles of chi-square with one degree of freedom. */
  static final double CHI2_90 = 2.705543454;
  static final double CHI2_50 = 0.4549364231;
  /** The counter of {@link Seeds#derive} that the optimiser's own generator uses. */
  static final long OPTIMISER_STREAM = -5;
  /** The stream of the common random numbers: every evaluation runs these replication seeds. */
  static final long COMMON_STREAM = 0;
  /** The distance given to a point the scenario refuses. */
  static final double REFUSED = 1e300;

  /** One profile point. */
  public record ProfilePoint(int parameter, double value, double distance) {}

  /** The estimate: the best point found, its runs, the evaluations it took, and the profiles. */
  public record Result(Particle best, long evaluations, List<ProfilePoint> profiles, String stopped) {}

  /** Remembers evaluations, so that a resumed run answers the optimiser without running the model. */
  public interface Memory {
    /** The evaluation numbered {@code n} if it was done before, else null. */
    Particle recall(long n);

    void remember(long n, Particle p);
  }

  private final Calibration c;
  private final Simulator simulator;
  private final int threads;

  public Cmaes(Calibration c, Simulator simulator, int threads) {
    this.c = c;
    this.simulator = simulator;
    this.threads = threads;
  }

  public Result run(Memory memory, org.hedgesim.experiment.SweepProgress progress) {
    int d = c.dimension();
    double[] lower = new double[d];
    double[] upper = new double[d];
    double[] start = new double[d];
    double[] sigma = new double[d];
    for (int j = 0; j < d; j++) {
      Prior p = c.parameters().get(j).prior();
      double[] r = p.range();
      lower[j] = r[0];
      upper[j] = r[1];
      start[j] = FreeParameter.rounded(p.at(0.5));
      sigma[j] = (r[1] - r[0]) / 3;
    }
    long total = c.evaluations() + (long) d * (c.profilePoints() + 2 * REFINE);
    progress.start(total, 0);
    long[] count = {0};
    Particle[] best = {null};
    MultivariateFunction f = x -> {
      long n = count[0]++;
      Particle p = memory.recall(n);
      if (p == null) {
        p = evaluate((int) n, x);
        memory.remember(n, p);
      }
      if (best[0] == null || p.distance() < best[0].distance()) best[0] = p;
      progress.advance(Math.min(count[0], c.evaluations()));
      return p.distance();
    };
    int lambda = 4 + (int) Math.floor(3 * Math.log(d));
    CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
        new MersenneTwister(Seeds.derive(c.seed(), OPTIMISER_STREAM, 0)), false, new SimpleValueChecker(1e-10, 1e-12));
    String stopped;
    try {
      PointValuePair pv = optimizer.optimize(new MaxEval(c.evaluations()), new MaxIter(Integer.MAX_VALUE),
          new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper),
          new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
      stopped = "converged after " + count[0] + " evaluations (distance " + org.hedgesim.output.Numbers.format(pv.getValue()) + ")";
    } catch (TooManyEvaluationsException e) {
      stopped = "used the " + c.evaluations() + " evaluations allowed";
    }
    long evaluations = count[0];
    List<ProfilePoint> profiles = profiles(best[0], memory, evaluations, progress);
    progress.finish(total);
    return new Result(best[0], evaluations, profiles, stopped);
  }

  /** One evaluation: the distance at {@code x} under the common random numbers. */
  private Particle evaluate(int n, double[] x) {
    double[] theta = new double[x.length];
    for (int j = 0; j < x.length; j++) theta[j] = FreeParameter.rounded(x[j]);
    double[][] predictions;
    try {
      org.hedgesim.scenario.Scenario s = c.scenario(theta);
      predictions = new double[c.replications()][];
      OrderedParallel.run(c.replications(), threads,
          r -> simulator.model().observe(s, theta, simulator.seed(COMMON_STREAM, r), c.observations()),
          (r, v) -> predictions[r] = v);
    } catch (ScenarioException e) {
      return new Particle(n, theta, REFUSED, 1, new double[c.replications()][c.observations().size()]);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new Particle(n, theta, Distance.of(c, Simulator.mean(predictions)), 1, predictions);
  }

  /** Bisection steps that place each end of a profile interval between two grid points. */
  static final int REFINE = 8;

  /**
   * The profiles: for each parameter, {@code profile_points} evenly over its range (run in
   * parallel), then each end of its 90% interval placed by {@link #REFINE} bisections between the
   * last grid point inside and the first outside.
   */
  private List<ProfilePoint> profiles(Particle best, Memory memory, long first,
      org.hedgesim.experiment.SweepProgress progress) {
    int d = c.dimension();
    int m = c.profilePoints();
    List<ProfilePoint> out = new ArrayList<>();
    long[] n = {first};
    for (int j = 0; j < d; j++) {
      int jj = j;
      double[] r = c.parameters().get(j).prior().range();
      List<ProfilePoint> profile = new ArrayList<>();
      Particle[] grid = new Particle[m];
      long base = n[0];
      try {
        OrderedParallel.run(m, 1, i -> {
          double[] x = best.theta().clone();
          x[jj] = r[0] + (r[1] - r[0]) * i / (m - 1);
          Particle p = memory.recall(base + i);
          return p != null ? p : evaluate((int) (base + i), x);
        }, (i, p) -> {
          grid[i] = p;
          memory.remember(base + i, p);
        });
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      n[0] += m;
      for (Particle p : grid) profile.add(new ProfilePoint(j, p.theta()[j], p.distance()));
      double limit = best.distance();
      for (ProfilePoint p : profile) limit = Math.min(limit, p.distance());
      limit += CHI2_90;
      for (int side : new int[] {-1, 1}) {
        double inside = best.theta()[j];
        double outside = Double.NaN;
        for (ProfilePoint p : profile) {
          boolean beyond = side < 0 ? p.value() < inside : p.value() > inside;
          if (beyond && p.distance() > limit && (Double.isNaN(outside) || Math.abs(p.value() - inside) < Math.abs(outside - inside))) {
            outside = p.value();
          }
        }
        for (int step = 0; step < REFINE; step++) {
          long at = n[0]++;
          if (Double.isNaN(outside)) continue;
          double[] x = best.theta().clone();
          x[j] = FreeParameter.rounded((inside + outside) / 2);
          Particle p = memory.recall(at);
          if (p == null) {
            p = evaluate((int) at, x);
            memory.remember(at, p);
          }
          profile.add(new ProfilePoint(j, p.theta()[j], p.distance()));
          if (p.distance() <= limit) inside = x[j];
          else outside = x[j];
        }
      }
      progress.advance(c.evaluations() + (j + 1L) * (m + 2 * REFINE));
      out.addAll(profile);
    }
    return out;
  }

  /**
   * The interval of a profile: from the optimum, the values on each side whose distance stays
   * within {@code threshold} of the lowest distance, with each end placed by linear interpolation
   * between the last point inside and the first outside (at the range's end when none is outside).
   */
  static double[] interval(List<ProfilePoint> profile, double value, double optimum, double threshold) {
    List<double[]> pts = new ArrayList<>();
    for (ProfilePoint p : profile) pts.add(new double[] {p.value(), p.distance()});
    pts.add(new double[] {value, optimum});
    pts.sort((a, b) -> Double.compare(a[0], b[0]));
    int best = 0;
    for (int i = 0; i < pts.size(); i++) if (pts.get(i)[1] < pts.get(best)[1]) best = i;
    double limit = pts.get(best)[1] + threshold;
    int centre = best;
    for (int i = 0; i < pts.size(); i++) if (pts.get(i)[0] == value) centre = i;
    if (pts.get(centre)[1] > limit) centre = best;
    return new double[] {edge(pts, centre, -1, limit), edge(pts, centre, 1, limit)};
  }

  private static double edge(List<double[]> pts, int from, int step, double limit) {
    int i = from;
    while (i + step >= 0 && i + step < pts.size() && pts.get(i + step)[1] <= limit) i += step;
    if (i + step < 0 || i + step >= pts.size()) return pts.get(i)[0];
    double[] in = pts.get(i);
    double[] out = pts.get(i + step);
    double t = (limit - in[1]) / (out[1] - in[1]);
    return in[0] + t * (out[0] - in[0]);
  }

  /** The estimate of each parameter: the optimum, with the profiles' 50% and 90% intervals. */
  public static List<PosteriorSummary> summary(Calibration c, Result r) {
    List<PosteriorSummary> out = new ArrayList<>();
    for (int j = 0; j < c.dimension(); j++) {
      int jj = j;
      List<ProfilePoint> profile = r.profiles().stream().filter(p -> p.parameter() == jj).toList();
      double v = r.best().theta()[j];
      double[] i90 = interval(profile, v, r.best().distance(), CHI2_90);
      double[] i50 = interval(profile, v, r.best().distance(), CHI2_50);
      double sd = (i90[1] - i90[0]) / (2 * 1.6448536270);
      FreeParameter f = c.parameters().get(j);
      double shrinkage = 1 - sd / f.prior().sd();
      out.add(new PosteriorSummary(f, v, sd, v, i90[0], i50[0], i50[1], i90[1], shrinkage,
          PosteriorSummary.Verdict.of(shrinkage)));
    }
    return out;
  }
}
