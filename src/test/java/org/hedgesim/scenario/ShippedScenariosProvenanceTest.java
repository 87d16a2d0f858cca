package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every number of a shipped scenario cites its evidence: a source text, an entry of FACTS.md, or
 * an assumption with a reason. Run settings (seed, replications) are not evidence and are exempt.
 */
class ShippedScenariosProvenanceTest {

  @Test
  void everyNumberInAShippedScenarioHasASource() throws IOException {
    List<String> missing = new ArrayList<>();
    int numbers = 0;
    for (Path f : shipped()) {
      Scenario s = Fixtures.load(f);
      Provenance.unsourced(s).forEach(p -> missing.add(p.toString()));
      numbers += (int) s.provenance().stream().filter(v -> Provenance.isNumber(v.value())).count();
    }
    assertTrue(numbers > 200, "numbers checked: " + numbers);
    assertTrue(missing.isEmpty(), "numbers without a source:\n" + String.join("\n", missing));
  }

  @Test
  void everySourceNamesItsKind() throws IOException {
    List<String> vague = new ArrayList<>();
    for (Path f : shipped()) {
      for (SourcedValue v : Fixtures.load(f).provenance()) {
        String src = v.source();
        if (src == null || v.origin().file().equals(Inheritance.DEFAULTS_NAME)) continue;
        boolean ok = src.startsWith("assumption") || src.startsWith("FACTS.md")
            || src.startsWith("000_0163d4d205f69416.txt") || src.startsWith("003_92e0250be2161344.txt")
            || calibrated(src);
        if (!ok) vague.add(v.origin() + ": " + v.path() + ": " + src);
      }
    }
    assertTrue(vague.isEmpty(), "sources must start with a seed file, FACTS.md or assumption:\n"
        + String.join("\n", vague));
  }

  /**
   * A calibrated value's source names the shipped calibration file and its current SHA-256, with
   * the posterior median and 90% interval: an estimate whose file changed since must be made again.
   */
  private static boolean calibrated(String src) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "^calibrated: (scenarios/\\S+\\.yaml) sha256:([0-9a-f]{64}), .*posterior median \\S+, 90% CI \\[\\S+, \\S+\\]")
        .matcher(src);
    if (!m.find()) return false;
    Path file = Fixtures.repo().resolve(m.group(1));
    return Files.isRegularFile(file) && org.hedgesim.output.Hashes.sha256(file).equals(m.group(2));
  }

  @Test
  void everyCitedFileIsInTheRepository() throws IOException {
    Path sources = Fixtures.repo().resolve("docs/sources");
    java.util.Set<String> cited = new java.util.TreeSet<>();
    java.util.regex.Pattern file = java.util.regex.Pattern.compile("^([0-9]{3}_[0-9a-f]{16}\\.txt|FACTS\\.md)");
    for (Path f : shipped()) {
      for (SourcedValue v : Fixtures.load(f).provenance()) {
        if (v.source() == null) continue;
        java.util.regex.Matcher m = file.matcher(v.source());
        if (m.find()) cited.add(m.group(1));
      }
    }
    assertTrue(cited.size() >= 3, "files cited: " + cited);
    for (String c : cited) {
      assertTrue(Files.isRegularFile(sources.resolve(c)), "cited but not in docs/sources: " + c);
    }
  }

  @Test
  void theRepositorysCopiesOfTheSourceTexts_matchTheSharedOnes() throws IOException {
    Path shared = Fixtures.repo().resolveSibling("shared").resolve("seeds");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared),
        "../shared/seeds is not beside the repository: nothing to compare the copies with");
    for (String t : List.of("000_0163d4d205f69416.txt", "003_92e0250be2161344.txt")) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(shared.resolve(t)),
          Files.readAllBytes(Fixtures.repo().resolve("docs/sources").resolve(t))), t);
    }
  }

  @Test
  void quotedSentencesAppearInTheSeedTexts() throws IOException {
    Path seeds = Fixtures.repo().resolve("docs/sources"); // the repository's own copies: never skipped
    String t000 = Files.readString(seeds.resolve("000_0163d4d205f69416.txt"));
    String t003 = Files.readString(seeds.resolve("003_92e0250be2161344.txt"));
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    java.util.regex.Pattern quote = java.util.regex.Pattern.compile(
        "(000_0163d4d205f69416|003_92e0250be2161344)\\.txt: '([^']+(?:'[a-z][^']*)*)'");
    for (Path f : shipped()) {
      for (String line : Files.readAllLines(f)) {
        java.util.regex.Matcher m = quote.matcher(line);
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
    assertTrue(checked > 20, "quotations checked: " + checked);
    assertTrue(wrong.isEmpty(), "quotations not found word for word in the seed texts:\n" + String.join("\n", wrong));
  }

  private static List<Path> shipped() throws IOException {
    return Fixtures.shippedScenarios();
  }
}
