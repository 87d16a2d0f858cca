package org.hedgesim.scenario;

/**
 * A strategy as a set of parameters (docs/MODEL.md, "Strategies"): the weights of the marginal
 * value, the commitment cost c (the cost of leaning at all) and the risk aversion rho (how much the
 * state fears being caught leaning toward one of two rivals).
 */
public record Profile(Weights weights, double commitmentCost, double riskAversion) {}
