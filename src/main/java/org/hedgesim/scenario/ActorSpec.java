package org.hedgesim.scenario;

/**
 * A state as the scenario describes it at the start date.
 *
 * @param capability share of world capability (e.g. COW CINC)
 * @param gdp US$ bn
 * @param growth yearly real GDP growth (0.05 = 5%)
 * @param growthTarget growth its public expects; below it legitimacy erodes
 * @param nationalism nu in [0,1]
 * @param legitimacy L in [0,1]
 * @param neutrality kappa in (0,1], the largest |alignment| the state allows itself
 * @param weights utility weights for its declared strategy (strategy defaults plus overrides)
 * @param inertia eta in (0,1], share of the gap to the target alignment closed per step
 * @param tolerance h, the dependence share on one partner the state accepts
 */
public record ActorSpec(String id, String name, Role role, double capability, double gdp,
    double growth, double growthTarget, double nationalism, double legitimacy, double neutrality,
    Strategy strategy, Weights weights, double inertia, double tolerance, Approach approach,
    Inducements inducements, boolean regimeSwitch, Origin origin) {

  public boolean isSmall() {
    return role == Role.SMALL;
  }
}
