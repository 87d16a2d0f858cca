package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.Provenance;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.YNode;
import org.hedgesim.scenario.YamlReader;
import org.junit.jupiter.api.Test;

/** The sweeps in scenarios/sweeps/ load, and every number in them cites its evidence. */
class ShippedSweepsTest {

  static List<Path> shipped() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.repo().resolve("scenarios/sweeps"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void shippedSweeps_loadWithoutProblems() throws IOException, ScenarioException {
    List<Path> files = shipped();
    assertTrue(files.size() >= 2, files.toString());
    for (Path f : files) {
      Sweep s = SweepLoader.load(f, f.toString());
      assertTrue(s.runs() > 0 && s.runs() <= 2000, f + ": small enough to run in a minute: " + s.runs());
      assertTrue(s.replications() > 1, "replications give probabilities and intervals");
    }
  }

  /** The shipped sweeps and the benchmark's workloads (scenarios/bench), which cite sources too. */
  static List<Path> withBenchmarks() throws IOException {
    List<Path> all = new ArrayList<>(shipped());
    try (Stream<Path> s = Files.list(Fixtures.repo().resolve("scenarios/bench"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(all::add);
    }
    return all;
  }

  @Test
  void everyNumberInAShippedSweepHasASourceThatNamesItsKind() throws IOException, ScenarioException {
    List<String> bad = new ArrayList<>();
    int checked = 0;
    for (Path f : withBenchmarks()) {
      List<YNode.YScalar> numbers = new ArrayList<>();
      collect(YamlReader.read(f, f.getFileName().toString()), "", numbers);
      for (YNode.YScalar n : numbers) {
        checked++;
        String src = n.source();
        boolean ok = src != null && (src.startsWith("assumption") || src.startsWith("FACTS.md")
            || src.startsWith("000_0163d4d205f69416.txt") || src.startsWith("003_92e0250be2161344.txt"));
        if (!ok) bad.add(n.origin() + ": " + n.text() + " (source: " + src + ")");
      }
    }
    assertTrue(checked > 10, "numbers checked: " + checked);
    assertTrue(bad.isEmpty(), "numbers without a proper source:\n" + String.join("\n", bad));
  }

  /** Every number of a sweep file except the seeds, which are run settings, not evidence. */
  private static void collect(YNode node, String key, List<YNode.YScalar> out) {
    if (node instanceof YNode.YScalar s) {
      if (!key.equals("seed") && s.plain() && Provenance.isNumber(s.text())) out.add(s);
    } else if (node instanceof YNode.YMap m) {
      for (Map.Entry<String, YNode.YMap.Entry> e : m.entries().entrySet()) collect(e.getValue().value(), e.getKey(), out);
    } else if (node instanceof YNode.YList l) {
      for (YNode i : l.items()) collect(i, key, out);
    }
  }

  @Test
  void quotedSentencesAppearInTheSeedTexts() throws IOException {
    Path seeds = Fixtures.repo().resolve("docs/sources"); // the repository's own copies: never skipped
    String t000 = Files.readString(seeds.resolve("000_0163d4d205f69416.txt"));
    String t003 = Files.readString(seeds.resolve("003_92e0250be2161344.txt"));
    Pattern quote = Pattern.compile("(000_0163d4d205f69416|003_92e0250be2161344)\\.txt: '([^']+(?:'[a-z][^']*)*)'");
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path f : shipped()) {
      for (String line : Files.readAllLines(f)) {
        Matcher m = quote.matcher(line);
        while (m.find()) {
          String text = m.group(1).startsWith("000") ? t000 : t003;
          for (String piece : m.group(2).split("\\s*(\\.\\.\\.|\\[[^\\]]*\\])\\s*")) {
            if (piece.isBlank()) continue;
            checked++;
            if (!text.contains(piece.strip())) wrong.add(f.getFileName() + ": " + piece);
          }
        }
      }
    }
    assertTrue(checked >= 3, "quotations checked: " + checked);
    assertEquals(List.of(), wrong, "quotations not found word for word in the seed texts");
  }
}
