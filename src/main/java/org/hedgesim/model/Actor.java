package org.hedgesim.model;

import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Approach;
import org.hedgesim.scenario.Government;
import org.hedgesim.scenario.Inducements;
import org.hedgesim.scenario.Role;
import org.hedgesim.scenario.Strategy;
import org.hedgesim.scenario.Weights;

/**
 * A state during a run. Small states carry their alignments toward each pole and what they
 * perceive; poles carry their capability, doctrine, courtship and coercion. Arrays indexed "by
 * pole" follow {@link HedgeWorld#poles()}; arrays indexed "by actor" follow {@link HedgeWorld#actors()}.
 */
public final class Actor {
  final int index;
  final String id;
  final String name;
  final Role role;
  final int poleIndex;
  /** capability at the start, and now (it follows relative GDP: power transition) */
  final double startCapability;
  double capability;
  /** GDP growth index since the start (1 at the start) */
  double growthIndex = 1.0;

  double gdp;
  double growth;
  /** the growth its public expects; it adapts toward the growth it sees */
  double growthTarget;
  /** growth this step including shocks and the inflow effect */
  double effectiveGrowth;
  /** (1 + effectiveGrowth)^(1/steps per year), and the rate it was computed for */
  double growthFactor = 1.0;
  double growthFactorRate = 0.0;
  /** growth shocks running now */
  final Temporary shocks = new Temporary();
  double startInflow;
  /** whether the actor's GDP is modelled (given at the start) */
  final boolean startGdpPositive;
  /** the state's total flows at the start: what returns are measured against when GDP is not given */
  double flowScale;

  double nationalism;
  double nationalismBase;
  double legitimacy;
  double neutrality;
  Strategy strategy;
  /** the strategy it follows now: its own, or the one a regime switch put it in */
  Strategy effectiveStrategy;
  /** the weights, commitment cost and risk aversion of its declared strategy (with its overrides) */
  Weights ownWeights;
  double ownCommitmentCost;
  double ownRiskAversion;
  double inertia;
  double tolerance;
  boolean regimeSwitch;
  final double strategicValue;
  final double assertiveness;
  Government government;
  final java.util.List<Government> successors;
  /** steps legitimacy has been below the crisis level */
  int crisisSteps;

  // regime switch: the pole it names, and how long the condition to switch (or back) has held
  int switchPole = -1;
  int switchCount;
  int switchCandidate = -1;
  Strategy switchKind;
  int revertCount;

  // poles
  Approach approach;
  final Inducements inducements;
  /** courtship e offered to each actor (US$ bn a year), and coercion s in force on each */
  final double[] courtship;
  final double[] coercion;
  /** whether this review's courtship to each actor was delivered */
  final boolean[] delivered;
  /** severity of a scripted sanction on each actor (0: none) */
  final double[] scriptedSanction;
  /** the effective cut of sanctionable flows to each actor: 1 - (1 - scripted)(1 - coercion) */
  final double[] sanctionOn;

  // small states: positions and perception, by pole
  final double[] alignment;
  final double[] target;
  final double[] dependence;
  final double[] threat;
  final double[] returns;
  final double[] vulnerability;
  final double[] security;
  final double[] marginal;
  final double[] predisposition;
  /** sum of the benefits of the economic frameworks shared with each pole, as of a framework version */
  final double[] sharedBenefit;
  /** security tie with each pole including security frameworks it leads, as of a framework version */
  final double[] securityTie;
  int sharedBenefitVersion = -1;
  /** share of each pole in each channel (stocks for stock channels): [channel][pole] */
  final double[][] channelShare;
  /** share of each pole in each channel's yearly level: [channel][pole] */
  final double[][] inflowShare;
  /** HHI and normalised HHI by channel */
  final double[] hhi;
  final double[] hhiNorm;
  /** consecutive steps past the exit (or join) threshold, by framework */
  int[] reviewCount;
  /** exit pressure by framework, without noise */
  double[] pressure;
  /** step of the last visit by each actor at each level (visit repeat discount), or MIN_VALUE */
  int[][] lastVisit;

  Actor(int index, ActorSpec spec, int poleIndex, int poles, int actors, int channels) {
    this.index = index;
    this.id = spec.id();
    this.name = spec.name();
    this.role = spec.role();
    this.poleIndex = poleIndex;
    this.startCapability = spec.capability();
    this.capability = spec.capability();
    this.gdp = spec.gdp();
    this.startGdpPositive = spec.gdp() > 0;
    this.growth = spec.growth();
    this.growthTarget = spec.growthTarget();
    this.effectiveGrowth = spec.growth();
    this.nationalism = spec.nationalism();
    this.nationalismBase = spec.nationalism();
    this.legitimacy = spec.legitimacy();
    this.neutrality = spec.neutrality();
    this.strategy = spec.strategy();
    this.effectiveStrategy = spec.strategy();
    this.ownWeights = spec.weights();
    this.ownCommitmentCost = spec.commitmentCost();
    this.ownRiskAversion = spec.riskAversion();
    this.inertia = spec.inertia();
    this.tolerance = spec.tolerance();
    this.regimeSwitch = spec.regimeSwitch();
    this.strategicValue = spec.strategicValue();
    this.assertiveness = spec.assertiveness();
    this.government = spec.government();
    this.successors = spec.successors();
    this.approach = spec.approach();
    this.inducements = spec.inducements();
    boolean pole = poleIndex >= 0;
    int na = pole ? actors : 0;
    this.courtship = new double[na];
    this.coercion = new double[na];
    this.delivered = new boolean[na];
    this.scriptedSanction = new double[na];
    this.sanctionOn = new double[na];
    boolean small = spec.isSmall();
    int p = small ? poles : 0;
    this.alignment = new double[p];
    this.target = new double[p];
    this.dependence = new double[p];
    this.threat = new double[p];
    this.returns = new double[p];
    this.vulnerability = new double[p];
    this.security = new double[p];
    this.marginal = new double[p];
    this.predisposition = new double[p];
    this.channelShare = new double[small ? channels : 0][p];
    this.inflowShare = new double[small ? channels : 0][p];
    this.sharedBenefit = new double[p];
    this.securityTie = new double[p];
    this.hhi = new double[small ? channels : 0];
    this.hhiNorm = new double[small ? channels : 0];
  }

  public boolean isSmall() {
    return role == Role.SMALL;
  }

  public boolean isPole() {
    return poleIndex >= 0;
  }

  /** This actor's number among the poles ({@link HedgeWorld#poles()}), or -1 if it is not one. */
  public int poleIndex() {
    return poleIndex;
  }

  public String getRole() {
    return role.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The share of sanctionable flows this actor cuts to actor number {@code actor} (0: none). */
  public double sanctionOn(int actor) {
    return sanctionOn.length == 0 ? 0.0 : sanctionOn[actor];
  }

  /** This pole's courtship of actor number {@code actor}, US$ bn a year (0 for non-poles). */
  public double courtshipOf(int actor) {
    return courtship.length == 0 ? 0.0 : courtship[actor];
  }

  /** This pole's coercion of actor number {@code actor}, a share of sanctionable flows. */
  public double coercionOf(int actor) {
    return coercion.length == 0 ? 0.0 : coercion[actor];
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int index() {
    return index;
  }

  public double getGdp() {
    return gdp;
  }

  public double getCapability() {
    return capability;
  }

  public double getLegitimacy() {
    return legitimacy;
  }

  public double getNationalism() {
    return nationalism;
  }

  public String getStrategy() {
    return effectiveStrategy.name().toLowerCase(java.util.Locale.ROOT);
  }

  public String getApproach() {
    return approach.name().toLowerCase(java.util.Locale.ROOT);
  }

  public String getLeader() {
    return government.leader();
  }

  /** Alignment toward pole number {@code pole}; 0 for poles and for itself. */
  public double alignment(int pole) {
    return alignment.length == 0 ? 0.0 : alignment[pole];
  }

  public double dependence(int pole) {
    return dependence.length == 0 ? 0.0 : dependence[pole];
  }

  /** What the value of ties is measured against: GDP now, or the flows at the start without GDP. */
  double scale() {
    return gdp > 0 ? gdp : flowScale;
  }

  /** The commitment cost c of its current strategy (its own, or the one a switch put it in). */
  double commitmentCost(HedgeWorld w) {
    return effectiveStrategy == strategy ? ownCommitmentCost
        : w.scenario().strategies().get(effectiveStrategy).commitmentCost();
  }

  double riskAversion(HedgeWorld w) {
    return effectiveStrategy == strategy ? ownRiskAversion
        : w.scenario().strategies().get(effectiveStrategy).riskAversion();
  }

  Weights weights(HedgeWorld w) {
    return effectiveStrategy == strategy ? ownWeights
        : w.scenario().strategies().get(effectiveStrategy).weights();
  }

  @Override
  public String toString() {
    return id;
  }
}
