package org.hedgesim.scenario;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hedgesim.Fixtures;

/**
 * Fuzz tests of the scenario loader. {@link #loadAnyBytes}: whatever bytes a scenario file
 * holds, loading it gives a scenario or a {@link ScenarioException}, never another exception, a
 * hang or running out of memory. {@link #acceptedScenarioStarts}: a scenario the loader accepts
 * also starts and runs its first steps in the model, so that every mistake is caught before a
 * run rather than during it.
 *
 * <p>In a normal test run ({@code ./mvnw verify}) Jazzer runs in regression mode: each target
 * runs once on each input under
 * {@code src/test/resources/org/hedgesim/scenario/ScenarioLoaderFuzzTestInputs/} (seeds: the
 * reference scenarios, a small scenario, a what-if that extends it and the example of every action
 * of docs/SCENARIOS.md, files of the invalid corpus) and under its own subfolder (inputs the
 * fuzzer found). To fuzz one target (docs/SCENARIOS.md, section 14):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw test -Dtest='ScenarioLoaderFuzzTest#loadAnyBytes' -Djazzer.max_duration=5m \
 *     -Djazzer.instrument='org.hedgesim.**,org.yaml.snakeyaml.**'
 * </pre>
 *
 * <p>{@code scenario.dict} (beside the inputs folder) gives the fuzzer the format's keys, choices
 * and punctuation, so that its mutations reach past the YAML syntax into the content.
 *
 * <p>Inputs that break the rule are saved to the target's subfolder of the inputs folder; commit
 * them as regression inputs. The corpus the fuzzer grows goes to {@code .cifuzz-corpus/}
 * (git-ignored).
 *
 * <p>A hang is an input that takes longer than {@link #LIMIT_SECONDS}; the target measures it
 * itself, because a JUnit {@code @Timeout} would also bound the whole fuzzing run.
 */
class ScenarioLoaderFuzzTest {

  /** Longest time one input may take (the largest files load in about a second). */
  static final int LIMIT_SECONDS = 10;

  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fuzz-load");
    t.setDaemon(true);
    return t;
  });

  /**
   * A folder that holds the fuzzed file beside the reference scenarios and the small parent of
   * the invalid corpus, so that seeds with {@code extends:} reach real parents.
   */
  private static final Path DIR = prepare();

  private static Path prepare() {
    try {
      Path dir = Files.createTempDirectory("hedgesim-fuzz");
      dir.toFile().deleteOnExit();
      try (var files = Files.list(Fixtures.repo().resolve("scenarios"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      Path parents = Files.createDirectories(dir.resolve("parents"));
      Files.copy(Fixtures.repo().resolve("src/test/resources/invalid/parents/two-powers.yaml"),
          parents.resolve("two-powers.yaml"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  @DictionaryFile(resourcePath = "scenario.dict")
  void loadAnyBytes(byte[] input) throws Throwable {
    within(() -> load(input));
  }

  /** Steps of an accepted scenario run by {@link #acceptedScenarioStarts}. */
  static final int STEPS = 24;

  @FuzzTest
  @DictionaryFile(resourcePath = "scenario.dict")
  void acceptedScenarioStarts(byte[] input) throws Throwable {
    within(() -> {
      Scenario s = load(input);
      if (s == null) return;
      org.hedgesim.model.HedgeWorld world = new org.hedgesim.model.HedgeWorld(s.seed(), s);
      world.start();
      for (int i = 0; i < Math.min(STEPS, s.steps()); i++) {
        if (!world.schedule.step(world)) break;
      }
      world.finish();
    });
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void within(Check check) throws Throwable {
    Future<?> run = WORKER.submit(() -> {
      check.run();
      return null;
    });
    try {
      run.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      throw new AssertionError("loading took longer than " + LIMIT_SECONDS + " s (a hang?)");
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  /**
   * The dictionary is read only when fuzzing, and libFuzzer stops at a malformed line: each entry
   * is a quoted token whose only escapes are a backslash before a backslash or a quote, and
   * a backslash, x and two hex digits (so a newline is written as x0A after the backslash).
   */
  @org.junit.jupiter.api.Test
  void dictionary_isInLibFuzzerFormat() throws IOException {
    try (var in = ScenarioLoaderFuzzTest.class.getResourceAsStream("scenario.dict")) {
      if (in == null) throw new AssertionError("scenario.dict is missing");
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int n = 0;
      for (String line : text.split("\n")) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        if (!line.matches("\"([^\"\\\\]|\\\\\\\\|\\\\\"|\\\\x[0-9A-Fa-f]{2})+\"")) {
          throw new AssertionError("scenario.dict line " + n + " is not a libFuzzer entry: " + line);
        }
      }
    }
  }

  /** Loads the input as a file; the scenario, or null when the loader refused it properly. */
  private static Scenario load(byte[] input) throws IOException {
    Path file = DIR.resolve("fuzzed.yaml");
    Files.write(file, input);
    try {
      Scenario s = ScenarioLoader.load(file, "fuzzed.yaml");
      if (s.name() == null || s.start() == null || s.end() == null || !s.end().isAfter(s.start())) {
        throw new AssertionError("a scenario was accepted without its name or dates");
      }
      return s;
    } catch (ScenarioException e) {
      if (e.problems().isEmpty()) throw new AssertionError("a ScenarioException without problems", e);
      for (Problem p : e.problems()) {
        if (p.origin() == null || p.message() == null || p.message().isBlank()) {
          throw new AssertionError("a problem without place or message: " + p, e);
        }
      }
      return null;
    }
  }
}
