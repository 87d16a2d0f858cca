package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.output.RoCrateCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes a results folder gives it the common manifest core and an RO-Crate that
 * passes the structural check, records the command line as typed, and verifies.
 */
class ProvenanceTest {
  @TempDir
  Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs a command, and checks the folder it wrote; returns its manifest. */
  private JsonNode ran(String command, Path out, String... args) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    line.addAll(List.of(args));
    line.addAll(List.of("--out", out.toString()));
    Cli c = Cli.run(line.toArray(String[]::new));
    assertEquals(0, c.exit(), c.err());
    assertEquals(List.of(), RoCrateCheck.problems(out), command);
    Cli v = Cli.run("verify", out.toString());
    assertEquals(0, v.exit(), v.err());
    assertFalse(v.err().contains("not listed"), v.err());
    JsonNode m = JSON.readTree(out.resolve("manifest.json").toFile());
    List<String> keys = new ArrayList<>();
    m.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("hedgesim", "inputs", "seeds", "outputs", "timing"), keys.subList(0, 5), command + ": the core first");
    if (m.has(command)) assertEquals(command, keys.get(5), "the command's own section follows the core");
    JsonNode tool = m.path("hedgesim");
    assertEquals("hedgesim", tool.path("name").asText());
    assertFalse(tool.path("version").asText().isEmpty());
    assertTrue(tool.path("command").isTextual(), "the kind of result, as reports read it");
    if (Files.exists(Fixtures.repo().resolve(".git"))) {
      assertTrue(tool.path("git").path("commit").asText().matches("[0-9a-f]{40}"), tool.toString());
    }
    assertTrue(m.path("seeds").path("master").isIntegralNumber(), command);
    assertFalse(m.path("seeds").path("derivation").asText().isEmpty(), command);
    assertTrue(m.path("inputs").size() >= 1, command);
    for (JsonNode in : m.path("inputs")) assertTrue(Files.isRegularFile(out.resolve(in.path("copy").asText())), in.toString());
    JsonNode typed = tool.has("command_line") ? tool.path("command_line")
        : JSON.readTree(out.resolve("timing.json").toFile()).findValue("command_line");
    List<String> recorded = new ArrayList<>();
    typed.forEach(a -> recorded.add(a.asText()));
    assertEquals(line, recorded, command + ": the command line as typed");
    JsonNode timing = m.path("timing");
    assertTrue(timing.has("started") || "timing.json".equals(timing.path("file").asText()), timing.toString());
    String crate = Files.readString(out.resolve("ro-crate-metadata.json"));
    for (JsonNode o : m.path("outputs")) assertTrue(crate.contains("\"@id\" : \"" + o.path("file").asText() + "\""), o.toString());
    return m;
  }

  @Test
  void runCompareAndExplain() throws Exception {
    String toyA = Fixtures.testResource("compare/toy-a.yaml").toString();
    String toyB = Fixtures.testResource("compare/toy-b.yaml").toString();
    JsonNode run = ran("run", dir.resolve("run"), toyA, "-r", "2");
    assertTrue(run.path("timing").has("threads"));
    assertTrue(run.path("run").has("replication_seeds"), "the command's own section stays");
    Files.writeString(dir.resolve("run/inputs/toy-a.yaml"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
    Cli v = Cli.run("verify", dir.resolve("run").toString());
    assertEquals(2, v.exit(), "a changed copy of an input is damage");
    assertTrue(v.err().contains("inputs/toy-a.yaml does not match its SHA-256 in manifest.json"), v.err());
    JsonNode cmp = ran("compare", dir.resolve("cmp"), toyA, toyB, "-r", "2");
    assertTrue(cmp.path("inputs").size() >= 2, cmp.path("inputs").toString());
    String crate = Files.readString(dir.resolve("cmp/ro-crate-metadata.json"));
    assertTrue(crate.contains("PropertyValue"), "the compared scenarios' values are parameters of the action");
    JsonNode explain = ran("explain", dir.resolve("explain"),
        Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml").toString(), "-r", "2");
    assertEquals(2, explain.path("explain").path("replications").asInt(), explain.path("explain").toString());
  }

  @Test
  void sweepShardsMergeAndSensitivity() throws Exception {
    String sweep = SweepCommandTest.resource("tiny-sweep.yaml").toString();
    JsonNode whole = ran("sweep", dir.resolve("whole"), sweep, "--progress", "none");
    assertEquals("timing.json", whole.path("timing").path("file").asText(), "a sweep's manifest stays reproducible");
    List<String> merge = new ArrayList<>(List.of("merge"));
    for (int k = 1; k <= 2; k++) {
      ran("sweep", dir.resolve("s" + k), sweep, "--shard", k + "/2", "--progress", "none");
      merge.add(dir.resolve("s" + k).toString());
    }
    merge.addAll(List.of("--out", dir.resolve("merged").toString()));
    Cli c = Cli.run(merge.toArray(String[]::new));
    assertEquals(0, c.exit(), c.err());
    assertEquals(List.of(), RoCrateCheck.problems(dir.resolve("merged")));
    assertEquals(Files.readString(dir.resolve("whole/manifest.json")), Files.readString(dir.resolve("merged/manifest.json")));
    assertEquals(merge.subList(0, merge.size()), commandLineOf(dir.resolve("merged")));
    JsonNode found = ran("discover", dir.resolve("whole/discover/mine"), dir.resolve("whole").toString(),
        "--where", "left_f == 1 and visits >= 3", "--boxes", "2");
    assertEquals("inputs/manifest.json", found.path("inputs").get(0).path("copy").asText(), "the sweep's manifest is its input");
    assertEquals(0, Cli.run("verify", dir.resolve("whole").toString()).exit(), "the sweep folder with a discovery in it");
    ran("sensitivity", dir.resolve("sens"), SweepCommandTest.resource("tiny-saltelli.yaml").toString(),
        "--progress", "none");
  }

  private static List<String> commandLineOf(Path folder) throws Exception {
    List<String> out = new ArrayList<>();
    JSON.readTree(folder.resolve("timing.json").toFile()).findValue("command_line").forEach(a -> out.add(a.asText()));
    return out;
  }

  @Test
  void robustAndCalibrate() throws Exception {
    Path study = dir.resolve("tiny.yaml");
    Files.writeString(study, "robust: tiny\nscenario: " + Fixtures.scenarioFile("two-powers.yaml") + "\nseed: 7\n"
        + "replications: 1\nfutures: 2\n"
        + "levers:\n  - path: actors[P].approach\n    name: p_approach\n    levels: [positive, negative]\n"
        + "uncertainties:\n  - path: actors[S].nationalism\n    min: 0.2\n    max: 0.8\n"
        + "objectives:\n  - name: hedging\n    metric: hedging_index\n    actor: S\n    reduce: mean\n"
        + "    direction: maximize\n");
    JsonNode robust = ran("robust", dir.resolve("robust"), study.toString(), "--progress", "none");
    assertTrue(robust.path("inputs").size() >= 2, "the study file and the scenario");
    assertTrue(robust.path("inputs").get(0).path("file").asText().endsWith("tiny.yaml"));
    Path cal = CalibrateCommandTest.setUp(dir.resolve("cal"), CalibrateCommandTest.OBS,
        "method: rejection\nsamples: 40\n");
    JsonNode calibrated = ran("calibrate", dir.resolve("calibrated"), cal.toString(), "--progress", "none");
    List<String> inputs = new ArrayList<>();
    calibrated.path("inputs").forEach(i -> inputs.add(i.path("copy").asText()));
    assertTrue(inputs.containsAll(List.of("inputs/cal.yaml", "inputs/obs.csv", "inputs/small.yaml")), inputs.toString());
  }
}
