package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classroom window fits a projector: for each of the three screen sizes the window is laid
 * out for (1024x768, 1280x800, 1920x1080), a virtual X display of that size (Xvfb, as in
 * {@link ConsoleWindowTest}) and {@link WindowLayoutDriver} in a JVM of its own, which checks the
 * components' bounds tab by tab, the charts' fonts, date axes and colours, the map's overlay and the
 * step counter, and saves screenshots in the test's folder. Skipped, with a message, without Xvfb.
 */
class WindowLayoutTest {
  private static final long LIMIT_SECONDS = 90;

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"1024x768", "1280x800", "1920x1080"})
  @Timeout(value = LIMIT_SECONDS + 30, unit = TimeUnit.SECONDS)
  void window_atProjectorSize_everyPanelInsideReadableAndApart(String size) throws Exception {
    try (VirtualDisplay display = VirtualDisplay.start(size, "window layout test")) {
      Path home = Files.createDirectories(dir.resolve("home"));
      Path out = dir.resolve(size);
      ProcessBuilder pb = new ProcessBuilder(VirtualDisplay.javaCommand(home, "-Xmx512m",
          WindowLayoutDriver.class.getName(), Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), out.toString()))
          .redirectErrorStream(true);
      pb.environment().put("DISPLAY", display.name);
      Process p = pb.start();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
        try {
          return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return "(output lost: " + e + ")";
        }
      });
      boolean finished = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
      if (!finished) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      String text = output.get(10, TimeUnit.SECONDS);
      assertTrue(finished, size + ": the driver finished within " + LIMIT_SECONDS + " s:\n" + text);
      assertEquals(0, p.exitValue(), size + ":\n" + text);
      assertTrue(text.contains("LAYOUT OK"), text);
      for (String shot : List.of("map.png", "alignment.png", "dependence.png", "courtship-coercion.png", "model.png")) {
        assertTrue(Files.size(out.resolve(shot)) > 10_000, size + ": screenshot " + shot);
      }
    }
  }
}
