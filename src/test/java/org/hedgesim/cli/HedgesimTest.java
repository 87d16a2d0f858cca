package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The top-level command: without a command it is a usage error; with --help it is not. */
class HedgesimTest {

  @Test
  void noCommand_printsTheUsageOnStderr_andExits2() {
    Cli c = Cli.run();
    assertEquals(2, c.exit());
    assertEquals("", c.out());
    assertTrue(c.err().contains("Usage: hedgesim"), c.err());
    assertTrue(c.err().contains("hedgesim: name a command"), c.err());
  }

  @Test
  void help_printsTheUsageOnStdout_andExits0() {
    Cli c = Cli.run("--help");
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("Usage: hedgesim"), c.out());
  }
}
