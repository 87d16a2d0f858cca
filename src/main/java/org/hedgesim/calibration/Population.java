package org.hedgesim.calibration;

import java.util.List;

/**
 * One generation of a calibration: the particles it accepted, the tolerance they met, and how many
 * proposals it took to find them.
 *
 * @param tolerance the largest distance accepted (infinite for a first generation drawn from the prior)
 * @param proposals the proposals made (each simulated) to accept the particles
 */
public record Population(int generation, double tolerance, long proposals, List<Particle> particles) {

  public Population {
    particles = List.copyOf(particles);
  }

  public double acceptance() {
    return proposals == 0 ? 0 : (double) particles.size() / proposals;
  }

  /** Kish's effective sample size of the weights: (sum w)^2 / sum w^2. */
  public double effectiveSize() {
    double s = 0;
    double s2 = 0;
    for (Particle p : particles) {
      s += p.weight();
      s2 += p.weight() * p.weight();
    }
    return s2 == 0 ? 0 : s * s / s2;
  }
}
