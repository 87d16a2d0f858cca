package org.hedgesim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.scenario.Action;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.DisputeSpec;
import org.hedgesim.scenario.EventSpec;
import org.hedgesim.scenario.FlowSpec;
import org.hedgesim.scenario.FrameworkSpec;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.ProjectSpec;
import org.hedgesim.scenario.RelationSpec;
import org.hedgesim.scenario.Scenario;
import sim.engine.SimState;

/**
 * The world of one run: states, their ties, flows, frameworks and projects, advanced by MASON's
 * schedule in six phases per step (docs/MODEL.md, "Time and scheduling"). All randomness comes
 * from {@link #random}, seeded from the run's 64-bit seed at every {@link #start()}.
 */
public class HedgeWorld extends SimState {
  private static final long serialVersionUID = 1L;

  /** Schedule orderings of the six phases of a step. */
  public static final int ORDER_EVENTS = 0;
  public static final int ORDER_POWERS = 1;
  public static final int ORDER_PERCEPTION = 2;
  public static final int ORDER_DECISION = 3;
  public static final int ORDER_ECONOMY = 4;
  public static final int ORDER_RECORD = 5;

  private Scenario scenario;
  private long runSeed;
  private transient RunObserver observer;

  // the world, rebuilt by start()
  Actor[] actors;
  int[] small;
  int[] poles;
  Relation[][] relations;
  ChannelSpec[] channels;
  Flow[] flows;
  /** flows by dependent actor, then channel */
  int[][][] dependentFlows;
  Framework[] frameworks;
  Project[] projects;
  Dispute[] disputes;
  /** disputes of each small state (by actor index) */
  Dispute[][] disputesOf;
  /** whether each mechanism runs (false: knocked out) */
  final boolean[] on = new boolean[Mechanism.values().length];
  /** whether the spin-up is running (events off, clock stopped, flows held at their amounts) */
  boolean spinningUp;
  /** total capability at the start, over all actors */
  double startCapabilityTotal;
  double[] parameters;
  int stepsPerYear;
  int monthsPerStep;
  int patienceSteps;
  /** per actor, (1 + effective growth)^(1/steps per year), refreshed once a step */
  double[] growthFactor;
  /** per channel, (1 - depreciation)^(1/steps per year) */
  double[] keepFactor;
  /** raised whenever memberships or framework benefits change, so flows re-read them */
  int frameworkVersion;
  /** per actor, raised when that actor joins or leaves a framework */
  int[] membershipVersion;
  /** raised when a framework's benefit changes (every flow's factor may change) */
  int benefitVersion;
  /** ties whose trust has been moved away from its base, in the order they were first moved */
  java.util.ArrayList<Relation> unsettled;
  /** for each small state, channel and pole, the flow between them (or null) */
  Flow[][][] flowWithPole;
  /** recipient-side inflow of each actor this step (US$ bn a year), summed while flows move */
  double[] inflowNow;
  Map<String, Integer> actorIndex;
  Map<String, Flow> flowIndex;
  Map<String, Project> projectIndex;
  Map<String, Framework> frameworkIndex;
  Map<String, Dispute> disputeIndex;
  Metrics metrics;
  int stepNumber;

  public HedgeWorld(long seed, Scenario scenario) {
    super(seed);
    this.runSeed = seed;
    this.scenario = scenario;
  }

  /** The run's seed, all 64 bits of it (MASON's own seed keeps only 32). */
  public long runSeed() {
    return runSeed;
  }

  @Override
  public void setSeed(long seed) {
    super.setSeed(seed);
    this.runSeed = seed;
  }

  /**
   * Sets the 64-bit seed the next {@link #start()} uses, leaving MASON's own 32-bit {@link #seed()}
   * as it is. A front end that keeps a master seed there (MASON's Console does) can run the world
   * with a seed derived from it.
   */
  public void setRunSeed(long seed) {
    this.runSeed = seed;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Replaces the scenario; takes effect at the next {@link #start()}. */
  public void setScenario(Scenario scenario) {
    this.scenario = scenario;
  }

  public void setObserver(RunObserver observer) {
    this.observer = observer;
  }

  RunObserver observer() {
    return observer;
  }

  /** Whether events are being recorded (details are only worth formatting then). */
  boolean logging() {
    return observer != null && observer.needsEvents();
  }

  /** Number of steps in a run. */
  public int steps() {
    return scenario.steps();
  }

  /** The current step (0 is the start month). */
  public int step() {
    return stepNumber;
  }

  public List<Actor> actors() {
    return List.of(actors);
  }

  /** The poles, in scenario order. */
  public List<Actor> poles() {
    List<Actor> out = new ArrayList<>(poles.length);
    for (int p : poles) out.add(actors[p]);
    return out;
  }

  public List<Actor> smallStates() {
    List<Actor> out = new ArrayList<>(small.length);
    for (int s : small) out.add(actors[s]);
    return out;
  }

  public List<Framework> frameworks() {
    return List.of(frameworks);
  }

  public List<Flow> flows() {
    return List.of(flows);
  }

  public List<Project> projects() {
    return List.of(projects);
  }

  public Relation relation(int a, int b) {
    return relations[a][b];
  }

  public List<Dispute> disputes() {
    return List.of(disputes);
  }

  /** Whether a mechanism runs in this world (false when the scenario knocks it out). */
  public boolean runs(Mechanism m) {
    return on[m.ordinal()];
  }

  public double parameter(Parameter p) {
    return parameters[p.ordinal()];
  }

  /** The series recorded each step. */
  public List<SeriesKey> series() {
    return metrics().keys();
  }

  /** The metrics of this world, built on first use (a run without an observer never needs them). */
  Metrics metrics() {
    if (metrics == null) metrics = new Metrics(this);
    return metrics;
  }

  /** Builds the world from the scenario and schedules its phases and events. */
  @Override
  public void start() {
    super.start();
    prepare();
    new Events(this).schedule();
    schedule.scheduleRepeating(0.0, ORDER_POWERS, new PowersPhase(), 1.0);
    schedule.scheduleRepeating(0.0, ORDER_PERCEPTION, new PerceptionPhase(), 1.0);
    schedule.scheduleRepeating(0.0, ORDER_DECISION, new DecisionPhase(), 1.0);
    schedule.scheduleRepeating(0.0, ORDER_ECONOMY, new EconomyPhase(), 1.0);
    schedule.scheduleRepeating(0.0, ORDER_RECORD, new Record(), 1.0);
  }

  /** Seeds the generator and builds the world (everything but the schedule). */
  private void prepare() {
    random.setSeed(new int[] {(int) (runSeed >>> 32), (int) runSeed}); // all 64 bits, afresh
    stepNumber = 0;
    RunObserver quiet = observer;
    observer = null; // the spin-up is not part of the run's record
    build();
    SpinUp.run(this);
    observer = quiet;
    if (observer != null) {
      List<SeriesKey> keys = metrics().keys();
      observer.onStart(keys);
      metrics.only(observer.needs(keys));
    }
    for (int s : small) {
      Actor a = actors[s];
      if (a.effectiveStrategy != a.strategy) {
        log("regime_switch", s, a.switchPole < 0 ? -1 : poles[a.switchPole], Double.NaN, "endogenous",
            a.strategy.name().toLowerCase(java.util.Locale.ROOT) + " -> "
                + a.effectiveStrategy.name().toLowerCase(java.util.Locale.ROOT) + " at the start");
      }
    }
  }

  /**
   * Runs every step with the same phases, in the same order and with the same draws, but called
   * directly in a loop instead of through MASON's schedule: the performance benchmark's floor
   * (docs/PERFORMANCE.md). It gives the same results as {@link #runToEnd()}.
   */
  public void runWithoutSchedule() {
    prepareWithoutSchedule().run();
  }

  /** Builds the world and returns the loop over its steps, so that the loop can be timed alone. */
  Runnable prepareWithoutSchedule() {
    prepare();
    Events.Driver events = new Events(this).start();
    Phase[] phases = {new PowersPhase(), new PerceptionPhase(), new DecisionPhase(), new EconomyPhase(),
        new Record()};
    int n = steps();
    return () -> {
      for (int t = 0; t < n; t++) {
        stepNumber = t;
        if (events.at == t) events.run(this);
        for (Phase p : phases) p.run(this);
      }
    };
  }

  /** Runs every step of the scenario, then {@link #finish()}. */
  public void runToEnd() {
    start();
    int n = steps();
    for (int i = 0; i < n; i++) {
      if (!schedule.step(this)) break;
    }
    finish();
  }

  private void build() {
    List<ActorSpec> specs = scenario.actors();
    int n = specs.size();
    for (Mechanism m : Mechanism.values()) on[m.ordinal()] = scenario.runs(m);
    actorIndex = new HashMap<>();
    for (int i = 0; i < n; i++) actorIndex.put(specs.get(i).id(), i);
    List<String> poleIds = scenario.poles();
    poles = new int[poleIds.size()];
    for (int i = 0; i < poles.length; i++) poles[i] = actorIndex.get(poleIds.get(i));
    channels = scenario.channels().toArray(new ChannelSpec[0]);
    Map<String, Integer> channelIndex = new HashMap<>();
    for (int i = 0; i < channels.length; i++) channelIndex.put(channels[i].kind(), i);

    actors = new Actor[n];
    List<Integer> smallList = new ArrayList<>();
    startCapabilityTotal = 0;
    for (int i = 0; i < n; i++) {
      int pole = poleIds.indexOf(specs.get(i).id());
      actors[i] = new Actor(i, specs.get(i), pole, poles.length, n, channels.length);
      if (actors[i].isSmall()) smallList.add(i);
      startCapabilityTotal += actors[i].capability;
    }
    small = new int[smallList.size()];
    for (int i = 0; i < small.length; i++) small[i] = smallList.get(i);

    parameters = scenario.parameters().toArray();
    relaxationHalfLife = Double.NaN;
    salienceHalfLife = Double.NaN;
    frameworkVersion = 0;
    benefitVersion = 0;
    stepsPerYear = scenario.step().perYear();
    monthsPerStep = scenario.step().months();
    patienceSteps = Math.max(1, (int) Math.ceil(
        parameters[Parameter.REVIEW_PATIENCE_MONTHS.ordinal()] / monthsPerStep));

    unsettled = new java.util.ArrayList<>();
    membershipVersion = new int[n];
    relations = new Relation[n][n];
    RelationSpec[][] given = new RelationSpec[n][n];
    for (RelationSpec r : scenario.relations()) {
      int a = actorIndex.get(r.a());
      int b = actorIndex.get(r.b());
      given[a][b] = r;
      given[b][a] = r;
    }
    // the ties each small state reads every step (with the poles) are made first, state by
    // state, so that they lie close together in memory; then all the others
    for (int s : small) {
      for (int p : poles) {
        if (p != s && relations[s][p] == null) relate(s, p, given[s][p]);
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (relations[a][b] == null) relate(a, b, given[a][b]);
      }
    }
    // rivalry is read only between poles: a pair the scenario does not name has none
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (given[a][b] == null) relations[a][b].rivalry = 0;
      }
    }

    frameworks = new Framework[scenario.frameworks().size()];
    frameworkIndex = new HashMap<>();
    for (int f = 0; f < frameworks.length; f++) {
      FrameworkSpec spec = scenario.frameworks().get(f);
      int lead = spec.lead() == null ? -1 : actorIndex.get(spec.lead());
      frameworks[f] = new Framework(f, spec, lead, n);
      for (String m : spec.members()) frameworks[f].member[actorIndex.get(m)] = true;
      frameworkIndex.put(spec.id(), frameworks[f]);
    }
    for (Actor a : actors) {
      a.reviewCount = new int[frameworks.length];
      a.pressure = new double[frameworks.length];
    }

    disputes = new Dispute[scenario.disputes().size()];
    disputeIndex = new HashMap<>();
    List<List<Dispute>> byState = new ArrayList<>();
    for (int i = 0; i < n; i++) byState.add(new ArrayList<>());
    for (int d = 0; d < disputes.length; d++) {
      DisputeSpec spec = scenario.disputes().get(d);
      disputes[d] = new Dispute(d, spec, actorIndex.get(spec.state()), actorIndex.get(spec.power()));
      disputeIndex.put(spec.id(), disputes[d]);
      byState.get(disputes[d].state).add(disputes[d]);
    }
    disputesOf = new Dispute[n][];
    for (int i = 0; i < n; i++) disputesOf[i] = byState.get(i).toArray(new Dispute[0]);

    List<Flow> flowList = new ArrayList<>();
    flowIndex = new HashMap<>();
    for (FlowSpec f : scenario.flows()) {
      int c = channelIndex.get(f.kind());
      Flow flow = new Flow(c, actorIndex.get(f.from()), actorIndex.get(f.to()),
          channels[c].dependentIsRecipient(), f.amount(), f.growth());
      flowList.add(flow);
      flowIndex.put(flowKey(f.kind(), f.from(), f.to()), flow);
    }
    // flows that events, projects or courtship will need, created empty so that indexing stays fixed
    String financing = financingChannel();
    projectIndex = new HashMap<>();
    List<Project> projectList = new ArrayList<>();
    for (ProjectSpec p : scenario.projects()) {
      Flow flow = financing == null ? null
          : ensureFlow(flowList, channelIndex, financing, p.financier(), p.host());
      for (Action a : p.onStart()) ensureFlowsFor(a, flowList, channelIndex);
      for (Action a : p.onCompletion()) ensureFlowsFor(a, flowList, channelIndex);
      Project project = new Project(p, actorIndex.get(p.host()), actorIndex.get(p.financier()), flow);
      projectList.add(project);
      projectIndex.put(p.id(), project);
    }
    for (EventSpec e : scenario.events()) ensureFlowsFor(e.action(), flowList, channelIndex);
    if (financing != null) {
      for (int p : poles) {
        Actor pole = actors[p];
        if (pole.inducements.budget() <= 0) continue;
        for (int s : small) {
          if (s != p && !hasRecipientFlow(p, s)) {
            ensureFlow(flowList, channelIndex, financing, pole.id, actors[s].id);
          }
        }
      }
    }
    flows = flowList.toArray(new Flow[0]);
    projects = projectList.toArray(new Project[0]);

    // flows by dependent actor and channel, in flow order (one pass)
    int[][] counts = new int[n][channels.length];
    for (Flow f : flows) counts[f.dependent][f.channel]++;
    dependentFlows = new int[n][channels.length][];
    for (int a = 0; a < n; a++) {
      for (int c = 0; c < channels.length; c++) dependentFlows[a][c] = new int[counts[a][c]];
    }
    int[][] fill = new int[n][channels.length];
    for (int f = 0; f < flows.length; f++) {
      Flow flow = flows[f];
      dependentFlows[flow.dependent][flow.channel][fill[flow.dependent][flow.channel]++] = f;
    }

    flowWithPole = new Flow[n][][];
    for (int s : small) flowWithPole[s] = new Flow[channels.length][poles.length];
    for (Flow f : flows) {
      int k = actors[f.partner].poleIndex;
      if (actors[f.dependent].isSmall() && k >= 0 && f.partner != f.dependent) {
        flowWithPole[f.dependent][f.channel][k] = f;
      }
    }
    // what a state's returns are measured against when its GDP is not given: its flows at the start
    for (Actor a : actors) {
      double total = 0;
      for (Flow f : flows) {
        if (f.dependent == a.index && f.partner != a.index) total += f.declared;
      }
      a.flowScale = total;
    }
    inflowNow = new double[n];
    growthFactor = new double[n];
    keepFactor = new double[channels.length];
    for (int c = 0; c < channels.length; c++) {
      keepFactor[c] = StrictMath.pow(1.0 - channels[c].depreciation(), 1.0 / stepsPerYear);
    }
    for (Flow f : flows) {
      if (!Double.isNaN(f.growth)) f.ownGrowthFactor = Equations.stepGrowth(f.growth, stepsPerYear);
      double depreciation = channels[f.channel].depreciation();
      f.stock = channels[f.channel].stock() && depreciation > 0 ? f.declared / depreciation : f.declared;
    }
    for (Actor a : actors) {
      a.lastVisit = new int[n][3];
      for (int[] row : a.lastVisit) java.util.Arrays.fill(row, Integer.MIN_VALUE / 2);
    }
    for (int s : small) Government.install(this, actors[s]);
    metrics = null;
  }

  /** Whether a pole pays the state anything on a channel paid to the recipient (by the flow index). */
  private boolean hasRecipientFlow(int pole, int state) {
    for (ChannelSpec c : channels) {
      if (c.dependentIsRecipient() && flowIndex.containsKey(flowKey(c.kind(), actors[pole].id, actors[state].id))) {
        return true;
      }
    }
    return false;
  }


  private void relate(int a, int b, RelationSpec spec) {
    Relation rel = new Relation(spec != null ? spec : scenario.relationDefaults());
    relations[a][b] = rel;
    relations[b][a] = rel;
  }

  /** Marks a tie whose trust is about to move away from its base, so that it relaxes back. */
  void unsettle(Relation r) {
    if (!r.unsettled) {
      r.unsettled = true;
      unsettled.add(r);
    }
  }

  private double relaxationHalfLife = Double.NaN;
  private double relaxation;

  /** The share of the gap to base trust closed each step, recomputed only when the half-life changes. */
  double trustRelaxation() {
    double h = parameters[Parameter.TRUST_HALF_LIFE.ordinal()];
    if (h != relaxationHalfLife) {
      relaxation = Equations.relaxation(h, stepsPerYear);
      relaxationHalfLife = h;
    }
    return relaxation;
  }

  private double salienceHalfLife = Double.NaN;
  private double salienceRelaxation;

  /** The share of the gap to base salience closed each step. */
  double salienceRelaxation() {
    double h = parameters[Parameter.SALIENCE_HALF_LIFE.ordinal()];
    if (h != salienceHalfLife) {
      salienceRelaxation = Equations.relaxation(h, stepsPerYear);
      salienceHalfLife = h;
    }
    return salienceRelaxation;
  }

  /** The channel that carries project financing: the first stock channel paid to the recipient. */
  String financingChannel() {
    for (ChannelSpec c : channels) {
      if (c.stock() && c.dependentIsRecipient()) return c.kind();
    }
    return null;
  }

  private void ensureFlowsFor(Action a, List<Flow> flowList, Map<String, Integer> channelIndex) {
    if (a instanceof Action.Aid aid) {
      String channel = aidChannel();
      if (channel != null) ensureFlow(flowList, channelIndex, channel, aid.from(), aid.to());
    } else if (a instanceof Action.Reroute r) {
      ChannelSpec c = channels[channelIndex.get(r.channel())];
      if (c.dependentIsRecipient()) {
        ensureFlow(flowList, channelIndex, r.channel(), r.fromPartner(), r.actor());
        ensureFlow(flowList, channelIndex, r.channel(), r.toPartner(), r.actor());
      } else {
        ensureFlow(flowList, channelIndex, r.channel(), r.actor(), r.fromPartner());
        ensureFlow(flowList, channelIndex, r.channel(), r.actor(), r.toPartner());
      }
    }
  }

  /** The channel that one-off aid adds to: the first non-stock channel paid to the recipient. */
  String aidChannel() {
    for (ChannelSpec c : channels) {
      if (!c.stock() && c.dependentIsRecipient()) return c.kind();
    }
    return null;
  }

  private Flow ensureFlow(List<Flow> flowList, Map<String, Integer> channelIndex, String kind,
      String from, String to) {
    String key = flowKey(kind, from, to);
    Flow f = flowIndex.get(key);
    if (f != null) return f;
    int c = channelIndex.get(kind);
    f = new Flow(c, actorIndex.get(from), actorIndex.get(to), channels[c].dependentIsRecipient(), 0.0, Double.NaN);
    flowList.add(f);
    flowIndex.put(key, f);
    return f;
  }

  static String flowKey(String kind, String from, String to) {
    return kind + ":" + from + ">" + to;
  }

  Flow flow(int channel, int from, int to) {
    return flowIndex.get(flowKey(channels[channel].kind(), actors[from].id, actors[to].id));
  }

  int actorIndex(String id) {
    return actorIndex.get(id);
  }

  /** Sets the current step from the schedule's clock; each phase calls it first. */
  void syncStep() {
    stepNumber = (int) Math.round(schedule.getTime());
  }

  /** The date of the current step, as YYYY-MM. */
  public String date() {
    return scenario.dateOf(stepNumber).toString();
  }

  /** Records an event of this step. */
  void log(String kind, int actor, int target, double value, String origin, String detail) {
    log(kind, actor < 0 ? "" : actors[actor].id, target < 0 ? "" : actors[target].id, value, origin, detail);
  }

  void log(String kind, String actor, String target, double value, String origin, String detail) {
    if (logging()) {
      observer.onEvent(new EventRecord(stepNumber, date(), kind, actor, target, value, origin,
          detail == null ? "" : detail));
    }
  }

  /** Draws Normal noise with standard deviation {@code sigma}; draws nothing when sigma is 0. */
  double noise(double sigma) {
    return sigma > 0 ? sigma * random.nextGaussian() : 0.0;
  }

  double p(Parameter parameter) {
    return parameters[parameter.ordinal()];
  }
}
