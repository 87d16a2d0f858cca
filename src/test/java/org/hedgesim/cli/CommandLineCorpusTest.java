package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command-line corpus (src/test/resources/invalid-cli/cases.tsv): options out of their
 * documented bounds get a message naming the option, exit code 2, and nothing written.
 */
class CommandLineCorpusTest {

  @TempDir
  Path dir;

  static Stream<String> cases() throws Exception {
    return Files.readAllLines(Fixtures.testResource("invalid-cli/cases.tsv")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void badOption_exit2_namesIt_writesNothing(String line) throws Exception {
    String[] parts = line.split("\t");
    Path out = dir.resolve("out");
    Path dangling = dir.resolve("dangling");
    Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
    List<String> args = new ArrayList<>();
    for (String a : parts[1].split(" ")) {
      if (a.startsWith("scenarios/")) {
        args.add(Fixtures.repo().resolve(a).toString());
      } else {
        args.add(switch (a) {
          case "OUT" -> out.toString();
          case "EMPTY" -> "";
          case "DANGLING" -> dangling.toString();
          default -> a.replace("\\s", " ");
        });
      }
    }
    args.add("--results");
    args.add(dir.resolve("results").toString());
    if (args.get(0).equals("generate")) args.subList(args.size() - 2, args.size()).clear();
    Cli c = Cli.run(args.toArray(String[]::new));
    assertEquals(2, c.exit(), parts[0] + ": " + c.err());
    assertTrue(c.err().contains(parts[2]), parts[0] + ": " + c.err());
    assertFalse(c.err().contains("Exception"), parts[0] + ": no stack trace\n" + c.err());
    assertFalse(Files.exists(out), parts[0] + ": nothing written");
    assertFalse(Files.exists(dir.resolve("results")) && Files.list(dir.resolve("results")).findAny().isPresent()
        && hasFiles(dir.resolve("results")), parts[0] + ": no default folder left");
    if (args.get(0).equals("generate")) assertEquals("", c.out(), parts[0] + ": no scenario printed");
  }

  private static boolean hasFiles(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.anyMatch(Files::isRegularFile);
    }
  }
}
