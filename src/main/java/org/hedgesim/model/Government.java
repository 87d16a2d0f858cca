package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Who governs a small state (docs/MODEL.md, "Government"). The sitting leader's predisposition
 * pi_ik toward each pole enters the marginal value of leaning. A {@code leader} event replaces the
 * government at a date; a legitimacy below {@code legitimacy_crisis} for {@code crisis_months}
 * brings down a government that has declared successors, and one of them, drawn from the run's
 * generator, takes office with legitimacy reset to the reference level.
 */
final class Government {

  private Government() {}

  /** Reads the sitting government's predispositions into the state. */
  static void install(HedgeWorld w, Actor a) {
    for (int k = 0; k < w.poles.length; k++) {
      a.predisposition[k] = w.poles[k] == a.index ? 0 : a.government.toward(w.actors[w.poles[k]].id);
    }
  }

  static void change(HedgeWorld w, Actor a, org.hedgesim.scenario.Government next, String origin,
      String why) {
    if (!w.runs(Mechanism.GOVERNMENT)) {
      w.log("skipped", a.index, -1, Double.NaN, origin, "leader " + next.leader() + ": government knocked out");
      return;
    }
    String before = a.government.leader();
    a.government = next;
    install(w, a);
    w.log("leader", a.id, "", Double.NaN, origin, (before.isEmpty() ? "" : before + " -> ")
        + next.describe() + (why.isEmpty() ? "" : "; " + why));
  }

  /** A government with successors falls after a long enough legitimacy crisis. */
  static void review(HedgeWorld w, Actor a) {
    if (a.successors.isEmpty() || !w.runs(Mechanism.GOVERNMENT)) return;
    if (a.legitimacy >= w.p(Parameter.LEGITIMACY_CRISIS)) {
      a.crisisSteps = 0;
      return;
    }
    int needed = Math.max(1, (int) Math.ceil(w.p(Parameter.CRISIS_MONTHS) / w.monthsPerStep));
    if (++a.crisisSteps < needed) return;
    a.crisisSteps = 0;
    org.hedgesim.scenario.Government next = a.successors.get(w.random.nextInt(a.successors.size()));
    String why = String.format(java.util.Locale.ROOT, "legitimacy %.3f below %.3f for %d steps",
        a.legitimacy, w.p(Parameter.LEGITIMACY_CRISIS), needed);
    change(w, a, next, "endogenous", why);
    a.legitimacy = w.p(Parameter.LEGITIMACY_REFERENCE);
  }
}
