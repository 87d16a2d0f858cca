package org.hedgesim.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.hedgesim.output.ResultFolder;
import picocli.CommandLine.Option;

/**
 * The options shared by the commands that write a results folder on all cores: {@code --out},
 * {@code --threads} and {@code --results} (a picocli mixin).
 */
final class ResultOptions {

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Results folder to create; it must not exist or be empty (default: results/<name>/<run-id>).")
  Path out;

  @Option(names = {"-t", "--threads"}, paramLabel = "T",
      description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Where default result folders go (default: ${DEFAULT-VALUE}).")
  Path resultsRoot;

  /** The most worker threads a command takes: far more than any machine it runs on has cores. */
  static final int MAX_THREADS = 1024;

  /** A problem with these options, or null. */
  String problem() {
    if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
      return "--threads must be between 1 and " + MAX_THREADS + ", found " + threads;
    }
    if (out != null && out.toString().isBlank()) return "--out needs a folder name, found an empty one";
    if (out != null && java.nio.file.Files.isSymbolicLink(out) && !java.nio.file.Files.exists(out)) {
      return "--out " + out + " is a link to nothing; give a folder, or a path where one can be made";
    }
    return null;
  }

  /** The worker threads: as given, or one per core. */
  int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** The default folder made (empty) by {@link #target}, or null. */
  private Path reserved;

  /**
   * The folders {@link #target} made to hold the default folder (results/ and results/NAME/, when
   * they were not there), innermost first: removed with it when they end up empty.
   */
  private final java.util.List<Path> madeParents = new java.util.ArrayList<>();

  /** Releases the default folder if the process is stopped while the command is working. */
  private org.hedgesim.output.Stopping.Registration onStop;

  /**
   * The folder to write: {@code --out}, or a new one under results/NAME/ named by the local time
   * and {@code suffix} (the clock names the folder; it never enters a result). The new one is made
   * at once, empty, so that two commands started in the same second get two folders.
   */
  Path target(String name, String suffix) {
    if (out != null) return out;
    Path parent = resultsRoot.resolve(name);
    for (Path p = parent.toAbsolutePath().normalize(); p != null && !java.nio.file.Files.exists(p); p = p.getParent()) {
      madeParents.add(p);
    }
    onStop = org.hedgesim.output.Stopping.onStop(this::releaseUnused);
    reserved = ResultFolder.reserve(parent,
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + suffix);
    return reserved;
  }

  /** A command's work, which may call {@link #target}. */
  @FunctionalInterface
  interface Work {
    Integer run() throws java.io.IOException;
  }

  /**
   * Does a command's work, then removes the default folder {@link #target} made if the work put
   * nothing in it (it failed or stopped early), and the parents made for it if they are empty,
   * whatever the way it ended; if the process is stopped (Ctrl-C) during the work, the
   * {@link org.hedgesim.output.Stopping} hook does the same.
   */
  Integer releasingUnused(Work work) throws java.io.IOException {
    try {
      return work.run();
    } finally {
      if (onStop != null) onStop.close();
      releaseUnused();
    }
  }

  private void releaseUnused() {
    if (reserved == null) return;
    ResultFolder.releaseIfEmpty(reserved);
    for (Path p : madeParents) ResultFolder.releaseIfEmpty(p);
  }
}
