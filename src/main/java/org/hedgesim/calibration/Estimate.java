package org.hedgesim.calibration;

import java.util.List;

/**
 * What a calibration found, whatever its method: the populations it went through (one for
 * rejection and cmaes), the one whose runs make the posterior predictive, the summary of each
 * parameter, why it stopped, and (cmaes) the profiles.
 *
 * @param method the method and its size, as calibrated.yaml's sources cite it
 */
public record Estimate(List<Population> generations, Population predictive, List<PosteriorSummary> summary,
    String stopped, String method, List<Cmaes.ProfilePoint> profiles) {

  public Estimate {
    generations = List.copyOf(generations);
    summary = List.copyOf(summary);
    profiles = List.copyOf(profiles);
  }

  /** The estimate of an ABC method: the last population's weighted particles. */
  public static Estimate ofAbc(Calibration c, AbcSmc.Outcome o) {
    Population last = o.last();
    String method = c.method() == Calibration.Method.REJECTION
        ? "rejection ABC, " + c.particles() + " of " + c.samples() + " samples"
        : "abc-smc, " + c.particles() + " particles, " + o.generations().size() + " generations";
    return new Estimate(o.generations(), last, PosteriorSummary.of(c, last), o.stopped(), method, List.of());
  }

  /** The estimate of cmaes: the optimum, with its profile intervals. */
  public static Estimate ofCmaes(Calibration c, Cmaes.Result r) {
    Population p = new Population(0, r.best().distance(), r.evaluations(), List.of(r.best().withWeight(1)));
    return new Estimate(List.of(p), p, Cmaes.summary(c, r), r.stopped(),
        "cmaes point estimate, " + r.evaluations() + " evaluations, 90% profile interval",
        r.profiles().stream().sorted(java.util.Comparator.comparingInt(Cmaes.ProfilePoint::parameter)
            .thenComparingDouble(Cmaes.ProfilePoint::value)).toList());
  }

  public long simulations(int replications) {
    long n = 0;
    for (Population p : generations) n += p.proposals();
    return n * replications;
  }
}
