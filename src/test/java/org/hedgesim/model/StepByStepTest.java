package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One step of the economy, the recorded metrics and every settable value, checked against the
 * world's state (docs/MODEL.md, "Economy", "Metrics", "Events"), on the lively world.
 */
class StepByStepTest {
  private static final Scenario LIVELY = Fixtures.load(Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml"));

  @TempDir
  Path dir;

  /** Keeps the keys and the last step's values. */
  private static final class Last implements RunObserver {
    List<SeriesKey> keys;
    double[] values;
    final List<EventRecord> events = new ArrayList<>();

    @Override
    public void onStart(List<SeriesKey> series) {
      keys = series;
    }

    @Override
    public void onStep(int step, double[] v) {
      values = v.clone();
    }

    @Override
    public void onEvent(EventRecord e) {
      events.add(e);
    }
  }

  @Test
  void economy_oneStepOfFlowsStocksAndGdp() {
    HedgeWorld w = new HedgeWorld(4L, LIVELY);
    w.start();
    for (int i = 0; i < 8; i++) w.schedule.step(w); // before the port project starts (2031-01)
    int n = w.flows.length;
    double[] base = new double[n];
    double[] stock = new double[n];
    for (int f = 0; f < n; f++) {
      base[f] = w.flows[f].base;
      stock[f] = w.flows[f].stock;
    }
    double[] gdp = new double[w.actors.length];
    double[] growth = new double[w.actors.length];
    for (Actor a : w.actors) {
      gdp[a.index] = a.gdp;
      growth[a.index] = a.effectiveGrowth;
    }
    w.schedule.step(w);
    double dt = 1.0 / 12;
    double inflow = 0;
    Actor s = w.actors[w.actorIndex("S")];
    for (int f = 0; f < n; f++) {
      Flow flow = w.flows[f];
      ChannelSpec ch = w.channels[flow.channel];
      int follows = switch (ch.growsWith()) {
        case "from" -> flow.from;
        case "to" -> flow.to;
        default -> -1;
      };
      double g = !Double.isNaN(flow.growth) ? flow.growth : (follows >= 0 ? growth[follows] : 0);
      double expectedBase = base[f] * Math.pow(1 + g, dt);
      assertEquals(expectedBase, flow.base, 1e-12 * Math.max(1, expectedBase), "base of flow " + f);
      double level = Math.max(0, flow.base * EconomyPhase.multiplier(w, flow)) + flow.courtship; // no aid gifts here
      assertEquals(level, flow.level, 1e-12, "level of flow " + f);
      if (ch.stock()) {
        double keep = Math.pow(1 - ch.depreciation(), dt);
        assertEquals(stock[f] * keep + flow.level * dt + flow.projectInflow, flow.stock, 1e-9, "stock of flow " + f);
      }
      if (ch.dependentIsRecipient() && flow.to == s.index) inflow += flow.level;
    }
    assertEquals(inflow, w.inflowNow[s.index], 1e-9, "S's inflows this step (no project finance in this step)");
    double phi = w.p(Parameter.INFLOW_GROWTH_EFFECT);
    double g = s.growth + phi * (inflow - s.startInflow) / gdp[s.index];
    assertEquals(g, s.effectiveGrowth, 1e-12, "growth with the inflow effect");
    assertEquals(gdp[s.index] * Math.pow(1 + g, dt), s.gdp, 1e-9);
  }

  @Test
  void metrics_recordTheWorldsStateAtTheEndOfEachStep() {
    HedgeWorld w = new HedgeWorld(4L, LIVELY);
    Last last = new Last();
    w.setObserver(last);
    w.start();
    for (int i = 0; i < 45; i++) w.schedule.step(w);
    Actor s = w.actors[w.actorIndex("S")];
    int checked = 0;
    for (int i = 0; i < last.keys.size(); i++) {
      SeriesKey k = last.keys.get(i);
      double v = last.values[i];
      Double expected = expected(w, s, k);
      if (expected == null) continue;
      assertEquals(expected, v, 1e-12, k.toString());
      checked++;
    }
    assertTrue(checked > 40, "checked " + checked + " of " + last.keys.size());
  }

  private static Double expected(HedgeWorld w, Actor s, SeriesKey k) {
    int t = k.target().isEmpty() || !w.actorIndex.containsKey(k.target()) ? -1 : w.actorIndex(k.target());
    int pole = t >= 0 ? w.actors[t].poleIndex : -1;
    if (k.actor().equals("S")) {
      switch (k.metric()) {
        case "alignment": return s.alignment[pole];
        case "dependence": return s.dependence[pole];
        case "returns": return s.returns[pole];
        case "threat": return s.threat[pole];
        case "security_value": return s.security[pole];
        case "vulnerability": return s.vulnerability[pole];
        case "marginal_value": return s.marginal[pole];
        case "credibility": return w.relations[s.index][t].credibility;
        case "trust": return w.relations[s.index][t].trust;
        case "legitimacy": return s.legitimacy;
        case "nationalism": return s.nationalism;
        case "growth_expectation": return s.growthTarget;
        case "fdi_share": return s.channelShare[0][pole];
        case "exports_share": return s.channelShare[1][pole];
        case "aid_share": return s.channelShare[2][pole];
        case "fdi_inflow_share": return s.inflowShare[0][pole];
        case "hhi": return s.hhi[channel(w, k.target())];
        case "hhi_norm": return s.hhiNorm[channel(w, k.target())];
        case "salience": return w.disputeIndex.get(k.target()).salience;
        case "exit_pressure": return s.pressure[w.frameworkIndex.get(k.target()).index];
        case "memberships": {
          int m = 0;
          for (Framework f : w.frameworks) m += f.member[s.index] ? 1 : 0;
          return (double) m;
        }
        case "fdi_stock": {
          double sum = 0;
          for (Flow f : w.flows) {
            if (f.channel == 0 && f.to == s.index && f.from == t) sum += f.stock;
          }
          return sum;
        }
        default: return null;
      }
    }
    Actor a = w.actors[w.actorIndex(k.actor())];
    switch (k.metric()) {
      case "capability": return a.capability;
      case "gdp": return a.gdp;
      case "courtship": return a.courtship[s.index];
      case "coercion": return a.sanctionOn[s.index];
      default: return null;
    }
  }

  private static int channel(HedgeWorld w, String kind) {
    for (int c = 0; c < w.channels.length; c++) {
      if (w.channels[c].kind().equals(kind)) return c;
    }
    throw new AssertionError(kind);
  }

  @Test
  void set_everySettableValueReachesTheWorld() throws Exception {
    Scenario s = Fixtures.variantOf(dir, Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml"), "sets",
        "events:\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].nationalism', value: 0.61}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].legitimacy', value: 0.62}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].growth', value: 0.063}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].growth_target', value: 0.064}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].neutrality', value: 0.65}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].inertia', value: 0.66}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].tolerance', value: 0.67}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[A].approach', value: negative}}\n"
        + "  - {at: 2030-02, set: {path: 'relations[S,A].trust', value: 0.41}}\n"
        + "  - {at: 2030-02, set: {path: 'relations[S,A].grievance', value: 0.42}}\n"
        + "  - {at: 2030-02, set: {path: 'relations[S,A].proximity', value: 0.43}}\n"
        + "  - {at: 2030-02, set: {path: 'relations[S,A].security', value: 0.44}}\n"
        + "  - {at: 2030-02, set: {path: 'frameworks[ECO].benefit', value: 0.051}}\n"
        + "  - {at: 2030-02, set: {path: 'frameworks[ECO].sovereignty_cost', value: 0.052}}\n"
        + "  - {at: 2030-02, set: {path: 'frameworks[ECO].exit_cost', value: 0.053}}\n"
        + "  - {at: 2030-02, set: {path: 'frameworks[ECO].open', value: true}}\n"
        + "  - {at: 2030-02, set: {path: 'parameters.review_patience_months', value: 9}}\n"
        + "  - {at: 2030-02, set: {path: 'actors[S].strategy', value: balancer}}\n");
    HedgeWorld w = new HedgeWorld(4L, s);
    Last last = new Last();
    w.setObserver(last);
    w.start();
    w.schedule.step(w);
    w.schedule.step(w); // 2030-02: events come first in the step
    Actor st = w.actors[w.actorIndex("S")];
    assertEquals(0.61, st.nationalismBase);
    assertEquals(0.063, st.growth);
    assertEquals(0.65, st.neutrality);
    assertEquals(0.66, st.inertia);
    assertEquals(0.67, st.tolerance);
    assertEquals(org.hedgesim.scenario.Approach.NEGATIVE, w.actors[w.actorIndex("A")].approach);
    Relation r = w.relations[st.index][w.actorIndex("A")];
    assertEquals(0.41, r.baseTrust);
    assertEquals(0.42, r.grievance);
    assertEquals(0.43, r.proximity);
    assertEquals(0.44, r.security);
    Framework eco = w.frameworkIndex.get("ECO");
    assertEquals(0.051, eco.benefit);
    assertEquals(0.052, eco.sovereigntyCost);
    assertEquals(0.053, eco.exitCost);
    assertTrue(eco.open);
    assertEquals(9.0, w.p(Parameter.REVIEW_PATIENCE_MONTHS));
    assertEquals(9, w.patienceSteps);
    assertEquals(org.hedgesim.scenario.Strategy.BALANCER, st.strategy);
    assertEquals(org.hedgesim.scenario.Strategy.BALANCER, st.effectiveStrategy);
    assertEquals(s.strategies().get(org.hedgesim.scenario.Strategy.BALANCER).weights(), st.ownWeights);
    assertEquals(18, last.events.stream().filter(e -> e.kind().equals("set")).count());
    assertTrue(last.events.stream().anyMatch(e -> e.detail().equals("actors[S].inertia = 0.66")));
  }

  @Test
  void skippedEvents_areLoggedAndChangeNothing() throws Exception {
    Scenario s = Fixtures.variantOf(dir, Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml"), "skips",
        "events:\n"
        + "  - {at: 2030-02, join: {actor: S, framework: ECO}}\n"
        + "  - {at: 2030-02, lift_sanction: {from: A, to: S}}\n"
        + "  - {at: 2030-03, exit: {actor: S, framework: SEC}}\n"
        + "  - {at: 2030-04, exit: {actor: S, framework: SEC}}\n"
        + "  - {at: 2031-04, project: {id: port}}\n");
    HedgeWorld w = new HedgeWorld(4L, s);
    Last last = new Last();
    w.setObserver(last);
    w.start();
    for (int i = 0; i < 16; i++) w.schedule.step(w);
    List<String> skipped = last.events.stream().filter(e -> e.kind().equals("skipped")).map(EventRecord::detail).toList();
    assertTrue(skipped.contains("join ECO: already a member"), skipped.toString());
    assertTrue(skipped.contains("lift_sanction: no sanction in force"), skipped.toString());
    assertTrue(skipped.contains("exit from SEC: not a member"), skipped.toString());
    assertTrue(skipped.contains("project port already started"), skipped.toString());
    assertEquals(1, last.events.stream().filter(e -> e.kind().equals("exit") && e.target().equals("SEC")).count());
  }
}
