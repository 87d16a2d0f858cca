package org.hedgesim.scenario;

/**
 * Weights of the terms of a small state's marginal value of leaning toward a pole: w_R (returns
 * of the ties), w_T (threat), w_V (vulnerability: dependence on a distrusted partner) and w_S
 * (security value against a third party).
 */
public record Weights(double returns, double threat, double vulnerability, double security) {}
