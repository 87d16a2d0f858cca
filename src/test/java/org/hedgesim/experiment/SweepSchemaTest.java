package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/sweep.schema.json}, the JSON Schema (draft 2020-12) editors use for sweep files,
 * agrees with {@link SweepLoader}: every shipped sweep passes it, its top-level keys are the
 * loader's, and a mistake of form in a shipped sweep is refused by both.
 */
class SweepSchemaTest {

  static final Path SCHEMA_FILE = Fixtures.repo().resolve("docs/sweep.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema(SCHEMA_FILE);

  static JsonSchema schema(Path file) {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A YAML text as the JSON the schema checks, as an editor sees it (SnakeYAML's safe constructor). */
  static JsonNode toJson(String yaml) {
    return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
  }

  static List<Path> shippedSweeps() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.repo().resolve("scenarios/sweeps"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedSweeps")
  void schema_shippedSweep_passes(Path file) throws IOException {
    assertEquals(Set.of(), SCHEMA.validate(toJson(Files.readString(file))));
  }

  @Test
  void schema_topLevelKeys_areTheLoaders() throws IOException {
    Set<String> want = new TreeSet<>(SweepLoader.TOP_KEYS);
    want.add("source");
    Set<String> have = new TreeSet<>();
    JSON.readTree(SCHEMA_FILE.toFile()).get("properties").fieldNames().forEachRemaining(have::add);
    assertEquals(want, have);
  }

  /** A shipped sweep with one line changed is refused by the schema and by the loader. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "replications: 10|replication: 10",
      "kind: morris|kind: moris",
      "levels: 4|levels: 3",
      "trajectories: 20|trajectories: 0",
      "common_random_numbers: true|common_random_numbers: 3",
      "    max: 0.9|    max: 0.9\\n    levels: [0.3, 0.9]",
      "reduce: final}|reduce: last}"})
  void schema_aMistakeInAShippedSweep_isRefusedByBoth(String line, String replacement, @TempDir Path dir)
      throws IOException {
    Path shipped = Fixtures.repo().resolve("scenarios/sweeps/exit-drivers-morris.yaml");
    String text = Files.readString(shipped);
    String changed = text.replaceFirst(java.util.regex.Pattern.quote(line + "\n"),
        java.util.regex.Matcher.quoteReplacement(replacement.replace("\\n", "\n") + "\n"));
    assertFalse(changed.equals(text), "the shipped sweep has the line '" + line + "'");
    Set<ValidationMessage> m = SCHEMA.validate(toJson(changed));
    assertFalse(m.isEmpty(), "the schema passes '" + replacement + "'");
    // beside the shipped one, so that its base scenario is found
    Path copy = dir.resolve("sweeps").resolve("changed.yaml");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, changed.replace("scenario: ../baseline-2024.yaml",
        "scenario: " + Fixtures.repo().resolve("scenarios/baseline-2024.yaml")));
    assertThrows(ScenarioException.class, () -> SweepLoader.load(copy, copy.toString()), "the loader passes it");
  }
}
