package org.hedgesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** A skipped test's reason reaches the console, with the class and the test. */
class SkipReasonsTest {

  private static ExtensionContext context(Class<?> testClass, String name) {
    return (ExtensionContext) Proxy.newProxyInstance(SkipReasonsTest.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getTestClass" -> Optional.of(testClass);
          case "getDisplayName" -> name;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static String printed(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void anAssumptionThatFailed_andADisabledTest_printTheirReasons() {
    SkipReasons s = new SkipReasons();
    assertEquals("SKIPPED SkipReasonsTest > slurm(): not root (uid 1000)",
        printed(() -> s.testAborted(context(SkipReasonsTest.class, "slurm()"),
            new TestAbortedException("Assumption failed: not root (uid 1000)"))));
    assertEquals("SKIPPED SkipReasonsTest > gui(): no display",
        printed(() -> s.testDisabled(context(SkipReasonsTest.class, "gui()"), Optional.of("no display"))));
  }
}
