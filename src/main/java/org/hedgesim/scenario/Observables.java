package org.hedgesim.scenario;

/**
 * How latent alignments map to observed indicators (docs/MODEL.md, "Observables"):
 * vote_position = logistic(vote_intercept + vote_slope x lean).
 */
public record Observables(double voteIntercept, double voteSlope) {}
