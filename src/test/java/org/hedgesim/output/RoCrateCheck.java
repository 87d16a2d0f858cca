package org.hedgesim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structural check of a folder's ro-crate-metadata.json against RO-Crate 1.1 and the Process Run
 * Crate profile, as far as the tests need it: the context, the metadata descriptor, the root dataset
 * (name, description, datePublished, license, conformsTo the profile, mentions the action), one
 * CreateAction with instrument, object, result, startTime and endTime, every reference resolving to
 * an entity of the graph, every {@code @id} relative, and every File in the folder with its SHA-256
 * and size. Returns the problems found, so that a test can show a damaged crate is caught.
 */
public final class RoCrateCheck {
  private RoCrateCheck() {}

  public static List<String> problems(Path folder) throws IOException {
    List<String> out = new ArrayList<>();
    Path file = folder.resolve(RoCrate.FILE);
    if (!Files.isRegularFile(file)) return List.of("no " + RoCrate.FILE + " in " + folder);
    JsonNode crate = new ObjectMapper().readTree(file.toFile());
    JsonNode context = crate.path("@context");
    if (!"https://w3id.org/ro/crate/1.1/context".equals(context.path(0).asText())
        || !"https://schema.org/sha256".equals(context.path(1).path("sha256").asText())) {
      out.add("@context: the RO-Crate 1.1 context, then the sha256 term");
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode e : crate.path("@graph")) {
      String id = e.path("@id").asText("");
      if (id.isEmpty()) out.add("an entity without @id");
      if (byId.put(id, e) != null) out.add("two entities " + id);
      if (!id.startsWith("http") && (id.startsWith("/") || URI.create(id).isAbsolute())) out.add("absolute @id " + id);
    }
    JsonNode descriptor = byId.get(RoCrate.FILE);
    if (descriptor == null || !"https://w3id.org/ro/crate/1.1".equals(descriptor.path("conformsTo").path("@id").asText())
        || !"./".equals(descriptor.path("about").path("@id").asText())) {
      out.add("metadata descriptor");
    }
    JsonNode root = byId.get("./");
    if (root == null || !"Dataset".equals(root.path("@type").asText())) return add(out, "root dataset");
    for (String k : List.of("name", "description", "datePublished", "license")) {
      if (root.path(k).isMissingNode()) out.add("root has no " + k);
    }
    if (!"https://w3id.org/ro/wfrun/process/0.5".equals(root.path("conformsTo").path("@id").asText())) {
      out.add("root does not conform to the Process Run Crate profile");
    }
    JsonNode action = byId.get(root.path("mentions").path("@id").asText());
    if (action == null || !"CreateAction".equals(action.path("@type").asText())) return add(out, "the mentioned CreateAction");
    for (String k : List.of("instrument", "object", "result", "startTime", "endTime")) {
      if (action.path(k).isMissingNode()) out.add("the action has no " + k);
    }
    JsonNode tool = byId.get(action.path("instrument").path("@id").asText());
    if (tool == null || !"SoftwareApplication".equals(tool.path("@type").asText()) || tool.path("version").isMissingNode()) {
      out.add("instrument is not a SoftwareApplication with a version");
    }
    if (action.path("result").isEmpty()) out.add("the action has no results");
    for (JsonNode r : action.path("result")) {
      if (r.path("@id").asText().equals(RoCrate.FILE)) out.add("the crate lists itself as a result");
    }
    references(crate.path("@graph"), byId, out);
    for (Map.Entry<String, JsonNode> e : byId.entrySet()) {
      if (!"File".equals(e.getValue().path("@type").asText())) continue;
      Path p = folder.resolve(URI.create(e.getKey()).getPath());
      if (!Files.isRegularFile(p)) {
        out.add("File " + e.getKey() + " is not in the folder");
        continue;
      }
      if (!Hashes.sha256(p).equals(e.getValue().path("sha256").asText())) out.add("File " + e.getKey() + ": sha256");
      if (!Long.toString(Files.size(p)).equals(e.getValue().path("contentSize").asText())) {
        out.add("File " + e.getKey() + ": contentSize");
      }
      if (e.getValue().path("encodingFormat").asText("").isEmpty()) out.add("File " + e.getKey() + ": encodingFormat");
    }
    return out;
  }

  /** Every {@code {"@id": x}} reference inside an entity must name an entity of the graph. */
  private static void references(JsonNode node, Map<String, JsonNode> byId, List<String> out) {
    if (node.isObject()) {
      if (node.size() == 1 && node.has("@id")) {
        String id = node.get("@id").asText();
        if (!byId.containsKey(id) && !id.startsWith("http://schema.org/")) out.add("dangling reference " + id);
        return;
      }
      node.elements().forEachRemaining(n -> references(n, byId, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> references(n, byId, out));
    }
  }

  private static List<String> add(List<String> out, String problem) {
    out.add(problem);
    return out;
  }
}
