package org.hedgesim.scenario;

import java.util.Locale;

/**
 * The model's global parameters, named as in the scenario's {@code parameters:} section. Their
 * defaults and sources are in the built-in {@code defaults.yaml}; docs/MODEL.md explains each.
 */
public enum Parameter {
  CAPABILITY_EXPONENT("alpha: exponent of relative capability in threat", "1"),
  UTILITY_GAIN("gamma: gain of tanh(gamma x utility) in the target alignment", "1"),
  ALIGNMENT_NOISE("sigma of the Normal noise added to each alignment each step", "alignment units per step"),
  FRAMEWORK_WEIGHT("beta_f: weight of shared framework benefits in returns", "1"),
  EXIT_THRESHOLD("theta_exit: exit pressure above which a member counts towards leaving", "pressure units"),
  JOIN_THRESHOLD("theta_join: join attraction above which a non-member counts towards joining", "pressure units"),
  REVIEW_PATIENCE_MONTHS("months the pressure must stay past a threshold before an exit or join", "months"),
  PRESSURE_NOISE("sigma of the Normal noise added to each framework review", "pressure units"),
  EXIT_TRUST_SHOCK("trust with the lead lost at an exit", "trust units"),
  EXIT_TRUST_SCAR("share of the exit trust shock that lowers the base trust for good", "share"),
  EXIT_LEGITIMACY_GAIN("legitimacy gained at an exit, times nationalism", "legitimacy units"),
  JOIN_TRUST_GAIN("trust with the lead gained at a join", "trust units"),
  GROWTH_LEGITIMACY("lambda_g: legitimacy per unit of growth above the target growth", "per year"),
  DEPENDENCE_LEGITIMACY("lambda_d: legitimacy lost per unit of excess dependence x nationalism", "per year"),
  NATIONALISM_GAIN("lambda_nu: nationalism gained per unit of legitimacy below the reference", "per year"),
  LEGITIMACY_REFERENCE("legitimacy below which nationalism rises", "legitimacy units"),
  NATIONALISM_RELAXATION("pull of nationalism back to its base level", "per year"),
  TRUST_HALF_LIFE("years for trust to close half its gap to its base level", "years"),
  VISIT_TRUST_HEAD_OF_STATE("trust gained by a head-of-state visit", "trust units"),
  VISIT_TRUST_HEAD_OF_GOVERNMENT("trust gained by a head-of-government visit", "trust units"),
  VISIT_TRUST_MINISTER("trust gained by a ministerial visit", "trust units"),
  AID_TRUST("trust gained per US$ bn of one-off aid (at most 0.05 a gift)", "trust units per US$ bn"),
  SANCTION_TRUST_SHOCK("trust lost by the target of a new sanction", "trust units"),
  OFFER_TRUST("trust gained at each offer", "trust units"),
  INFLOW_GROWTH_EFFECT("phi: extra growth per unit of (inflows - starting inflows) / GDP", "1"),
  HEDGER_DIVERSIFICATION("weight of the hedger's diversification rule", "utility units"),
  STRATEGY_RULE_WEIGHT("size of the bandwagoner's and balancer's rule terms", "utility units"),
  REGIME_THREAT_THRESHOLD("threat above which a hedger with regime_switch balances", "threat units"),
  REGIME_RETURNS_FLOOR("returns below which a hedger with regime_switch bandwagons with the rival", "returns units");

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
