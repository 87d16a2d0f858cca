package org.hedgesim.scenario;

/** How a pole treats small states that lean away from it. */
public enum Approach {
  /** courts with aid and investment offers, and rewards rapprochement */
  POSITIVE,
  /** sanctions a state that leans to its rivals past a floor */
  NEGATIVE,
  /** offers above the floor, sanctions below it */
  MIXED,
  /** does nothing on its own */
  NONE
}
