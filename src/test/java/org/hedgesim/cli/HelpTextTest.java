package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The top-level usage lists each command with the first line of its header (or, without one, of
 * its description). That line must be a whole sentence that fits the column picocli gives it, so
 * that {@code hedgesim --help} never stops mid-sentence.
 */
class HelpTextTest {
  @Test
  void everyCommandsSummary_isOneWholeSentenceThatFitsItsColumn() {
    CommandLine root = Hedgesim.commandLine();
    // picocli indents names by 2 and pads them to the longest name plus 2; the rest of 80 columns is the summary's
    int longest = root.getSubcommands().keySet().stream().mapToInt(String::length).max().orElseThrow();
    int width = 80 - 2 - (longest + 2);
    List<String> bad = new ArrayList<>();
    for (var e : root.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      var usage = e.getValue().getCommandSpec().usageMessage();
      String summary = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
      if (!summary.endsWith(".") || summary.length() > width) bad.add(e.getKey() + ": " + summary);
    }
    assertTrue(bad.isEmpty(), "summaries cut off or too long:\n" + String.join("\n", bad));
    String help = Cli.run("--help").out();
    for (String line : help.lines().toList()) {
      assertTrue(line.length() <= 80, "within 80 columns: " + line);
    }
  }
}
