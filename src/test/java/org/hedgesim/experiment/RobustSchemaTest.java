package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/robust.schema.json}, the JSON Schema (draft 2020-12) editors use for robust-decision
 * files, agrees with {@link RobustLoader}: every shipped study passes it, its top-level keys and
 * objective keys are the loader's, and a mistake of form in the shipped study is refused by both.
 */
class RobustSchemaTest {

  static final Path SCHEMA_FILE = Fixtures.repo().resolve("docs/robust.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = SweepSchemaTest.schema(SCHEMA_FILE);
  private static final Path SHIPPED = Fixtures.repo().resolve("scenarios/robust/us-approach.yaml");

  static List<Path> shippedStudies() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.repo().resolve("scenarios/robust"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedStudies")
  void schema_shippedStudy_passes(Path file) throws IOException {
    assertEquals(Set.of(), SCHEMA.validate(SweepSchemaTest.toJson(Files.readString(file))));
  }

  @Test
  void schema_topLevelKeys_areTheLoaders() throws IOException {
    Set<String> want = new TreeSet<>(RobustLoader.TOP_KEYS);
    want.add("source");
    Set<String> have = new TreeSet<>();
    JSON.readTree(SCHEMA_FILE.toFile()).get("properties").fieldNames().forEachRemaining(have::add);
    assertEquals(want, have);
  }

  /** An objective is a sweep outcome with the loader's objective keys. */
  @Test
  void schema_objectiveKeys_areTheSweepOutcomesAndTheLoaders() throws IOException {
    Set<String> want = new TreeSet<>(RobustLoader.OBJECTIVE_KEYS);
    JSON.readTree(SweepSchemaTest.SCHEMA_FILE.toFile()).get("$defs").get("outcome").get("properties")
        .fieldNames().forEachRemaining(want::add);
    Set<String> have = new TreeSet<>();
    JsonNode objective = JSON.readTree(SCHEMA_FILE.toFile()).get("$defs").get("objective");
    objective.get("properties").fieldNames().forEachRemaining(have::add);
    assertEquals(want, have);
  }

  /** The shipped study with one line changed is refused by the schema and by the loader. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "futures: 500|futures: 0",
      "replications: 4|replication: 4",
      "    direction: maximize|    direction: maximise",
      "    satisficing: \">= 0.7\"|    satisficing: \"at least 0.7\"",
      "    direction: maximize|    direction: maximize\\n    percentile: 150",
      "    reduce: mean\\n    direction: maximize|    reduce: first_step\\n    direction: maximize",
      "    name: us_budget|    name: setting",
      "    levels: [0.5, 1.0]|    min: 0.5\\n    max: 1.0"})
  void schema_aMistakeInTheShippedStudy_isRefusedByBoth(String line, String replacement, @TempDir Path dir)
      throws IOException {
    String text = Files.readString(SHIPPED);
    String changed = text.replaceFirst(Pattern.quote(line.replace("\\n", "\n") + "\n"),
        Matcher.quoteReplacement(replacement.replace("\\n", "\n") + "\n"));
    assertFalse(changed.equals(text), "the shipped study has the line '" + line + "'");
    Set<ValidationMessage> m = SCHEMA.validate(SweepSchemaTest.toJson(changed));
    assertFalse(m.isEmpty(), "the schema passes '" + replacement + "'");
    Path copy = dir.resolve("changed.yaml");
    Files.writeString(copy, changed.replace("scenario: ../clv-dta-exit.yaml",
        "scenario: " + Fixtures.repo().resolve("scenarios/clv-dta-exit.yaml")));
    assertThrows(ScenarioException.class, () -> RobustLoader.load(copy, copy.toString()), "the loader passes it");
  }
}
