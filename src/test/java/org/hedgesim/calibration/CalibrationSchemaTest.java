package org.hedgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/calibration.schema.json}, the JSON Schema (draft 2020-12) editors use for
 * calibration files, agrees with {@link CalibrationLoader}: calibration files the loader reads
 * (every method and prior kind, every key) pass it, its top-level keys are the loader's, and a
 * mistake of form is refused by both.
 */
class CalibrationSchemaTest {

  static final Path SCHEMA_FILE = Fixtures.repo().resolve("docs/calibration.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  private static JsonSchema schema() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(SCHEMA_FILE.toFile()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode toJson(Path file) throws IOException {
    return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
  }

  /** The example: every key of a calibration file, sources on the priors, and all three prior kinds. */
  static final String EXAMPLE = "calibration: example\n"
      + "description: a small world fitted to three yearly observations, the last held out\n"
      + "scenario: small.yaml\nobservations: [obs.csv]\nhold_out_from: 2027-01\n"
      + "parameters:\n"
      + "  - path: actors[S].nationalism\n    name: nationalism\n    prior: {uniform: [0.0, 1.0]}\n"
      + "    source: \"assumption: nothing known beyond the model's range\"\n"
      + "  - path: relations[S,P].trust\n    prior: {beta: [2, 2]}\n"
      + "  - path: actors[S].neutrality\n    prior: {normal: [0.5, 0.1]}\n"
      + "method: abc-smc\nparticles: 50\ngenerations: 4\nmin_acceptance: 0.05\nquantile: 0.5\nreplications: 2\n"
      + "seed: 7\nsamples: 200\nevaluations: 100\nprofile_points: 5\n"
      + "source:\n  particles: \"assumption: a small population for a quick fit\"\n";

  private static Path example(Path dir, String text) throws IOException {
    Fixture.world(dir);
    Fixture.observations(dir, "obs.csv", List.of("2025,alignment,S,P", "2026,alignment,S,P", "2027,alignment,S,P"),
        new double[] {0.1, 0.15, 0.2}, 0.05);
    Path f = dir.resolve("calibration.yaml");
    Files.writeString(f, text);
    return f;
  }

  @ParameterizedTest
  @CsvSource({"abc-smc", "rejection", "cmaes"})
  void schema_aCalibrationTheLoaderReads_passes(String method, @TempDir Path dir) throws Exception {
    Path f = example(dir, EXAMPLE.replace("method: abc-smc", "method: " + method));
    CalibrationLoader.load(f, f.toString()); // the loader reads it (or the test fails here)
    assertEquals(Set.of(), SCHEMA.validate(toJson(f)));
  }

  /** The calibration files shipped under scenarios/ (those with a {@code calibration:} key). */
  static List<Path> shippedCalibrations() throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(Fixtures.repo().resolve("scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> {
        try {
          return Files.readString(p).lines().anyMatch(l -> l.startsWith("calibration:"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
  }

  @Test
  void schema_theShippedCalibrations_passAndTheLoaderReadsThem() throws Exception {
    List<Path> shipped = shippedCalibrations();
    assertFalse(shipped.isEmpty(), "a calibration is shipped (the hindcast)");
    for (Path f : shipped) {
      assertEquals(Set.of(), SCHEMA.validate(toJson(f)), f.toString());
      CalibrationLoader.load(f, f.toString());
    }
  }

  @Test
  void schema_theCalibrationOfTheCommandLineTests_passes(@TempDir Path dir) throws Exception {
    Fixture.world(dir);
    Fixture.observations(dir, "obs.csv", List.of("2025,alignment,S,P"), new double[] {0.1}, 0);
    Path f = Fixture.calibration(dir, "obs.csv", 3, "cmaes", "evaluations: 60\n");
    CalibrationLoader.load(f, f.toString());
    assertEquals(Set.of(), SCHEMA.validate(toJson(f)));
  }

  @Test
  void schema_topLevelKeys_areTheLoaders() throws IOException {
    Set<String> want = new TreeSet<>(CalibrationLoader.TOP_KEYS);
    want.add("source");
    Set<String> have = new TreeSet<>();
    JSON.readTree(SCHEMA_FILE.toFile()).get("properties").fieldNames().forEachRemaining(have::add);
    assertEquals(want, have);
  }

  /** The example with one line changed is refused by the schema and by the loader. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "method: abc-smc|method: abc",
      "particles: 50|particles: 5",
      "quantile: 0.5|quantile: 1",
      "min_acceptance: 0.05|min_acceptance: 0",
      "replications: 2|replicatons: 2",
      "hold_out_from: 2027-01|hold_out_from: 2027-13",
      "observations: [obs.csv]|observations: obs.csv",
      "    prior: {beta: [2, 2]}|    prior: {beta: [2, -1]}",
      "    prior: {beta: [2, 2]}|    prior: {beta: [2, 2], uniform: [0, 1]}",
      "    prior: {normal: [0.5, 0.1]}|    prior: {normal: [0.5, 0]}",
      "    prior: {uniform: [0.0, 1.0]}|    prior: {uniform: [0.0]}",
      "    name: nationalism|    name: weight",
      "    name: nationalism|    nme: nationalism"})
  void schema_aMistakeInACalibration_isRefusedByBoth(String line, String replacement, @TempDir Path dir)
      throws Exception {
    assertFalse(!EXAMPLE.contains(line + "\n"), "the example has the line '" + line + "'");
    Path f = example(dir, EXAMPLE.replaceFirst(java.util.regex.Pattern.quote(line + "\n"),
        java.util.regex.Matcher.quoteReplacement(replacement + "\n")));
    assertFalse(SCHEMA.validate(toJson(f)).isEmpty(), "the schema passes '" + replacement + "'");
    assertThrows(ScenarioException.class, () -> CalibrationLoader.load(f, f.toString()), "the loader passes it");
  }
}
