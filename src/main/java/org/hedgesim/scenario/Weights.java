package org.hedgesim.scenario;

/** Utility weights: w_R (returns), w_T (threat), w_D (dominance cost), w_S (security benefit). */
public record Weights(double returns, double threat, double dominance, double security) {}
