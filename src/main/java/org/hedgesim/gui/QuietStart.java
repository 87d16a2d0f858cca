package org.hedgesim.gui;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps two start-up notes off the terminal a teacher projects: MASON's Console says that its 3D
 * classes are missing (hedgesim draws in 2D and does not ship Java3D), and Java's preferences say
 * they made their folder. Anything else written to standard error meanwhile still goes there.
 */
final class QuietStart {
  /** The lines that are dropped, by their beginning. */
  static final List<String> DROPPED = List.of("WARNING: Not all classes loaded, due to error: probably no Java3D");

  private QuietStart() {}

  /** Runs {@code start} with the notes filtered out of standard error. */
  static void run(Runnable start) {
    Logger.getLogger("java.util.prefs").setLevel(Level.WARNING);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      start.run();
    } finally {
      System.setErr(original);
      for (String line : captured.toString(StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.isEmpty() || DROPPED.stream().anyMatch(line::startsWith)) continue;
        original.println(line);
      }
    }
  }
}
