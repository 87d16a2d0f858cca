package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.experiment.Replication;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The powers' reviews, the events and the domestic mechanisms, step by step against their
 * equations (docs/MODEL.md, "Submodels"), on the rivals test world with one thing added at a time.
 */
class PowersAndEventsTest {
  private static final Path RIVALS = Fixtures.testResource("org/hedgesim/model/worlds/rivals.yaml");

  @TempDir
  Path dir;

  private Scenario world(String name, String body) {
    return Fixtures.variantOf(dir, RIVALS, name, body);
  }

  private static HedgeWorld started(Scenario s) {
    HedgeWorld w = new HedgeWorld(5L, s);
    w.start();
    return w;
  }

  private static void steps(HedgeWorld w, int n) {
    for (int i = 0; i < n; i++) w.schedule.step(w);
  }

  private static int id(HedgeWorld w, String actor) {
    return w.actorIndex(actor);
  }

  @Test
  void courtship_atAReview_isOneRichardsonStepWithinTheBudget() {
    HedgeWorld w = started(world("court", "flows:\n  - {kind: exports, from: S, to: B, amount: 1.6}\n"
        + "actors:\n  - {id: A, approach: positive, inducements: {budget: 5.0, rivalry_response: 0.3}}\n"
        + "  - {id: B, approach: positive, inducements: {budget: 5.0}}\n"));
    steps(w, 6); // steps 0-5; reviews every 6 months, at steps 6, 12, ...
    Actor a = w.actors[id(w, "A")];
    Actor b = w.actors[id(w, "B")];
    int s = id(w, "S");
    double eA = a.courtship[s];
    double eB = b.courtship[s];
    double gapA = Courtship.gap(w, a.index, s);
    Actor st = w.actors[s];
    assertEquals(0.8 * (st.alignment[1] - st.alignment[0]), gapA, 1e-15, "gap: rivalry x lean toward the rival");
    w.schedule.step(w); // step 6: the review
    double r = 0.5;
    double delta = w.p(Parameter.COURTSHIP_DECAY);
    double expectedA = Math.max(0, eA + r * (1.0 * Math.max(0, gapA) * 5.0 + 0.3 * 0.8 * eB - delta * eA));
    assertEquals(expectedA, a.courtship[s], 1e-12, "A's courtship after the review");
  }

  @Test
  void courtship_isHeldWithinTheBudget() {
    HedgeWorld w = started(world("budget", "actors:\n  - {id: A, approach: positive, inducements: {budget: 0.05}}\n"));
    Actor a = w.actors[id(w, "A")];
    int s = id(w, "S");
    a.courtship[s] = 0.2;
    Courtship.budget(w, a);
    assertEquals(0.05, a.courtship[s], 1e-15, "scaled down to the budget");
    a.courtship[s] = 0.03;
    Courtship.budget(w, a);
    assertEquals(0.03, a.courtship[s], 1e-15, "within the budget: unchanged");
  }

  @Test
  void coercion_risesByTheExcessGap_isCappedAndCutsSanctionableFlows() {
    HedgeWorld w = started(world("coerce", "flows:\n  - {kind: exports, from: S, to: B, amount: 3.0}\n"
        + "actors:\n  - {id: A, approach: negative, inducements: {tolerance: 0.01, max_coercion: 0.3}}\n"));
    Actor a = w.actors[id(w, "A")];
    int s = id(w, "S");
    steps(w, 6);
    double before = a.coercion[s];
    double gap = Courtship.gap(w, a.index, s);
    w.schedule.step(w);
    double expected = gap > 0.01 ? Math.min(0.3, before + 0.5 * (gap - 0.01))
        : (gap < 0.01 - 0.05 ? 0 : before * (1 - w.p(Parameter.COERCION_DECAY)));
    assertEquals(expected, a.coercion[s], 1e-12);
    assertEquals(a.coercion[s], a.sanctionOn[s], 1e-15, "no scripted sanction: the cut is the coercion");
    Flow exports = w.flowWithPole[s][w.channels.length > 1 ? 1 : 0][a.poleIndex];
    assertTrue(EconomyPhase.multiplier(w, exports) < 1.0 + 0.1 * 1.0, "the cut lowers the flow's multiplier");
  }

  @Test
  void regimeSwitch_firesAfterExactlyThePatience_andReturnsAfterThePatienceOnceUndone() {
    // B withdraws in 2032-01 (step 24); A's rivalry with B ends in 2035-01 (step 60): no rival left
    Scenario s = world("switch", "actors:\n  - {id: S, regime_switch: true}\n"
        + "parameters: {alignment_noise: 0, switch_patience_months: 4}\n"
        + "events:\n"
        + "  - {at: 2032-01, reroute: {actor: S, kind: fdi, from_partner: B, to_partner: ROW, share: 0.95}}\n"
        + "  - {at: 2032-01, reroute: {actor: S, kind: exports, from_partner: B, to_partner: ROW, share: 0.95}}\n"
        + "  - {at: 2035-01, relation: {between: [A, B], rivalry: -0.8}}\n");
    Replication r = Replication.run(s, 0, 1L);
    List<EventRecord> switches = r.events().stream().filter(e -> e.kind().equals("regime_switch")).toList();
    assertEquals(2, switches.size(), switches.toString());
    assertEquals(24 + 3, switches.get(0).step(), "four months of the condition, the first included");
    assertTrue(switches.get(0).detail().startsWith("hedger -> bandwagoner"), switches.get(0).detail());
    assertEquals(60 + 3, switches.get(1).step(), "four months undone");
    assertTrue(switches.get(1).detail().startsWith("bandwagoner -> hedger"), switches.get(1).detail());
  }

  @Test
  void incident_raisesSalienceLowersTrust_andMovesLegitimacyByWhetherTheStateYields() {
    HedgeWorld w = started(world("incident", "relations:\n  - {between: [S, A], proximity: 1.0}\n"
        + "disputes:\n  - {id: d, state: S, power: A, salience: 0.2}\n"));
    steps(w, 3);
    Dispute d = w.disputes[0];
    Relation r = w.relations[id(w, "S")][id(w, "A")];
    Actor st = w.actors[id(w, "S")];
    double salience = d.salience;
    double trust = r.trust;
    double legitimacy = st.legitimacy;
    Disputes.incident(w, d, 0.5, "scripted");
    assertEquals(salience + 0.5 * w.p(Parameter.INCIDENT_SALIENCE) * (1 - salience), d.salience, 1e-15);
    assertEquals(trust - 0.5 * w.p(Parameter.INCIDENT_TRUST) * trust, r.trust, 1e-15);
    double size = 0.5 * st.nationalism;
    double yielded = legitimacy - w.p(Parameter.INCIDENT_LEGITIMACY) * size * legitimacy;
    double firm = legitimacy + w.p(Parameter.INCIDENT_RALLY) * size * (1 - legitimacy);
    assertTrue(Math.abs(st.legitimacy - yielded) < 1e-15 || Math.abs(st.legitimacy - firm) < 1e-15,
        "yielded or stood firm: " + st.legitimacy);
  }

  @Test
  void randomIncidents_comeAtTheirRate() {
    Scenario s = world("rate", "disputes:\n  - {id: d, state: S, power: A, salience: 0.5, rate: 4.0}\n"
        + "actors:\n  - {id: A, assertiveness: 1.0}\n");
    long incidents = 0;
    for (Replication r : Fixtures.run(s, 10)) {
      incidents += r.events().stream().filter(e -> e.kind().equals("incident")).count();
    }
    // lambda = 4 x salience x (1 + 1), salience >= 0.5 and rising with each incident: at least
    // 4 a year over 10 years x 10 runs
    assertTrue(incidents > 350, "incidents: " + incidents);
  }

  @Test
  void government_fallsAfterTheCrisisMonths_andTheSuccessorTakesOffice() {
    Scenario s = world("crisis", "actors:\n  - id: S\n    legitimacy: 0.2\n    growth: 0.0\n    growth_target: 0.0\n"
        + "    government: {leader: Old, predisposition: {A: 0.5}}\n"
        + "    successors: [{leader: New, predisposition: {B: 0.5}}]\n"
        + "parameters: {crisis_months: 5, legitimacy_crisis: 0.25}\n");
    HedgeWorld w = started(s);
    Actor st = w.actors[id(w, "S")];
    steps(w, 4);
    assertEquals("Old", st.government.leader());
    steps(w, 1);
    assertEquals("New", st.government.leader(), "five months below the crisis level");
    assertEquals(w.p(Parameter.LEGITIMACY_REFERENCE), st.legitimacy, 1e-15, "legitimacy reset");
    assertEquals(0.5, st.predisposition[w.actors[id(w, "B")].poleIndex]);
    assertEquals(0.0, st.predisposition[w.actors[id(w, "A")].poleIndex]);
  }

  @Test
  void visits_repeatedWithinAYearCountHalf() {
    Scenario s = world("visits", "events:\n"
        + "  - {at: 2030-03, visit: {from: A, to: S, level: minister}}\n"
        + "  - {at: 2030-09, visit: {from: A, to: S, level: minister}}\n"
        + "  - {at: 2031-10, visit: {from: A, to: S, level: minister}}\n"
        + "  - {at: 2031-11, visit: {from: A, to: S, level: head_of_state}}\n");
    List<EventRecord> v = Replication.run(s, 0, 1L).events().stream().filter(e -> e.kind().equals("visit")).toList();
    double minister = v.get(0).value();
    assertEquals(0.015, minister, 1e-15);
    assertEquals(minister * 0.5, v.get(1).value(), 1e-15, "six months later: half");
    assertEquals(minister, v.get(2).value(), 1e-15, "more than a year later: full");
    assertEquals(0.04, v.get(3).value(), 1e-15, "another level: full");
  }

  @Test
  void exitAndJoin_moveTrustLegitimacyAndMembership() {
    Scenario s = world("frameworks", "frameworks:\n"
        + "  - {id: F, members: [S, A], lead: A, benefit: 0.05, sovereignty_cost: 0.4, open: true}\n"
        + "parameters: {exit_threshold: 5, join_threshold: 5}\n"
        + "events:\n  - {at: 2030-06, exit: {actor: S, framework: F}}\n  - {at: 2031-06, join: {actor: S, framework: F}}\n");
    HedgeWorld w = started(s);
    steps(w, 5);
    Actor st = w.actors[id(w, "S")];
    Relation r = w.relations[st.index][id(w, "A")];
    double trust = r.trust;
    double base = r.baseTrust;
    double legitimacy = st.legitimacy;
    w.schedule.step(w); // 2030-06: the exit (events come first in a step)
    Framework f = w.frameworks[0];
    assertTrue(!f.member[st.index] && f.former[st.index]);
    double shock = w.p(Parameter.EXIT_TRUST_SHOCK);
    assertEquals(base - shock * w.p(Parameter.EXIT_TRUST_SCAR) * base, r.baseTrust, 1e-15, "a lasting scar");
    assertTrue(r.trust < trust * (1 - shock) + 0.01, "bad news for trust: " + r.trust);
    assertTrue(st.legitimacy > legitimacy, "an exit from a dominated framework pays at home");
    steps(w, 11);
    double before = st.legitimacy;
    w.schedule.step(w); // 2031-06: the join
    assertTrue(f.member[st.index]);
    assertTrue(st.legitimacy < before + 0.001, "joining costs legitimacy in proportion to the sovereignty cost");
  }

  @Test
  void rerouteAidTradeAgreementAndSet_doWhatTheySay() {
    Scenario s = world("actions", "events:\n"
        + "  - {at: 2030-03, reroute: {actor: S, kind: exports, from_partner: A, to_partner: B, share: 0.5}}\n"
        + "  - {at: 2030-03, trade_agreement: {parties: [S, B], export_boost: 0.1}}\n"
        + "  - {at: 2030-03, set: {path: 'actors[S].risk_aversion', value: 0.9}}\n"
        + "  - {at: 2030-03, set: {path: 'relations[A,B].rivalry', value: 0.1}}\n"
        + "  - {at: 2030-03, set: {path: 'actors[S].commitment_cost', value: 0.7}}\n"
        + "  - {at: 2030-03, set: {path: 'relations[S,A].credibility', value: 0.3}}\n");
    HedgeWorld w = started(s);
    steps(w, 2);
    Flow toA = w.flowWithPole[id(w, "S")][1][w.actors[id(w, "A")].poleIndex];
    Flow toB = w.flowWithPole[id(w, "S")][1][w.actors[id(w, "B")].poleIndex];
    double a = toA.level;
    double b = toB.level;
    w.schedule.step(w);
    assertEquals(0.5 * a, toA.level, 0.01 * a, "half of the exports to A moved");
    assertTrue(toB.level > b + 0.5 * a, "to B, boosted by the agreement: " + toB.level);
    assertEquals(1.1, toB.boost, 1e-15);
    Actor st = w.actors[id(w, "S")];
    assertEquals(0.9, st.ownRiskAversion);
    assertEquals(0.7, st.ownCommitmentCost);
    assertEquals(0.1, w.relations[id(w, "A")][id(w, "B")].rivalry);
    assertEquals(0.3, w.relations[st.index][id(w, "A")].credibility);
  }

  @Test
  void powerTransition_keepsTheWorldsCapabilityAndFollowsRelativeGrowth() {
    Scenario s = world("growth", "actors:\n  - {id: A, growth: 0.05}\n  - {id: B, growth: 0.0}\n");
    HedgeWorld w = started(s);
    steps(w, 120);
    double total = 0;
    for (Actor a : w.actors) total += a.capability;
    assertEquals(w.startCapabilityTotal, total, 1e-12);
    Actor a = w.actors[id(w, "A")];
    Actor b = w.actors[id(w, "B")];
    // ten years: A's index 1.05^10 (rounded monthly), B's 1: their ratio is A's growth
    assertEquals(a.growthIndex, a.capability / b.capability, 1e-9);
    assertEquals(Math.pow(1.05, 10), a.growthIndex, 1e-6);
  }
}
