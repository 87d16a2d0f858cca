package org.hedgesim.model;

import java.util.Locale;
import org.hedgesim.scenario.Inducements;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Powers' carrots (docs/MODEL.md, "Powers as players"). At each review a pole sets its courtship
 * e_ki of each small state by a Richardson-type response: it courts harder the further the state
 * leans toward its rivals (gap_ki, weighted by the state's strategic value and the pole's budget)
 * and the more its rivals court the same state (chi_k), and its courtship decays (delta_e). The
 * sum over states is held within the budget B_k. Courtship is delivered with the pole's delivery
 * probability: delivered courtship becomes investment and aid flows and is good news for trust and
 * credibility; an undelivered promise is bad news for credibility.
 */
final class Courtship {

  private Courtship() {}

  /** How far state {@code s} leans toward pole {@code k}'s rivals: max_l rho_kl (a_sl - a_sk). */
  static double gap(HedgeWorld w, int p, int s) {
    Actor pole = w.actors[p];
    Actor state = w.actors[s];
    int k = pole.poleIndex;
    double gap = Double.NEGATIVE_INFINITY;
    for (int l = 0; l < w.poles.length; l++) {
      if (l == k || w.poles[l] == s) continue;
      double rivalry = w.relations[p][w.poles[l]].rivalry;
      if (rivalry <= 0) continue;
      gap = Math.max(gap, rivalry * (state.alignment[l] - state.alignment[k]));
    }
    return gap == Double.NEGATIVE_INFINITY ? 0.0 : gap;
  }

  /** The courtship of state {@code s} by pole {@code p}'s rivals, weighted by rivalry. */
  static double rivalCourtship(HedgeWorld w, int p, int s) {
    double sum = 0;
    for (int q : w.poles) {
      if (q == p || q == s) continue;
      double rivalry = w.relations[p][q].rivalry;
      if (rivalry > 0) sum += rivalry * w.actors[q].courtship[s];
    }
    return sum;
  }

  /** The new courtship of one state at a review (before the budget is applied). */
  static double update(HedgeWorld w, Actor pole, int s, double gap, boolean carrots) {
    Inducements ind = pole.inducements;
    double e = pole.courtship[s];
    double decay = w.p(Parameter.COURTSHIP_DECAY);
    if (!carrots || !w.runs(Mechanism.COURTSHIP)) {
      return Equations.courtship(e, ind.responsiveness(), 0, 0, 0, 0, 0, decay);
    }
    double chi = w.runs(Mechanism.COMPETITION) ? ind.rivalryResponse() : 0;
    return Equations.courtship(e, ind.responsiveness(), w.actors[s].strategicValue, gap,
        ind.budget(), chi, chi > 0 ? rivalCourtship(w, pole.index, s) : 0, decay);
  }

  /** Holds the pole's courtship of all states within its budget. */
  static void budget(HedgeWorld w, Actor pole) {
    double sum = 0;
    for (int s : w.small) sum += pole.courtship[s];
    double b = pole.inducements.budget();
    if (sum <= b || sum <= 0) return;
    double scale = b / sum;
    for (int s : w.small) pole.courtship[s] *= scale;
  }

  /**
   * Delivers (or not) this review's courtship of a state: the delivered amount is spread over the
   * pole's investment and aid flows to the state in proportion to their own levels.
   */
  static void deliver(HedgeWorld w, Actor pole, int s) {
    double e = pole.courtship[s];
    double delivery = pole.inducements.delivery();
    boolean delivered = e > 0 && (delivery >= 1 || w.random.nextDouble() < delivery);
    pole.delivered[s] = delivered;
    spread(w, pole, s, delivered ? e : 0);
    if (e <= 0) return;
    Actor state = w.actors[s];
    double news = w.p(Parameter.DELIVERY_CREDIBILITY);
    if (delivered) {
      Beliefs.trustNews(w, s, pole.index, Math.min(1.0, w.p(Parameter.DELIVERY_TRUST) * e
          / Math.max(state.scale(), 1e-9)));
      Beliefs.credibilityNews(w, s, pole.index, news);
    } else {
      Beliefs.credibilityNews(w, s, pole.index, -news);
    }
    if (w.logging()) {
      w.log("offer", pole.index, s, e, "endogenous", String.format(Locale.ROOT,
          "%s; courtship %.3f bn a year, gap %.3f", delivered ? "delivered" : "not delivered", e,
          gap(w, pole.index, s)));
    }
  }

  private static void spread(HedgeWorld w, Actor pole, int s, double amount) {
    Flow[][] withPole = w.flowWithPole[s];
    int k = pole.poleIndex;
    double total = 0;
    Flow fallback = null;
    for (int c = 0; c < w.channels.length; c++) {
      if (!w.channels[c].dependentIsRecipient()) continue;
      Flow f = withPole[c][k];
      if (f == null) continue;
      if (fallback == null && w.channels[c].stock()) fallback = f;
      total += Math.max(0, f.level - f.courtship);
    }
    for (int c = 0; c < w.channels.length; c++) {
      if (!w.channels[c].dependentIsRecipient()) continue;
      Flow f = withPole[c][k];
      if (f == null) continue;
      double own = Math.max(0, f.level - f.courtship);
      f.courtship = total > 0 ? amount * own / total : (f == fallback ? amount : 0);
    }
  }
}
