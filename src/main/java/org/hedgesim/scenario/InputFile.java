package org.hedgesim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Reads the bytes of a file named as a scenario (on the command line, by {@code extends:}, or as
 * a sweep's {@code scenario:}) without ever blocking or reading without end. What the path names
 * is looked at before the file is opened: a folder, a pipe, a device or a socket is refused, and
 * so is any file of the kernel's own file systems ({@code /proc}, {@code /sys}, {@code /dev}),
 * whose files claim to be regular but stream or wait for input. A regular file whose size is 0 is
 * not opened at all (it is empty), and no more than the size limit plus one byte is ever read.
 */
public final class InputFile {

  /** File systems whose files are made by the kernel as they are read. */
  private static final Set<String> KERNEL_FILE_SYSTEMS = Set.of("proc", "sysfs", "devtmpfs",
      "devpts", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2", "configfs", "efivarfs",
      "bpf", "pstore", "fusectl", "mqueue", "binfmt_misc", "autofs");

  private InputFile() {}

  /**
   * The bytes of {@code file}, at most {@code limit} + 1 of them; a problem naming
   * {@code displayName} when the path names no regular file of data.
   */
  static byte[] read(Path file, String displayName, int limit) throws ScenarioException {
    return read(file, displayName, limit, "a YAML file");
  }

  /** As {@link #read(Path, String, int)}, for a file of another kind ({@code expected}: "a CSV file"). */
  public static byte[] read(Path file, String displayName, int limit, String expected) throws ScenarioException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw refuse(displayName, "file not found");
    } catch (IOException | SecurityException e) {
      throw refuse(displayName, "cannot read file: " + describe(e));
    }
    if (a.isDirectory()) throw refuse(displayName, "is a folder, expected " + expected);
    if (!a.isRegularFile()) {
      throw refuse(displayName, "is not a regular file (" + otherKind(file) + "), expected " + expected);
    }
    String fs = fileSystem(file);
    if (KERNEL_FILE_SYSTEMS.contains(fs)) {
      throw refuse(displayName, "is not a regular file (a special file of the system's " + fs
          + " file system, whose content is made as it is read), expected " + expected);
    }
    if (a.size() == 0) return new byte[0];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw refuse(displayName, "cannot read file: " + describe(e));
    }
  }

  private static ScenarioException refuse(String displayName, String message) {
    return new ScenarioException(new Problem(Origin.of(displayName), "", message));
  }

  /** What a file that is neither a folder nor a regular file is, from its Unix mode if known. */
  private static String otherKind(Path file) {
    try {
      int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
      return switch (type) {
        case 0010000 -> "a pipe";
        case 0020000, 0060000 -> "a device";
        case 0140000 -> "a socket";
        default -> "a device or pipe";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException
        | ClassCastException | SecurityException e) {
      return "a device or pipe";
    }
  }

  /** The type of the file system that holds the file ("ext4", "proc", ...), or "" if unknown. */
  private static String fileSystem(Path file) {
    try {
      return Files.getFileStore(file).type();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e instanceof AccessDeniedException || e instanceof SecurityException ? "permission denied"
        : m == null ? e.getClass().getSimpleName() : m;
  }
}
