package org.hedgesim.gui;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A virtual X display (Debian's Xvfb) for the window tests, started by the test that needs it and
 * stopped by it. Where Xvfb is not installed or does not start, the test is skipped with a message
 * on the console saying why.
 */
final class VirtualDisplay implements AutoCloseable {
  private final Process xvfb;
  /** The display's name, for the DISPLAY variable of a child JVM, e.g. {@code :3}. */
  final String name;

  private VirtualDisplay(Process xvfb, String name) {
    this.xvfb = xvfb;
    this.name = name;
  }

  /**
   * Starts Xvfb with one screen of the given size ({@code 1280x800}); {@code what} names the test
   * in the skip message.
   */
  static VirtualDisplay start(String size, String what) throws Exception {
    Path binary = onPath("Xvfb");
    if (binary == null) skip(what + " skipped: Xvfb is not installed (Debian: apt-get install xvfb; .ci/run installs it)");
    // -displayfd: Xvfb picks a free display number and writes it on its standard output
    Process p = new ProcessBuilder(binary.toString(), "-displayfd", "1", "-screen", "0", size + "x24",
        "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String number = CompletableFuture.supplyAsync(() -> {
      try {
        return r.readLine();
      } catch (IOException e) {
        return null;
      }
    }).completeOnTimeout(null, 20, TimeUnit.SECONDS).get();
    if (number == null || !number.strip().matches("\\d+")) {
      p.destroyForcibly();
      skip(what + " skipped: Xvfb did not start (" + binary + ")");
    }
    return new VirtualDisplay(p, ":" + number.strip());
  }

  /** A child JVM's command: java with a private home and preferences, this test class path, a main class. */
  static List<String> javaCommand(Path home, String memory, String mainClass, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        memory, "-Djava.awt.headless=false",
        "-Duser.home=" + home, "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
        "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Override
  public void close() throws InterruptedException {
    xvfb.destroy();
    if (!xvfb.waitFor(10, TimeUnit.SECONDS)) xvfb.destroyForcibly();
  }

  private static void skip(String message) {
    System.err.println(message);
    Assumptions.abort(message);
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }
}
