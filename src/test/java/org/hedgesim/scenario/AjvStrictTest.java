package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four JSON Schemas of docs/ pass ajv, the most used JSON Schema validator, in strict mode, and it
 * agrees with them on the shipped files: the networknt validator of the other schema tests is
 * lenient about unknown keywords, union types and required keys it cannot see, which other tools
 * refuse or warn about (docs/SCENARIOS.md, section 13).
 *
 * <p>Runs ajv-cli as {@code npm ci} installs it from package.json (node_modules/.bin/ajv), with
 * the {@code node} on the PATH; without them each test is skipped, saying why. It reads YAML
 * itself (js-yaml) and needs no network.
 */
class AjvStrictTest {

  private static final Path REPO = Fixtures.repo();
  private static final Path AJV = REPO.resolve("node_modules/.bin/ajv");
  private static final long TIMEOUT_SECONDS = 60;

  /** One schema and the ajv option naming its draft. */
  private record Schema(String file, String spec) {
    List<String> command(String verb) {
      List<String> c = new ArrayList<>(List.of(AJV.toString(), verb, "--strict=true"));
      if (spec != null) c.add("--spec=" + spec);
      c.addAll(List.of("-s", REPO.resolve("docs").resolve(file).toString()));
      return c;
    }
  }

  private static final Schema SCENARIO = new Schema("scenario.schema.json", null);
  private static final Schema SWEEP = new Schema("sweep.schema.json", "draft2020");
  private static final Schema CALIBRATION = new Schema("calibration.schema.json", "draft2020");
  private static final Schema ROBUST = new Schema("robust.schema.json", "draft2020");

  /** What a run of ajv printed (stdout and stderr together) and its exit code. */
  private record Run(int exit, String output) {}

  @BeforeAll
  static void ajvIsInstalled() {
    String why = null;
    if (!Files.isExecutable(AJV)) {
      why = "ajv-cli is not installed (" + REPO.relativize(AJV) + " is missing): run 'npm ci' in the"
          + " repository (Debian: apt-get install nodejs npm)";
    } else if (!nodeWorks()) {
      why = "node is not on the PATH (Debian: apt-get install nodejs)";
    }
    if (why != null) {
      System.err.println("AjvStrictTest skipped: " + why);
      Assumptions.abort(why);
    }
  }

  private static boolean nodeWorks() {
    try {
      return run(List.of("node", "--version")).exit() == 0;
    } catch (IOException | AssertionError e) {
      return false;
    }
  }

  /** Runs a command with a time limit; output goes through a file, so a full pipe cannot block it. */
  private static Run run(List<String> command) throws IOException {
    Path out = Files.createTempFile("ajv", ".txt");
    try {
      Process p = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      boolean done;
      try {
        done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Run(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static Run validate(Schema schema, List<Path> data) throws IOException {
    List<String> c = schema.command("validate");
    for (Path d : data) c.addAll(List.of("-d", d.toString()));
    return run(c);
  }

  /** Asserts that ajv passes every file, naming each as valid. */
  private static void assertValid(Schema schema, List<Path> files) throws IOException {
    assertFalse(files.isEmpty(), "files to check against " + schema.file());
    Run r = validate(schema, files);
    assertEquals(0, r.exit(), r.output());
    for (Path f : files) assertTrue(r.output().contains(f + " valid"), f + " not reported valid:\n" + r.output());
    assertFalse(r.output().contains("strict mode"), r.output());
  }

  /** Asserts that ajv refuses a file. */
  private static void assertInvalid(Schema schema, Path file) throws IOException {
    Run r = validate(schema, List.of(file));
    assertNotEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains(file + " invalid"), r.output());
  }

  private static List<Path> yamlFiles(String folder) throws IOException {
    try (Stream<Path> s = Files.list(REPO.resolve(folder))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Calibration files: a top-level calibration: key (they sit beside their hindcast scenarios). */
  private static List<Path> calibrationFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : yamlFiles("scenarios/hindcast")) {
      if (Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("calibration:"))) out.add(p);
    }
    return out;
  }

  // ------------------------------------------------------------------ the schemas compile

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"scenario.schema.json", "sweep.schema.json", "calibration.schema.json", "robust.schema.json"})
  void compile_strict_passesWithoutAWarning(String file) throws IOException {
    Schema schema = Stream.of(SCENARIO, SWEEP, CALIBRATION, ROBUST).filter(s -> s.file().equals(file)).findFirst().orElseThrow();
    Run r = run(schema.command("compile"));
    assertEquals(0, r.exit(), r.output());
    assertFalse(r.output().contains("strict mode"), r.output());
    assertTrue(r.output().contains("is valid"), r.output());
  }

  // ------------------------------------------------------------------ shipped files pass

  @Test
  void validate_shippedScenarios_pass() throws IOException {
    List<Path> files = new ArrayList<>(Fixtures.shippedScenarios());
    // a scenario that extends another, as most user files do
    files.add(REPO.resolve("src/test/resources/invalid/parents/two-powers.yaml"));
    assertValid(SCENARIO, files);
  }

  @Test
  void validate_shippedSweeps_pass() throws IOException {
    List<Path> files = new ArrayList<>(yamlFiles("scenarios/sweeps"));
    files.addAll(yamlFiles("scenarios/bench"));
    assertValid(SWEEP, files);
  }

  @Test
  void validate_shippedCalibrations_pass() throws IOException {
    assertValid(CALIBRATION, calibrationFiles());
  }

  @Test
  void validate_shippedRobustStudies_pass() throws IOException {
    assertValid(ROBUST, yamlFiles("scenarios/robust"));
  }

  // ------------------------------------------------------------------ a mistake fails

  /** A shipped file with one line changed, written to {@code dir}. */
  private static Path changed(Path dir, Path shipped, String line, String replacement) throws IOException {
    String text = Files.readString(shipped);
    String out = text.replaceFirst(java.util.regex.Pattern.quote(line),
        java.util.regex.Matcher.quoteReplacement(replacement));
    assertNotEquals(text, out, shipped + " has the line '" + line + "'");
    Path f = dir.resolve(shipped.getFileName());
    Files.writeString(f, out);
    return f;
  }

  @Test
  void validate_aScenarioWithAValueOutOfRange_fails() throws IOException {
    // the loader refuses it too (corpus case alignment-noise-ten)
    assertInvalid(SCENARIO, REPO.resolve("src/test/resources/invalid/alignment-noise-ten.yaml"));
  }

  @Test
  void validate_aSweepWithAMisspelledKind_fails(@TempDir Path dir) throws IOException {
    assertInvalid(SWEEP, changed(dir, REPO.resolve("scenarios/sweeps/exit-drivers-morris.yaml"),
        "kind: morris", "kind: moris"));
  }

  @Test
  void validate_aRobustStudyWithAMisspelledDirection_fails(@TempDir Path dir) throws IOException {
    assertInvalid(ROBUST, changed(dir, REPO.resolve("scenarios/robust/us-approach.yaml"),
        "    direction: maximize", "    direction: maximise"));
  }

  @Test
  void validate_aCalibrationWithAMisspelledKey_fails(@TempDir Path dir) throws IOException {
    Path shipped = calibrationFiles().get(0);
    assertInvalid(CALIBRATION, changed(dir, shipped, "\nseed:", "\nsead:"));
  }
}
