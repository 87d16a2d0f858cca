package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.Hashes;
import org.hedgesim.scenario.Inheritance;
import org.hedgesim.scenario.Provenance;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.SourcedValue;
import org.hedgesim.scenario.YNode;

/**
 * The manifest of a result: what produced it (hedgesim version, scenario files and their SHA-256,
 * the resolved scenario), with which seeds, every value with its source, the output files with
 * their hashes, and when. Everything but the timing and machine sections is reproducible.
 */
public final class Manifest {
  private final Map<String, Object> root = new LinkedHashMap<>();

  public Manifest(String command) {
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "hedgesim");
    tool.put("version", Version.get());
    tool.put("command", command);
    root.put("hedgesim", tool);
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
  public Manifest timing(java.time.Instant started, java.time.Instant finished, int threads) {
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("started", started.toString());
    timing.put("finished", finished.toString());
    timing.put("seconds", java.time.Duration.between(started, finished).toMillis() / 1000.0);
    timing.put("threads", threads);
    root.put("timing", timing);
    return this;
  }

  /** The Java version, operating system and cores of the machine (not reproducible). */
  public Manifest machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("machine", machine);
    return this;
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

  public Map<String, Object> tree() {
    return root;
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
