package org.hedgesim.scenario;

/** How a small state weighs returns, threat, dominance and security, and its extra rule. */
public enum Strategy {
  HEDGER, BANDWAGONER, BALANCER, NEUTRAL
}
