package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hedgesim completion}: a bash script that completes every command and its options. */
class CompletionCommandTest {

  @Test
  void completion_printsABashScriptNamingEveryCommandAndItsOptions() {
    Cli c = Cli.run("completion");
    assertEquals(0, c.exit(), c.err());
    String script = c.out();
    assertTrue(script.contains("complete -F"), "registers a completion function");
    for (String cmd : List.of("run", "compare", "explain", "sweep", "merge", "sensitivity", "report", "validate",
        "list", "gui", "generate", "bench")) {
      assertTrue(script.contains(cmd), "completes " + cmd);
    }
    assertTrue(script.contains("--strict-provenance") && script.contains("--replications"), "and their options");
  }

  @Test
  void completion_isValidBash(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("hedgesim-completion.bash");
    Files.writeString(f, Cli.run("completion").out());
    Process p = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "bash -n: " + out);
  }
}
