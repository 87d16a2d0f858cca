package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hedgesim.Fixtures;
import org.hedgesim.experiment.Replication;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What events do to the world, including the cases that were once wrong. */
class HappeningsTest {

  @TempDir
  Path dir;

  /** Runs a scenario up to (and including) a step and returns the world. */
  private static HedgeWorld runTo(Scenario s, int lastStep) {
    HedgeWorld w = new HedgeWorld(1L, s);
    w.start();
    for (int i = 0; i <= lastStep; i++) w.schedule.step(w);
    return w;
  }

  @Test
  void setStrategy_takesTheWeightsOfTheNewStrategy() {
    Scenario s = Fixtures.variant(dir, "baseline-2024.yaml", "switch",
        "events:\n  - {at: 2025-01, set: {path: 'actors[KHM].strategy', value: bandwagoner}, source: test}\n");
    HedgeWorld w = runTo(s, s.stepOf(java.time.YearMonth.of(2025, 1)));
    Actor khm = w.actors[w.actorIndex("KHM")];
    assertEquals(Strategy.BANDWAGONER, khm.strategy);
    assertEquals(s.strategies().get(Strategy.BANDWAGONER).weights(), khm.ownWeights);
    assertEquals(s.strategies().get(Strategy.BANDWAGONER).commitmentCost(), khm.ownCommitmentCost);
    assertEquals(s.strategies().get(Strategy.BANDWAGONER).riskAversion(), khm.ownRiskAversion);
  }

  @Test
  void overlappingShocks_endEachOnItsOwnClock() {
    Scenario s = Fixtures.variant(dir, "baseline-2024.yaml", "shocks", "events:\n"
        + "  - {at: 2024-03, shock: {actor: KHM, growth: -0.05, months: 3}, source: test}\n"
        + "  - {at: 2024-04, shock: {actor: KHM, growth: -0.02, months: 12}, source: test}\n");
    // the first shock counts in the economy of March, April and May (steps 2-4)
    Actor during = runTo(s, 3).actors[0];
    assertEquals(0.055 - 0.07, during.growth + during.shocks.total(), 1e-12, "both shocks run in April");
    Actor after = runTo(s, 4).actors[0];
    assertEquals(-0.02, after.shocks.total(), 1e-12, "the first ended after three months, the second runs on");
  }

  @Test
  void scriptedSanction_outlastsAPositiveApproach() {
    Scenario s = Fixtures.variant(dir, "baseline-2024.yaml", "scripted-sanction", "events:\n"
        + "  - {at: 2024-07, sanction: {from: CHN, to: KHM, severity: 0.3}, source: test}\n");
    HedgeWorld w = runTo(s, 30); // CHN (positive) reviews at steps 6, 12, 18, 24, 30
    assertEquals(0.3, w.actors[w.actorIndex("CHN")].sanctionOn[w.actorIndex("KHM")], 1e-15);
  }

  @Test
  void futureAidGift_doesNotChangeConcentrationBeforeItHappens() {
    Scenario base = Fixtures.scenario("baseline-2024.yaml");
    Scenario gift = Fixtures.variant(dir, "baseline-2024.yaml", "gift", "events:\n"
        + "  - {at: 2034-06, aid: {from: LAO, to: KHM, amount: 0.5}, source: test}\n");
    Replication a = Replication.run(base, 0, 3L);
    Replication b = Replication.run(gift, 0, 3L);
    assertEquals(Fixtures.value(a, "hhi_norm", "KHM", "aid", 0), Fixtures.value(b, "hhi_norm", "KHM", "aid", 0), 0.0);
    assertTrue(Fixtures.value(b, "hhi_norm", "KHM", "aid", b.steps() - 1)
        != Fixtures.value(a, "hhi_norm", "KHM", "aid", a.steps() - 1), "the gift counts once it is given");
  }

  @Test
  void scriptedSanction_combinesWithCoercionAndAScriptedLiftEndsBoth() {
    Scenario s = Fixtures.variant(dir, "us-negative-reinforcement.yaml", "both", "events:\n"
        + "  - {at: 2024-03, sanction: {from: USA, to: KHM, severity: 0.5}, source: test}\n"
        + "  - {at: 2025-03, lift_sanction: {from: USA, to: KHM}, source: test}\n");
    HedgeWorld w = runTo(s, 13);
    Actor usa = w.actors[w.actorIndex("USA")];
    int khm = w.actorIndex("KHM");
    assertTrue(usa.coercion[khm] > 0, "the US coerces a state that leans to China");
    assertEquals(1 - 0.5 * (1 - usa.coercion[khm]), usa.sanctionOn[khm], 1e-15, "1 - (1 - scripted)(1 - coercion)");
    w.schedule.step(w); // 2025-03
    assertEquals(0.0, usa.sanctionOn[khm], "lifted, coercion included");
  }

  @Test
  void incidentAndLeaderEvents_actOnTheirDisputeAndState() {
    Scenario s = Fixtures.variant(dir, "baseline-2024.yaml", "flare", "events:\n"
        + "  - {at: 2024-03, incident: {dispute: khm-vnm-border, severity: 1.0}, source: test}\n"
        + "  - {at: 2024-03, leader: {actor: KHM, name: Test, predisposition: {VNM: 0.5}}, source: test}\n");
    HedgeWorld before = runTo(s, 1);
    double salience = before.disputes[0].salience;
    double trust = before.relations[before.actorIndex("KHM")][before.actorIndex("VNM")].trust;
    HedgeWorld w = runTo(s, 2);
    Dispute d = w.disputes[0];
    Actor khm = w.actors[w.actorIndex("KHM")];
    // salience: good news of incident_salience 0.5 x severity 1 (then a month's relaxation)
    assertTrue(d.salience > salience + 0.3, "salience rises: " + d.salience);
    double after = w.relations[w.actorIndex("KHM")][w.actorIndex("VNM")].trust;
    assertTrue(after < trust * 0.85, "bad news of incident_trust 0.2 x severity 1 for trust: " + after);
    assertEquals("Test", khm.government.leader());
    assertEquals(0.5, khm.predisposition[w.actors[w.actorIndex("VNM")].poleIndex]);
    assertEquals(0.0, khm.predisposition[w.actors[w.actorIndex("CHN")].poleIndex], "poles the leader does not name: 0");
  }
}
