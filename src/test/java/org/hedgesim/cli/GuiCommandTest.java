package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hedgesim gui} where there is no display (the tests run with java.awt.headless=true): a
 * clear message pointing to the headless commands, exit 1, no stack trace; bad input is still
 * reported first, with exit 2. The window itself is tested in gui.ConsoleWindowTest under Xvfb.
 */
class GuiCommandTest {

  @TempDir
  Path dir;

  @Test
  void gui_noDisplay_exit1WithTheHeadlessCommandsAndNoStackTrace() {
    Cli c = Cli.run("gui", Fixtures.scenarioFile("clv-dta-exit.yaml").toString());
    assertEquals(1, c.exit(), c.err());
    assertTrue(c.err().startsWith("hedgesim gui: no display available ("), c.err());
    assertTrue(c.err().contains("hedgesim run " + Fixtures.scenarioFile("clv-dta-exit.yaml")), c.err());
    assertTrue(c.err().contains("xvfb-run"), c.err());
    assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
  }

  @Test
  void gui_badScenario_exit2WithFileLineAndColumn() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "scenario: x\nextends: " + Fixtures.scenarioFile("baseline-2024.yaml") + "\nnationalizm: 3\n");
    Cli c = Cli.run("gui", bad.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("bad.yaml:3:"), c.err());
    assertFalse(c.err().contains("no display"), "bad input is reported before the display is looked for");
  }

  @Test
  void gui_seedBeyondTheConsoles32Bits_exit2() {
    Cli c = Cli.run("gui", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--seed", "99999999999");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("32 bits"), c.err());
  }

  @Test
  void help_listsTheGuiCommand() {
    Cli c = Cli.run("--help");
    assertTrue(c.out().contains("gui"), c.out());
  }
}
