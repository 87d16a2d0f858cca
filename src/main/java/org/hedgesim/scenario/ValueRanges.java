package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hard and plausible range of every numeric key a scenario may write (docs/SCENARIOS.md,
 * "Plausible ranges", lists the same table). Keys are named by section: {@code parameters.*},
 * {@code actors.*} (also {@code actor_defaults}), {@code actors.inducements.*},
 * {@code strategies.*} (also an actor's {@code weights}), {@code relations.*},
 * {@code channels.*}, {@code flows.*}, {@code frameworks.*}, {@code projects.*},
 * {@code disputes.*}, {@code observables.*}, {@code events.*} (an event's rate and each action's
 * numbers, also in a project's effects) and {@code predisposition} (a government's leaning to a
 * pole).
 */
public final class ValueRanges {

  private static final String SHARE = "it is a share of a quantity that runs from 0 to 1";
  private static final String WEIGHT = "a weight beyond it lets one term swamp every other";
  private static final String GROWTH = "a growth rate beyond 100% a year means nothing";
  private static final String MONTHS = "beyond a century the effect never happens in any run";
  private static final String PATIENCE = "patience of no time means a condition acts before it"
      + " has held at all; beyond a century it never acts";
  private static final String HALF_LIFE = "a half-life of zero or less divides by zero;"
      + " beyond a millennium nothing ever relaxes";
  private static final String RATE = "a rate per year above 4 overshoots its target within one"
      + " quarterly step";
  private static final String MONEY = "US$ bn; above it the amount dwarfs the world economy";
  private static final String NOISE = "noise as wide as the scale drowns every decision";
  private static final String THRESHOLD = "a threshold far above any value the quantity takes"
      + " switches the mechanism off; use knock_out for that";

  private static final Map<String, ValueRange> RANGES = new LinkedHashMap<>();

  static {
    // parameters (docs/MODEL.md, "Details")
    p("capability_exponent", 0, 10, 0.1, 2, "an exponent in the tens makes threat a step of capability");
    p("framework_weight", 0, 100, 0, 1, WEIGHT);
    p("uncertainty_weight", 0, 100, 0, 5, WEIGHT);
    p("predisposition_weight", 0, 100, 0, 2, WEIGHT);
    p("alignment_noise", 0, 1, 0, 0.1, NOISE);
    p("strategy_rule_weight", 0, 10, 0, 1, WEIGHT);
    p("balance_threshold", 0, 10, 0.1, 2, THRESHOLD);
    p("bandwagon_floor", 0, 1, 0, 0.5, SHARE);
    open("parameters.switch_patience_months", 0, 1200, 1, 60, PATIENCE);
    p("switch_hysteresis", 0, 10, 0, 1, "it is a share of the threshold");
    p("exit_threshold", 0, 10, 0.01, 1, THRESHOLD);
    p("join_threshold", 0, 10, 0.01, 1, THRESHOLD);
    open("parameters.review_patience_months", 0, 1200, 1, 60, PATIENCE);
    p("pressure_noise", 0, 1, 0, 0.2, NOISE);
    p("exit_trust_shock", 0, 1, 0, 0.5, SHARE);
    p("exit_trust_scar", 0, 1, 0, 1, SHARE);
    p("exit_legitimacy_gain", 0, 1, 0, 0.5, SHARE);
    p("join_trust_gain", 0, 1, 0, 0.5, SHARE);
    p("growth_legitimacy", 0, 100, 0, 5, WEIGHT);
    p("dependence_legitimacy", 0, 100, 0, 2, WEIGHT);
    p("expectation_adaptation", 0, 4, 0, 1, RATE);
    p("nationalism_gain", 0, 100, 0, 2, WEIGHT);
    p("legitimacy_reference", 0, 1, 0.2, 0.8, "legitimacy runs from 0 to 1");
    p("nationalism_relaxation", 0, 4, 0, 1, RATE);
    p("legitimacy_crisis", 0, 1, 0.05, 0.5, "legitimacy runs from 0 to 1");
    open("parameters.crisis_months", 0, 1200, 1, 60, PATIENCE);
    p("project_legitimacy_gain", 0, 1, 0, 0.3, SHARE);
    open("parameters.trust_half_life", 0, 1000, 0.25, 50, HALF_LIFE);
    p("visit_trust_head_of_state", 0, 1, 0, 0.2, SHARE);
    p("visit_trust_head_of_government", 0, 1, 0, 0.2, SHARE);
    p("visit_trust_minister", 0, 1, 0, 0.2, SHARE);
    p("visit_repeat_discount", 0, 1, 0, 1, "it is a factor on the news of a visit");
    p("aid_trust", 0, 1, 0, 0.5, SHARE);
    p("sanction_trust_shock", 0, 1, 0, 0.5, SHARE);
    p("delivery_trust", 0, 100, 0, 10, WEIGHT);
    p("delivery_credibility", 0, 1, 0, 0.3, SHARE);
    p("coercion_trust", 0, 1, 0, 0.5, SHARE);
    p("project_trust_gain", 0, 1, 0, 0.3, SHARE);
    p("courtship_decay", 0, 2, 0.05, 1, "with a responsiveness of 1, a decay above 2 flips courtship's sign each review");
    p("coercion_decay", 0, 1, 0, 1, "it is the share of coercion dropped");
    p("incident_trust", 0, 1, 0, 0.5, SHARE);
    p("incident_salience", 0, 1, 0, 1, SHARE);
    p("incident_legitimacy", 0, 1, 0, 0.5, SHARE);
    p("incident_rally", 0, 1, 0, 0.5, SHARE);
    open("parameters.salience_half_life", 0, 1000, 0.25, 50, HALF_LIFE);
    p("inflow_growth_effect", 0, 100, 0, 2, WEIGHT);
    add("parameters.spinup_months", 0, 1200, 0, 600, MONTHS);
    add("replications", 1, 1_000_000, 1, 10_000, "a run of a million replications is the most the tools handle");
    // actors
    add("actors.capability", 0, 1, 0, 1, SHARE);
    add("actors.gdp", 0, 1e6, 0, 30_000, MONEY);
    add("actors.growth", -1, 1, -0.15, 0.15, GROWTH);
    add("actors.growth_target", -1, 1, -0.05, 0.15, GROWTH);
    add("actors.nationalism", 0, 1, 0, 1, SHARE);
    add("actors.legitimacy", 0, 1, 0, 1, SHARE);
    open("actors.neutrality", 0, 1, 0.05, 1, "it is a bound on the size of a lean, from 0 to 1");
    open("actors.inertia", 0, 1, 0.01, 0.5, "it is the share of the gap closed in a month");
    add("actors.tolerance", 0, 1, 0.05, 1, SHARE);
    add("actors.strategic_value", 0, 100, 0, 10, WEIGHT);
    add("actors.assertiveness", 0, 1, 0, 1, SHARE);
    open("actors.commitment_cost", 0, 100, 0.05, 10, "a cost of zero makes the choice unbounded");
    add("actors.risk_aversion", 0, 100, 0, 5, WEIGHT);
    add("actors.inducements.budget", 0, 1e4, 0, 100, MONEY);
    open("actors.inducements.responsiveness", 0, 1, 0.05, 1, "it is the share of the desired change made");
    add("actors.inducements.rivalry_response", 0, 10, 0, 1, "above it courtship races never settle");
    add("actors.inducements.tolerance", 0, 2, 0, 1, "a lean runs from -1 to 1");
    add("actors.inducements.hysteresis", 0, 2, 0, 0.5, "a lean runs from -1 to 1");
    add("actors.inducements.max_coercion", 0, 1, 0, 1, SHARE);
    add("actors.inducements.delivery", 0, 1, 0, 1, SHARE);
    open("actors.inducements.review_months", 0, 1200, 1, 24, PATIENCE
        + "; it is also at least one step");
    add("predisposition", -1, 1, -1, 1, "a predisposition runs from -1 (away) to 1 (toward)");
    // strategies and an actor's own weights
    add("strategies.returns", 0, 100, 0, 5, WEIGHT);
    add("strategies.threat", 0, 100, 0, 5, WEIGHT);
    add("strategies.vulnerability", 0, 100, 0, 5, WEIGHT);
    add("strategies.security", 0, 100, 0, 5, WEIGHT);
    open("strategies.commitment_cost", 0, 100, 0.05, 10, "a cost of zero makes the choice unbounded");
    add("strategies.risk_aversion", 0, 100, 0, 5, WEIGHT);
    // relations
    for (String k : List.of("trust", "grievance", "proximity", "security", "credibility", "rivalry")) {
      add("relations." + k, 0, 1, 0, 1, SHARE);
    }
    // channels
    add("channels.weight", 0, 1, 0, 1, "the weights of the channels in use sum to 1");
    add("channels.depreciation", 0, 1, 0, 0.3, "it is the share of a stock written off a year");
    add("channels.alignment_elasticity", -10, 10, -1, 1, "an elasticity in the tens swings a flow by its whole size at a small lean");
    // flows
    add("flows.amount", 0, 1e6, 0, 5_000, MONEY);
    add("flows.stock", 0, 1e7, 0, 50_000, MONEY);
    add("flows.growth", -1, 1, -0.3, 0.3, GROWTH);
    add("flows.count", 0, 1e6, 0, 10_000, "a count in the millions is no count of deals or people a scenario follows");
    // frameworks
    add("frameworks.benefit", 0, 1, 0, 0.2, "a benefit is a share of GDP");
    add("frameworks.sovereignty_cost", 0, 10, 0, 1, WEIGHT);
    add("frameworks.exit_cost", 0, 10, 0, 0.5, WEIGHT);
    // projects
    add("projects.cost", 0, 1e4, 0, 200, MONEY);
    add("projects.financier_share", 0, 1, 0, 1, SHARE);
    add("projects.months", 1, 1200, 1, 240, MONTHS);
    add("projects.completion_probability", 0, 1, 0, 1, "it is a probability");
    add("projects.max_delay_months", 1, 1200, 1, 120, MONTHS);
    add("projects.delivery", 0, 1, 0, 1, SHARE);
    // disputes
    add("disputes.salience", 0, 1, 0, 1, SHARE);
    add("disputes.rate", 0, ScenarioLoader.MAX_RATE, 0, 24, "more than one incident a day floods the run");
    open("disputes.severity", 0, 1, 0.01, 1, SHARE);
    // observables
    add("observables.vote_intercept", -100, 100, -5, 5, "a logistic intercept of a hundred pins every vote at one end");
    add("observables.vote_slope", -100, 100, 0, 20, "a logistic slope of a hundred makes the vote a step of the lean");
    // events and project effects
    open("events.rate", 0, ScenarioLoader.MAX_RATE, 0, 52, "more than one occurrence a day floods the run");
    add("events.sanction.severity", 0, 1, 0, 1, SHARE);
    add("events.trade_agreement.export_boost", 0, 10, 0, 1, "a boost of ten times the exports is no trade agreement");
    add("events.aid.amount", 0, 1e4, 0, 100, MONEY + "; and it is at most ten times the recipient's GDP");
    add("events.shock.growth", -1, 1, -0.3, 0.3, GROWTH);
    add("events.shock.months", 1, 1200, 1, 120, MONTHS);
    add("events.reroute.share", 0, 1, 0, 1, SHARE);
    for (String k : List.of("trust", "grievance", "proximity", "security", "credibility", "rivalry")) {
      add("events.relation." + k, -1, 1, -1, 1, "a change of a share runs from -1 to 1");
    }
    open("events.incident.severity", 0, 1, 0.01, 1, SHARE);
  }

  private ValueRanges() {}

  private static void p(String key, double low, double high, double pLow, double pHigh, String why) {
    add("parameters." + key, low, high, pLow, pHigh, why);
  }

  private static void add(String key, double low, double high, double pLow, double pHigh, String why) {
    RANGES.put(key, new ValueRange(key, low, false, high, pLow, pHigh, why));
  }

  private static void open(String key, double low, double high, double pLow, double pHigh, String why) {
    RANGES.put(key, new ValueRange(key, low, true, high, pLow, pHigh, why));
  }

  /** Every range, in the order of the docs' table. */
  public static List<ValueRange> all() {
    return Collections.unmodifiableList(new ArrayList<>(RANGES.values()));
  }

  /** The range of a key, or null when the key has none. */
  public static ValueRange of(String key) {
    return RANGES.get(key);
  }
}
