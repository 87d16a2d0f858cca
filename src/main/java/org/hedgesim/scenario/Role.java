package org.hedgesim.scenario;

/**
 * What an actor is in the model: small states decide; regional and great powers are poles (unless
 * the scenario lists its poles); "other" is a counterpart that neither decides nor is a pole, such
 * as the rest of the world in trade and investment shares.
 */
public enum Role {
  SMALL, REGIONAL, GREAT, OTHER
}
