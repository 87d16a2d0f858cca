package org.hedgesim.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RO-Crate of a results folder ({@code ro-crate-metadata.json}, RO-Crate 1.1, Process Run Crate
 * profile 0.5), so that archives, journals and standard tools (the {@code rocrate} Python library,
 * RO-Crate validators) can read a result's provenance without knowing hedgesim. It is made from the
 * folder's manifest, which stays the fuller record: one {@code CreateAction} (the command) whose
 * {@code instrument} is hedgesim (version and git commit), whose {@code object} is the input files
 * (the copies in {@code inputs/}) and every parameter value of the scenario as a {@code PropertyValue}
 * (its path as name, its source as description), and whose {@code result} is every output file, each a
 * {@code File} with SHA-256, size and media type. The command line is the action's {@code description}
 * (as the Process Run Crate profile suggests) and, argument by argument, a {@code PropertyValue}.
 * Every {@code @id} is relative to the folder, and every {@code File} named is in it; the crate does
 * not list itself.
 */
public final class RoCrate {
  /** The crate's file name. */
  public static final String FILE = "ro-crate-metadata.json";
  static final String CONTEXT = "https://w3id.org/ro/crate/1.1/context";
  static final String SPEC = "https://w3id.org/ro/crate/1.1";
  static final String PROCESS_RUN = "https://w3id.org/ro/wfrun/process/0.5";
  /** The licence of hedgesim (LICENSE), under which its results are published too. */
  static final String LICENSE = "https://www.apache.org/licenses/LICENSE-2.0";
  private static final String TIMING = "timing.json";
  private static final String ACTION = "#action";
  private static final String SOFTWARE = "#hedgesim";
  private static final String COMMAND_LINE = "#command-line";

  private RoCrate() {}

  /**
   * Writes the crate of {@code folder} from its manifest.json (and, for a manifest that keeps its
   * timing and command line apart, its timing.json). The results are the manifest's outputs, then
   * manifest.json and timing.json.
   */
  public static void write(Path folder) throws IOException {
    Map<String, Object> manifest = read(folder.resolve(FolderCheck.MANIFEST));
    Path timingFile = folder.resolve(TIMING);
    Map<String, Object> elsewhere = Files.isRegularFile(timingFile) ? read(timingFile) : Map.of();
    JsonFile.write(folder.resolve(FILE), graph(folder, manifest, elsewhere));
  }

  private static Map<String, Object> read(Path file) throws IOException {
    return JsonFile.mapper().readValue(file.toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /**
   * When the work ran and its command line: the manifest's {@code timing} and
   * {@code hedgesim.command_line}, or where those are kept apart, timing.json's (at its top, as a
   * sweep writes it, or under {@code timing}, as a calibration does).
   */
  private static Map<String, Object> timing(Map<String, Object> manifest, Map<String, Object> elsewhere) {
    Map<String, Object> t = new LinkedHashMap<>(map(manifest.get("timing")));
    Object line = map(manifest.get("hedgesim")).get("command_line");
    if (!t.containsKey("started")) {
      Map<String, Object> e = elsewhere.get("timing") instanceof Map<?, ?> ? map(elsewhere.get("timing")) : elsewhere;
      t.putAll(e);
      if (line == null) line = e.get("command_line");
    }
    t.put("command_line", line);
    return t;
  }

  /** The crate as a JSON-LD tree. */
  static Map<String, Object> graph(Path folder, Map<String, Object> manifest, Map<String, Object> elsewhere)
      throws IOException {
    Map<String, Object> tool = map(manifest.get("hedgesim"));
    String command = text(tool.get("command"), "result");
    List<Object> graph = new ArrayList<>();
    List<Object> files = new ArrayList<>();
    List<Object> inputs = new ArrayList<>();
    List<Object> results = new ArrayList<>();

    Map<String, Object> descriptor = entity(FILE, "CreativeWork");
    descriptor.put("conformsTo", ref(SPEC));
    descriptor.put("about", ref("./"));
    graph.add(descriptor);

    Map<String, Object> root = entity("./", "Dataset");
    root.put("name", "hedgesim " + command + ": " + title(manifest, command));
    root.put("description", description(manifest, command));
    Map<String, Object> timing = timing(manifest, elsewhere);
    root.put("datePublished", text(timing.get("finished"), java.time.Instant.now().toString()));
    root.put("license", ref(LICENSE));
    root.put("conformsTo", ref(PROCESS_RUN));
    root.put("hasPart", files);
    root.put("mentions", ref(ACTION));
    graph.add(root);

    for (Object o : list(manifest.get("inputs"))) {
      Map<String, Object> in = map(o);
      if (!(in.get("copy") instanceof String copy) || !Files.isRegularFile(folder.resolve(copy))) continue;
      Map<String, Object> f = file(folder, copy);
      f.put("name", text(in.get("file"), copy));
      f.put("description", "input file, copied into the crate; named " + text(in.get("file"), copy)
          + " on the command line or by the files it read");
      graph.add(f);
      files.add(ref(pathId(copy)));
      inputs.add(ref(pathId(copy)));
    }
    List<String> produced = new ArrayList<>();
    for (Object o : list(manifest.get("outputs"))) {
      if (map(o).get("file") instanceof String name) produced.add(name);
    }
    produced.add(FolderCheck.MANIFEST);
    if (Files.isRegularFile(folder.resolve(TIMING))) produced.add(TIMING);
    for (String name : produced) {
      if (!Files.isRegularFile(folder.resolve(name)) || name.equals(FILE)) continue;
      Map<String, Object> f = file(folder, name);
      f.put("name", name);
      graph.add(f);
      files.add(ref(pathId(name)));
      results.add(ref(pathId(name)));
    }

    List<Object> parameters = parameters(manifest, graph);
    inputs.addAll(parameters);

    Map<String, Object> software = entity(SOFTWARE, "SoftwareApplication");
    software.put("name", text(tool.get("name"), "hedgesim"));
    software.put("version", text(tool.get("version"), "unknown"));
    Map<String, Object> git = map(tool.get("git"));
    String identifier = "hedgesim " + text(tool.get("version"), "unknown");
    if (git.get("commit") instanceof String commit) {
      identifier += ", git commit " + commit + (Boolean.TRUE.equals(git.get("dirty")) ? " (with uncommitted changes)" : "");
    }
    software.put("identifier", identifier);
    software.put("license", ref(LICENSE));
    graph.add(software);

    List<String> args = new ArrayList<>();
    for (Object a : list(timing.get("command_line"))) args.add(String.valueOf(a));
    Map<String, Object> action = entity(ACTION, "CreateAction");
    action.put("name", "hedgesim " + command);
    action.put("description", args.isEmpty()
        ? "started from code (not from the command line), as hedgesim " + command
        : "command line: hedgesim " + String.join(" ", args.stream().map(RoCrate::quoted).toList()));
    action.put("instrument", ref(SOFTWARE));
    if (!args.isEmpty()) {
      Map<String, Object> line = entity(COMMAND_LINE, "PropertyValue");
      line.put("name", "command line");
      line.put("value", args);
      line.put("description", "the arguments given to hedgesim, in order");
      graph.add(line);
      inputs.add(0, ref(COMMAND_LINE));
    }
    action.put("object", inputs);
    action.put("result", results);
    if (timing.get("started") instanceof String started) action.put("startTime", started);
    if (timing.get("finished") instanceof String finished) action.put("endTime", finished);
    action.put("actionStatus", ref("http://schema.org/CompletedActionStatus"));
    graph.add(2, action); // after the descriptor and the root, where readers look first

    Map<String, Object> spec = entity(SPEC, "CreativeWork");
    spec.put("name", "RO-Crate");
    spec.put("version", "1.1");
    graph.add(spec);
    Map<String, Object> profile = entity(PROCESS_RUN, "CreativeWork");
    profile.put("name", "Process Run Crate");
    profile.put("version", "0.5");
    graph.add(profile);
    Map<String, Object> license = entity(LICENSE, "CreativeWork");
    license.put("name", "Apache License 2.0");
    license.put("identifier", "Apache-2.0");
    graph.add(license);

    Map<String, Object> crate = new LinkedHashMap<>();
    // sha256 is a schema.org term newer than the RO-Crate 1.1 context, so the context defines it
    crate.put("@context", List.of(CONTEXT, Map.of("sha256", "https://schema.org/sha256")));
    crate.put("@graph", graph);
    return crate;
  }

  /**
   * Every value of the scenario (or of each scenario compared) as a PropertyValue: the path as name,
   * the value, the source as description; added to {@code graph}, returned as references.
   */
  private static List<Object> parameters(Map<String, Object> manifest, List<Object> graph) {
    List<Object> refs = new ArrayList<>();
    List<Map<String, Object>> sets = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (manifest.get("parameters") instanceof List<?>) {
      sets.add(manifest);
      labels.add("");
    }
    for (Object o : list(manifest.get("scenarios"))) {
      Map<String, Object> s = map(o);
      if (s.get("parameters") instanceof List<?>) {
        sets.add(s);
        labels.add(text(s.get("label"), "scenario " + (labels.size() + 1)) + ": ");
      }
    }
    int n = 0;
    for (int i = 0; i < sets.size(); i++) {
      for (Object o : list(sets.get(i).get("parameters"))) {
        Map<String, Object> p = map(o);
        if (!(p.get("path") instanceof String path)) continue;
        Map<String, Object> e = entity("#parameter-" + (++n), "PropertyValue");
        e.put("name", labels.get(i) + path);
        e.put("value", p.get("value") == null ? "" : p.get("value"));
        String source = text(p.get("source"), "");
        String at = text(p.get("written_at"), "");
        e.put("description", source.isEmpty() ? "written at " + at : source + (at.isEmpty() ? "" : " (written at " + at + ")"));
        graph.add(e);
        refs.add(ref((String) e.get("@id")));
      }
    }
    return refs;
  }

  private static String title(Map<String, Object> manifest, String command) {
    for (String key : List.of(command, "scenario", "sweep", "robust", "calibration")) {
      if (map(manifest.get(key)).get("name") instanceof String name && !name.isBlank()) return name;
    }
    List<String> labels = new ArrayList<>();
    for (Object o : list(manifest.get("scenarios"))) labels.add(text(map(o).get("label"), "?"));
    return labels.isEmpty() ? text(map(manifest.get(command)).get("id"), "results") : String.join(" vs ", labels);
  }

  private static String description(Map<String, Object> manifest, String command) {
    for (String key : List.of(command, "scenario", "sweep", "robust", "calibration")) {
      if (map(manifest.get(key)).get("description") instanceof String d && !d.isBlank()) return d.strip();
    }
    return "Results of hedgesim " + command + "; manifest.json holds the full provenance.";
  }

  /** A File entity for a file of the folder: size, SHA-256, media type. */
  private static Map<String, Object> file(Path folder, String name) throws IOException {
    Path p = folder.resolve(name);
    Map<String, Object> f = entity(pathId(name), "File");
    f.put("contentSize", Long.toString(Files.size(p)));
    f.put("sha256", Hashes.sha256(p));
    f.put("encodingFormat", mediaType(name));
    return f;
  }

  /** The media type of a file by its extension. */
  static String mediaType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) return "text/csv";
    if (n.endsWith(".json")) return "application/json";
    if (n.endsWith(".yaml") || n.endsWith(".yml")) return "application/yaml";
    if (n.endsWith(".svg")) return "image/svg+xml";
    if (n.endsWith(".html")) return "text/html";
    if (n.endsWith(".png")) return "image/png";
    if (n.endsWith(".txt") || n.endsWith(".md")) return "text/plain";
    return "application/octet-stream";
  }

  /** The {@code @id} of a file of the folder: its relative path, percent-encoded where a URI needs it. */
  static String pathId(String name) {
    try {
      return new java.net.URI(null, null, name, null).toASCIIString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(name + " cannot be written as a relative URI", e);
    }
  }

  /** An argument as a shell would need it typed: quoted when it holds a space or a quote. */
  private static String quoted(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=@%+,-]+")) return arg;
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private static Map<String, Object> entity(String id, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@id", id);
    m.put("@type", type);
    return m;
  }

  private static Map<String, Object> ref(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@id", id);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String text(Object o, String otherwise) {
    return o == null ? otherwise : String.valueOf(o);
  }
}
