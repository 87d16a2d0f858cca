package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of docs/ANALYSIS.md, "Reading results in R and pandas", run as written on a fresh
 * run: the seeds they print are the file's, digit for digit, and their yearly means are the
 * file's. Each is skipped, saying why, where its interpreter is not installed.
 */
class ReadingResultsTest {
  private static final String PLACEHOLDER = "results/two-powers/RUN-ID";

  @TempDir
  static Path dir;

  static Path folder;
  /** the distinct seeds of timeseries.csv, as written */
  static Set<String> seeds = new LinkedHashSet<>();
  /** the mean of S's alignment toward each pole per year, from timeseries.csv */
  static Map<String, Double> yearly = new TreeMap<>();

  @BeforeAll
  static void run() throws IOException {
    folder = dir.resolve("two-powers run");
    Cli c = Cli.run("run", Fixtures.scenarioFile("two-powers.yaml").toString(), "-r", "2", "--out", folder.toString());
    assertEquals(0, c.exit(), c.err());
    Map<String, double[]> sums = new TreeMap<>();
    List<String> lines = Files.readAllLines(folder.resolve("timeseries.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cell = line.split(",", -1);
      seeds.add(cell[2]);
      if (cell[5].equals("alignment") && cell[6].equals("S")) {
        double[] s = sums.computeIfAbsent(cell[7] + " " + cell[4].substring(0, 4), k -> new double[2]);
        s[0] += Double.parseDouble(cell[8]);
        s[1]++;
      }
    }
    sums.forEach((k, s) -> yearly.put(k, s[0] / s[1]));
    assertTrue(seeds.size() == 2 && yearly.size() >= 20, seeds + " " + yearly.keySet());
  }

  /** The first fenced block of a language after the section's heading, with the folder filled in. */
  private static String snippet(String language) throws IOException {
    List<String> doc = Files.readAllLines(Fixtures.repo().resolve("docs/ANALYSIS.md"));
    int i = doc.indexOf("## Reading results in R and pandas");
    assertTrue(i >= 0, "the section is in docs/ANALYSIS.md");
    while (!doc.get(i).equals("```" + language)) i++;
    StringBuilder out = new StringBuilder();
    for (i++; !doc.get(i).equals("```"); i++) out.append(doc.get(i)).append('\n');
    String code = out.toString();
    assertTrue(code.contains(PLACEHOLDER), language + " snippet names its folder");
    return code.replace(PLACEHOLDER, folder.toString());
  }

  private static String runWith(List<String> command, String code) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().write(code.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Skips the test; SkipReasons prints the reason on the console. */
  private static void skip(String why) {
    Assumptions.assumeTrue(false, why);
  }

  /** Checks the printed seeds and the (target, year, value) rows against the file. */
  private static void check(String out, List<String[]> rows, double tolerance) {
    String seedLine = out.lines().filter(l -> l.startsWith("seeds:")).findFirst().orElseThrow(() -> new AssertionError(out));
    assertEquals(seeds, new LinkedHashSet<>(List.of(seedLine.substring("seeds:".length()).trim().split("\\s+"))),
        "the seeds, digit for digit");
    assertEquals(yearly.size(), rows.size(), out);
    for (String[] r : rows) {
      Double want = yearly.get(r[0] + " " + r[1]);
      assertTrue(want != null, "a pole and a year of the file: " + String.join(" ", r));
      assertEquals(want, Double.parseDouble(r[2]), tolerance, String.join(" ", r));
    }
  }

  @Test
  void pandasSnippet_readsTheSeedsExactly_andTheYearlyMeans() throws Exception {
    String python = null;
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      if (works(candidate, "-c", "import pandas")) {
        python = candidate;
        break;
      }
    }
    if (python == null) skip("no python3 with pandas (Debian: apt-get install python3-pandas)");
    String out = runWith(List.of(python, "-"), snippet("python"));
    List<String[]> rows = new ArrayList<>();
    String target = null;
    for (String line : out.lines().toList()) {
      String[] t = line.trim().split("\\s+");
      if (t.length < 2 || !t[t.length - 2].matches("\\d{4}") || !t[t.length - 1].matches("-?\\d+(\\.\\d+)?")) continue;
      if (t.length == 3) target = t[0];
      rows.add(new String[] {target, t[t.length - 2], t[t.length - 1]});
    }
    check(out, rows, 0.0005 + 1e-12);
  }

  @Test
  void rSnippet_readsTheSeedsExactly_andTheYearlyMeans() throws Exception {
    if (!works("Rscript", "--version")) skip("no Rscript (Debian: apt-get install r-base-core)");
    String out = runWith(List.of("Rscript", "-"), snippet("r"));
    List<String[]> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      String[] t = line.trim().split("\\s+");
      if (t.length == 4 && t[0].matches("\\d+") && t[2].matches("\\d{4}")) rows.add(new String[] {t[1], t[2], t[3]});
    }
    check(out, rows, 1e-6);
  }
}
