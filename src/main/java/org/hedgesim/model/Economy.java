package org.hedgesim.model;

import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Parameter;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 5: projects advance, flows and stocks move, GDP grows, trust relaxes toward its base,
 * shocks and one-off aid run down. Yearly rates are converted to the step.
 */
final class Economy implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    HedgeWorld w = (HedgeWorld) state;
    w.syncStep();
    advanceProjects(w);
    advanceFlows(w);
    advanceGdp(w);
    relaxTrust(w);
    for (Project p : w.projects) {
      if (p.financing != null) p.financing.projectInflow = 0;
    }
  }

  private static void advanceProjects(HedgeWorld w) {
    for (Project p : w.projects) {
      if (p.status == Project.Status.BUILDING && p.financing != null) {
        p.financing.projectInflow = p.inflowPerStep;
      }
      if (p.status != Project.Status.BUILDING && p.status != Project.Status.DELAYED) continue;
      if (--p.stepsLeft > 0) continue;
      if (w.random.nextDouble() < p.spec.completionProbability()) {
        Happenings.completeProject(w, p);
      } else {
        int months = 1 + w.random.nextInt(p.spec.maxDelayMonths());
        p.status = Project.Status.DELAYED;
        p.stepsLeft = Math.max(1, (int) Math.ceil((double) months / w.monthsPerStep));
        w.log("project_delay", p.host, p.financier, months, "endogenous", p.spec.id()
            + " delayed by " + months + " months");
      }
    }
  }

  private static void advanceFlows(HedgeWorld w) {
    double dt = 1.0 / w.stepsPerYear;
    for (Flow f : w.flows) {
      ChannelSpec ch = w.channels[f.channel];
      double g = f.growth;
      if (Double.isNaN(g)) {
        g = switch (ch.growsWith()) {
          case "from" -> w.actors[f.from].effectiveGrowth;
          case "to" -> w.actors[f.to].effectiveGrowth;
          default -> 0.0;
        };
      }
      if (g != 0) f.base *= Equations.stepGrowth(g, w.stepsPerYear);
      f.level = Math.max(0.0, f.base * multiplier(w, f)) + f.extras.total();
      f.extras.tick();
      if (f.offerSteps > 0 && --f.offerSteps == 0) f.offer = 0;
      if (ch.stock()) {
        double keep = Math.pow(1.0 - ch.depreciation(), dt);
        f.stock = f.stock * keep + f.level * dt + f.projectInflow;
      }
    }
  }

  /**
   * The political multiplier of a flow: (1 + psi x alignment of the dependent to the partner)
   * x product of (1 + benefit) of frameworks both ends belong to x (1 - sanction) x agreements
   * x (1 + a standing offer).
   */
  static double multiplier(HedgeWorld w, Flow f) {
    ChannelSpec ch = w.channels[f.channel];
    double m = 1.0;
    Actor dep = w.actors[f.dependent];
    Actor partner = w.actors[f.partner];
    if (ch.alignmentElasticity() != 0 && dep.isSmall() && partner.isPole() && dep != partner) {
      m *= 1.0 + ch.alignmentElasticity() * dep.alignment[partner.poleIndex];
    }
    if (ch.frameworkBenefit()) {
      for (Framework fw : w.frameworks) {
        if (fw.member[f.from] && fw.member[f.to]) m *= 1.0 + fw.benefit;
      }
    }
    if (ch.sanctionable()) m *= 1.0 - partner.sanctionOn[f.dependent];
    if (ch.tradeAgreement()) m *= f.boost;
    return m * (1.0 + f.offer);
  }

  /** Yearly inflows (investment and aid levels, project financing) into an actor, US$ bn. */
  static double inflow(HedgeWorld w, int actor) {
    double sum = 0;
    for (int c = 0; c < w.channels.length; c++) {
      if (!w.channels[c].dependentIsRecipient()) continue;
      for (int f : w.dependentFlows[actor][c]) {
        Flow flow = w.flows[f];
        sum += flow.level + flow.projectInflow * w.stepsPerYear;
      }
    }
    return sum;
  }

  private static void advanceGdp(HedgeWorld w) {
    double phi = w.p(Parameter.INFLOW_GROWTH_EFFECT);
    for (Actor a : w.actors) {
      double g = a.growth + a.shocks.total();
      if (a.gdp > 0) {
        g += phi * (inflow(w, a.index) - a.startInflow) / a.gdp;
        a.gdp *= Equations.stepGrowth(g, w.stepsPerYear);
      }
      a.effectiveGrowth = g;
      a.shocks.tick();
    }
  }

  private static void relaxTrust(HedgeWorld w) {
    double k = Equations.relaxation(w.p(Parameter.TRUST_HALF_LIFE), w.stepsPerYear);
    int n = w.actors.length;
    for (int a = 0; a < n; a++) {
      Relation[] row = w.relations[a];
      for (int b = a + 1; b < n; b++) {
        Relation r = row[b];
        r.trust += (r.baseTrust - r.trust) * k;
      }
    }
  }
}
