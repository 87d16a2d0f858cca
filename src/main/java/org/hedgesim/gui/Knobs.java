package org.hedgesim.gui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.hedgesim.scenario.Action;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Approach;
import org.hedgesim.scenario.EventSpec;
import org.hedgesim.scenario.Inducements;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.Strategy;

/**
 * The scenario's key values as knobs for the Model tab, read from the scenario itself: for each
 * small state its nationalism, neutrality bound, strategy, risk aversion, commitment cost, tolerated
 * dependence and inertia; for each pole its doctrine, budget, largest coercion and its rivalry
 * with each other pole; the model parameters that drive alignment
 * and exits; and each event (on or off, or its yearly rate). {@link #apply()} gives the scenario of
 * the next run. Each change means what the same change in a scenario file would mean; a changed
 * strategy brings that strategy's default weights.
 */
final class Knobs {
  static final String STATES = "States";
  static final String POWERS = "Powers";
  static final String MODEL = "Parameters";
  static final String EVENTS = "Events";

  /** Shown above each group of knobs, in a text area that wraps (a one-line field cut it off). */
  static final String NOTE = "Edits apply at the next Play: press Stop, then Play, and a new run starts from"
      + " the start date with the same seed, so the difference is the change alone. Hover over a name for"
      + " what it means and the scenario's own value.";

  /** The parameters worth a slider in class, with their ranges. */
  private record Range(Parameter parameter, double min, double max) {}

  private static final List<Range> PARAMETERS = List.of(
      new Range(Parameter.UNCERTAINTY_WEIGHT, 0.0, 3.0),
      new Range(Parameter.BALANCE_THRESHOLD, 0.0, 1.0),
      new Range(Parameter.ALIGNMENT_NOISE, 0.0, 0.1),
      new Range(Parameter.CAPABILITY_EXPONENT, 0.0, 2.0),
      new Range(Parameter.EXIT_THRESHOLD, 0.0, 1.0),
      new Range(Parameter.REVIEW_PATIENCE_MONTHS, 1.0, 24.0),
      new Range(Parameter.EXIT_LEGITIMACY_GAIN, 0.0, 0.5),
      new Range(Parameter.EXIT_TRUST_SHOCK, 0.0, 0.5),
      new Range(Parameter.TRUST_HALF_LIFE, 0.5, 20.0));

  private static final String[] STRATEGIES = names(Strategy.values());
  private static final String[] APPROACHES = names(Approach.values());

  private final Scenario base;
  private final List<Knob> all = new ArrayList<>();
  private final Knob tieChannel;

  Knobs(Scenario base) {
    this.base = base;
    for (ActorSpec a : base.actors()) {
      if (a.isSmall()) addSmallState(a);
    }
    for (String id : base.poles()) addPole(base.actor(id));
    for (Range r : PARAMETERS) {
      Parameter p = r.parameter();
      all.add(Knob.number(MODEL, p.key(), p.description() + " [" + p.unit() + "]",
          base.parameters().get(p), r.min(), r.max(),
          (s, k) -> s.withParameters(s.parameters().with(p, k.number()))));
    }
    for (EventSpec e : base.events()) addEvent(e);
    String[] channels = base.channels().stream().map(c -> c.kind()).toArray(String[]::new);
    tieChannel = channels.length == 0 ? null : Knob.choice(MODEL, "map: tie width",
        "Which flow sets the width of a tie on the map: the stock (for stock channels) or the"
            + " yearly amount, in US$ bn", channels, 0, null);
    if (tieChannel != null) all.add(tieChannel);
  }

  private void addSmallState(ActorSpec a) {
    String id = a.id();
    all.add(Knob.number(STATES, id + " nationalism",
        "nu: how much dependence and subordination cost at home; drives exits from frameworks",
        a.nationalism(), 0.0, 1.0, (s, k) -> withActor(s, id, x -> x.withNationalism(k.number()))));
    all.add(Knob.number(STATES, id + " neutrality",
        "kappa: the hard bound on |alignment| (a neutrality clause)",
        a.neutrality(), 0.05, 1.0, (s, k) -> withActor(s, id, x -> x.withNeutrality(k.number()))));
    all.add(Knob.choice(STATES, id + " strategy",
        "The state's profile: weights, commitment cost and risk aversion (a new strategy brings its defaults)",
        STRATEGIES, a.strategy().ordinal(),
        (s, k) -> withActor(s, id, x -> {
          Strategy st = Strategy.values()[k.choice()];
          return st == a.strategy() ? x : x.withStrategy(st, s.strategies().get(st));
        })));
    all.add(Knob.number(STATES, id + " risk aversion",
        "rho: how much the state fears being caught leaning toward one of two rivals (the hedging penalty)",
        a.riskAversion(), 0.0, 5.0, (s, k) -> withActor(s, id, x -> x.withRiskAversion(k.number()))));
    all.add(Knob.number(STATES, id + " commitment cost",
        "c: the cost of leaning at all; a neutral state has a high one",
        a.commitmentCost(), 0.01, 2.0, (s, k) -> withActor(s, id, x -> x.withCommitmentCost(k.number()))));
    all.add(Knob.number(STATES, id + " tolerance",
        "the dependence share on one partner the public accepts before legitimacy suffers",
        a.tolerance(), 0.0, 1.0, (s, k) -> withActor(s, id, x -> x.withTolerance(k.number()))));
    all.add(Knob.number(STATES, id + " inertia",
        "eta: share of the gap to its target alignment the state closes each step",
        a.inertia(), 0.01, 1.0, (s, k) -> withActor(s, id, x -> x.withInertia(k.number()))));
  }

  private void addPole(ActorSpec a) {
    String id = a.id();
    all.add(Knob.choice(POWERS, id + " doctrine",
        "positive: courts with investment and aid; negative: coerces a state that leans to its rivals;"
            + " mixed: courts within its tolerance, coerces beyond it; none",
        APPROACHES, a.approach().ordinal(),
        (s, k) -> withActor(s, id, x -> x.withApproach(Approach.values()[k.choice()]))));
    Inducements ind = a.inducements();
    all.add(Knob.number(POWERS, id + " budget",
        "B: US$ bn a year this power may offer all small states together", ind.budget(), 0.0,
        Math.max(10.0, 2 * ind.budget()),
        (s, k) -> withActor(s, id, x -> x.withInducements(budget(x.inducements(), k.number())))));
    all.add(Knob.number(POWERS, id + " max coercion",
        "the largest share of trade access and aid this power's coercion cuts", ind.maxCoercion(), 0.0, 1.0,
        (s, k) -> withActor(s, id, x -> x.withInducements(maxCoercion(x.inducements(), k.number())))));
    List<String> poles = base.poles();
    int at = poles.indexOf(id);
    for (int j = at + 1; j < poles.size(); j++) {
      String other = poles.get(j);
      var given = base.relation(id, other);
      double rivalry = given == null ? 0.0 : given.rivalry();
      all.add(Knob.number(POWERS, id + "-" + other + " rivalry",
          "rho_kl: how far the two powers are rivals (0: none, 1: total)", rivalry, 0.0, 1.0,
          (s, k) -> withRivalry(s, id, other, k.number())));
    }
  }

  private static Inducements budget(Inducements i, double b) {
    return new Inducements(b, i.responsiveness(), i.rivalryResponse(), i.tolerance(), i.hysteresis(),
        i.maxCoercion(), i.delivery(), i.reviewMonths());
  }

  private static Inducements maxCoercion(Inducements i, double m) {
    return new Inducements(i.budget(), i.responsiveness(), i.rivalryResponse(), i.tolerance(),
        i.hysteresis(), m, i.delivery(), i.reviewMonths());
  }

  /** The scenario with the rivalry between two poles set (a relation entry added if there is none). */
  private static Scenario withRivalry(Scenario s, String a, String b, double rivalry) {
    var given = s.relation(a, b);
    if (given != null && given.rivalry() == rivalry) return s;
    List<org.hedgesim.scenario.RelationSpec> out = new ArrayList<>();
    boolean found = false;
    for (var r : s.relations()) {
      boolean pair = (r.a().equals(a) && r.b().equals(b)) || (r.a().equals(b) && r.b().equals(a));
      if (pair) {
        found = true;
        out.add(new org.hedgesim.scenario.RelationSpec(r.a(), r.b(), r.trust(), r.grievance(),
            r.proximity(), r.security(), r.credibility(), rivalry, r.origin()));
      } else {
        out.add(r);
      }
    }
    if (!found) {
      var d = s.relationDefaults();
      out.add(new org.hedgesim.scenario.RelationSpec(a, b, d.trust(), d.grievance(), d.proximity(),
          d.security(), d.credibility(), rivalry, d.origin()));
    }
    return s.withRelations(out);
  }

  private void addEvent(EventSpec e) {
    String what = describe(e.action());
    if (e.isRandom()) {
      String name = (e.id() != null ? e.id() : what) + " per year";
      add(Knob.number(EVENTS, unique(name, e), "Random event: " + what + ", expected times a year between "
              + e.from() + " and " + e.until() + " (0: never)", e.rate(), 0.0, Math.max(12.0, 2 * e.rate()),
          (s, k) -> withEvent(s, e, k.number() == 0 ? null : new EventSpec(e.index(), e.id(), e.at(),
              k.number(), e.from(), e.until(), e.action(), e.source(), e.origin()))));
    } else {
      String name = e.id() != null ? e.id() + " (" + e.at() + ")" : e.at() + " " + what;
      add(Knob.toggle(EVENTS, unique(name, e), "Scripted event at " + e.at() + ": " + what
              + " (untick: the run goes on without it)", true,
          (s, k) -> withEvent(s, e, k.on() ? e : null)));
    }
  }

  private void add(Knob k) {
    all.add(k);
  }

  /** The name, or the name with the event's number when another knob has it already. */
  private String unique(String name, EventSpec e) {
    return find(name) == null ? name : name + " #" + (e.index() + 1);
  }

  /** Every knob, in the order of the tabs. */
  List<Knob> all() {
    return List.copyOf(all);
  }

  List<Knob> group(String group) {
    return all.stream().filter(k -> k.group.equals(group)).toList();
  }

  /** The knob with this name, or null. */
  Knob find(String name) {
    return all.stream().filter(k -> k.name.equals(name)).findFirst().orElse(null);
  }

  Scenario base() {
    return base;
  }

  /** The scenario of the next run: the base with every changed knob applied. */
  Scenario apply() {
    Scenario s = base;
    for (Knob k : all) s = k.apply(s);
    return s;
  }

  /** The channel whose flows set the width of ties on the map (its number), or -1 for none. */
  int tieChannel() {
    return tieChannel == null ? -1 : tieChannel.choice();
  }

  // ---------------------------------------------------------------- scenario edits

  private static Scenario withActor(Scenario s, String id, UnaryOperator<ActorSpec> change) {
    return s.withActors(s.actors().stream().map(a -> a.id().equals(id) ? change.apply(a) : a).toList());
  }

  /** The scenario with event {@code e} replaced by {@code replacement}, or dropped when it is null. */
  private static Scenario withEvent(Scenario s, EventSpec e, EventSpec replacement) {
    List<EventSpec> events = new ArrayList<>();
    for (EventSpec x : s.events()) {
      if (x.index() != e.index()) {
        events.add(x);
      } else if (replacement != null) {
        events.add(replacement);
      }
    }
    return s.withEvents(events);
  }

  /** A few words on what an event does, from its action. */
  static String describe(Action a) {
    if (a instanceof Action.Exit x) return "exit " + x.actor() + " from " + x.framework();
    if (a instanceof Action.Join x) return "join " + x.actor() + " to " + x.framework();
    if (a instanceof Action.StartProject x) return "project " + x.project();
    if (a instanceof Action.Sanction x) return "sanction " + x.from() + " on " + x.to();
    if (a instanceof Action.LiftSanction x) return "lift sanction " + x.from() + " on " + x.to();
    if (a instanceof Action.TradeAgreement x) return "trade agreement " + String.join("+", x.parties());
    if (a instanceof Action.Visit x) return "visit " + x.from() + " to " + x.to();
    if (a instanceof Action.Aid x) return "aid " + x.from() + " to " + x.to();
    if (a instanceof Action.ApproachChange x) {
      return "approach " + x.actor() + " " + x.approach().name().toLowerCase(Locale.ROOT);
    }
    if (a instanceof Action.Shock x) return "shock " + x.actor();
    if (a instanceof Action.SetValue x) return "set " + x.path();
    if (a instanceof Action.Reroute x) return "reroute " + x.actor() + " " + x.channel();
    if (a instanceof Action.RelationChange x) return "relation " + x.a() + "-" + x.b();
    if (a instanceof Action.Incident x) return "incident on " + x.dispute();
    if (a instanceof Action.LeaderChange x) return "leader of " + x.actor() + ": " + x.government().leader();
    return a.kind();
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
  }
}
