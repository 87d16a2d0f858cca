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
 * Projects, framework reviews, domestic politics, the doctrines' reviews and regime switches
 * against their equations and timings (docs/MODEL.md, "Submodels"), each on the rivals world with
 * one thing added.
 */
class SubmodelsTest {
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

  private static List<EventRecord> events(Scenario s) {
    return Replication.run(s, 0, 5L).events();
  }

  private static final String PORT = "projects:\n  - {id: port, host: S, financier: A, cost: 1.2, financier_share: 0.5,"
      + " start: 2030-03, months: 6, completion_probability: %s, max_delay_months: 3, delivery: %s}\n";

  @Test
  void project_paysItsTranchesEachMonthAndCompletesOnTime() {
    HedgeWorld w = started(world("port", String.format(PORT, "1.0", "1.0")));
    steps(w, 2); // to 2030-02
    Project p = w.projects[0];
    assertEquals(Project.Status.PLANNED, p.status);
    double stock = p.financing.stock;
    steps(w, 1); // 2030-03: starts
    assertEquals(Project.Status.BUILDING, p.status);
    assertEquals(1.2 * 0.5 / 6, p.inflowPerStep, 1e-15);
    steps(w, 5);
    assertEquals(Project.Status.COMPLETE, p.status, "six months after the start");
    double keep = Math.pow(1 - 0.05, 1.0 / 12);
    assertTrue(p.financing.stock > stock * Math.pow(keep, 6) + 0.6 - 1e-9, "the financier's 0.6 went into its stock");
    Actor host = w.actors[p.host];
    List<EventRecord> e = events(world("port2", String.format(PORT, "1.0", "1.0")));
    EventRecord done = e.stream().filter(x -> x.kind().equals("project_complete")).findFirst().orElseThrow();
    assertEquals(2 + 5, done.step(), "completed in its sixth month (the start month counts)");
    assertTrue(host.legitimacy > 0, "host");
  }

  @Test
  void project_undeliveredTranchesCostCredibility_andAFailedCompletionIsDelayed() {
    HedgeWorld w = started(world("unpaid", String.format(PORT, "0.0", "0.0")));
    Relation r = w.relations[w.actorIndex("S")][w.actorIndex("A")];
    steps(w, 3);
    double q = r.credibility;
    double stock = w.projects[0].financing.stock;
    steps(w, 1);
    double news = w.p(Parameter.DELIVERY_CREDIBILITY) / 12;
    assertEquals(q - news * q, r.credibility, 1e-15, "an unpaid tranche is bad news for credibility");
    assertTrue(w.projects[0].financing.stock < stock, "nothing paid: the stock only depreciates");
    steps(w, 5);
    assertEquals(Project.Status.DELAYED, w.projects[0].status, "completion failed: delayed");
    EventRecord delay = events(world("unpaid2", String.format(PORT, "0.0", "0.0"))).stream()
        .filter(x -> x.kind().equals("project_delay")).findFirst().orElseThrow();
    assertTrue(delay.value() >= 1 && delay.value() <= 3, "a delay of 1 to max_delay_months: " + delay.value());
  }

  @Test
  void frameworkReview_exitsAfterExactlyThePatience_andRejoinsAnOpenOneAsLong() {
    Scenario s = world("review", "frameworks:\n"
        + "  - {id: F, members: [S, A], lead: A, benefit: 0.01, sovereignty_cost: 2.0, exit_cost: 0.0, open: true}\n"
        + "parameters: {pressure_noise: 0, review_patience_months: 3, exit_threshold: 0.2, join_threshold: 0.0}\n"
        + "events:\n  - {at: 2030-05, set: {path: 'frameworks[F].sovereignty_cost', value: 0}}\n");
    HedgeWorld w = started(s);
    Actor st = w.actors[w.actorIndex("S")];
    Relation r = w.relations[st.index][w.actorIndex("A")];
    steps(w, 1);
    double expected = st.nationalism * 2.0 * (1 - r.trust) * (1 + r.grievance) - st.weights(w).returns() * 0.01;
    assertEquals(expected, st.pressure[0], 1e-9, "exit pressure");
    List<EventRecord> e = events(s);
    List<EventRecord> moves = e.stream().filter(x -> x.kind().equals("exit") || x.kind().equals("join")).toList();
    assertEquals("exit", moves.get(0).kind());
    assertEquals(2, moves.get(0).step(), "three steps above the threshold: steps 0, 1, 2");
    assertEquals("join", moves.get(1).kind());
    assertEquals(6, moves.get(1).step(), "three steps of attraction once the sovereignty cost is gone (step 4)");
    assertTrue(moves.get(0).detail().contains("above 0.200 for 3 steps"), moves.get(0).detail());
  }

  @Test
  void domesticPolitics_oneStepOfLegitimacyExpectationsAndNationalism() {
    HedgeWorld w = started(world("home", "actors:\n  - {id: S, growth: 0.02, growth_target: 0.06, legitimacy: 0.4,"
        + " nationalism: 0.3, tolerance: 0.2}\n"));
    Actor st = w.actors[w.actorIndex("S")];
    steps(w, 3);
    double l = st.legitimacy;
    double ref = st.growthTarget;
    double nu = st.nationalism;
    double excess = Math.max(st.dependence[0], st.dependence[1]) - 0.2;
    steps(w, 1);
    double g = st.effectiveGrowth;
    double dt = 1.0 / 12;
    double dL = dt * (w.p(Parameter.GROWTH_LEGITIMACY) * (g - ref)
        - w.p(Parameter.DEPENDENCE_LEGITIMACY) * nu * Math.max(0, excess));
    assertTrue(Math.abs(st.legitimacy - (dL >= 0 ? l + dL * (1 - l) : l + dL * l)) < 2e-4,
        "legitimacy: " + st.legitimacy + " vs " + l + " + " + dL);
    assertTrue(st.growthTarget < ref, "expectations adapt down toward the growth seen");
    assertTrue(st.nationalism > nu, "legitimacy below the reference raises nationalism");
    assertTrue(g < 0.06);
  }

  @Test
  void doctrines_noneLetsCoercionRunDown_positiveLiftsIt_andEachChangeIsLogged() {
    String base = "flows:\n  - {kind: exports, from: S, to: B, amount: 3.0}\n";
    Scenario neg = world("neg", base + "actors:\n  - {id: A, approach: negative, inducements: {tolerance: 0.01}}\n"
        + "events:\n  - {at: 2031-01, approach: {actor: A, approach: none}}\n  - {at: 2033-01, approach: {actor: A, approach: positive}}\n");
    HedgeWorld w = started(neg);
    Actor a = w.actors[w.actorIndex("A")];
    int s = w.actorIndex("S");
    steps(w, 12);
    double s0 = a.coercion[s];
    assertTrue(s0 > 0, "coercion in force under the negative doctrine");
    steps(w, 7); // the reviews of 2031-01 and 2031-07, under none
    double keep = 1 - w.p(Parameter.COERCION_DECAY);
    assertEquals(s0 * keep * keep, a.coercion[s], 1e-12, "none: coercion decays at each review");
    steps(w, 24);
    assertEquals(0.0, a.coercion[s], "positive lifts it at its first review");
    List<EventRecord> e = events(neg);
    assertTrue(e.stream().anyMatch(x -> x.kind().equals("lift_sanction") && x.origin().equals("endogenous")));
    assertTrue(e.stream().anyMatch(x -> x.kind().equals("approach") && x.detail().equals("negative -> none")));
  }

  @Test
  void regimeSwitch_balancesAfterThePatience_andReturnsOnceTheThreatFallsPastTheHysteresis() {
    Scenario s = world("balance", "actors:\n  - {id: S, regime_switch: true}\n"
        + "relations:\n  - {between: [S, A], proximity: 1.0, grievance: 0.5}\n"
        + "disputes:\n  - {id: d, state: S, power: A, salience: 0.3}\n"
        + "parameters: {switch_patience_months: 3, alignment_noise: 0}\n"
        + "events:\n  - {at: 2031-01, incident: {dispute: d, severity: 1.0}}\n"
        + "  - {at: 2031-01, incident: {dispute: d, severity: 1.0}}\n");
    List<EventRecord> sw = events(s).stream().filter(x -> x.kind().equals("regime_switch")).toList();
    assertEquals(2, sw.size(), sw.toString());
    assertEquals(12 + 2, sw.get(0).step(), "three months above the threshold, the first included");
    assertTrue(sw.get(0).detail().startsWith("hedger -> balancer: threat"), sw.get(0).detail());
    assertEquals("A", sw.get(0).target());
    assertTrue(sw.get(1).detail().equals("balancer -> hedger: the condition is undone"), sw.get(1).detail());
    HedgeWorld w = started(s);
    steps(w, 15);
    Actor st = w.actors[w.actorIndex("S")];
    assertEquals(org.hedgesim.scenario.Strategy.BALANCER, st.effectiveStrategy);
    assertEquals(0, st.switchPole);
    int back = sw.get(1).step();
    steps(w, back - 15);
    assertTrue(st.threat[0] < w.p(Parameter.BALANCE_THRESHOLD) * (1 - w.p(Parameter.SWITCH_HYSTERESIS)),
        "back only below threshold x (1 - hysteresis): " + st.threat[0]);
  }

  @Test
  void courtship_withoutARecipientFlow_goesToANewInvestmentFlow() {
    Scenario s = world("newflow", "flows:\n  - {kind: fdi, from: B, to: S, amount: 0.5}\n"
        + "  - {kind: exports, from: S, to: B, amount: 3.0}\n"
        + "actors:\n  - {id: ROW, role: great, capability: 0.1, approach: positive, inducements: {budget: 1.0}}\n"
        + "relations:\n  - {between: [ROW, B], rivalry: 0.5}\n");
    HedgeWorld w = started(s);
    steps(w, 24);
    Flow f = w.flowWithPole[w.actorIndex("S")][0][w.actors[w.actorIndex("ROW")].poleIndex];
    assertTrue(f != null, "a flow made for the courting power");
    assertEquals(w.actors[w.actorIndex("ROW")].courtship[w.actorIndex("S")], f.courtship, 1e-15,
        "all of its delivered courtship on that one flow");
  }

  @Test
  void metrics_onlyTheSeriesAskedFor_haveTheValuesOfAFullRun() {
    Scenario s = world("some", "");
    Replication full = Replication.run(s, 0, 5L);
    HedgeWorld w = new HedgeWorld(5L, s);
    int[] want = new int[1];
    double[][] got = new double[full.steps()][];
    w.setObserver(new RunObserver() {
      @Override
      public boolean[] needs(List<SeriesKey> series) {
        boolean[] b = new boolean[series.size()];
        want[0] = series.indexOf(new SeriesKey("lean", "S", "A|B"));
        b[want[0]] = true;
        return b;
      }

      @Override
      public void onStep(int step, double[] values) {
        got[step] = values.clone();
      }

      @Override
      public void onEvent(EventRecord event) {}
    });
    w.runToEnd();
    for (int t = 0; t < full.steps(); t++) assertEquals(full.values()[t][want[0]], got[t][want[0]], 0.0);
  }
}
