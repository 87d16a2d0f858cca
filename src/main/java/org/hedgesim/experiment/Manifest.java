package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hedgesim.output.FolderCheck;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.JsonFile;
import org.hedgesim.output.RoCrate;
import org.hedgesim.output.WriteFailure;
import org.hedgesim.scenario.Inheritance;
import org.hedgesim.scenario.Provenance;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.SourcedValue;
import org.hedgesim.scenario.YNode;

/**
 * The manifest of a result, written by this one class for every command so that every manifest.json
 * opens with one core: {@code hedgesim} (name, version, the git commit and dirty flag of the
 * installation when it is a git checkout, the command, and its command line as typed after
 * {@code hedgesim}), {@code inputs} (the files read, each with size and SHA-256 and copied into the
 * folder's {@code inputs/}), {@code seeds} (the master seed and how every run's seed derives from it),
 * {@code outputs} (the files written, with size and SHA-256) and {@code timing} (started, finished,
 * threads). The command's own sections follow (under its name: {@code run}, {@code compare},
 * {@code robust}, ...), then the scenario, every value with its source, and the resolved scenario.
 * {@link #write} writes the manifest, then the folder's RO-Crate from it ({@link RoCrate}).
 *
 * <p>Everything but {@code timing}, {@code hedgesim.command_line} and {@code machine} is reproducible.
 * The results that are resumed, sharded and merged (a sweep, a calibration) promise more: their
 * manifest is byte-identical however they were run, so it is made {@link #reproducible}: the
 * command line and the timing go to timing.json beside it, and {@code timing} says so.
 */
public final class Manifest {
  /** The folder of a result that holds copies of its input files. */
  public static final String INPUTS = "inputs";
  /** Where a reproducible manifest's timing and command line are. */
  public static final String TIMING_FILE = "timing.json";
  /** The core sections, in the order they open the manifest. */
  private static final List<String> CORE = List.of("hedgesim", "inputs", "seeds", "outputs", "timing");

  private final Map<String, Object> root = new LinkedHashMap<>();

  /**
   * A manifest for {@code command} (run, compare, robust, ...), started with {@code commandLine}
   * (the arguments after {@code hedgesim}; empty when started from code, as by a test or the GUI).
   */
  public Manifest(String command, List<String> commandLine) {
    root.put("hedgesim", tool(command, commandLine));
    root.put("inputs", new ArrayList<Object>());
  }

  private Manifest(String command) {
    root.put("hedgesim", tool(command, null));
    root.put("inputs", new ArrayList<Object>());
  }

  /**
   * A manifest that holds nothing that depends on the clock, the threads or the command line (which
   * go to timing.json): for results that must be byte-identical however they were run.
   */
  public static Manifest reproducible(String command) {
    return new Manifest(command);
  }

  private static Map<String, Object> tool(String command, List<String> commandLine) {
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "hedgesim");
    tool.put("version", Version.get());
    GitCheckout.installation().ifPresent(g -> {
      Map<String, Object> git = new LinkedHashMap<>();
      git.put("commit", g.commit());
      git.put("dirty", g.dirty());
      tool.put("git", git);
    });
    tool.put("command", command);
    if (commandLine != null) tool.put("command_line", List.copyOf(commandLine));
    return tool;
  }

  /**
   * Lists the input files (as the user or the files named them, and where they are on disk), each
   * with its size and SHA-256, and copies each into {@code folder/inputs/} under its own name (with
   * its place in the list before it when two share a name), so that the folder carries what it was
   * made from. A file that is not there (the built-in defaults) is left out.
   */
  @SuppressWarnings("unchecked")
  public Manifest inputs(Path folder, List<Path> files, List<String> shown) throws IOException {
    List<Object> inputs = (List<Object>) root.get("inputs");
    TreeSet<String> taken = new TreeSet<>();
    for (Object o : inputs) {
      if (o instanceof Map<?, ?> m && m.get("copy") instanceof String c) taken.add(c);
    }
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      if (!Files.isRegularFile(file)) continue;
      String base = file.getFileName().toString();
      String copy = INPUTS + "/" + base;
      if (taken.contains(copy)) copy = INPUTS + "/" + (inputs.size() + 1) + "-" + base;
      taken.add(copy);
      Path to = folder.resolve(copy);
      try {
        Files.createDirectories(to.getParent());
        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new WriteFailure(copy, e);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", i < shown.size() ? shown.get(i) : file.toString());
      m.put("copy", copy);
      m.put("bytes", Files.size(to));
      m.put("sha256", Hashes.sha256(to));
      inputs.add(m);
    }
    return this;
  }

  /** The master seed and how each run's seed is derived from it. */
  public Manifest seeds(long master, String derivation) {
    Map<String, Object> seeds = new LinkedHashMap<>();
    seeds.put("master", master);
    seeds.put("derivation", derivation);
    root.put("seeds", seeds);
    return this;
  }

  /** Describes the scenario: files with hashes, the resolved document, every value with its source. */
  public Manifest scenario(Scenario s, List<Path> files) throws IOException {
    root.putAll(describe(s, files));
    return this;
  }

  /**
   * The description of one scenario as {@link #scenario} writes it: {@code scenario} (name, files
   * with SHA-256, dates), {@code parameters} (every value with its source) and
   * {@code resolved_scenario}; for results that cover several scenarios.
   */
  public static Map<String, Object> describe(Scenario s, List<Path> files) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> sc = new LinkedHashMap<>();
    sc.put("name", s.name());
    sc.put("description", s.description());
    List<Object> fileList = new ArrayList<>();
    for (int i = 0; i < s.files().size(); i++) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", s.files().get(i));
      if (i < files.size() && Files.isRegularFile(files.get(i))) f.put("sha256", Hashes.sha256(files.get(i)));
      fileList.add(f);
    }
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("path", Inheritance.DEFAULTS_NAME);
    fileList.add(defaults);
    sc.put("files", fileList);
    sc.put("start", s.start().toString());
    sc.put("end", s.end().toString());
    sc.put("step", s.step().name().toLowerCase(java.util.Locale.ROOT));
    sc.put("steps", s.steps());
    out.put("scenario", sc);
    List<Object> values = new ArrayList<>();
    for (SourcedValue v : s.provenance()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", v.path());
      m.put("value", number(v.value()));
      m.put("source", v.source());
      m.put("written_at", v.origin().toString());
      values.add(m);
    }
    out.put("parameters", values);
    out.put("resolved_scenario", toJson(s.resolved()));
    return out;
  }

  /** When the work started and finished, and on how many threads (not reproducible). */
  public Manifest timing(Instant started, Instant finished, int threads) {
    root.put("timing", timingSection(started, finished, threads));
    return this;
  }

  /** The core's {@code timing} of a {@link #reproducible} manifest: a pointer to timing.json. */
  public Manifest timingElsewhere() {
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("file", TIMING_FILE);
    timing.put("why", "this manifest is the same however the work was run, resumed or split; when it ran, on how"
        + " many threads and from which command line are in " + TIMING_FILE);
    root.put("timing", timing);
    return this;
  }

  private static Map<String, Object> timingSection(Instant started, Instant finished, int threads) {
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("started", started.toString());
    timing.put("finished", finished.toString());
    timing.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
    timing.put("threads", threads);
    return timing;
  }

  /**
   * The timing of a {@link #reproducible} manifest's work, as timing.json holds it: started,
   * finished, seconds, threads and the command line.
   */
  public static Map<String, Object> timingFile(Instant started, Instant finished, int threads,
      List<String> commandLine) {
    Map<String, Object> timing = timingSection(started, finished, threads);
    timing.put("command_line", List.copyOf(commandLine));
    return timing;
  }

  /** The Java version, operating system and cores of the machine (not reproducible). */
  public Manifest machine() {
    root.put("machine", machineSection());
    return this;
  }

  /** The {@code machine} section: Java version, operating system, cores. */
  public static Map<String, Object> machineSection() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    return machine;
  }

  public Manifest put(String key, Object value) {
    root.put(key, value);
    return this;
  }

  /** Lists output files with size and SHA-256. */
  public Manifest outputs(Path folder, List<String> names) throws IOException {
    root.put("outputs", describeOutputs(folder, names));
    return this;
  }

  /** The {@code outputs} section: each file with its size and SHA-256. */
  public static List<Object> describeOutputs(Path folder, List<String> names) throws IOException {
    List<Object> out = new ArrayList<>();
    for (String n : names) {
      Path p = folder.resolve(n);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", n);
      m.put("bytes", Files.size(p));
      m.put("sha256", Hashes.sha256(p));
      out.add(m);
    }
    return out;
  }

  /** The manifest, the core first in its order, then the command's own sections. */
  public Map<String, Object> tree() {
    return ordered(root);
  }

  /**
   * A manifest's keys put in order: the core first, then the command's own section (the key named
   * by {@code hedgesim.command}, when there is one), then the rest as they came.
   */
  public static Map<String, Object> ordered(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : CORE) {
      if (tree.containsKey(k)) out.put(k, tree.get(k));
    }
    if (tree.get("hedgesim") instanceof Map<?, ?> tool && tool.get("command") instanceof String command
        && tree.containsKey(command)) {
      out.put(command, tree.get(command));
    }
    tree.forEach(out::putIfAbsent);
    return out;
  }

  /**
   * Writes manifest.json into {@code folder}, then ro-crate-metadata.json from it; call it once every
   * output (and the timing.json of a reproducible manifest) is written, since the crate hashes them.
   */
  public void write(Path folder) throws IOException {
    write(folder, tree());
  }

  /** {@link #write(Path)} for a manifest already made into a tree (a sweep's, from its shards). */
  public static void write(Path folder, Map<String, Object> tree) throws IOException {
    JsonFile.write(folder.resolve(FolderCheck.MANIFEST), ordered(tree));
    RoCrate.write(folder);
  }

  /** A number as written: whole numbers stay exact (as long), others become doubles. */
  static Object number(String text) {
    if (!Provenance.isNumber(text)) return text;
    String t = text.strip();
    if (t.matches("[-+]?\\d{1,18}")) return Long.valueOf(t);
    return Double.valueOf(t);
  }

  static Object toJson(YNode n) {
    if (n instanceof YNode.YScalar s) {
      if (s.isNull()) return null;
      if (s.plain() && Provenance.isNumber(s.text())) return number(s.text());
      if (s.plain() && (s.text().equals("true") || s.text().equals("false"))) return Boolean.valueOf(s.text());
      return s.text();
    }
    if (n instanceof YNode.YList l) {
      List<Object> out = new ArrayList<>();
      for (YNode i : l.items()) out.add(toJson(i));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, YNode.YMap.Entry> e : ((YNode.YMap) n).entries().entrySet()) {
      out.put(e.getKey(), toJson(e.getValue().value()));
    }
    return out;
  }
}
