package org.hedgesim.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.JsonFile;

/**
 * A calibration's results folder written by hand for tests: posterior.csv with the given particles
 * (all in one generation unless the rows say otherwise) and the manifest.json sections that
 * {@link PosteriorDraws} reads, as {@code hedgesim calibrate} writes them.
 */
public final class PosteriorFolder {
  private PosteriorFolder() {}

  /** A small scenario of the shipped two-powers world, three years by quarter, in {@code dir}. */
  public static Path smallScenario(Path dir) throws IOException {
    Path f = dir.resolve("small.yaml");
    Files.writeString(f, "scenario: small\nextends: " + Path.of("scenarios/two-powers.yaml").toAbsolutePath()
        + "\nstart: 2025-01\nend: 2027-12\nstep: quarter\n");
    return f;
  }

  /**
   * Writes the folder.
   *
   * @param paths each free parameter's path (also its column name)
   * @param rows each particle: generation, particle, weight, distance, then the values
   */
  public static Path write(Path folder, Path base, String method, List<String> paths, List<List<Object>> rows)
      throws IOException {
    Files.createDirectories(folder);
    List<String> header = new ArrayList<>(List.of("generation", "particle", "weight", "distance"));
    header.addAll(paths);
    try (CsvTable t = CsvTable.create(folder.resolve("posterior.csv"), header)) {
      for (List<Object> r : rows) t.row(r.toArray());
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("hedgesim", Map.of("name", "hedgesim", "command", "calibrate"));
    List<Object> params = new ArrayList<>();
    for (String p : paths) params.add(Map.of("name", p, "path", p));
    Map<String, Object> cal = new LinkedHashMap<>();
    cal.put("name", "hand-made");
    cal.put("parameters", params);
    root.put("calibration", cal);
    root.put("method", Map.of("method", method));
    root.put("scenario", Map.of("name", "small", "files", List.of(Map.of("path", base.toString(),
        "sha256", Hashes.sha256(base)))));
    root.put("outputs", List.of(Map.of("file", "posterior.csv", "sha256", Hashes.sha256(folder.resolve("posterior.csv")))));
    JsonFile.write(folder.resolve("manifest.json"), root);
    return folder;
  }
}
