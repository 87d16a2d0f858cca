package org.hedgesim.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The boxes that {@code hedgesim discover} found in a sweep folder ({@code discover/NAME/boxes.csv},
 * one row per restricted dimension of each box), as one table per discover run in the sweep
 * report. The table shows the columns the file has, the known ones ({@link #FIRST}) first, so a
 * later version of discover that adds statistics still reads; a file that cannot be read is named
 * with the reason and the report goes on.
 */
final class DiscoveredBoxes {
  static final String FOLDER = "discover";
  static final String FILE = "boxes.csv";
  /** The columns shown first, in this order, when the file has them. */
  static final List<String> FIRST = List.of("box", "dimension", "lower", "upper", "levels", "qp_value");

  private DiscoveredBoxes() {}

  /** The discover runs with a boxes.csv, in name order (none: the folder has no discover/). */
  static List<Path> runs(Path folder) throws IOException {
    Path root = folder.resolve(FOLDER);
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(FILE))).sorted().toList();
    }
  }

  static void write(Path folder, Html h) throws IOException {
    List<Path> runs = runs(folder);
    if (runs.isEmpty()) return;
    h.el("h3", "Scenario discovery: PRIM boxes");
    h.el("p", "Boxes that hedgesim discover found in this sweep (discover/NAME/boxes.csv, written after the sweep and"
        + " not covered by its manifest). Each row restricts one dimension of a box: runs inside every limit of a box"
        + " are where the case of interest concentrates. lower and upper bound a number; levels lists the levels of a"
        + " categorical parameter the box keeps; qp_value is the quasi-p-value of the restriction (a binomial test:"
        + " how likely the box's density would be without it; small is better).", "class", "note");
    for (Path run : runs) {
      Path file = run.resolve(FILE);
      String name = FOLDER + "/" + run.getFileName() + "/" + FILE;
      List<Map<String, String>> rows;
      try {
        rows = ResultFiles.rows(file);
      } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
        h.el("p", name + ": not read (" + e.getMessage() + ").", "class", "note");
        continue;
      }
      h.el("p", name + ":");
      if (rows.isEmpty()) {
        h.el("p", "no box.", "class", "note");
        continue;
      }
      List<String> columns = new ArrayList<>();
      for (String c : FIRST) if (rows.get(0).containsKey(c)) columns.add(c);
      for (String c : rows.get(0).keySet()) if (!columns.contains(c)) columns.add(c);
      h.open("table", "class", "data").open("thead").open("tr");
      columns.forEach(c -> h.el("th", c));
      h.close("tr").close("thead").open("tbody").nl();
      for (Map<String, String> r : rows) {
        h.open("tr");
        for (String c : columns) {
          String v = r.getOrDefault(c, "");
          h.el("td", v, "class", SweepFactors.isNumber(v) ? "num" : null);
        }
        h.close("tr").nl();
      }
      h.close("tbody").close("table");
    }
  }
}
