package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenario files: merging through extends, provenance, and clean errors. */
class ScenarioLoaderTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private String base() {
    return "extends: " + Fixtures.scenarioFile("baseline-2024.yaml") + "\n";
  }

  private List<Problem> problems(Path f) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
    return e.problems();
  }

  private String message(Path f) {
    return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)).getMessage();
  }

  // ------------------------------------------------------------------ channel weights

  @Test
  void weights_ofTheChannelsInUse_countRelativeToOneAnother_withoutAWarningFromTheDefaults() throws Exception {
    // a world with investment, exports and aid but no transit: the built-in 0.35, 0.35, 0.15 are
    // divided by their sum, 0.85, and the file needs no weights of its own
    Path f = write("no-transit.yaml", "scenario: no-transit\nstart: 2030-01\nend: 2031-12\n"
        + "source: \"assumption: test\"\nactors:\n"
        + "  - {id: S, role: small, gdp: 10, growth: 0.03}\n"
        + "  - {id: P, role: great, capability: 0.2, growth: 0.02}\n"
        + "  - {id: Q, role: great, capability: 0.1, growth: 0.02}\n"
        + "flows:\n  - {kind: fdi, from: P, to: S, amount: 1}\n  - {kind: exports, from: S, to: Q, amount: 2}\n"
        + "  - {kind: aid, from: Q, to: S, amount: 0.1}\n");
    ScenarioLoader.Loaded loaded = ScenarioLoader.loadChecked(f, f.toString(), true);
    assertEquals(List.of(), loaded.warnings());
    java.util.Map<String, Double> w = new java.util.TreeMap<>();
    loaded.scenario().channels().forEach(c -> w.put(c.kind(), c.weight()));
    assertEquals(0.35 / 0.85, w.get("fdi"), 1e-15);
    assertEquals(0.35 / 0.85, w.get("exports"), 1e-15);
    assertEquals(0.15 / 0.85, w.get("aid"), 1e-15);
    assertEquals(0.15, w.get("transit"), 1e-15, "a channel nobody uses keeps its weight; it plays no part");
    // the shipped reference case uses all four: its weights are as written
    Scenario baseline = Fixtures.scenario("baseline-2024.yaml");
    assertEquals(0.35, baseline.channels().stream().filter(c -> c.kind().equals("fdi")).findFirst().orElseThrow().weight());
  }

  // ------------------------------------------------------------------ extends

  @Test
  void extends_whatIfOverridesOneValueAndKeepsTheRest() {
    Scenario base = Fixtures.scenario("baseline-2024.yaml");
    Scenario pos = Fixtures.scenario("us-positive-reinforcement.yaml");
    assertEquals(Approach.NEGATIVE, base.actor("USA").approach());
    assertEquals(Approach.POSITIVE, pos.actor("USA").approach());
    assertEquals(0.1331, pos.actor("USA").capability());
    assertEquals(base.actor("USA").inducements(), pos.actor("USA").inducements());
    assertEquals(base.events().size() + 1, pos.events().size(), "new events are appended");
    assertEquals(List.of("us-positive-reinforcement.yaml", "baseline-2024.yaml"),
        pos.files().stream().map(f -> Path.of(f).getFileName().toString()).toList());
  }

  @Test
  void extends_relationsMergeByPairInEitherOrder() throws Exception {
    Path f = write("rel.yaml", "scenario: rel\n" + base()
        + "relations:\n  - {between: [VNM, KHM], trust: 0.2}\n");
    Scenario s = ScenarioLoader.load(f);
    RelationSpec r = s.relations().stream()
        .filter(x -> List.of(x.a(), x.b()).containsAll(List.of("KHM", "VNM"))).findFirst().orElseThrow();
    assertEquals(0.2, r.trust());
    assertEquals(0.6, r.grievance(), "other values come from the parent");
    assertEquals(Fixtures.scenario("baseline-2024.yaml").relations().size(), s.relations().size());
  }

  @Test
  void extends_removeDeletesTheParentsEntry() throws Exception {
    Path f = write("rm.yaml", "scenario: rm\n" + base() + "events:\n  - {id: us-visits, remove: true}\n");
    Scenario s = ScenarioLoader.load(f);
    assertTrue(s.events().stream().noneMatch(e -> "us-visits".equals(e.id())));
  }

  @Test
  void extends_cycle_namesTheChain() throws Exception {
    write("a.yaml", "scenario: a\nextends: b.yaml\n");
    write("b.yaml", "scenario: b\nextends: a.yaml\n");
    String m = message(dir.resolve("a.yaml"));
    assertTrue(m.contains("extends forms a cycle:") && m.contains("a.yaml -> ") && m.contains("b.yaml -> "), m);
  }

  @Test
  void extends_missingParent_namesThePathTried() throws Exception {
    Path f = write("orphan.yaml", "scenario: orphan\nextends: nowhere/parent.yaml\n");
    String m = message(f);
    assertTrue(m.contains("orphan.yaml:2:10: extends: the scenario it extends was not found: tried "), m);
    assertTrue(m.contains("nowhere/parent.yaml"), m);
  }

  // ------------------------------------------------------------------ provenance

  @Test
  void provenance_valuesKeepTheSourceOfTheFileThatWroteThem() {
    Scenario pos = Fixtures.scenario("us-positive-reinforcement.yaml");
    SourcedValue approach = find(pos, "actors[USA].approach");
    SourcedValue capability = find(pos, "actors[USA].capability");
    assertTrue(approach.source().startsWith("003_92e0250be2161344.txt"), approach.source());
    assertTrue(approach.origin().file().endsWith("us-positive-reinforcement.yaml"));
    assertTrue(capability.source().startsWith("FACTS.md: Correlates of War"), capability.source());
    assertTrue(capability.origin().file().endsWith("baseline-2024.yaml"));
    SourcedValue alpha = find(pos, "parameters.capability_exponent");
    assertTrue(alpha.source().startsWith("assumption"), alpha.source());
    assertEquals(Inheritance.DEFAULTS_NAME, alpha.origin().file());
  }

  private static SourcedValue find(Scenario s, String path) {
    return s.provenance().stream().filter(v -> v.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no value at " + path));
  }

  // ------------------------------------------------------------------ errors

  @Test
  void unknownKey_suggestsTheNearestKnownKey() throws Exception {
    Path f = write("typo.yaml", "scenario: typo\n" + base() + "evnets: []\n");
    String m = message(f);
    assertTrue(m.contains("typo.yaml:3:1: evnets: unknown key 'evnets' (did you mean 'events'?)"), m);
  }

  @Test
  void unknownActor_suggestsTheNearestId() throws Exception {
    Path f = write("id.yaml", "scenario: id\n" + base()
        + "events:\n  - at: 2025-01\n    exit: {actor: KMH, framework: CLV-DTA}\n");
    String m = message(f);
    assertTrue(m.contains("id.yaml:5:19: events[0].exit.actor: no actor with id 'KMH' (did you mean 'KHM'?)"), m);
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() throws Exception {
    Path f = write("many.yaml", "scenario: many\n" + base()
        + "actors:\n  - {id: KHM, nationalism: 2, legitimacy: high}\n");
    List<Problem> p = problems(f);
    assertEquals(2, p.size(), p.toString());
    assertEquals("actors[KHM].nationalism", p.get(0).path());
    assertEquals("actors[KHM].legitimacy", p.get(1).path());
  }

  @Test
  void dates_monthMustBeReal_andEndAfterStart() throws Exception {
    Path f = write("dates.yaml", "scenario: dates\n" + base() + "start: 2024-13\n");
    assertTrue(message(f).contains("dates.yaml:3:8: start: '2024-13' is not a real month"), message(f));
    Path g = write("order.yaml", "scenario: order\n" + base() + "end: 2023-12\n");
    assertTrue(message(g).contains("end: end (2023-12) must come after start (2024-01)"), message(g));
  }

  @Test
  void events_outsideTheScenarioDatesAreRefused() throws Exception {
    Path f = write("late.yaml", "scenario: late\n" + base()
        + "events:\n  - at: 2040-01\n    exit: {actor: KHM, framework: CLV-DTA}\n");
    assertTrue(message(f).contains("events[0].at: 2040-01 is outside the scenario's dates (2024-01 to 2034-12)"), message(f));
  }

  @Test
  void channelWeights_writtenThatDoNotSumToOne_warnAndAreDividedByTheirSum() throws Exception {
    Path f = write("w.yaml", "scenario: w\n" + base() + "channels:\n  fdi: {weight: 0.5}\n");
    ScenarioLoader.Loaded loaded = ScenarioLoader.loadChecked(f, f.toString(), false);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).message().contains("sum to 1.1500, not 1: they count relative to one another"),
        loaded.warnings().toString());
    double fdi = loaded.scenario().channels().stream().filter(c -> c.kind().equals("fdi")).findFirst().orElseThrow().weight();
    assertEquals(0.5 / 1.15, fdi, 1e-15);
  }

  @Test
  void frameworkLead_mustBeAMember() throws Exception {
    Path f = write("lead.yaml", "scenario: lead\n" + base()
        + "frameworks:\n  - {id: X, members: [KHM, LAO], lead: CHN}\n");
    assertTrue(message(f).contains("frameworks[X].lead: the lead 'CHN' is not among the members"), message(f));
  }

  @Test
  void scenarioName_cannotBecomeAPathOutsideResults() throws Exception {
    Path f = write("evil.yaml", "scenario: ../../x\n" + base());
    assertTrue(message(f).contains("scenario: a scenario name is a word"), message(f));
  }

  @Test
  void selfPairs_refusedBeforeTheRun() throws Exception {
    Path f = write("self.yaml", "scenario: self\n" + base() + "events:\n"
        + "  - {id: a, at: 2025-01, relation: {between: [KHM, KHM], trust: 0.1}}\n"
        + "  - {id: b, at: 2025-01, sanction: {from: USA, to: USA, severity: 0.1}}\n"
        + "  - {id: c, at: 2025-01, set: {path: 'relations[VNM,VNM].trust', value: 0.1}}\n");
    String m = message(f);
    assertTrue(m.contains("events[a].relation.between: a relation needs two different actors"), m);
    assertTrue(m.contains("events[b].sanction.to: 'to' must be another actor than 'from' (USA)"), m);
    assertTrue(m.contains("events[c].set.path: a relation needs two different actors"), m);
  }

  @Test
  void duplicateEntriesInOneFile_refused() throws Exception {
    Path f = write("dupflow.yaml", "scenario: d\n" + base() + "flows:\n"
        + "  - {kind: aid, from: LAO, to: KHM, amount: 0.1}\n"
        + "  - {kind: aid, from: LAO, to: KHM, amount: 0.2}\n");
    assertTrue(message(f).contains("dupflow.yaml:5:5: flows[aid:LAO>KHM]: duplicate entry: flows[aid:LAO>KHM] is already defined at line 4"),
        message(f));
  }

  @Test
  void setValue_respectsTheRangeOfItsTarget() throws Exception {
    Path f = write("neg.yaml", "scenario: neg\n" + base() + "events:\n"
        + "  - {at: 2025-01, set: {path: parameters.capability_exponent, value: -1}}\n"
        + "  - {at: 2025-01, set: {path: 'frameworks[ASEAN].benefit', value: -0.1}}\n");
    List<Problem> p = problems(f);
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.get(0).message().contains("expected a number >= 0, found -1"), p.toString());
  }

  @Test
  void mergeKey_hasItsOwnMessage() throws Exception {
    Path f = write("merge.yaml", "base: &b {x: 1}\nscenario: m\nother:\n  <<: *b\n");
    assertTrue(message(f).contains("merge keys ('<<') are not supported; use 'extends:'"), message(f));
  }

  @Test
  void projectEffects_replacedNotAppendedByAChild() throws Exception {
    Path f = write("effects.yaml", "scenario: effects\nextends: " + Fixtures.scenarioFile("funan-techo-canal.yaml")
        + "\nprojects:\n  - id: funan-techo\n    on_completion:\n"
        + "      - reroute: {actor: KHM, kind: transit, from_partner: VNM, to_partner: KHM, share: 0.9}\n");
    Scenario s = ScenarioLoader.load(f);
    assertEquals(1, s.projects().get(0).onCompletion().size());
    assertEquals(0.9, ((Action.Reroute) s.projects().get(0).onCompletion().get(0)).share());
  }

  // ------------------------------------------------------------------ unsafe or broken files

  @Test
  void globalTag_refusedAndNothingInstantiated() throws Exception {
    Path f = write("exploit.yaml", "scenario: !!javax.script.ScriptEngineManager "
        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/x\"]]]]\n");
    String m = message(f);
    assertTrue(m.contains("YAML tag '!!javax.script.ScriptEngineManager' is not allowed"), m);
  }

  @Test
  void aliasBomb_refusedQuickly() throws Exception {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append("*").append(prev);
      y.append("]\n");
      prev = c;
    }
    Path f = write("bomb.yaml", y.toString());
    long t0 = System.nanoTime();
    String m = message(f);
    assertTrue((System.nanoTime() - t0) < 5_000_000_000L, "refused within seconds");
    assertTrue(m.contains("alias"), m);
  }

  @Test
  void brokenFiles_cleanMessages() throws Exception {
    assertTrue(message(write("empty.yaml", "")).contains("empty.yaml: file is empty"));
    assertTrue(message(write("list.yaml", "- a\n- b\n")).contains("the top level must be a mapping"));
    assertTrue(message(write("tabs.yaml", "scenario: x\nactors:\n\t- id: A\n")).contains("tab character"),
        message(dir.resolve("tabs.yaml")));
    assertTrue(message(write("dup.yaml", "scenario: x\nscenario: y\n")).contains("duplicate key 'scenario'"),
        message(dir.resolve("dup.yaml")));
    Path bin = dir.resolve("bin.yaml");
    Files.write(bin, new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, 0x01});
    assertTrue(message(bin).contains("not UTF-8"), message(bin));
    assertTrue(message(dir).contains("is a folder"));
  }

  @Test
  void resolve_strictForOtherCallers_throwsProblemsThatDidNotStopReading() throws Exception {
    Path f = write("dupkey.yaml", "scenario: d\nscenario: e\nstart: 2024-01\nend: 2025-01\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> Inheritance.resolve(f, "dupkey.yaml"));
    assertEquals("dupkey.yaml:2:1: scenario: duplicate key 'scenario': each key may appear once in a"
        + " mapping (the first one, at line 1, is used)", e.getMessage());
    assertThrows(ScenarioException.class, () -> YamlReader.read(f, "dupkey.yaml"));
    List<Problem> collected = new java.util.ArrayList<>();
    Inheritance.Resolved r = Inheritance.resolveCollecting(f, "dupkey.yaml", collected);
    assertEquals(1, collected.size());
    assertEquals("d", ((YNode.YScalar) r.tree().get("scenario")).text(), "the first value is kept");
  }

  @Test
  void source_dottedKeyIntoAValue_isAProblem() throws Exception {
    Path f = write("dotted.yaml", "scenario: dotted\n" + base()
        + "actors:\n  - id: KHM\n    nationalism: 0.5\n    source: {nationalism.level: \"x\"}\n");
    assertEquals(List.of("dotted.yaml:6:14: actors[KHM].source: source entry 'nationalism.level'"
        + " reaches into the value '0.5', but dotted source keys name keys of a mapping"),
        problems(f).stream().map(Problem::toString).map(p -> p.replace(dir + "/", "")).toList());
  }

  @Test
  void source_dottedKeyIntoAMapping_coversTheNestedValue() throws Exception {
    Path f = write("nested.yaml", "scenario: nested\n" + base() + "actors:\n  - id: USA\n"
        + "    inducements: {tolerance: 0.3}\n    source: {inducements.tolerance: \"assumption: nested\"}\n");
    Scenario s = ScenarioLoader.load(f);
    SourcedValue tolerance = find(s, "actors[USA].inducements.tolerance");
    assertEquals("assumption: nested", tolerance.source());
  }

  @Test
  void defaults_problemOfTheValueOnce_problemOfACombinationPerEntity() throws Exception {
    Path f = write("fwdefaults.yaml", "scenario: fw\n" + base()
        + "framework_defaults: {benefit: -1, lead: JPN}\n");
    List<String> p = problems(f).stream().map(Problem::toString).map(x -> x.replace(dir + "/", "")).toList();
    assertEquals("fwdefaults.yaml:3:31: framework_defaults.benefit: expected a number >= 0, found -1", p.get(0));
    // frameworks without their own lead take JPN, a member of RCEP only: reported per framework
    assertTrue(p.size() >= 3, p.toString());
    assertTrue(p.stream().skip(1).allMatch(x -> x.startsWith("fwdefaults.yaml:3:41: frameworks[")
        && x.endsWith(".lead: the lead 'JPN' is not among the members")), p.toString());
  }

  @Test
  void referenceScenarios_loadWithoutProblems() {
    for (String s : List.of("baseline-2024.yaml", "clv-dta-exit.yaml", "funan-techo-canal.yaml",
        "us-positive-reinforcement.yaml", "us-negative-reinforcement.yaml", "as-it-happened-2024.yaml")) {
      assertNotNull(Fixtures.scenario(s));
    }
  }
}
