package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sweep-file corpus (src/test/resources/invalid-sweep/): each {@code NAME.yaml} is a sweep
 * with problems, and {@code NAME.expected} lists the lines {@code hedgesim validate} prints for it
 * (file names relative to the corpus folder; lines starting with '#' are comments). The same file
 * given to {@code hedgesim sweep} prints the same lines, exits with code 2 and writes nothing.
 */
class SweepCorpusTest {

  static final Path CORPUS = Fixtures.repo().resolve("src/test/resources/invalid-sweep");

  @TempDir
  Path dir;

  static List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
    }
  }

  private static List<String> expected(String name) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve(name + ".expected"))) {
      if (!line.startsWith("#") && !line.isBlank()) out.add(line);
    }
    return out;
  }

  private static List<String> lines(String printed) {
    String prefix = CORPUS.toString() + java.io.File.separator;
    return printed.lines().map(l -> l.replace(prefix, "")).toList();
  }

  @Test
  void corpus_everyCaseHasItsExpectedFile() throws IOException {
    assertTrue(cases().size() >= 30, "only " + cases().size() + " cases");
    for (String name : cases()) assertTrue(Files.exists(CORPUS.resolve(name + ".expected")), name + ".expected is missing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_printsTheExpectedProblems_exit2(String name) throws IOException {
    List<String> want = expected(name);
    assertFalse(want.isEmpty(), name + ".expected lists no message");
    Cli c = Cli.run("validate", CORPUS.resolve(name + ".yaml").toString());
    assertEquals(2, c.exit(), c.err());
    assertEquals("", c.out());
    assertEquals(want, lines(c.err()));
    assertFalse(c.err().contains("Exception"), c.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sweep_sameProblems_exit2_nothingWritten(String name) throws IOException {
    Path out = dir.resolve("out");
    Cli c = Cli.run("sweep", CORPUS.resolve(name + ".yaml").toString(), "--out", out.toString(),
        "--results", dir.resolve("results").toString());
    assertEquals(2, c.exit(), c.err());
    List<String> printed = lines(c.err());
    assertEquals(expected(name), printed.subList(0, printed.size() - 1), c.err());
    assertTrue(printed.get(printed.size() - 1).endsWith("found; nothing was run."), c.err());
    assertFalse(Files.exists(out), "nothing written");
    assertFalse(Files.exists(dir.resolve("results")), "no default folder made");
  }
}
