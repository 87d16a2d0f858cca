package org.hedgesim.scenario;

import java.util.Locale;

/**
 * The model's mechanisms, each of which can be switched off (a knock-out) with the scenario key
 * {@code knock_out:}. {@code hedgesim explain} switches each off in turn. docs/MODEL.md section 4
 * lists them with the class that implements each.
 */
public enum Mechanism {
  RETURNS("the value of ties (w_R R) in the marginal value of leaning"),
  SECURITY("the security value of a protector against the worst third-party threat (w_S S)"),
  THREAT("the dyadic threat of each pole (w_T T)"),
  VULNERABILITY("the risk of dependence on a distrusted partner (w_V V)"),
  PREDISPOSITION("the government's predisposition toward each pole (w_pi pi)"),
  HEDGING("the hedging penalty on leaning toward one of two rivals (h)"),
  UNCERTAINTY("the uncertainty of the balance between rivals in the hedging penalty (zeta u)"),
  DOMINANCE("the nationalist cost of leaning toward a partner one depends on (nu d on the diagonal)"),
  COURTSHIP("powers' courtship: offers of investment and aid that answer the state's lean"),
  COMPETITION("powers' courtship answering their rivals' courtship (chi)"),
  COERCION("powers' coercion: sanctions that rise with the lean, decay and are lifted"),
  CREDIBILITY("belief in a power's promises (q), learned from delivered and undelivered pledges"),
  BELIEFS("benignity (trust) moved by news and relaxing to its base"),
  DISPUTES("territorial and maritime disputes: salience and incidents"),
  POWER_TRANSITION("capabilities following relative GDP"),
  REGIME_SWITCH("Kuik's exit from hedging: bandwagoning on withdrawal, balancing on threat"),
  FRAMEWORK_REVIEW("endogenous exits from and joins to frameworks"),
  LEGITIMACY("legitimacy, nationalism and adaptive growth expectations"),
  GOVERNMENT("changes of government: leader events and successions in a legitimacy crisis"),
  ECONOMIC_FEEDBACK("flows answering alignment (alignment elasticity) and inflows answering growth"),
  SPIN_UP("the spin-up to the model's own equilibrium before the first step");

  private final String description;

  Mechanism(String description) {
    this.description = description;
  }

  /** The name used in files and on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  /** The mechanism with this key, or null. */
  public static Mechanism byKey(String key) {
    for (Mechanism m : values()) {
      if (m.key().equals(key)) return m;
    }
    return null;
  }
}
