package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/scenario.schema.json}, the JSON Schema editors use, agrees with the loader: every
 * shipped scenario passes it, each file of the invalid corpus fails it exactly when its
 * {@code .expected} file says {@code # schema: catches}, and its key lists are the loader's.
 *
 * <p>Files are turned into JSON as an editor would see them: parsed with SnakeYAML's safe
 * constructor (plain maps, lists, strings, numbers, booleans). Corpus marks: {@code catches}
 * (the schema reports the problem), {@code misses} (the file is valid as far as the schema can
 * tell: the problem needs the loader, for example an id that does not exist or a date outside the
 * scenario), {@code n/a} (there is no YAML document to check: a missing or unreadable file,
 * syntax, an unsafe tag).
 */
class ScenarioSchemaTest {

  private static final Path SCHEMA_FILE = Fixtures.repo().resolve("docs/scenario.schema.json");
  private static final Path CORPUS = Fixtures.repo().resolve("src/test/resources/invalid");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  private static JsonSchema schema() {
    try {
      JsonNode node = JSON.readTree(SCHEMA_FILE.toFile());
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A YAML file as the JSON the schema checks. Throws when it is no YAML document. */
  static JsonNode toJson(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setWarnOnDuplicateKeys(false);
    Object data = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
    try {
      return JSON.valueToTree(data);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException(file + " holds a recursive structure");
    }
  }

  private static Set<ValidationMessage> validate(Path file) throws IOException {
    return SCHEMA.validate(toJson(file));
  }

  // ------------------------------------------------------------------ valid files

  static List<Path> validFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    out.addAll(Fixtures.shippedScenarios());
    out.add(CORPUS.resolve("parents/two-powers.yaml"));
    out.add(Fixtures.repo().resolve(
        "src/test/resources/org/hedgesim/scenario/ScenarioLoaderFuzzTestInputs/two-powers-exit"));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFiles")
  void schema_validScenario_passes(Path file) throws IOException {
    assertEquals(Set.of(), validate(file));
  }

  // ------------------------------------------------------------------ the invalid corpus

  static List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
          .map(n -> n.substring(0, n.length() - ".expected".length())).sorted().toList();
    }
  }

  /** The mark of a case: its {@code # schema:} line up to the reason a {@code misses} gives. */
  private static String mark(String name) throws IOException {
    String line = markLine(name);
    int colon = line.indexOf(':');
    return (colon < 0 ? line : line.substring(0, colon)).strip();
  }

  private static String markLine(String name) throws IOException {
    for (String line : Files.readAllLines(CORPUS.resolve(name + ".expected"))) {
      if (line.startsWith("# schema: ")) return line.substring("# schema: ".length()).strip();
    }
    throw new AssertionError(name + ".expected has no '# schema:' line");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void schema_invalidCorpus_failsExactlyWhereMarked(String name) throws IOException {
    Path file = CORPUS.resolve(name + ".yaml");
    String mark = mark(name);
    JsonNode json = null;
    try {
      if (Files.isRegularFile(file)) json = toJson(file);
    } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
      json = null; // not a YAML document SnakeYAML's safe loader accepts (syntax, tags, limits)
    }
    switch (mark) {
      case "n/a" -> assertTrue(json == null || json.isNull() || !json.isObject(),
          name + " is a YAML mapping the schema can check; mark it catches or misses");
      case "catches" -> {
        assertTrue(json != null, name + " is no YAML document; mark it n/a");
        assertFalse(SCHEMA.validate(json).isEmpty(), name + " passes the schema; mark it misses"
            + " (or make the schema catch it)");
      }
      case "misses" -> {
        assertTrue(json != null, name + " is no YAML document; mark it n/a");
        Set<ValidationMessage> m = SCHEMA.validate(json);
        assertTrue(m.isEmpty(), name + " now fails the schema (" + m + "); mark it catches");
      }
      default -> fail(name + ".expected: schema mark must be catches, misses or n/a, found " + mark);
    }
  }

  /**
   * A case the schema misses says why ({@code # schema: misses: REASON}): a reference to another
   * entry or file, a rule between keys, a warning, or what the YAML reader does before the schema
   * sees the file. A range, a choice or a pattern the loader checks belongs in the schema instead.
   */
  @Test
  void schema_aMissedCase_saysWhyTheSchemaCannotCatchIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (String name : cases()) {
      String line = markLine(name);
      if (mark(name).equals("misses") && !(line.startsWith("misses: ") && line.length() > "misses: ".length() + 10)) {
        wrong.add(name + ".expected: write '# schema: misses: <why the schema cannot tell>', found '# schema: " + line + "'");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void schema_catchesTheProblemsOfFormInTheCorpus() throws IOException {
    long catches = 0;
    for (String name : cases()) {
      if (mark(name).equals("catches")) catches++;
    }
    // keys, types, choices, months, required keys: 25 cases when the schema was written; 55 since
    // it has the loader's hard ranges, the printable-text rule and what a file without extends needs
    assertTrue(catches >= 55, "only " + catches + " corpus cases caught by the schema");
  }

  // ------------------------------------------------------------------ the schema and the loader agree

  private static Set<String> propertyNames(JsonNode object) {
    Set<String> out = new TreeSet<>();
    object.get("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode definition(String name) throws IOException {
    return JSON.readTree(SCHEMA_FILE.toFile()).get("definitions").get(name);
  }

  @Test
  void schema_topLevelKeys_areTheLoaders() throws IOException {
    Set<String> want = new TreeSet<>(ScenarioLoader.TOP_KEYS);
    want.addAll(List.of("extends", "source"));
    assertEquals(want, propertyNames(JSON.readTree(SCHEMA_FILE.toFile())));
  }

  @Test
  void schema_parameters_areTheModels() throws IOException {
    Set<String> want = new TreeSet<>(Arrays.stream(Parameter.values()).map(Parameter::key).toList());
    want.add("source");
    assertEquals(want, propertyNames(definition("parameters")));
  }

  @Test
  void schema_actions_areTheLoaders() throws IOException {
    Set<String> kinds = propertyNames(definition("effect"));
    kinds.remove("source");
    assertEquals(new TreeSet<>(ActionReader.KINDS), kinds);
    Set<String> eventKeys = propertyNames(definition("event"));
    assertTrue(eventKeys.containsAll(ActionReader.KINDS), eventKeys.toString());
  }

  /** The built-in defaults, as plain data. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> builtInDefaults() throws IOException {
    Path file = Fixtures.repo().resolve("src/main/resources/org/hedgesim/scenario/defaults.yaml");
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }

  /**
   * Each default the schema shows on hover is the built-in default, and each scalar the built-in
   * defaults give for these sections has its default in the schema.
   */
  private static void assertDefaults(String where, JsonNode properties, Map<String, Object> defaults) {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Object> e : defaults.entrySet()) {
      if (e.getKey().equals("source") || e.getValue() instanceof Map) continue;
      JsonNode p = properties.get(e.getKey());
      JsonNode d = p == null ? null : p.get("default");
      if (d == null) {
        wrong.add(where + "." + e.getKey() + ": no default in the schema (built in: " + e.getValue() + ")");
      } else if (!sameValue(d, e.getValue())) {
        wrong.add(where + "." + e.getKey() + ": schema default " + d + ", built in " + e.getValue());
      }
    }
    properties.fields().forEachRemaining(e -> {
      if (e.getValue().has("default") && !defaults.containsKey(e.getKey())) {
        wrong.add(where + "." + e.getKey() + ": a schema default, but no built-in default");
      }
    });
    assertEquals(List.of(), wrong);
  }

  private static boolean sameValue(JsonNode schema, Object builtIn) {
    if (builtIn instanceof Number n) return schema.isNumber() && schema.asDouble() == n.doubleValue();
    if (builtIn instanceof Boolean b) return schema.isBoolean() && schema.asBoolean() == b;
    return schema.isTextual() && schema.asText().equals(String.valueOf(builtIn));
  }

  @Test
  @SuppressWarnings("unchecked")
  void schema_defaults_areTheBuiltInDefaults() throws IOException {
    Map<String, Object> d = builtInDefaults();
    Map<String, Object> actor = (Map<String, Object>) d.get("actor_defaults");
    Map<String, Object> noDefaults = Map.of();
    assertDefaults("parameters", definition("parameters").get("properties"), (Map<String, Object>) d.get("parameters"));
    for (String def : List.of("actor", "actorDefaults")) {
      assertDefaults(def, definition(def).get("properties"), actor);
    }
    assertDefaults("inducements", definition("inducements").get("properties"), (Map<String, Object>) actor.get("inducements"));
    for (String[] pair : new String[][] {{"relation", "relation_defaults"}, {"relationDefaults", "relation_defaults"},
        {"framework", "framework_defaults"}, {"frameworkDefaults", "framework_defaults"},
        {"project", "project_defaults"}, {"projectDefaults", "project_defaults"},
        {"observables", "observables"}, {"channel", "channel_defaults"}}) {
      Object section = d.get(pair[1]);
      assertDefaults(pair[0], definition(pair[0]).get("properties"),
          section instanceof Map ? (Map<String, Object>) section : noDefaults);
    }
    Map<String, Object> strategies = (Map<String, Object>) d.get("strategies");
    for (Strategy s : Strategy.values()) {
      String key = s.name().toLowerCase(java.util.Locale.ROOT);
      assertDefaults("strategies." + key, definition("strategies").get("properties").get(key).get("properties"),
          (Map<String, Object>) strategies.get(key));
    }
  }

  /**
   * The places in the schema where the key of a {@link ValueRange} is written: {@code actors.*} in
   * an actor and in actor_defaults, {@code strategies.*} in each strategy and in an actor's own
   * weights, {@code events.ACTION.*} in the action (which project effects share), and so on.
   */
  private static List<JsonNode> places(String key) throws IOException {
    JsonNode root = JSON.readTree(SCHEMA_FILE.toFile());
    JsonNode defs = root.get("definitions");
    String[] part = key.split("\\.");
    String field = part[part.length - 1];
    List<JsonNode> holders = new ArrayList<>();
    switch (part[0]) {
      case "replications" -> holders.add(root.get("properties"));
      case "predisposition" -> {
        return List.of(defs.get("predisposition").get("additionalProperties"));
      }
      case "parameters", "channels", "flows", "disputes", "observables" -> holders.add(
          defs.get(Map.of("parameters", "parameters", "channels", "channel", "flows", "flow",
              "disputes", "dispute", "observables", "observables").get(part[0])).get("properties"));
      case "relations", "frameworks", "projects" -> {
        String one = part[0].substring(0, part[0].length() - 1);
        holders.add(defs.get(one).get("properties"));
        holders.add(defs.get(one + "Defaults").get("properties"));
      }
      case "actors" -> {
        if (part[1].equals("inducements")) {
          holders.add(defs.get("inducements").get("properties"));
        } else {
          holders.add(defs.get("actor").get("properties"));
          holders.add(defs.get("actorDefaults").get("properties"));
        }
      }
      case "strategies" -> {
        for (Strategy s : Strategy.values()) {
          holders.add(defs.get("strategies").get("properties")
              .get(s.name().toLowerCase(java.util.Locale.ROOT)).get("properties"));
        }
        if (defs.get("weights").get("properties").has(field)) holders.add(defs.get("weights").get("properties"));
      }
      case "events" -> holders.add(part.length == 2 ? defs.get("event").get("properties")
          : defs.get("action." + part[1]).get("properties"));
      default -> throw new AssertionError("no place known for " + key);
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode h : holders) out.add(h.get(field));
    return out;
  }

  /** The typed number of a property, or of its number branch when it may also be null. */
  private static JsonNode numberBranch(JsonNode property) {
    if (property != null && property.has("anyOf")) {
      for (JsonNode b : property.get("anyOf")) {
        if (b.path("type").asText().equals("number") || b.path("type").asText().equals("integer")) return b;
      }
    }
    return property;
  }

  /**
   * Each hard range the loader checks (ValueRanges) stands in the schema, with its bounds written
   * out at each place the key is written, so that an editor flags the value the loader refuses.
   * Plausible ranges are only warnings and stay out.
   */
  @Test
  void schema_ranges_areTheLoadersHardRanges() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (ValueRange r : ValueRanges.all()) {
      for (JsonNode place : places(r.key())) {
        JsonNode n = numberBranch(place);
        if (n == null) {
          wrong.add(r.key() + ": not in the schema");
          continue;
        }
        String low = r.lowOpen() ? "exclusiveMinimum" : "minimum";
        String other = r.lowOpen() ? "minimum" : "exclusiveMinimum";
        if (!n.has(low) || n.get(low).asDouble() != r.low() || n.has(other)
            || !n.has("maximum") || n.get("maximum").asDouble() != r.high()) {
          wrong.add(r.key() + ": hard range " + r.hard() + ", schema " + n);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void schema_mechanisms_areTheLoaders() throws IOException {
    Set<String> want = new TreeSet<>(Arrays.stream(Mechanism.values()).map(Mechanism::key).toList());
    Set<String> got = new TreeSet<>();
    definition("mechanism").get("enum").forEach(n -> got.add(n.asText()));
    assertEquals(want, got);
  }

  @Test
  void schema_isDraft07() throws IOException {
    assertEquals("http://json-schema.org/draft-07/schema#",
        JSON.readTree(SCHEMA_FILE.toFile()).get("$schema").asText());
  }
}
