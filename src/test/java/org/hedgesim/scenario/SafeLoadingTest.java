package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile scenario files: nothing named in a file is loaded or instantiated, and alias bombs,
 * deep nesting, oversized files and files that are no regular files (devices, pipes, sockets:
 * possibly endless input) are refused quickly in a small heap.
 *
 * <p>The limits are checked in a separate JVM ({@link LoaderProbe}) with a 64 MiB heap and class
 * loading logged, so that running out of memory, a hang or a class loaded because a document
 * named it shows up as such rather than passing unnoticed in the test JVM's larger heap.
 */
class SafeLoadingTest {

  /** Heap of the probe JVM. */
  static final String HEAP = "-Xmx64m";
  /** Longest a single hostile file may take to be refused in the probe JVM (generous: shared CI cores). */
  static final long LIMIT_MS = 5_000;

  @TempDir
  Path dir;

  /** The document of the SnakeYAML deserialisation exploit (CVE-2022-1471 and its kin). */
  static final String EXPLOIT = "scenario: !!javax.script.ScriptEngineManager "
      + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/exploit.jar\"]]]]\n";

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  // ------------------------------------------------------------------ in this JVM

  @Test
  void exploitDocument_refusedWithAClearMessage() throws IOException {
    Path f = write("exploit.yaml", EXPLOIT);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
    assertEquals(List.of("exploit.yaml:1:11: YAML tag '!!javax.script.ScriptEngineManager' is not"
        + " allowed: scenario files hold plain values only, and nothing named in a file is ever"
        + " instantiated"), e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList());
  }

  @Test
  void canaryTags_neverInitialiseTheClassTheyName() throws IOException {
    String canary = ExploitCanary.class.getName();
    for (String doc : List.of(
        "scenario: !!" + canary + " [\"x\"]\n",
        "scenario: !<tag:yaml.org,2002:" + canary + "> [\"x\"]\n",
        "scenario: !" + canary + " [\"x\"]\n",
        "scenario: x\nsource: !!" + canary + " [\"x\"]\n",
        "? !!" + canary + " [\"x\"]\n: 1\n")) {
      Path f = write("canary.yaml", doc);
      ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f), doc);
      assertTrue(e.getMessage().contains("is not allowed"), e.getMessage());
      assertNull(System.getProperty(ExploitCanary.PROPERTY), "the canary was touched by " + doc);
    }
  }

  // ------------------------------------------------------------------ in a small separate JVM

  /** Hostile files, by name, each with a word its refusal must contain. */
  private Map<Path, String> hostileFiles() throws IOException {
    Map<Path, String> out = new LinkedHashMap<>();
    out.put(write("exploit.yaml", EXPLOIT), "is not allowed");
    out.put(write("canary.yaml", "scenario: !!" + ExploitCanary.class.getName() + " [\"x\"]\n"),
        "is not allowed");
    // billion laughs: 9 levels of 9 aliases each (more aliases than the limit)
    StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) laughs.append(i == 0 ? "*" : ", *").append(prev);
      laughs.append("]\n");
      prev = c;
    }
    out.put(write("billion-laughs.yaml", laughs.toString()), "alias");
    // under the alias limit, but expanding to 5^10 (about ten million) values
    StringBuilder quiet = new StringBuilder("a: &a [lol, lol, lol, lol, lol]\n");
    prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      quiet.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
          .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
      prev = c;
    }
    out.put(write("quiet-bomb.yaml", quiet.toString()), "alias");
    out.put(write("deep-flow.yaml", "a: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n"),
        "nesting");
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 1_000; i++) deep.append(" ".repeat(i)).append("k:\n");
    out.put(write("deep-block.yaml", deep.toString()), "nesting");
    out.put(write("oversized.yaml", "# padding\n".repeat(210_000)), "larger than the limit");
    out.put(write("many-values.yaml", "a:\n" + "- x\n".repeat(262_000)), "values");
    out.put(write("many-keys.yaml", manyKeys(60_000)), "values");
    out.put(write("long-text.yaml", "scenario: long\ndescription: " + "x".repeat(1_000_000) + "\n"),
        "missing key");
    return out;
  }

  private static String manyKeys(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) s.append('k').append(i).append(": 1\n");
    return s.toString();
  }

  /** Runs the probe in a new JVM; returns its output lines, and the class-loading log in {@code classLog}. */
  private List<String> probe(Path classLog, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-Xlog:class+load=info:file=" + classLog, "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), LoaderProbe.class.getName()));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("probe-" + classLog.getFileName() + ".out").toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the probe JVM did not finish in 180 s");
    List<String> lines = Files.readAllLines(dir.resolve("probe-" + classLog.getFileName() + ".out"));
    assertEquals(0, p.exitValue(), String.join("\n", lines));
    return lines;
  }

  @Test
  void hostileFiles_refusedFastInASmallHeapAndNothingNamedIsLoaded() throws Exception {
    Map<Path, String> files = hostileFiles();
    List<String> args = new ArrayList<>(files.keySet().stream().map(Path::toString).toList());
    Path socket = socket("parent.yaml");
    args.add(write("socket-parent.yaml", "scenario: socket\nextends: " + socket + "\n").toString());
    Path classLog = dir.resolve("classes.log");
    List<String> lines = probe(classLog, args);
    Map<String, String> want = new LinkedHashMap<>();
    files.forEach((f, word) -> want.put(f.getFileName().toString(), word));
    want.put("socket-parent.yaml", "not a regular file");
    for (String line : lines) {
      String[] cell = line.split("\t", 4);
      if (cell[0].equals("canary")) {
        assertEquals("none", cell[1], "the canary class was initialised");
        continue;
      }
      assertTrue(want.containsKey(cell[0]), "unexpected line: " + line);
      assertEquals("REFUSED", cell[1], line);
      assertTrue(cell[3].contains(want.get(cell[0])), line);
      assertTrue(Long.parseLong(cell[2]) < LIMIT_MS, "too slow: " + line);
    }
    assertEquals(args.size() + 1, lines.size(), String.join("\n", lines));
    String log = Files.readString(classLog);
    assertTrue(log.contains(LoaderProbe.class.getName()), "class loading was not logged");
    assertFalse(log.contains(ExploitCanary.class.getName()), "the canary class was loaded");
    assertFalse(log.contains("javax.script."), "a javax.script class was loaded");
  }

  @Test
  void canaryControl_theProbeSeesAClassThatIsLoaded() throws Exception {
    Path classLog = dir.resolve("control.log");
    List<String> lines = probe(classLog, List.of("--control"));
    assertEquals(List.of("canary\tinitialised"), lines);
    assertTrue(Files.readString(classLog).contains(ExploitCanary.class.getName()));
  }

  /**
   * A file that is no regular file, made here: a Unix-domain socket (like a device or a pipe, it
   * could give endless input or block a reader). The socket file stays after the channel closes.
   */
  private Path socket(String name) throws IOException {
    Path p = dir.resolve(name);
    try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.bind(UnixDomainSocketAddress.of(p));
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("this platform has no Unix-domain sockets");
    }
    return p;
  }

  @Test
  void nonRegularFile_refusedBeforeReading() throws IOException {
    Path sock = socket("socket.yaml");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(sock, "socket.yaml"));
    assertEquals("socket.yaml: is not a regular file (a socket), expected a YAML file",
        e.getMessage());
  }

  @Test
  void nonRegularParent_refusedAtTheExtendsLine() throws IOException {
    Path sock = socket("parent.yaml");
    Path f = write("child.yaml", "scenario: child\nextends: parent.yaml\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, "child.yaml"));
    assertEquals("child.yaml:2:10: extends: cannot use parent.yaml: is not a regular file (a socket),"
        + " expected a YAML file", e.getMessage());
    assertTrue(Files.exists(sock));
  }
}
