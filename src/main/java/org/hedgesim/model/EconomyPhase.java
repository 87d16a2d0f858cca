package org.hedgesim.model;

import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Phase 5: projects advance, flows and stocks move, GDP grows, capabilities follow
 * ({@link PowerTransition}), beliefs and salience relax ({@link Beliefs}, {@link Disputes}), shocks
 * and one-off aid run down. Yearly rates are converted to the step.
 */
final class EconomyPhase extends Phase {
  private static final long serialVersionUID = 1L;

  @Override
  void run(HedgeWorld w) {
    advanceProjects(w);
    advanceFlows(w);
    advanceGdp(w);
    PowerTransition.step(w);
    Beliefs.relax(w);
    Disputes.relax(w);
    for (Project p : w.projects) {
      if (p.financing != null) p.financing.projectInflow = 0;
    }
  }

  private static void advanceProjects(HedgeWorld w) {
    for (Project p : w.projects) {
      if (p.status == Project.Status.BUILDING && p.financing != null) {
        double delivery = p.spec.delivery();
        if (delivery >= 1 || w.random.nextDouble() < delivery) {
          p.financing.projectInflow = p.inflowPerStep;
        } else {
          Beliefs.credibilityNews(w, p.host, p.financier,
              -w.p(Parameter.DELIVERY_CREDIBILITY) / w.stepsPerYear);
        }
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
    for (Actor a : w.actors) w.growthFactor[a.index] = growthFactor(w, a, a.effectiveGrowth);
    java.util.Arrays.fill(w.inflowNow, 0.0);
    for (Flow f : w.flows) {
      ChannelSpec ch = w.channels[f.channel];
      if (!Double.isNaN(f.growth)) {
        if (f.growth != 0) f.base *= f.ownGrowthFactor;
      } else {
        int follows = switch (ch.growsWith()) {
          case "from" -> f.from;
          case "to" -> f.to;
          default -> -1;
        };
        if (follows >= 0 && w.actors[follows].effectiveGrowth != 0) f.base *= w.growthFactor[follows];
      }
      f.level = Math.max(0.0, f.base * multiplier(w, f)) + f.courtship;
      if (f.extras != null) {
        f.level += f.extras.total();
        f.extras.tick();
      }
      if (ch.stock()) {
        f.stock = f.stock * w.keepFactor[f.channel] + f.level * dt + f.projectInflow;
      }
      if (ch.dependentIsRecipient()) w.inflowNow[f.to] += f.level + f.projectInflow * w.stepsPerYear;
    }
  }

  /**
   * The political multiplier of a flow: (1 + psi x alignment of the dependent to the partner)
   * x product of (1 + benefit) of the economic frameworks both ends belong to x (1 - sanction)
   * x agreements.
   */
  static double multiplier(HedgeWorld w, Flow f) {
    ChannelSpec ch = w.channels[f.channel];
    double m = 1.0;
    Actor dep = w.actors[f.dependent];
    Actor partner = w.actors[f.partner];
    if (ch.alignmentElasticity() != 0 && dep.isSmall() && partner.isPole() && dep != partner
        && w.runs(Mechanism.ECONOMIC_FEEDBACK)) {
      m *= 1.0 + ch.alignmentElasticity() * dep.alignment[partner.poleIndex];
    }
    if (ch.frameworkBenefit()) {
      if (f.frameworkVersion != w.benefitVersion || f.fromVersion != w.membershipVersion[f.from]
          || f.toVersion != w.membershipVersion[f.to]) {
        double factor = 1.0;
        for (Framework fw : w.frameworks) {
          if (!fw.isSecurity() && fw.member[f.from] && fw.member[f.to]) factor *= 1.0 + fw.benefit;
        }
        f.frameworkFactor = factor;
        f.frameworkVersion = w.benefitVersion;
        f.fromVersion = w.membershipVersion[f.from];
        f.toVersion = w.membershipVersion[f.to];
      }
      m *= f.frameworkFactor;
    }
    if (ch.sanctionable() && partner.isPole()) m *= 1.0 - partner.sanctionOn[f.dependent];
    if (ch.tradeAgreement()) m *= f.boost;
    return m;
  }

  /**
   * Adds up, for every actor, its yearly inflows (levels of the flows it receives on channels
   * paid to the recipient, plus project financing), in flow order: the same sum, in the same
   * order, as the flow phase accumulates each step.
   */
  static void sumInflows(HedgeWorld w, double[] into) {
    java.util.Arrays.fill(into, 0.0);
    for (Flow f : w.flows) {
      if (w.channels[f.channel].dependentIsRecipient()) {
        into[f.to] += f.level + f.projectInflow * w.stepsPerYear;
      }
    }
  }

  private static void advanceGdp(HedgeWorld w) {
    double phi = w.runs(Mechanism.ECONOMIC_FEEDBACK) ? w.p(Parameter.INFLOW_GROWTH_EFFECT) : 0;
    for (Actor a : w.actors) {
      double g = a.growth + a.shocks.total();
      if (a.gdp > 0) {
        if (phi != 0) g += phi * (w.inflowNow[a.index] - a.startInflow) / a.gdp;
        a.gdp *= growthFactor(w, a, g);
      }
      a.effectiveGrowth = g;
      a.shocks.tick();
    }
  }

  /** (1 + rate)^(1/steps per year) for an actor, recomputed only when its rate changes. */
  static double growthFactor(HedgeWorld w, Actor a, double rate) {
    if (rate == 0) return 1.0;
    if (rate != a.growthFactorRate) {
      a.growthFactor = Equations.stepGrowth(rate, w.stepsPerYear);
      a.growthFactorRate = rate;
    }
    return a.growthFactor;
  }
}
