package org.hedgesim.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A results folder written all at once or not at all. Files are written into a hidden staging
 * folder beside the target ({@code .name.partial-<pid>@<host>}), and {@link #commit()} renames it into
 * place; a run that fails or is killed leaves no folder under the final name. An existing,
 * non-empty target is never overwritten. Work that can be resumed (a sweep) stages in
 * {@code .name.partial} instead, which a later process can take up ({@link #resumable}).
 */
public final class ResultFolder implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final boolean keep;
  private final boolean resumed;
  private volatile boolean committed;
  private final List<String> notices = new ArrayList<>();
  /** The folders {@link #prepare} made to hold the staging folder, innermost first: removed if the work is not committed and they are empty. */
  private final List<Path> madeParents = new ArrayList<>();
  /** A staging folder of {@link #prepare}: {@code .name.partial-<pid>@<host>}. */
  private static final Pattern STAGING = Pattern.compile("\\..+\\.partial-(\\d+)@(.+)");
  /** Deletes the staging folder if the process is stopped (Ctrl-C, SIGTERM) before the commit. */
  private Stopping.Registration cleanup;

  /** A results folder that cannot be made where it was asked for (a file in the way, no permission, ...). */
  public static final class Unusable extends FileSystemException {
    private static final long serialVersionUID = 1L;

    Unusable(Path target, IOException cause) {
      super(target.toString(), null, "cannot be created: " + why(target, cause));
      initCause(cause);
    }

    private static String why(Path target, IOException e) {
      for (Path p = target.getParent(); p != null; p = p.getParent()) {
        if (Files.exists(p)) {
          if (!Files.isDirectory(p)) return p + " is a file, not a folder";
          break;
        }
      }
      if (e instanceof FileAlreadyExistsException f) return f.getFile() + " is a file, not a folder";
      if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied on " + a.getFile();
      if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + " does not exist and cannot be made";
      if (e instanceof FileSystemException f) {
        return f.getFile() + (f.getReason() != null ? ": " + f.getReason() : ": " + e.getClass().getSimpleName());
      }
      return String.valueOf(e.getMessage());
    }
  }

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
    String host = FolderLock.host();
    Path staging = parent.resolve("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid() + "@" + host);
    List<String> removed;
    List<Path> made = new ArrayList<>();
    for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) made.add(p);
    try {
      Files.createDirectories(parent);
      removed = removeStale(parent, host);
      deleteTree(staging);
      Files.createDirectory(staging);
    } catch (IOException e) {
      throw new Unusable(abs, e);
    }
    ResultFolder f = new ResultFolder(abs, staging, false, false);
    f.notices.addAll(removed);
    f.madeParents.addAll(made);
    f.cleanup = Stopping.onStop(() -> {
      for (int attempt = 0; attempt < 3 && !f.committed && Files.exists(staging); attempt++) {
        try {
          deleteTree(staging);
        } catch (IOException | UncheckedIOException e) {
          // workers may still be writing; try again
        }
      }
      if (!f.committed) f.madeParents.forEach(ResultFolder::releaseIfEmpty);
    });
    return f;
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
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new Unusable(abs, e);
    }
    return new ResultFolder(abs, staging, true, exists);
  }

  /**
   * Deletes the staging folders of {@link #prepare} in {@code parent} that a process of this host
   * left when it was killed (its process id is no longer running here); those of other hosts, of
   * live processes, and the resumable {@code .name.partial} folders of sweeps are left alone.
   *
   * @return one sentence per folder removed
   */
  static List<String> removeStale(Path parent, String host) {
    List<String> removed = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> s = Files.list(parent)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      return removed;
    }
    for (Path p : entries) {
      Matcher m = STAGING.matcher(p.getFileName().toString());
      if (!m.matches() || !m.group(2).equals(host) || !Files.isDirectory(p)) continue;
      long pid;
      try {
        pid = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) continue;
      try {
        deleteTree(p);
        removed.add("removed stale partial folder " + p + " left by process " + pid);
      } catch (IOException | UncheckedIOException e) {
        // another process is cleaning it, or it cannot be deleted: leave it
      }
    }
    return removed;
  }

  /** What {@link #prepare} did besides preparing (stale staging folders it removed), for the user. */
  public List<String> notices() {
    return List.copyOf(notices);
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

  /**
   * A new folder under {@code parent} named {@code base}, or base-2, base-3, ... if taken, created
   * at once (empty), so that two processes started in the same
   * second cannot pick the same name: creating a folder is atomic, and the loser takes the next
   * suffix. The empty folder is then filled by {@link #commit()}. Where the folder cannot be made,
   * returns the name anyway and lets {@link #prepare} report why.
   */
  public static Path reserve(Path parent, String base) {
    for (int i = 1; ; i++) {
      Path p = parent.resolve(i == 1 ? base : base + "-" + i);
      if (Files.exists(p)) continue;
      try {
        Files.createDirectories(parent);
        Files.createDirectory(p);
        return p;
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(parent)) return p; // the parent is a file: prepare says so
      } catch (IOException e) {
        return p;
      }
    }
  }

  /** Deletes a folder made by {@link #reserve} if nothing was put in it (the work did not finish). */
  public static void releaseIfEmpty(Path reserved) {
    try {
      if (isEmptyDirectory(reserved)) Files.delete(reserved);
    } catch (IOException e) {
      // best effort: an empty folder left behind holds nothing
    }
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
    if (cleanup != null) cleanup.close();
    if (!committed && !keep) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      madeParents.forEach(ResultFolder::releaseIfEmpty);
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
