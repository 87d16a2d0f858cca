package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hedgesim validate}: the invalid corpus under {@code src/test/resources/invalid/} gives
 * exactly the expected messages and exit code 2; the reference scenarios give one OK line each
 * and exit code 0.
 *
 * <p>Each case of the corpus is a file {@code NAME.expected}: comment lines ({@code # ...}) say
 * what it covers and whether the JSON Schema catches it (see ScenarioSchemaTest), and every other
 * line is one line {@code validate NAME.yaml} must print, in order, with the corpus folder left
 * out of file names; a line {@code # options: --strict} adds options to the command line (a
 * case that only warns is checked under {@code --strict}). {@code NAME.yaml} is the file validated (for a missing file it does not
 * exist, and for a directory it is one). Files under {@code parents/} are parents the cases
 * extend.
 */
class ValidateCommandTest {

  static final Path CORPUS = Fixtures.repo().resolve("src/test/resources/invalid");

  static List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
          .map(n -> n.substring(0, n.length() - ".expected".length())).sorted().toList();
    }
  }

  /** The lines a case must print. */
  static List<String> expected(String name) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve(name + ".expected"))) {
      if (!line.startsWith("#") && !line.isBlank()) out.add(line);
    }
    return out;
  }

  /** The options a case is validated with: its {@code # options: ...} line, if any. */
  static List<String> options(String name) throws IOException {
    for (String line : Files.readAllLines(CORPUS.resolve(name + ".expected"))) {
      if (line.startsWith("# options: ")) {
        return List.of(line.substring("# options: ".length()).strip().split(" +"));
      }
    }
    return List.of();
  }

  private static List<String> lines(String printed) {
    String prefix = CORPUS.toString() + java.io.File.separator;
    return printed.lines().map(l -> l.replace(prefix, "")).toList();
  }

  @Test
  void corpus_hasAtLeastFortyCases() throws IOException {
    assertTrue(cases().size() >= 40, "only " + cases().size() + " cases");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_invalidFile_printsTheExpectedProblemsAndExits2(String name) throws IOException {
    List<String> want = expected(name);
    assertFalse(want.isEmpty(), name + ".expected lists no message");
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(options(name));
    args.add(CORPUS.resolve(name + ".yaml").toString());
    Cli c = Cli.run(args.toArray(String[]::new));
    assertEquals(2, c.exit(), c.err());
    assertEquals("", c.out());
    assertEquals(want, lines(c.err()));
    assertFalse(c.err().contains("Exception"), c.err());
  }

  static List<Path> referenceScenarios() throws IOException {
    return Fixtures.shippedScenarios();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceScenarios")
  void validate_referenceScenario_oneOkLineNoWarningExit0(Path file) {
    Cli c = Cli.run("validate", file.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals(file + ": OK" + System.lineSeparator(), c.out());
    assertEquals("", c.err());
  }

  @Test
  void validate_warningOnly_printsTheWarningAndExits0_strictRefuses() {
    Path f = CORPUS.resolve("framework-single-member.yaml");
    String warning = "warning: " + f + ":4:26: frameworks[ALONE].members: a framework with a single"
        + " member ('S') binds nobody to anybody" + System.lineSeparator();
    Cli c = Cli.run("validate", f.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals(f + ": OK" + System.lineSeparator(), c.out());
    assertEquals(warning, c.err());
    Cli strict = Cli.run("validate", "--strict", f.toString());
    assertEquals(2, strict.exit(), strict.err());
    assertEquals(warning.substring("warning: ".length()), strict.err());
  }

  /** A sweep whose bound lies outside the plausible range: a warning, and under --strict a problem. */
  @Test
  void validate_aSweepWithAnImplausibleBound_warns_strictRefuses(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path f = dir.resolve("s.yaml");
    java.nio.file.Files.writeString(f, "sweep: s\nscenario: " + org.hedgesim.Fixtures.scenarioFile("baseline-2024.yaml")
        + "\ndesign: {kind: grid, points: 2}\nparameters:\n  - {path: 'actors[KHM].growth', min: 0.02, max: 0.3}\n"
        + "outcomes:\n  - {metric: hedging_index, actor: KHM, reduce: final}\n");
    Cli c = Cli.run("validate", f.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.err().startsWith("warning: " + f + ":5:"), c.err());
    assertTrue(c.err().contains("0.3 is outside the plausible range"), c.err());
    Cli strict = Cli.run("validate", "--strict", f.toString());
    assertEquals(2, strict.exit(), strict.err());
    assertTrue(strict.err().startsWith(f + ":5:"), strict.err());
  }

  @Test
  void run_strict_refusesAWarningAndWritesNothing(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Cli c = Cli.run("run", "--strict", CORPUS.resolve("framework-single-member.yaml").toString(),
        "--out", dir.resolve("out").toString(), "--results", dir.resolve("results").toString());
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().endsWith("1 problem found; nothing was run." + System.lineSeparator()), c.err());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count(), "nothing written");
    }
  }

  @Test
  void validate_corpusParent_isValid() {
    Path parent = CORPUS.resolve("parents/two-powers.yaml");
    Cli c = Cli.run("validate", parent.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals("", c.err());
  }

  @Test
  void validate_severalFiles_reportsEveryFileAndExits2WhenAnyIsBad() throws IOException {
    List<Path> good = referenceScenarios();
    List<String> args = new ArrayList<>(List.of("validate"));
    args.add(good.get(0).toString());
    args.add(CORPUS.resolve("many-problems.yaml").toString());
    args.add(CORPUS.resolve("empty.yaml").toString());
    args.add(good.get(1).toString());
    Cli c = Cli.run(args.toArray(String[]::new));
    assertEquals(2, c.exit());
    assertEquals(List.of(good.get(0) + ": OK", good.get(1) + ": OK"), c.out().lines().toList());
    List<String> want = new ArrayList<>(expected("many-problems"));
    want.addAll(expected("empty"));
    assertEquals(want, lines(c.err()));
  }

  @Test
  void validate_allReferenceScenariosAtOnce_exit0() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    referenceScenarios().forEach(p -> args.add(p.toString()));
    Cli c = Cli.run(args.toArray(String[]::new));
    assertEquals(0, c.exit(), c.err());
    assertEquals(referenceScenarios().size(), c.out().lines().filter(l -> l.endsWith(": OK")).count());
  }

  @Test
  void validate_noFile_isAUsageErrorWithExit2() {
    Cli c = Cli.run("validate");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("FILE"), c.err());
  }

  @Test
  void run_invalidCorpusFile_sameProblemsAsValidateAndNothingWritten(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Cli c = Cli.run("run", CORPUS.resolve("many-problems.yaml").toString(), "--out", out.toString(),
        "--results", dir.resolve("results").toString());
    assertEquals(2, c.exit());
    List<String> want = new ArrayList<>(expected("many-problems"));
    want.add(want.size() + " problems found; nothing was run.");
    assertEquals(want, lines(c.err()));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count(), "nothing written");
    }
  }

  @Test
  void strictProvenance_shippedScenariosPass_anUnsourcedNumberIsRefusedWithItsPlace(
      @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of("validate", "--strict-provenance"));
    referenceScenarios().forEach(p -> args.add(p.toString()));
    Cli shipped = Cli.run(args.toArray(String[]::new));
    assertEquals(0, shipped.exit(), shipped.err());

    Path parent = CORPUS.resolve("parents/two-powers.yaml");
    Files.copy(parent, dir.resolve("two-powers.yaml"));
    Path f = dir.resolve("unsourced.yaml");
    Files.writeString(f, "scenario: unsourced\nextends: two-powers.yaml\nactors:\n"
        + "  - {id: S, nationalism: 0.45, source: {nationalism: \"assumption: a little more\"}}\n"
        + "  - {id: P, capability: 0.25}\n");
    Cli plain = Cli.run("validate", f.toString());
    assertEquals(0, plain.exit(), plain.err());
    Cli strict = Cli.run("validate", "--strict-provenance", f.toString());
    assertEquals(2, strict.exit());
    assertEquals("", strict.out());
    assertEquals(List.of(f + ":5:25: actors[P].capability: the number 0.25 has no source; cite a source text and "
        + "its sentence, a FACTS.md entry, or write 'assumption: ' and why (docs/SCENARIOS.md, section 7)"),
        strict.err().lines().toList());
  }

  // ------------------------------------------------------------------ calibration and observation files

  @Test
  void validate_calibrationAndObservationFiles_okAndExit0(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path cal = CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "");
    Path obs = dir.resolve("obs.csv");
    Cli c = Cli.run("validate", cal.toString(), obs.toString(), "--scenario", dir.resolve("small.yaml").toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals(List.of(cal + ": OK", obs + ": OK"), c.out().lines().toList());
    assertEquals("", c.err());
  }

  @Test
  void validate_badObservationFile_printsItsRowAndExits2(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path cal = CalibrateCommandTest.setUp(dir, "date,metric,actor,target,value,sd,source\n"
        + "2025,alignment,S,P,abc,0.05,x\n2026,alignment,S,P,0.1,0.05,x\n2025,trust,X,P,0.5,0.05,x\n", "");
    Path obs = dir.resolve("obs.csv");
    Cli c = Cli.run("validate", obs.toString(), "--scenario", dir.resolve("small.yaml").toString());
    assertEquals(2, c.exit(), c.err());
    assertEquals("", c.out());
    assertEquals(List.of(obs + ":2:20: value: expected a number, found 'abc'",
        obs + ":4:12: actor: no actor 'X' has the metric trust; it has S"), c.err().lines().toList());
    // the calibration file that reads it reports the same rows
    Cli whole = Cli.run("validate", cal.toString());
    assertEquals(2, whole.exit(), whole.err());
    assertTrue(whole.err().contains(obs.getFileName() + ":2:20: value: expected a number, found 'abc'"), whole.err());
    assertFalse(whole.out().contains("OK"), whole.out());
  }

  @Test
  void validate_badCalibrationFile_printsItsKeyAndExits2(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path cal = CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "methd: abc-smc\n");
    Cli c = Cli.run("validate", cal.toString());
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().startsWith(cal + ":14:1: methd: unknown key"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
  }

  @Test
  void validate_observationFileWithoutOrWithABadScenario_isRefusedClearly(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "");
    Path obs = dir.resolve("obs.csv");
    Cli none = Cli.run("validate", obs.toString());
    assertEquals(2, none.exit());
    assertEquals(obs + ": an observation file is checked against the scenario whose series it observes; give it"
        + " with --scenario SCENARIO.yaml", none.err().strip());
    Files.writeString(dir.resolve("broken.yaml"), "scenario: broken\nstart: 2025-01\nend: 2027-12\nstep: fortnight\n");
    Cli broken = Cli.run("validate", obs.toString(), "--scenario", dir.resolve("broken.yaml").toString());
    assertEquals(2, broken.exit());
    assertTrue(broken.err().contains(dir.resolve("broken.yaml") + ":4:7: step"), broken.err());
    assertTrue(broken.err().strip().endsWith(obs + ": not checked: the scenario " + dir.resolve("broken.yaml")
        + " (--scenario) has problems"), broken.err());
  }
}
