package org.hedgesim.experiment;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The git commit of the hedgesim installation that wrote a result, so that a result can be traced to
 * the exact source even between releases. The installation folder is the one the launcher runs from:
 * the folder holding {@code target/} with the classes or the jar. The commit is read from the files
 * of {@code .git} directly ({@code HEAD}, a loose ref or {@code packed-refs}, following the
 * {@code gitdir:} file of a worktree), so that it is found without git installed and without starting
 * a process. Whether the tree has uncommitted changes cannot be read that way (it takes comparing the
 * index with the files), so {@code dirty} asks {@code git status} with a short time limit and is
 * unknown (null) where git is missing or slow. Nothing here ever fails the command.
 *
 * @param commit the 40 hexadecimal digits of the checked-out commit
 * @param dirty whether tracked files differ from that commit; null when it could not be told
 */
public record GitCheckout(String commit, Boolean dirty) {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  /** How long {@code git status} may take before the dirty flag is given up as unknown. */
  private static final long STATUS_SECONDS = 5;

  /**
   * The checkout of the running installation, found once per process: the tree does not change
   * under a running command in any way that matters to it, and one look costs a process start.
   */
  public static Optional<GitCheckout> installation() {
    return Installation.CHECKOUT;
  }

  private static final class Installation {
    static final Optional<GitCheckout> CHECKOUT = installationFolder().flatMap(GitCheckout::of);
  }

  /**
   * The folder hedgesim was built in: the parent of {@code target/} when the classes are
   * {@code target/classes} or the jar is {@code target/*.jar}; empty for any other layout (an
   * installed jar elsewhere), where no source tree can be claimed.
   */
  static Optional<Path> installationFolder() {
    try {
      var source = GitCheckout.class.getProtectionDomain().getCodeSource();
      if (source == null) return Optional.empty();
      Path p = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      Path target = p.getParent(); // of target/classes or of target/hedgesim.jar
      if (target == null || target.getFileName() == null || !target.getFileName().toString().equals("target")) {
        return Optional.empty();
      }
      return Optional.ofNullable(target.getParent());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException
        | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The checkout in {@code folder}, or empty when it is not the top of a git working tree. */
  public static Optional<GitCheckout> of(Path folder) {
    Optional<String> commit = commit(folder);
    return commit.map(c -> new GitCheckout(c, dirty(folder)));
  }

  /** The commit checked out in {@code folder}, from the files of its {@code .git}. */
  static Optional<String> commit(Path folder) {
    try {
      Path git = gitDirectory(folder);
      if (git == null) return Optional.empty();
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
      if (SHA.matcher(head).matches()) return Optional.of(head); // detached
      if (!head.startsWith("ref: ")) return Optional.empty();
      String ref = head.substring(5).strip();
      Path common = commonDirectory(git);
      for (Path dir : List.of(git, common)) {
        Path loose = dir.resolve(ref);
        if (Files.isRegularFile(loose)) {
          String sha = Files.readString(loose, StandardCharsets.UTF_8).strip();
          return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
        }
      }
      Path packed = common.resolve("packed-refs");
      if (!Files.isRegularFile(packed)) return Optional.empty();
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        // "<sha> <ref>"; comments start with '#', peeled tags with '^'
        int space = line.indexOf(' ');
        if (space == 40 && line.substring(space + 1).strip().equals(ref) && SHA.matcher(line.substring(0, 40)).matches()) {
          return Optional.of(line.substring(0, 40));
        }
      }
      return Optional.empty();
    } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** {@code .git} of the folder: the folder itself, or the one a worktree's {@code .git} file names. */
  private static Path gitDirectory(Path folder) throws IOException {
    Path dotGit = folder.resolve(".git");
    if (Files.isDirectory(dotGit)) return dotGit;
    if (!Files.isRegularFile(dotGit)) return null;
    String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
    if (!text.startsWith("gitdir:")) return null;
    Path dir = folder.resolve(text.substring(7).strip()).normalize();
    return Files.isDirectory(dir) ? dir : null;
  }

  /** Where a worktree's shared refs live ({@code commondir}), or the git folder itself. */
  private static Path commonDirectory(Path git) throws IOException {
    Path file = git.resolve("commondir");
    if (!Files.isRegularFile(file)) return git;
    return git.resolve(Files.readString(file, StandardCharsets.UTF_8).strip()).normalize();
  }

  /**
   * Whether tracked files differ from the commit ({@code git status --porcelain
   * --untracked-files=no} prints anything); null when git cannot be run or takes too long.
   */
  static Boolean dirty(Path folder) {
    Path listing = null;
    Process p = null;
    try {
      listing = Files.createTempFile("hedgesim-git-status", ".txt");
      p = new ProcessBuilder("git", "-C", folder.toString(), "status", "--porcelain", "--untracked-files=no")
          .redirectOutput(listing.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice())))
          .start();
      if (!p.waitFor(STATUS_SECONDS, TimeUnit.SECONDS)) return null;
      return p.exitValue() == 0 ? Files.size(listing) > 0 : null;
    } catch (IOException | SecurityException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (p != null && p.isAlive()) p.destroyForcibly();
      if (listing != null) {
        try {
          Files.deleteIfExists(listing);
        } catch (IOException e) {
          // a leftover empty temporary file is harmless
        }
      }
    }
  }

  private static String nullDevice() {
    return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
  }
}
