package org.hedgesim.model;

/**
 * Phase 4: each small state moves its alignments toward its target ({@link PortfolioChoice}),
 * reviews its framework memberships ({@link FrameworkReview}), and its domestic politics move
 * ({@link DomesticPolitics}, {@link Government}).
 */
final class DecisionPhase extends Phase {
  private static final long serialVersionUID = 1L;

  @Override
  void run(HedgeWorld w) {
    for (int s : w.small) {
      Actor a = w.actors[s];
      PortfolioChoice.move(w, a);
      FrameworkReview.review(w, a);
      DomesticPolitics.update(w, a);
      Government.review(w, a);
    }
  }
}
