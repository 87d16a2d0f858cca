package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;

/**
 * Beliefs of a small state about another actor (docs/MODEL.md, "Beliefs"): benignity mu (trust)
 * and credibility q. News moves them with diminishing returns, so they never reach 0 or 1; trust
 * relaxes toward its base with a half-life, credibility is learned and does not relax. With the
 * {@code beliefs} knock-out no news moves trust; with {@code credibility} knocked out every
 * promise is believed (q = 1) and nothing is learned.
 */
final class Beliefs {

  private Beliefs() {}

  /** News for trust between two actors: good for a positive delta, bad for a negative one. */
  static void trustNews(HedgeWorld w, int a, int b, double delta) {
    if (a == b || delta == 0 || !w.runs(Mechanism.BELIEFS)) return;
    Relation r = w.relations[a][b];
    w.unsettle(r);
    r.trust = Equations.news(r.trust, delta);
  }

  /** News for the credibility of a power's promises. */
  static void credibilityNews(HedgeWorld w, int a, int b, double delta) {
    if (a == b || delta == 0 || !w.runs(Mechanism.CREDIBILITY)) return;
    Relation r = w.relations[a][b];
    r.credibility = Equations.news(r.credibility, delta);
  }

  /** The credibility a state gives to a power's promises (1 with the knock-out). */
  static double credibility(HedgeWorld w, Relation r) {
    return w.runs(Mechanism.CREDIBILITY) ? r.credibility : 1.0;
  }

  /**
   * The size of a visit's news: full, or times the repeat discount when the same visitor came at
   * the same level within the last year.
   */
  static double visitNews(HedgeWorld w, int visitor, int host, int level, double news) {
    Actor h = w.actors[host];
    int last = h.lastVisit[visitor][level];
    int step = w.stepNumber;
    h.lastVisit[visitor][level] = step;
    boolean repeat = step - last < w.stepsPerYear;
    return repeat ? news * w.p(org.hedgesim.scenario.Parameter.VISIT_REPEAT_DISCOUNT) : news;
  }

  /**
   * Trust relaxes toward its base. Only ties whose trust was ever moved can differ from their
   * base; for every other tie the update would add exactly zero, so they are skipped.
   */
  static void relax(HedgeWorld w) {
    double k = w.trustRelaxation();
    java.util.ArrayList<Relation> moved = w.unsettled;
    for (int i = 0, n = moved.size(); i < n; i++) {
      Relation r = moved.get(i);
      r.trust += (r.baseTrust - r.trust) * k;
    }
  }
}
