package org.hedgesim.model;

/**
 * Phase 3: each small state reads its world (its ties and dependence, {@link Interdependence};
 * threats and protectors, {@link ThreatAssessment}), may switch regime ({@link RegimeSwitch}), and
 * chooses the alignment it would like ({@link PortfolioChoice}).
 */
final class PerceptionPhase extends Phase {
  private static final long serialVersionUID = 1L;
  private final Interdependence ties = new Interdependence();
  private final PortfolioChoice portfolio = new PortfolioChoice();

  @Override
  void run(HedgeWorld w) {
    for (int s : w.small) perceive(w, w.actors[s]);
  }

  void perceive(HedgeWorld w, Actor a) {
    ties.assess(w, a);
    ThreatAssessment.assess(w, a);
    RegimeSwitch.review(w, a);
    portfolio.choose(w, a);
  }
}
