package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The examples of docs/SCENARIOS.md do what the text says: the minimal scenario (section 1), the
 * what-if (section 2) and the example of every action (section 6.2) are valid, and the bad file
 * of section 12 gives exactly the lines printed there. Its tables of defaults give the built-in
 * defaults (defaults.yaml), and list every parameter and mechanism.
 */
class ScenarioDocsTest {

  private static final Path DOC = Fixtures.repo().resolve("docs/SCENARIOS.md");

  @TempDir
  Path dir;

  /** The first fenced block of the given kind after the line that starts with {@code anchor}. */
  private static String block(String anchor, String fence) throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(anchor)) i++;
    assertTrue(i < lines.size(), "docs/SCENARIOS.md has no line starting with: " + anchor);
    while (!lines.get(i).equals(fence)) i++;
    StringBuilder out = new StringBuilder();
    for (i++; !lines.get(i).equals("```"); i++) out.append(lines.get(i)).append('\n');
    return out.toString();
  }

  private Path twoPowers() throws IOException {
    Path f = dir.resolve("two-powers.yaml");
    Files.writeString(f, block("This file is `scenarios/two-powers.yaml`", "```yaml"));
    return f;
  }

  @Test
  void minimalScenario_isValid_andIsTheCorpusParent() throws Exception {
    Path f = twoPowers();
    Scenario s = ScenarioLoader.load(f);
    assertEquals("two-powers", s.name());
    String parent = Files.readString(Fixtures.repo().resolve("src/test/resources/invalid/parents/two-powers.yaml"));
    assertEquals(Files.readString(f), parent.substring(parent.indexOf('\n') + 1),
        "src/test/resources/invalid/parents/two-powers.yaml is the example of section 1 (after its comment line)");
    assertEquals(Files.readString(f), Files.readString(Fixtures.repo().resolve("scenarios/two-powers.yaml")),
        "scenarios/two-powers.yaml is shipped as section 1 shows it");
  }

  @Test
  void whatIf_isValid() throws Exception {
    twoPowers();
    Path f = dir.resolve("two-powers-exit.yaml");
    Files.writeString(f, block("A what-if extends a scenario", "```yaml"));
    Scenario s = ScenarioLoader.load(f);
    assertTrue(s.events().stream().noneMatch(e -> "p-visits".equals(e.id())));
    assertEquals(Files.readString(f), Files.readString(Fixtures.repo().resolve("scenarios/two-powers-exit.yaml")),
        "scenarios/two-powers-exit.yaml is shipped as section 2 shows it");
  }

  @Test
  void everyAction_isValid() throws Exception {
    twoPowers();
    Path f = dir.resolve("all-actions.yaml");
    Files.writeString(f, "scenario: all-actions\nextends: two-powers.yaml\n"
        + block("Examples of every action", "```yaml"));
    Scenario s = ScenarioLoader.load(f);
    assertTrue(s.events().size() >= ActionReader.KINDS.size(), s.events().toString());
  }

  @Test
  void errorExample_givesThePrintedLines() throws Exception {
    twoPowers();
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, block("through `extends` is reported in the file that wrote it.", "```yaml"));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, "scenarios/bad.yaml"));
    List<String> printed = block("gives:", "```").lines().skip(1).toList();
    assertEquals(printed, e.problems().stream().map(Problem::toString).toList());
  }

  // ------------------------------------------------------------------ the tables of defaults

  /** The Markdown tables under the heading that starts with {@code heading}, each a list of rows of cells. */
  private static List<List<List<String>>> tables(String heading) throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(heading)) i++;
    assertTrue(i < lines.size(), "docs/SCENARIOS.md has no heading " + heading);
    List<List<List<String>>> out = new ArrayList<>();
    List<List<String>> table = null;
    for (i++; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      String line = lines.get(i);
      if (!line.startsWith("|")) {
        table = null;
        continue;
      }
      if (line.startsWith("|---")) continue;
      if (table == null) {
        table = new ArrayList<>();
        out.add(table);
      }
      List<String> cells = new ArrayList<>();
      for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) cells.add(c.strip());
      table.add(cells);
    }
    return out;
  }

  /** The table under {@code heading} whose first column lists {@code key}. */
  private static List<List<String>> tableWith(String heading, String key) throws IOException {
    for (List<List<String>> t : tables(heading)) {
      for (List<String> row : t) {
        if (row.get(0).equals("`" + key + "`")) return t;
      }
    }
    throw new AssertionError("no table under " + heading + " lists `" + key + "`");
  }

  private static List<String> row(List<List<String>> table, String key) {
    for (List<String> row : table) {
      if (row.get(0).equals("`" + key + "`")) return row;
    }
    return null;
  }

  /** Whether a cell of a table shows a built-in value: the number, or the word in backticks. */
  private static boolean shows(String cell, Object value) {
    String c = cell.replace("`", "").strip();
    if (value instanceof Number n) {
      try {
        return Double.parseDouble(c.replace("−", "-")) == n.doubleValue();
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return c.equals(String.valueOf(value));
  }

  /**
   * Every scalar of a defaults section has a row in the table under {@code heading}, whose
   * default column (the first whose header starts with "default" or "built-in default") shows it.
   */
  private static void assertDefaults(String heading, Map<String, Object> defaults) throws IOException {
    List<String> wrong = new ArrayList<>();
    List<List<String>> table = null;
    for (String key : defaults.keySet()) {
      if (!key.equals("source") && !(defaults.get(key) instanceof Map)) {
        table = tableWith(heading, key);
        break;
      }
    }
    int column = -1;
    for (int c = 0; c < table.get(0).size(); c++) {
      String h = table.get(0).get(c);
      if (column < 0 && (h.startsWith("default") || h.startsWith("built-in default"))) column = c;
    }
    assertTrue(column >= 0, heading + ": no default column in " + table.get(0));
    for (Map.Entry<String, Object> e : defaults.entrySet()) {
      if (e.getKey().equals("source") || e.getValue() instanceof Map) continue;
      List<String> r = row(table, e.getKey());
      if (r == null) {
        wrong.add(heading + ": no row for `" + e.getKey() + "` (built in: " + e.getValue() + ")");
      } else if (!shows(r.get(column), e.getValue())) {
        wrong.add(heading + ": `" + e.getKey() + "` shows " + r.get(column) + ", built in " + e.getValue());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> builtIn(String... path) throws IOException {
    Object d = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(
        Fixtures.repo().resolve("src/main/resources/org/hedgesim/scenario/defaults.yaml")));
    for (String p : path) d = ((Map<String, Object>) d).get(p);
    return (Map<String, Object>) d;
  }

  @Test
  void defaultsTables_showTheBuiltInDefaults() throws IOException {
    assertDefaults("### 5.1 ", builtIn("parameters"));
    assertDefaults("### 5.2 ", builtIn("channel_defaults"));
    assertDefaults("### 5.4 ", builtIn("actor_defaults"));
    assertDefaults("### 5.4 ", builtIn("actor_defaults", "inducements"));
    assertDefaults("### 5.5 ", builtIn("relation_defaults"));
    assertDefaults("### 5.7 ", builtIn("framework_defaults"));
    assertDefaults("### 5.8 ", builtIn("project_defaults"));
    assertDefaults("### 5.10 ", builtIn("observables"));
  }

  @Test
  void builtInChannelsAndProfiles_areTheDefaults() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (String[] t : new String[][] {{"### 5.2 ", "channels", "fdi"}, {"### 5.3 ", "strategies", "hedger"}}) {
      List<List<String>> table = tableWith(t[0], t[2]);
      List<String> header = table.get(0);
      Map<String, Object> section = builtIn(t[1]);
      for (Map.Entry<String, Object> e : section.entrySet()) {
        if (e.getKey().equals("source")) continue;
        List<String> r = row(table, e.getKey());
        if (r == null) {
          wrong.add(t[0] + ": no row for `" + e.getKey() + "`");
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) e.getValue();
        for (Map.Entry<String, Object> v : values.entrySet()) {
          int c = header.indexOf(v.getKey());
          if (v.getKey().equals("source")) continue;
          if (c < 0) {
            wrong.add(t[0] + ": no column " + v.getKey());
          } else if (!shows(r.get(c), v.getValue())) {
            wrong.add(t[0] + ": `" + e.getKey() + "` " + v.getKey() + " shows " + r.get(c) + ", built in " + v.getValue());
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void parameterAndMechanismTables_listExactlyTheModels() throws IOException {
    Set<String> params = new TreeSet<>();
    for (List<String> r : tableWith("### 5.1 ", "alignment_noise")) {
      if (r.get(0).matches("`[a-z_]+`")) params.add(r.get(0).replace("`", ""));
    }
    assertEquals(new TreeSet<>(Arrays.stream(Parameter.values()).map(Parameter::key).toList()), params);
    Set<String> mechanisms = new TreeSet<>();
    for (List<String> r : tableWith("### 5.11 ", "coercion")) {
      if (r.get(0).matches("`[a-z_]+`")) mechanisms.add(r.get(0).replace("`", ""));
    }
    assertEquals(new TreeSet<>(Arrays.stream(Mechanism.values()).map(Mechanism::key).toList()), mechanisms);
  }
}
