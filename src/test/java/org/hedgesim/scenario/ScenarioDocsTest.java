package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/SCENARIOS.md do what the text says: the minimal scenario (section 1), the
 * what-if (section 2) and the example of every action (section 6.2) are valid, and the bad file
 * of section 12 gives exactly the lines printed there.
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
  }

  @Test
  void whatIf_isValid() throws Exception {
    twoPowers();
    Path f = dir.resolve("two-powers-exit.yaml");
    Files.writeString(f, block("A what-if extends a scenario", "```yaml"));
    Scenario s = ScenarioLoader.load(f);
    assertTrue(s.events().stream().noneMatch(e -> "p-visits".equals(e.id())));
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
}
