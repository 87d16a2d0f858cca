package org.hedgesim.scenario;

import java.util.Locale;

/**
 * The model's global parameters, named as in the scenario's {@code parameters:} section. Their
 * defaults and sources are in the built-in {@code defaults.yaml}; docs/MODEL.md explains each.
 */
public enum Parameter {
  // perception and choice (docs/MODEL.md, section 3)
  CAPABILITY_EXPONENT("alpha: exponent of the relative capability c_k / (c_k + c_i) in threat", "1"),
  FRAMEWORK_WEIGHT("beta_f: weight of shared economic framework benefits in the value of ties", "1"),
  UNCERTAINTY_WEIGHT("zeta: how much an even, uncertain balance between two rivals raises the hedging penalty", "1"),
  PREDISPOSITION_WEIGHT("w_pi: weight of the government's predisposition in the marginal value", "1"),
  ALIGNMENT_NOISE("sigma of the Normal noise added to each alignment each step", "alignment units per step"),
  STRATEGY_RULE_WEIGHT("size of the pull toward (bandwagoning) or away from (balancing) the pole a regime switch names", "marginal value units"),
  BALANCE_THRESHOLD("theta_bal: threat above which a hedger that may switch starts balancing against the pole", "threat units"),
  BANDWAGON_FLOOR("share of a pole's value of ties below which its best rival's must fall before a hedger bandwagons", "share"),
  SWITCH_PATIENCE_MONTHS("months a switch condition must hold before the regime switches (and before it switches back)", "months"),
  SWITCH_HYSTERESIS("how far back past its threshold a condition must go before a switched state returns to its strategy", "share of the threshold"),
  // frameworks
  EXIT_THRESHOLD("theta_exit: exit pressure above which a member counts towards leaving", "pressure units"),
  JOIN_THRESHOLD("theta_join: join attraction above which a non-member counts towards joining", "pressure units"),
  REVIEW_PATIENCE_MONTHS("months the pressure must stay past a threshold before an exit or join", "months"),
  PRESSURE_NOISE("sigma of the Normal noise added to each framework review", "pressure units"),
  EXIT_TRUST_SHOCK("size of the bad news for trust in the lead at an exit", "share of trust"),
  EXIT_TRUST_SCAR("share of the exit's bad news that also lowers the base trust for good", "share"),
  EXIT_LEGITIMACY_GAIN("legitimacy gained at an exit, times nationalism", "share of the room to 1"),
  JOIN_TRUST_GAIN("size of the good news for trust in the lead at a join", "share of the room to 1"),
  // domestic politics and government
  GROWTH_LEGITIMACY("lambda_g: legitimacy per unit of growth above the expected growth", "per year"),
  DEPENDENCE_LEGITIMACY("lambda_d: legitimacy lost per unit of excess dependence x nationalism", "per year"),
  EXPECTATION_ADAPTATION("lambda_e: the share of the gap between growth and expected growth closed in a year", "per year"),
  NATIONALISM_GAIN("lambda_nu: nationalism gained per unit of legitimacy below the reference", "per year"),
  LEGITIMACY_REFERENCE("legitimacy below which nationalism rises", "legitimacy units"),
  NATIONALISM_RELAXATION("pull of nationalism back to its base level", "per year"),
  LEGITIMACY_CRISIS("legitimacy below which a government with declared successors is in crisis", "legitimacy units"),
  CRISIS_MONTHS("months of crisis before the government falls and a successor is drawn", "months"),
  PROJECT_LEGITIMACY_GAIN("legitimacy gained by the host when a project is completed (a visible win)", "share of the room to 1"),
  // beliefs
  TRUST_HALF_LIFE("years for trust (benignity) to close half its gap to its base level", "years"),
  VISIT_TRUST_HEAD_OF_STATE("good news of a head-of-state visit", "share of the room to 1"),
  VISIT_TRUST_HEAD_OF_GOVERNMENT("good news of a head-of-government visit", "share of the room to 1"),
  VISIT_TRUST_MINISTER("good news of a ministerial visit", "share of the room to 1"),
  VISIT_REPEAT_DISCOUNT("factor on the news of a visit of the same level by the same visitor within a year", "factor"),
  AID_TRUST("good news per US$ bn of one-off aid (at most 0.05 a gift)", "per US$ bn"),
  SANCTION_TRUST_SHOCK("bad news for the target of a new scripted sanction", "share of trust"),
  DELIVERY_TRUST("good news for trust when a review's courtship is delivered", "share of the room to 1"),
  DELIVERY_CREDIBILITY("news for credibility at each delivered (good) or undelivered (bad) pledge", "share"),
  COERCION_TRUST("bad news for trust per review, per unit of coercion in force", "share of trust"),
  PROJECT_TRUST_GAIN("good news for trust in the financier when its project is completed", "share of the room to 1"),
  // powers
  COURTSHIP_DECAY("delta_e: the decay of courtship in the Richardson equation, per review", "per review"),
  COERCION_DECAY("the share of coercion dropped at a review when the gap is back within the tolerance", "per review"),
  // disputes
  INCIDENT_TRUST("bad news for trust in the power per unit of incident severity", "share of trust"),
  INCIDENT_SALIENCE("rise of a dispute's salience per unit of incident severity", "share of the room to 1"),
  INCIDENT_LEGITIMACY("legitimacy lost per unit of severity x nationalism when the state yields", "share of legitimacy"),
  INCIDENT_RALLY("legitimacy gained per unit of severity x nationalism when the state stands firm", "share of the room to 1"),
  SALIENCE_HALF_LIFE("years for a dispute's salience to close half its gap to its base level", "years"),
  // economy
  INFLOW_GROWTH_EFFECT("phi: extra growth per unit of (inflows - starting inflows) / GDP", "1"),
  // initial state
  SPINUP_MONTHS("months of spin-up (events off, clock stopped) before the first step", "months");

  private final String description;
  private final String unit;

  Parameter(String description, String unit) {
    this.description = description;
    this.unit = unit;
  }

  /** The key in the scenario file. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  public String unit() {
    return unit;
  }

  /** The parameter with this key, or null. */
  public static Parameter byKey(String key) {
    for (Parameter p : values()) {
      if (p.key().equals(key)) return p;
    }
    return null;
  }
}
