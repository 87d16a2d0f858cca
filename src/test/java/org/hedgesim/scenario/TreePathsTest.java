package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths into a scenario document: parsing, finding, setting, and the messages when they fail. */
class TreePathsTest {
  private static Inheritance.Resolved baseline;

  @BeforeAll
  static void load() throws ScenarioException {
    baseline = Inheritance.resolve(Fixtures.scenarioFile("baseline-2024.yaml"), "baseline-2024.yaml");
  }

  private static YScalar scalar(String text) {
    return new YScalar(text, true, false, new Origin("sweep.yaml", 3, 7), "assumption: test");
  }

  private static Scenario setAndBind(String path, String value) throws Exception {
    YMap tree = TreePaths.set(baseline.tree(), TreePath.parse(path), scalar(value));
    return ScenarioLoader.bind(tree, baseline.files());
  }

  // ------------------------------------------------------------------ parse

  @Test
  void parse_keysAndPicks() throws Exception {
    TreePath p = TreePath.parse("flows[fdi:CHN>KHM].growth");
    assertEquals(List.of(new TreePath.Key("flows"), new TreePath.Pick("fdi:CHN>KHM"), new TreePath.Key("growth")), p.steps());
    assertEquals("growth", p.field());
    assertEquals(List.of(new TreePath.Key("actors"), new TreePath.Pick("USA"), new TreePath.Key("inducements"),
        new TreePath.Key("max_coercion")), TreePath.parse("actors[USA].inducements.max_coercion").steps());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "actors[KHM]|a path ends with the key of a value",
      "actors[KHM.nationalism|'[' without ']'",
      "actors[].nationalism|empty brackets",
      "parameters.|a path ends with a key, not with '.'",
      "Actors[KHM].nationalism|expected a key",
      "actors[KHM]nationalism|unexpected 'n'"})
  void parse_malformed_saysWhy(String text, String expected) {
    TreePath.Malformed e = assertThrows(TreePath.Malformed.class, () -> TreePath.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  // ------------------------------------------------------------------ find and set

  @Test
  void set_actorValue_changesOnlyThatValue() throws Exception {
    Scenario s = setAndBind("actors[KHM].nationalism", "0.85");
    assertEquals(0.85, s.actor("KHM").nationalism());
    assertEquals(0.2, s.actor("LAO").nationalism());
    Scenario base = ScenarioLoader.bind(baseline.tree(), baseline.files());
    assertEquals(0.5, base.actor("KHM").nationalism(), "the original tree is unchanged");
  }

  @Test
  void set_keyTheEntryTakesFromDefaults_isAdded() throws Exception {
    // KHM's entry writes no approach and no inducements: both come from actor_defaults
    assertEquals(Approach.POSITIVE, setAndBind("actors[KHM].approach", "positive").actor("KHM").approach());
    assertEquals(0.7, setAndBind("actors[KHM].inducements.budget", "0.7").actor("KHM").inducements().budget());
    assertEquals(0.2, setAndBind("actors[KHM].inducements.tolerance", "0.2").actor("KHM").inducements().tolerance());
  }

  @Test
  void set_flowByKindFromTo_andRelationInEitherOrder() throws Exception {
    Scenario s = setAndBind("flows[fdi:CHN>KHM].growth", "0.12");
    assertEquals(0.12, s.flows().stream().filter(f -> f.kind().equals("fdi") && f.from().equals("CHN")
        && f.to().equals("KHM")).findFirst().orElseThrow().growth());
    Scenario r = setAndBind("relations[VNM,KHM].trust", "0.2");
    assertEquals(0.2, r.relations().stream().filter(x -> x.a().equals("KHM") && x.b().equals("VNM"))
        .findFirst().orElseThrow().trust());
  }

  @Test
  void set_eventsByIdOrPosition() throws Exception {
    Scenario s = setAndBind("events[china-visits].rate", "9");
    assertEquals(9.0, s.events().stream().filter(e -> "china-visits".equals(e.id())).findFirst().orElseThrow().rate());
    Scenario t = setAndBind("events[0].at", "2025-02");
    assertEquals(java.time.YearMonth.of(2025, 2), t.events().get(0).at());
  }

  @Test
  void set_parameter() throws Exception {
    assertEquals(0.04, setAndBind("parameters.alignment_noise", "0.04").parameters().get(Parameter.ALIGNMENT_NOISE));
  }

  @Test
  void find_canonicalFormNamesTheEntryByIdentity() throws Exception {
    assertEquals("relations[KHM,VNM].trust",
        TreePaths.find(baseline.tree(), TreePath.parse("relations[VNM, KHM].trust")).canonical());
    assertEquals(TreePaths.find(baseline.tree(), TreePath.parse("events[3].rate")).canonical(),
        TreePaths.find(baseline.tree(), TreePath.parse("events[china-visits].rate")).canonical());
    assertNull(TreePaths.find(baseline.tree(), TreePath.parse("actors[KHM].approach")).current());
    assertEquals("0.5", TreePaths.find(baseline.tree(), TreePath.parse("actors[KHM].nationalism")).current().text());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "actors[KMH].nationalism|'actors' has no entry 'KMH' (did you mean 'KHM'?)",
      "frameworks[CLV-DAT].sovereignty_cost|'frameworks' has no entry 'CLV-DAT' (did you mean 'CLV-DTA'?)",
      "flows[fdi:CHN>KHN].growth|'flows' has no entry 'fdi:CHN>KHN' (did you mean 'fdi:CHN>KHM'?)",
      "paramters.alignment_noise|no key 'paramters' in the top level of the scenario (did you mean 'parameters'?)",
      "parameters.alignment_nois|no key 'alignment_nois' in 'parameters' (did you mean 'alignment_noise'?)",
      "events[99].at|'events' has no entry '99'",
      "actors[KHM].nationalism.x|'actors[KHM].nationalism' is a value, it has no key 'x'",
      "actors[USA].inducements|'actors[USA].inducements' is a mapping; give the path of one value in it",
      "parameters[0].alignment_noise|'parameters' is a mapping, not a list of entries",
      "frameworks[CLV-DTA].members.x|'frameworks[CLV-DTA].members' is a list, it has no key 'x'"})
  void find_unknown_namesWhatIsMissingWithASuggestion(String path, String expected) throws Exception {
    TreePaths.Unresolved e = assertThrows(TreePaths.Unresolved.class,
        () -> TreePaths.find(baseline.tree(), TreePath.parse(path)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void set_misspeltKeyInsideAnEntry_isCaughtByBinding() throws Exception {
    ScenarioException e = assertThrows(ScenarioException.class, () -> setAndBind("actors[KHM].natonalism", "0.4"));
    assertEquals("sweep.yaml:3:7: actors[KHM].natonalism: unknown key 'natonalism' (did you mean 'nationalism'?)",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "lots"})
  void set_badValue_isCaughtByBindingAtTheValuesOrigin(String value) throws Exception {
    ScenarioException e = assertThrows(ScenarioException.class, () -> setAndBind("actors[KHM].nationalism", value));
    assertTrue(e.getMessage().startsWith("sweep.yaml:3:7: actors[KHM].nationalism: expected a share between 0 and 1"),
        e.getMessage());
  }
}
