package org.hedgesim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RO-Crate written from a manifest, and the structural check that the command tests use. */
class RoCrateTest {
  @TempDir
  Path dir;

  private Path folder() throws Exception {
    Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(dir.resolve("inputs/my scenario.yaml"), "scenario: x\n");
    Files.writeString(dir.resolve("summary.csv"), "a,b\n1,2\n");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hedgesim", Map.of("name", "hedgesim", "version", "9.9", "command", "run",
        "git", Map.of("commit", "0123456789abcdef0123456789abcdef01234567", "dirty", true),
        "command_line", List.of("run", "my scenario.yaml", "-r", "2")));
    m.put("inputs", List.of(Map.of("file", "my scenario.yaml", "copy", "inputs/my scenario.yaml", "bytes", 12,
        "sha256", Hashes.sha256(dir.resolve("inputs/my scenario.yaml")))));
    m.put("outputs", List.of(Map.of("file", "summary.csv", "bytes", 8, "sha256", Hashes.sha256(dir.resolve("summary.csv")))));
    m.put("timing", Map.of("started", "2026-01-01T00:00:00Z", "finished", "2026-01-01T00:00:02Z", "threads", 1));
    m.put("scenario", Map.of("name", "x", "description", "a test scenario"));
    m.put("parameters", List.of(Map.of("path", "actors[S].nationalism", "value", 0.4, "source", "a survey, p. 3",
        "written_at", "x.yaml:4:3")));
    JsonFile.write(dir.resolve("manifest.json"), m);
    RoCrate.write(dir);
    return dir;
  }

  @Test
  void crateFromAManifest_passesTheCheck_andDescribesTheRun() throws Exception {
    Path f = folder();
    assertEquals(List.of(), RoCrateCheck.problems(f));
    JsonNode crate = new ObjectMapper().readTree(f.resolve(RoCrate.FILE).toFile());
    String text = crate.toString();
    assertTrue(text.contains("\"@id\":\"inputs/my%20scenario.yaml\""), "spaces are percent-encoded in @id");
    assertTrue(text.contains("command line: hedgesim run 'my scenario.yaml' -r 2"), text);
    assertTrue(text.contains("git commit 0123456789abcdef0123456789abcdef01234567 (with uncommitted changes)"), text);
    assertTrue(text.contains("\"name\":\"actors[S].nationalism\",\"value\":0.4,\"description\":\"a survey, p. 3 (written at x.yaml:4:3)\""),
        text);
    assertTrue(text.contains("\"@id\":\"manifest.json\""), "the manifest is a result");
    assertTrue(text.contains("\"encodingFormat\":\"text/csv\""), text);
  }

  @Test
  void check_findsAChangedFile_aDanglingReference_andAMissingFile() throws Exception {
    Path f = folder();
    Files.writeString(f.resolve("summary.csv"), "a,b\n1,3\n");
    assertEquals(List.of("File summary.csv: sha256"), RoCrateCheck.problems(f));
    ObjectMapper json = new ObjectMapper();
    ObjectNode crate = (ObjectNode) json.readTree(f.resolve(RoCrate.FILE).toFile());
    ArrayNode graph = (ArrayNode) crate.get("@graph");
    for (int i = graph.size() - 1; i >= 0; i--) {
      if (graph.get(i).path("@id").asText().equals("#hedgesim")) graph.remove(i);
    }
    json.writeValue(f.resolve(RoCrate.FILE).toFile(), crate);
    Files.delete(f.resolve("summary.csv"));
    List<String> p = RoCrateCheck.problems(f);
    assertTrue(p.contains("dangling reference #hedgesim"), p.toString());
    assertTrue(p.contains("File summary.csv is not in the folder"), p.toString());
    assertTrue(p.contains("instrument is not a SoftwareApplication with a version"), p.toString());
  }

  @Test
  void mediaTypes_byExtension() {
    assertEquals("image/svg+xml", RoCrate.mediaType("plots/a.svg"));
    assertEquals("application/yaml", RoCrate.mediaType("calibrated.yaml"));
    assertEquals("text/html", RoCrate.mediaType("report.html"));
    assertEquals("application/json", RoCrate.mediaType("timing.json"));
  }
}
