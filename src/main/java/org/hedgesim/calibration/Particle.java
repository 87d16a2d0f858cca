package org.hedgesim.calibration;

/**
 * An accepted parameter vector: its values, its importance weight (the weights of a population sum
 * to 1), its distance to the fitted observations, and the model's value of every observation in
 * each of its replications ([replication][observation]), kept for the posterior predictive.
 *
 * @param proposal the proposal's number within its generation
 */
public record Particle(int proposal, double[] theta, double distance, double weight, double[][] predictions) {

  public Particle withWeight(double w) {
    return new Particle(proposal, theta, distance, w, predictions);
  }
}
