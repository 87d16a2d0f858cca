package org.hedgesim.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results folder written all at once or not at all. Files are written into a hidden staging
 * folder beside the target ({@code .name.partial-<pid>}), and {@link #commit()} renames it into
 * place; a run that fails or is killed leaves no folder under the final name. An existing,
 * non-empty target is never overwritten. Work that can be resumed (a sweep) stages in
 * {@code .name.partial} instead, which a later process can take up ({@link #resumable}).
 */
public final class ResultFolder implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final boolean keep;
  private final boolean resumed;
  private boolean committed;

  private ResultFolder(Path target, Path staging, boolean keep, boolean resumed) {
    this.target = target;
    this.staging = staging;
    this.keep = keep;
    this.resumed = resumed;
  }

  /**
   * Prepares to write {@code target}.
   *
   * @throws FileAlreadyExistsException when the target exists and is not an empty folder
   */
  public static ResultFolder prepare(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs) && !isEmptyDirectory(abs)) {
      throw new FileAlreadyExistsException(target.toString(), null,
          "exists and is not empty; results are never overwritten");
    }
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
    deleteTree(staging);
    Files.createDirectory(staging);
    return new ResultFolder(abs, staging, false, false);
  }

  /**
   * Prepares to write {@code target} with work that may be interrupted and taken up again later:
   * files are staged in {@code .name.partial} beside the target (no process id in the name, so a
   * later process finds it), and the staging folder is kept, not deleted, when the work stops
   * before {@link #commit()}.
   *
   * @param resume whether a staging folder left by an earlier process may be taken over
   * @throws FileAlreadyExistsException when the target exists and is not an empty folder, or when
   *     a staging folder exists and {@code resume} is false
   */
  public static ResultFolder resumable(Path target, boolean resume) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs) && !isEmptyDirectory(abs)) {
      throw new FileAlreadyExistsException(target.toString(), null,
          "exists and is not empty; results are never overwritten");
    }
    Path staging = stagingOf(abs);
    boolean exists = Files.isDirectory(staging);
    if (exists && !resume) {
      throw new FileAlreadyExistsException(staging.toString(), null,
          "holds unfinished work for " + target + "; resume it, or delete that folder to start again");
    }
    Files.createDirectories(staging);
    return new ResultFolder(abs, staging, true, exists);
  }

  /** The staging folder {@link #resumable} uses for a target. */
  public static Path stagingOf(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    return abs.getParent().resolve("." + abs.getFileName() + ".partial");
  }

  /** Whether the staging folder was left by an earlier process. */
  public boolean resumed() {
    return resumed;
  }

  /** A new folder under {@code parent} named {@code base}, or base-2, base-3, ... if taken. */
  public static Path unique(Path parent, String base) {
    Path p = parent.resolve(base);
    for (int i = 2; Files.exists(p); i++) p = parent.resolve(base + "-" + i);
    return p;
  }

  private static boolean isEmptyDirectory(Path p) throws IOException {
    if (!Files.isDirectory(p)) return false;
    try (Stream<Path> s = Files.list(p)) {
      return s.findAny().isEmpty();
    }
  }

  /** Where a file of the result is written before the commit. */
  public Path file(String name) {
    return staging.resolve(name);
  }

  public Path target() {
    return target;
  }

  /** Moves the staged folder into place. */
  public void commit() throws IOException {
    if (Files.isDirectory(target)) {
      try {
        Files.delete(target); // an empty folder the user made beforehand
      } catch (DirectoryNotEmptyException e) {
        throw new FileAlreadyExistsException(target.toString(), null, "appeared while the run was going");
      }
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staging, target);
    }
    committed = true;
    syncDirectory(target.getParent());
  }

  /** Removes the staging folder unless the result was committed or is to be resumed. */
  @Override
  public void close() {
    if (!committed && !keep) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Makes a folder's entries (a rename into it) durable; a no-op where folders cannot be synced. */
  public static void syncDirectory(Path dir) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms cannot open a folder for syncing; the rename is still atomic
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}
