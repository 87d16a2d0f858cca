package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: rendered once by headless Chromium (Debian's chromium package,
 * which .ci/run installs when it is missing) to a PNG that must show text, tables and a plot.
 * Skipped, saying why, only where no chromium can be found.
 */
class ReportRenderIT {

  @TempDir
  Path dir;

  static Path chromium() {
    String env = System.getenv("HEDGESIM_CHROMIUM");
    if (env != null && Files.isExecutable(Path.of(env))) return Path.of(env);
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) return p;
      }
    }
    return null;
  }

  @Test
  void report_renderedInHeadlessChromium_isNotBlank() throws Exception {
    Path browser = chromium();
    Assumptions.assumeTrue(browser != null, "SKIPPED: chromium not found on PATH (Debian package 'chromium'; "
        + ".ci/run installs it, or set HEDGESIM_CHROMIUM); the report rendering check did not run");
    Path out = dir.resolve("cmp");
    Cli c = Cli.run("compare", Fixtures.testResource("compare/toy-a.yaml").toString(),
        Fixtures.testResource("compare/toy-b.yaml").toString(), "-r", "5", "--out", out.toString(), "--report");
    assertEquals(0, c.exit(), c.err());
    Path html = out.resolve("report/report.html");
    Path png = dir.resolve("page.png");
    Path profile = Files.createDirectories(dir.resolve("profile"));
    ProcessBuilder pb = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,2000",
        "--screenshot=" + png, html.toUri().toString());
    pb.environment().put("HOME", profile.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("chromium.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 180 s");
    }
    assertTrue(Files.isRegularFile(png), "no screenshot; chromium said:\n" + Files.readString(dir.resolve("chromium.log")));
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1280, img.getWidth());
    long dark = 0;
    long coloured = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r < 128 && g < 128 && b < 128) dark++;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) coloured++;
        colours.add(rgb);
      }
    }
    double pixels = (double) img.getWidth() * img.getHeight();
    assertTrue(dark / pixels > 0.005, "text is drawn: dark share " + dark / pixels);
    assertTrue(coloured > 200, "a plot's coloured lines are drawn: " + coloured + " coloured pixels");
    assertTrue(colours.size() > 50, "not a flat image: " + colours.size() + " colours");
  }
}
