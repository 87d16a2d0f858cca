package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every numeric key has a documented hard and plausible range: the table of docs/SCENARIOS.md
 * ("Plausible ranges") is {@link ValueRanges}, and every parameter, every number of the built-in
 * defaults and every number the shipped scenarios write has a range. A new key without a range
 * fails here.
 */
class ValueRangesTest {

  private static final Path DOC = Fixtures.repo().resolve("docs/SCENARIOS.md");

  /** The rows (key, hard, plausible) of the table of section 15.3. */
  private static List<List<String>> documentedRows() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int i = lines.indexOf("### 15.3 The ranges of every key");
    assertTrue(i >= 0, "docs/SCENARIOS.md has no section '15.3 The ranges of every key'");
    List<List<String>> rows = new ArrayList<>();
    for (i++; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      String line = lines.get(i);
      if (!line.startsWith("| `")) continue;
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      rows.add(List.of(cells[0].strip().replace("`", ""), cells[1].strip(), cells[2].strip()));
    }
    return rows;
  }

  @Test
  void docsTable_isTheLoadersRanges() throws IOException {
    List<List<String>> want = ValueRanges.all().stream()
        .map(r -> List.of(r.key(), r.hard(), r.plausibleRange())).toList();
    assertEquals(want, documentedRows());
  }

  @Test
  void everyParameter_hasARange() {
    List<String> missing = new ArrayList<>();
    for (Parameter p : Parameter.values()) {
      if (ValueRanges.of("parameters." + p.key()) == null) missing.add(p.key());
    }
    assertEquals(List.of(), missing);
  }

  /** The section whose ranges a section of the defaults file takes. */
  private static String sectionOf(String path) {
    return path.replaceFirst("^channels\\.[a-z_]+\\.", "channels.")
        .replaceFirst("^strategies\\.[a-z_]+\\.", "strategies.")
        .replaceFirst("^actor_defaults", "actors").replaceFirst("^relation_defaults", "relations")
        .replaceFirst("^framework_defaults", "frameworks").replaceFirst("^project_defaults", "projects")
        .replaceFirst("^channel_defaults", "channels").replaceFirst("^actors\\.weights", "strategies");
  }

  /** Every numeric key under {@code path} of plain data, named by section. */
  @SuppressWarnings("unchecked")
  private static void numericKeys(Object data, String path, TreeSet<String> into) {
    if (data instanceof Map<?, ?> m) {
      if (path.equals("events.set") && m.get("path") instanceof String target) {
        // a set's value takes the range of the key it sets: actors[A].growth -> actors.growth
        numericKeys(m.get("value"), target.replaceAll("\\[[^\\]]*\\]", ""), into);
        return;
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (e.getKey().equals("source")) continue;
        numericKeys(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), into);
      }
    } else if (data instanceof Number) {
      into.add(sectionOf(path));
    }
  }

  @Test
  void everyNumberOfTheBuiltInDefaults_hasARange() throws IOException {
    Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(
        Fixtures.repo().resolve("src/main/resources/org/hedgesim/scenario/defaults.yaml")));
    TreeSet<String> keys = new TreeSet<>();
    numericKeys(data, "", keys);
    keys.remove("seed"); // any 64-bit integer
    assertFalse(keys.isEmpty());
    keys.removeIf(k -> ValueRanges.of(k) != null);
    assertEquals(new TreeSet<String>(), keys);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyNumberOfTheShippedScenarios_hasARange() throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    for (Path f : Fixtures.shippedScenarios()) {
      Map<String, Object> data = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(Files.readString(f));
      for (Map.Entry<String, Object> e : data.entrySet()) {
        if (e.getValue() instanceof List<?> list) {
          for (Object item : list) numericKeys(item, e.getKey(), keys);
        } else if (!e.getKey().equals("seed")) {
          numericKeys(e.getValue(), e.getKey(), keys);
        }
      }
    }
    // an event's action sits one level down: events.<kind>.<key>
    assertTrue(keys.stream().anyMatch(k -> k.startsWith("actors.")), keys.toString());
    keys.removeIf(k -> ValueRanges.of(k) != null || k.matches("(actors\\.(government|successors)"
        + "|events\\.leader)\\.predisposition\\..*") && ValueRanges.of("predisposition") != null);
    assertEquals(new TreeSet<String>(), keys);
  }

  @Test
  void openLowerBound_refusesTheBoundItself() {
    ValueRange r = ValueRanges.of("parameters.trust_half_life");
    assertFalse(r.allows(0));
    assertTrue(r.allows(1e-9));
    assertTrue(r.allows(1000));
    assertFalse(r.allows(1000.5));
    assertEquals("(0, 1000]", r.hard());
    assertEquals("[0.25, 50]", r.plausibleRange());
  }

  @Test
  void builtInDefaults_areInsideTheirPlausibleRanges() throws Exception {
    Path f = Fixtures.repo().resolve("src/test/resources/invalid/parents/two-powers.yaml");
    assertEquals(List.of(), ScenarioLoader.loadChecked(f, "two-powers.yaml", true).warnings());
  }
}
