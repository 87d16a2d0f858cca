package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Console's start-up note about Java3D is kept off the terminal; other errors are not. */
class QuietStartTest {

  @Test
  void java3dNoteDropped_otherLinesKept_standardErrorRestored() {
    PrintStream original = System.err;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    PrintStream outer = new PrintStream(seen, true, StandardCharsets.UTF_8);
    System.setErr(outer);
    try {
      QuietStart.run(() -> {
        System.err.println("WARNING: Not all classes loaded, due to error: probably no Java3D");
        System.err.println("a real problem");
      });
      assertEquals(outer, System.err, "standard error is given back");
    } finally {
      System.setErr(original);
    }
    String text = seen.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("Java3D"), text);
    assertTrue(text.contains("a real problem"), text);
  }
}
