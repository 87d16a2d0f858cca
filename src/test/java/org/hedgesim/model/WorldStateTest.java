package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hedgesim.Fixtures;
import org.hedgesim.experiment.Replication;
import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What a small state perceives and chooses, recomputed in the test from the world's state and the
 * equations of docs/MODEL.md, at several steps of the lively world (every mechanism at work): the
 * model's numbers are the equations' numbers, not only numbers that move the right way.
 */
class WorldStateTest {
  private static final Scenario LIVELY = Fixtures.load(Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml"));
  private static final double EPS = 1e-12;

  /** The world after some steps, with the small state's perception taken again from its state now. */
  private static HedgeWorld at(int steps) {
    HedgeWorld w = new HedgeWorld(99L, LIVELY);
    w.start();
    for (int i = 0; i < steps; i++) w.schedule.step(w);
    new PerceptionPhase().perceive(w, w.actors[w.actorIndex("S")]);
    return w;
  }

  private static Actor s(HedgeWorld w) {
    return w.actors[w.actorIndex("S")];
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 25, 61})
  void dependenceReturnsAndVulnerability_areTheirEquations(int step) {
    HedgeWorld w = at(step);
    Actor a = s(w);
    double beta = w.p(Parameter.FRAMEWORK_WEIGHT);
    for (int k = 0; k < w.poles.length; k++) {
      int pk = w.poles[k];
      double dep = 0;
      double used = 0;
      double ret = 0;
      for (int c = 0; c < w.channels.length; c++) {
        ChannelSpec ch = w.channels[c];
        double total = 0;
        double withK = 0;
        for (Flow f : w.flows) {
          if (f.channel != c || f.dependent != a.index) continue;
          double v = ch.stock() ? f.stock : f.level;
          total += v;
          if (f.partner == pk) {
            withK += v;
            ret += ch.weight() * (f.level - f.courtship) / a.gdp;
          }
        }
        if (total > 0) {
          used += ch.weight();
          dep += ch.weight() * withK / total;
        }
      }
      dep /= used;
      double shared = 0;
      for (Framework f : w.frameworks) {
        if (!f.isSecurity() && f.member[a.index] && f.member[pk]) shared += f.benefit;
      }
      Relation r = w.relations[a.index][pk];
      ret += beta * shared + r.credibility * w.actors[pk].courtship[a.index] / a.gdp;
      assertEquals(dep, a.dependence[k], EPS, "dependence on " + w.actors[pk].id);
      assertEquals(ret, a.returns[k], EPS, "value of ties with " + w.actors[pk].id);
      assertEquals(dep * dep * (1 - r.trust), a.vulnerability[k], EPS, "vulnerability");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 25, 61})
  void threatSecurityAndMarginalValue_areTheirEquations(int step) {
    HedgeWorld w = at(step);
    Actor a = s(w);
    double alpha = w.p(Parameter.CAPABILITY_EXPONENT);
    int np = w.poles.length;
    double[] t = new double[np];
    for (int k = 0; k < np; k++) {
      Actor p = w.actors[w.poles[k]];
      Relation r = w.relations[a.index][p.index];
      double salience = 0;
      for (Dispute d : w.disputes) {
        if (d.state == a.index && d.power == p.index) salience = Math.max(salience, d.salience);
      }
      t[k] = Math.pow(p.capability / (p.capability + a.capability), alpha) * r.proximity * (1 - r.trust)
          * (1 + r.grievance) / 2 * (1 + salience);
      assertEquals(t[k], a.threat[k], 1e-12, "threat of " + p.id);
    }
    Weights wt = a.weights(w);
    for (int k = 0; k < np; k++) {
      int other = k == 0 ? 1 : 0; // two poles: the worst other threat is the other pole's
      Actor p = w.actors[w.poles[k]];
      Actor q = w.actors[w.poles[other]];
      double tie = w.relations[a.index][p.index].security;
      for (Framework f : w.frameworks) {
        if (f.isSecurity() && f.lead == p.index && f.member[a.index]) tie = 1 - (1 - tie) * (1 - f.benefit);
      }
      double sec = tie * p.capability / (p.capability + q.capability) * t[other];
      assertEquals(sec, a.security[k], 1e-12, "security value of " + p.id);
      double m = wt.returns() * a.returns[k] + wt.security() * sec - wt.threat() * t[k]
          - wt.vulnerability() * a.vulnerability[k] + w.p(Parameter.PREDISPOSITION_WEIGHT) * a.predisposition[k];
      if (a.switchPole == k) {
        m += a.effectiveStrategy == org.hedgesim.scenario.Strategy.BANDWAGONER
            ? w.p(Parameter.STRATEGY_RULE_WEIGHT) : -w.p(Parameter.STRATEGY_RULE_WEIGHT);
      } else if (a.switchPole >= 0 && a.effectiveStrategy == org.hedgesim.scenario.Strategy.BALANCER) {
        m += w.p(Parameter.STRATEGY_RULE_WEIGHT);
      }
      assertEquals(m, a.marginal[k], 1e-12, "marginal value of " + p.id);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 25, 61, 119})
  void target_isTheMaximumOfThePortfolioUtilityWithinTheBounds(int step) {
    HedgeWorld w = at(step);
    Actor a = s(w);
    Actor pa = w.actors[w.poles[0]];
    Actor pb = w.actors[w.poles[1]];
    double c = a.commitmentCost(w);
    double u = 1 - Math.abs(pa.capability - pb.capability) / (pa.capability + pb.capability);
    double mean = (a.returns[0] + a.returns[1]) / 2;
    double h = w.relations[pa.index][pb.index].rivalry * (1 + w.p(Parameter.UNCERTAINTY_WEIGHT) * u)
        * a.riskAversion(w) * Math.min(a.returns[0], a.returns[1]) / mean;
    double[] x = a.target;
    double[] g = new double[2];
    for (int k = 0; k < 2; k++) {
      int l = 1 - k;
      double qkk = c + a.nationalism * a.dependence[k] + h;
      g[k] = a.marginal[k] - qkk * x[k] + h * x[l];
    }
    for (int k = 0; k < 2; k++) {
      if (Math.abs(x[k]) < a.neutrality - 1e-12) {
        assertEquals(0.0, g[k], 1e-10, "free coordinate at its optimum, step " + step);
      } else {
        assertTrue(g[k] * Math.signum(x[k]) >= -1e-10, "held at the bound only if the gradient points out");
      }
    }
  }

  @Test
  void flows_levelIsBaseTimesTheMultiplierPlusCourtship_andTheFirstLevelIsTheDeclaredAmount() {
    HedgeWorld start = at(0);
    for (Flow f : start.flows) {
      double m = EconomyPhase.multiplier(start, f);
      assertEquals(f.declared, Math.max(0, f.base * m) + f.courtship, 1e-12, "initialised at the declared amount");
    }
    HedgeWorld w = at(40);
    Actor a = s(w);
    for (Flow f : w.flows) {
      ChannelSpec ch = w.channels[f.channel];
      Actor partner = w.actors[f.partner];
      double m = 1;
      if (f.dependent == a.index && partner.isPole() && ch.alignmentElasticity() != 0) {
        m *= 1 + ch.alignmentElasticity() * a.alignment[partner.poleIndex];
      }
      if (ch.frameworkBenefit()) {
        for (Framework fw : w.frameworks) {
          if (!fw.isSecurity() && fw.member[f.from] && fw.member[f.to]) m *= 1 + fw.benefit;
        }
      }
      if (ch.sanctionable() && partner.isPole()) {
        m *= (1 - partner.scriptedSanction[f.dependent]) * (1 - partner.coercion[f.dependent]);
      }
      m *= f.boost;
      assertEquals(m, EconomyPhase.multiplier(w, f), 1e-12, "multiplier of " + f.from + ">" + f.to);
    }
  }

  @Test
  void metrics_areTheirDefinitions() {
    Replication r = Replication.run(LIVELY, 0, 99L);
    double o0 = LIVELY.observables().voteIntercept();
    double o1 = LIVELY.observables().voteSlope();
    for (int t = 0; t < r.steps(); t += 13) {
      double aa = Fixtures.value(r, "alignment", "S", "A", t);
      double ab = Fixtures.value(r, "alignment", "S", "B", t);
      assertEquals((aa - ab) / 2, Fixtures.value(r, "lean", "S", "A|B", t), EPS);
      assertEquals(1 / (1 + Math.exp(-(o0 + o1 * (aa - ab) / 2))), Fixtures.value(r, "vote_position", "S", "A|B", t), 1e-12);
      assertEquals(1 - Math.abs(aa - ab) / 2, Fixtures.value(r, "hedging_index", "S", "", t), EPS);
      double da = Fixtures.value(r, "dependence", "S", "A", t);
      double db = Fixtures.value(r, "dependence", "S", "B", t);
      assertEquals(1 - Math.max(da, db), Fixtures.value(r, "autonomy", "S", "", t), EPS);
      double shares = Fixtures.value(r, "fdi_inflow_share", "S", "A", t) + Fixtures.value(r, "fdi_inflow_share", "S", "B", t);
      assertTrue(shares > 0 && shares < 1, "the poles' share of inflows leaves the rest of the world's");
      double q = Fixtures.value(r, "credibility", "S", "A", t);
      assertTrue(q > 0 && q < 1, "credibility never reaches its bounds");
      assertTrue(Fixtures.value(r, "memberships", "S", "", t) >= 1);
    }
    assertTrue(Fixtures.value(r, "capability", "A", "", r.steps() - 1) > Fixtures.value(r, "capability", "A", "", 0),
        "the faster-growing power gains capability");
  }

  @Test
  void withoutTheSpinUp_alignmentsStartAtZero_andTheFirstStepMovesThemTowardTheirTargets() {
    HedgeWorld w = new HedgeWorld(99L, LIVELY.withKnockOuts(java.util.EnumSet.of(Mechanism.SPIN_UP)));
    w.start();
    Actor a = s(w);
    assertEquals(0.0, a.alignment[0]);
    assertEquals(0.0, a.alignment[1]);
    w.schedule.step(w);
    for (int k = 0; k < 2; k++) {
      assertTrue(Math.abs(a.alignment[k]) > 0 && Math.abs(a.alignment[k]) < Math.abs(a.target[k]) + 0.05,
          "a tenth of the way (inertia 0.1) plus noise: " + a.alignment[k] + " toward " + a.target[k]);
    }
  }
}
