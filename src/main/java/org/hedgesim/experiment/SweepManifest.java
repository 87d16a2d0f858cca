package org.hedgesim.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.JsonFile;

/**
 * The manifest of a sweep: the core every manifest opens with ({@link Manifest#reproducible}: no
 * command line, and {@code timing} pointing to timing.json), the same sections as a run's (the
 * scenario files with their SHA-256, every value of the base scenario with its source, the resolved scenario), plus the
 * sweep itself (its file and hash, seeds and how they are derived, the design, every parameter with
 * its values and source, the outcomes, the fingerprint), a shard's place, and the output files with
 * their hashes. It holds nothing that depends on the machine, the threads or the clock (those go to
 * timing.json, as does the command line), so a sweep's manifest is the same however it was run,
 * resumed or sharded.
 */
final class SweepManifest {

  private SweepManifest() {}

  /**
   * The sections every shard of a sweep shares, as they read back from JSON; the input files are
   * copied into {@code folder/inputs/} on the way.
   */
  static Map<String, Object> common(Sweep s, Fingerprint fp, ParameterDraws draws, Path folder) throws IOException {
    Manifest m = Manifest.reproducible("sweep");
    List<Path> inputs = new ArrayList<>(List.of(s.path()));
    inputs.addAll(s.base().paths());
    List<String> shown = new ArrayList<>(List.of(s.file()));
    shown.addAll(s.base().files());
    m.inputs(folder, inputs, shown);
    m.seeds(s.seed(), seedDerivation(s));
    m.timingElsewhere();
    m.put("sweep", sweepSection(s, fp));
    if (draws != null) m.put(ScenarioRun.POSTERIOR, draws.manifest(s.replications()));
    m.scenario(s.baseScenario(), s.base().paths());
    Map<String, Object> tree = roundTrip(m.tree());
    Path typed = Path.of(s.file()).getParent();
    return typed == null ? tree : relativeTo(typed.toString() + java.io.File.separator, tree);
  }

  /** The keys of a manifest whose values name files (with {@code :line:col} for written_at). */
  private static final java.util.Set<String> FILE_KEYS = java.util.Set.of("file", "scenario", "path", "written_at");

  /**
   * The manifest with every file it names written relative to the sweep file's folder, so that it is
   * the same however the sweep file's path was typed (relative or absolute, from any folder).
   */
  @SuppressWarnings("unchecked")
  private static <T> T relativeTo(String prefix, T node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = e.getValue();
        if (FILE_KEYS.contains(e.getKey()) && v instanceof String text && text.startsWith(prefix)) {
          out.put((String) e.getKey(), text.substring(prefix.length()));
        } else {
          out.put((String) e.getKey(), relativeTo(prefix, v));
        }
      }
      return (T) out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) out.add(relativeTo(prefix, o));
      return (T) out;
    }
    return node;
  }

  private static String seedDerivation(Sweep s) {
    return s.commonRandomNumbers()
        ? "seed(point, r) = Seeds.derive(seed, 0, r): common random numbers, replication r of every point shares a seed"
        : "seed(point, r) = Seeds.derive(seed, point, r), SplitMix64-based (docs/SWEEPS.md)";
  }

  private static Map<String, Object> sweepSection(Sweep s, Fingerprint fp) {
    Map<String, Object> sw = new LinkedHashMap<>();
    sw.put("name", s.name());
    sw.put("description", s.description());
    sw.put("file", s.file());
    sw.put("sha256", fp.sweep());
    sw.put("scenario", s.base().files().get(0));
    sw.put("seed", s.seed());
    sw.put("seed_derivation", seedDerivation(s));
    sw.put("replications", s.replications());
    sw.put("common_random_numbers", s.commonRandomNumbers());
    Map<String, Object> design = new LinkedHashMap<>(s.design().describe());
    design.put("size", s.pointCount());
    if (s.design().sampled()) {
      design.put("sampling_seed", s.samplingSeed());
      design.put("sampling_generator", "Commons Math MersenneTwister(sampling_seed); sampling_seed = design.seed,"
          + " or Seeds.derive(seed, -1, 0) when the sweep gives none");
    }
    sw.put("design", design);
    List<Object> parameters = new ArrayList<>();
    for (SweepParameter p : s.parameters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("path", p.path().text());
      m.putAll(p.domain().describe());
      m.put("source", p.source());
      m.put("written_at", p.origin().toString());
      parameters.add(m);
    }
    sw.put("parameters", parameters);
    List<Object> outcomes = new ArrayList<>();
    for (OutcomeSpec o : s.outcomes()) outcomes.add(o.describe());
    sw.put("outcomes", outcomes);
    sw.put("runs", s.runs());
    sw.put("fingerprint", fp.describe());
    return sw;
  }

  /**
   * Writes manifest.json: the common sections, the shard (for a shard), and the outputs.
   *
   * @param shard the shard's place, or null for a whole sweep
   */
  static void write(Path folder, Map<String, Object> common, Map<String, Object> shard,
      List<String> outputs) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>(common);
    root.remove("shard");
    root.remove("outputs");
    if (shard != null) root.put("shard", shard);
    root.put("outputs", Manifest.describeOutputs(folder, outputs));
    Manifest.write(folder, root);
  }

  static Map<String, Object> shardSection(Shard shard, long from, long to) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", shard.index());
    m.put("count", shard.count());
    m.put("runs_from", from);
    m.put("runs_to", to);
    return m;
  }

  static Map<String, Object> read(Path manifest) throws IOException {
    return JsonFile.mapper().readValue(manifest.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static Map<String, Object> roundTrip(Map<String, Object> tree) throws IOException {
    byte[] json = JsonFile.mapper().writeValueAsBytes(tree);
    return JsonFile.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** Whether every output a manifest lists is on disk with the size and hash it names. */
  @SuppressWarnings("unchecked")
  static boolean outputsIntact(Path folder, Map<String, Object> manifest) {
    if (!(manifest.get("outputs") instanceof List<?> list)) return false;
    try {
      for (Object o : list) {
        Map<String, Object> m = (Map<String, Object>) o;
        Path p = folder.resolve((String) m.get("file"));
        if (!Files.isRegularFile(p) || Files.size(p) != ((Number) m.get("bytes")).longValue()
            || !Hashes.sha256(p).equals(m.get("sha256"))) {
          return false;
        }
      }
      return true;
    } catch (IOException | ClassCastException e) {
      return false;
    }
  }

  /**
   * Which section of a manifest its fingerprint does not agree with, or null when all do: the
   * fingerprint's own SHA-256 ({@code sweep.fingerprint.sha256}), the version ({@code hedgesim.version}),
   * the sweep file's hash ({@code sweep.sha256}), the scenario files' hashes ({@code scenario.files})
   * and the time series ({@code outputs}). Only an edited manifest can disagree with itself.
   */
  static String disagreement(Map<String, Object> manifest) {
    Fingerprint fp = fingerprintOf(manifest);
    Map<?, ?> sweep = (Map<?, ?>) manifest.get("sweep");
    Map<?, ?> fpSection = (Map<?, ?>) sweep.get("fingerprint");
    if (!fp.sha256().equals(fpSection.get("sha256"))) return "sweep.fingerprint.sha256";
    if (!(manifest.get("hedgesim") instanceof Map<?, ?> tool) || !fp.version().equals(tool.get("version"))) {
      return "hedgesim.version";
    }
    if (!fp.sweep().equals(sweep.get("sha256"))) return "sweep.sha256";
    List<Object> scenarios = new ArrayList<>();
    if (manifest.get("scenario") instanceof Map<?, ?> sc && sc.get("files") instanceof List<?> files) {
      for (Object f : files) {
        if (f instanceof Map<?, ?> fm && fm.get("sha256") != null) scenarios.add(fm.get("sha256"));
      }
    }
    if (!fp.scenarios().equals(scenarios)) return "scenario.files";
    boolean series = manifest.get("outputs") instanceof List<?> outs
        && outs.stream().anyMatch(o -> o instanceof Map<?, ?> om && SweepRun.SERIES.equals(om.get("file")));
    if (fp.timeseries() != series) return "outputs";
    Object drawn = manifest.get(ScenarioRun.POSTERIOR) instanceof Map<?, ?> pm ? pm.get("posterior_sha256") : null;
    if (!fp.posterior().equals(drawn == null ? "" : drawn)) return ScenarioRun.POSTERIOR;
    return null;
  }

  /**
   * A whole number of a manifest, {@code section.key}.
   *
   * @throws SweepException naming the file and the key when it is missing or not a whole number
   */
  static long whole(Map<String, Object> manifest, Path file, String section, String key) throws SweepException {
    if (manifest.get(section) instanceof Map<?, ?> m && m.get(key) instanceof Number n
        && (n instanceof Integer || n instanceof Long)) {
      return n.longValue();
    }
    throw new SweepException(file + ": key " + section + "." + key + " is missing or not a whole number");
  }

  /** The fingerprint tokens a manifest names, or null. */
  @SuppressWarnings("unchecked")
  static Fingerprint fingerprintOf(Map<String, Object> manifest) {
    if (manifest.get("sweep") instanceof Map<?, ?> sw
        && ((Map<String, Object>) sw).get("fingerprint") instanceof Map<?, ?> fp
        && fp.get("tokens") instanceof String tokens) {
      return Fingerprint.parse(tokens);
    }
    return null;
  }
}
