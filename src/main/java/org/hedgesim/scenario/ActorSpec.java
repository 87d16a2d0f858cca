package org.hedgesim.scenario;

import java.util.List;

/**
 * A state as the scenario describes it at the start date.
 *
 * @param capability share of world capability (e.g. COW CINC) at the start
 * @param gdp US$ bn
 * @param growth yearly real GDP growth (0.05 = 5%)
 * @param growthTarget growth its public expects at the start; expectations then adapt
 * @param nationalism nu in [0,1]
 * @param legitimacy L in [0,1]
 * @param neutrality kappa in (0,1], a hard bound on |alignment| (a neutrality clause)
 * @param weights weights of the marginal value for its declared strategy (defaults plus overrides)
 * @param commitmentCost c_i > 0, the cost of leaning at all (its strategy's unless given)
 * @param riskAversion rho_i >= 0 (its strategy's unless given)
 * @param inertia eta in (0,1], share of the gap to the target alignment closed per step
 * @param tolerance h, the dependence on one partner its public accepts
 * @param strategicValue v_i, how much the poles value winning this state (ports, location, votes)
 * @param assertiveness a pole's readiness to press its disputes, in [0,1]
 * @param government the sitting government of a small state
 * @param successors governments that may follow in a legitimacy crisis (may be empty)
 */
public record ActorSpec(String id, String name, Role role, double capability, double gdp,
    double growth, double growthTarget, double nationalism, double legitimacy, double neutrality,
    Strategy strategy, Weights weights, double commitmentCost, double riskAversion, double inertia,
    double tolerance, double strategicValue, Approach approach, Inducements inducements,
    double assertiveness, boolean regimeSwitch, Government government, List<Government> successors,
    Origin origin) {

  public ActorSpec {
    successors = List.copyOf(successors);
  }

  public boolean isSmall() {
    return role == Role.SMALL;
  }

  public ActorSpec withNationalism(double v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, v, legitimacy,
        neutrality, strategy, weights, commitmentCost, riskAversion, inertia, tolerance,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, government, successors,
        origin);
  }

  public ActorSpec withNeutrality(double v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, v, strategy, weights, commitmentCost, riskAversion, inertia, tolerance,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, government, successors,
        origin);
  }

  /** The state with another strategy and that strategy's whole profile (no own overrides). */
  public ActorSpec withStrategy(Strategy s, Profile p) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, s, p.weights(), p.commitmentCost(), p.riskAversion(), inertia,
        tolerance, strategicValue, approach, inducements, assertiveness, regimeSwitch, government,
        successors, origin);
  }

  public ActorSpec withCommitmentCost(double v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, v, riskAversion, inertia, tolerance,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, government, successors,
        origin);
  }

  public ActorSpec withRiskAversion(double v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, commitmentCost, v, inertia, tolerance,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, government, successors,
        origin);
  }

  public ActorSpec withInertia(double v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, commitmentCost, riskAversion, v, tolerance,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, government, successors,
        origin);
  }

  public ActorSpec withTolerance(double v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, commitmentCost, riskAversion, inertia, v,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, government, successors,
        origin);
  }

  public ActorSpec withApproach(Approach v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, commitmentCost, riskAversion, inertia, tolerance,
        strategicValue, v, inducements, assertiveness, regimeSwitch, government, successors, origin);
  }

  public ActorSpec withInducements(Inducements v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, commitmentCost, riskAversion, inertia, tolerance,
        strategicValue, approach, v, assertiveness, regimeSwitch, government, successors, origin);
  }

  public ActorSpec withGovernment(Government v) {
    return new ActorSpec(id, name, role, capability, gdp, growth, growthTarget, nationalism,
        legitimacy, neutrality, strategy, weights, commitmentCost, riskAversion, inertia, tolerance,
        strategicValue, approach, inducements, assertiveness, regimeSwitch, v, successors, origin);
  }
}
