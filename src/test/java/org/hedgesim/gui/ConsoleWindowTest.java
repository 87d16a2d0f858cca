package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window test: on a virtual X display (Debian's Xvfb, started here), {@link ConsoleWindowDriver}
 * opens the Console on a reference scenario in a JVM of its own, steps it, saves a screenshot, and
 * checks the numbers on the way. Here: the driver succeeded within its time limit, and the picture
 * is not blank (many colours; the two main poles' discs are drawn in their colours). Skipped, with
 * a message, where Xvfb is not installed or does not start.
 */
class ConsoleWindowTest {
  private static final long LIMIT_SECONDS = 180;
  private static VirtualDisplay xvfb;

  @TempDir
  Path dir;

  @BeforeAll
  static void startXvfb() throws Exception {
    xvfb = VirtualDisplay.start("1600x900", "window test");
  }

  @AfterAll
  static void stopXvfb() throws InterruptedException {
    if (xvfb != null) xvfb.close();
  }

  @Test
  @Timeout(value = LIMIT_SECONDS + 30, unit = TimeUnit.SECONDS)
  void console_referenceScenarioOnXvfb_stepsSameNumbersAndDrawsTheMap() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    List<String> cmd = VirtualDisplay.javaCommand(home, "-Xmx768m", ConsoleWindowDriver.class.getName(),
        Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), dir.resolve("out").toString());
    cmd.add(1, "-Dhedgesim.repo=" + Fixtures.repo());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPLAY", xvfb.name);
    long started = System.nanoTime();
    Process p = pb.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(output lost: " + e + ")";
      }
    });
    boolean finished = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String out = output.get(10, TimeUnit.SECONDS);
    System.out.printf("window test: driver took %.1f s on DISPLAY=%s%n%s", (System.nanoTime() - started) / 1e9,
        xvfb.name, out.lines().filter(l -> l.matches(".* \\d+\\.\\d s$")).map(l -> "  " + l + "\n")
            .reduce("", String::concat));
    assertTrue(finished, "the driver finished within " + LIMIT_SECONDS + " s:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("DRIVER OK"), out);

    File png = dir.resolve("out/snapshot.png").toFile();
    BufferedImage image = ImageIO.read(png);
    assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 600, image.getWidth() + "x" + image.getHeight());
    Set<Integer> colours = new HashSet<>();
    int poleA = 0;
    int poleB = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb == (Palette.POLE_A.getRGB() & 0xFFFFFF)) poleA++;
        if (rgb == (Palette.POLE_B.getRGB() & 0xFFFFFF)) poleB++;
      }
    }
    assertTrue(colours.size() > 500, "a picture with many colours, not a blank one: " + colours.size());
    assertTrue(poleA > 500, "the strongest pole's disc is drawn: " + poleA + " pixels");
    assertTrue(poleB > 500, "the second pole's disc is drawn: " + poleB + " pixels");
  }

}
