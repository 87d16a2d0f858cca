package org.hedgesim.model;

import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Approach;
import org.hedgesim.scenario.Inducements;
import org.hedgesim.scenario.Role;
import org.hedgesim.scenario.Strategy;
import org.hedgesim.scenario.Weights;

/**
 * A state during a run. Small states carry their positions toward each pole; poles carry their
 * approach and the sanctions they impose. Arrays indexed "by pole" follow {@link HedgeWorld#poles()}.
 */
public final class Actor {
  final int index;
  final String id;
  final String name;
  final Role role;
  final int poleIndex;
  final double capability;

  double gdp;
  double growth;
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

  double nationalism;
  double nationalismBase;
  double legitimacy;
  double neutrality;
  Strategy strategy;
  Strategy effectiveStrategy;
  /** the weights of its current declared strategy (the scenario's overrides apply to the first) */
  Weights ownWeights;
  double inertia;
  double tolerance;
  boolean regimeSwitch;

  Approach approach;
  final Inducements inducements;
  /** severity of the sanction this actor imposes on each actor (by actor index) */
  final double[] sanctionOn;
  /** whether that sanction was scripted (then only a scripted lift ends it) */
  final boolean[] sanctionScripted;
  /** alignment of each actor toward this pole at this pole's last review (by actor index) */
  final double[] lastReviewed;

  // small states: positions and perception, by pole
  final double[] alignment;
  final double[] target;
  final double[] dependence;
  final double[] threat;
  final double[] returns;
  final double[] dominance;
  final double[] security;
  final double[] utility;
  /** sum of the benefits of the frameworks shared with each pole, as of a framework version */
  final double[] sharedBenefit;
  int sharedBenefitVersion = -1;
  /** share of each pole in each channel: [channel][pole] */
  final double[][] channelShare;
  /** HHI and normalised HHI by channel */
  final double[] hhi;
  final double[] hhiNorm;
  /** consecutive steps past the exit (or join) threshold, by framework */
  int[] reviewCount;
  /** exit pressure by framework, without noise */
  double[] pressure;

  Actor(int index, ActorSpec spec, int poleIndex, int poles, int actors, int channels) {
    this.index = index;
    this.id = spec.id();
    this.name = spec.name();
    this.role = spec.role();
    this.poleIndex = poleIndex;
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
    this.inertia = spec.inertia();
    this.tolerance = spec.tolerance();
    this.regimeSwitch = spec.regimeSwitch();
    this.approach = spec.approach();
    this.inducements = spec.inducements();
    this.sanctionOn = new double[actors];
    this.sanctionScripted = new boolean[actors];
    this.lastReviewed = new double[actors];
    boolean small = spec.isSmall();
    int p = small ? poles : 0;
    this.alignment = new double[p];
    this.target = new double[p];
    this.dependence = new double[p];
    this.threat = new double[p];
    this.returns = new double[p];
    this.dominance = new double[p];
    this.security = new double[p];
    this.utility = new double[p];
    this.channelShare = new double[small ? channels : 0][p];
    this.sharedBenefit = new double[p];
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

  /** The severity of the sanction this actor imposes on actor number {@code actor} (0: none). */
  public double sanctionOn(int actor) {
    return sanctionOn[actor];
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

  /** Alignment toward pole number {@code pole}; 0 for poles and for itself. */
  public double alignment(int pole) {
    return alignment.length == 0 ? 0.0 : alignment[pole];
  }

  public double dependence(int pole) {
    return dependence.length == 0 ? 0.0 : dependence[pole];
  }

  @Override
  public String toString() {
    return id;
  }
}
