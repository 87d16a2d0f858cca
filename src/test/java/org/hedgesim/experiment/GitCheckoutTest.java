package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit of an installation, read from .git by hand, and nothing where there is no checkout. */
class GitCheckoutTest {
  @TempDir
  Path dir;

  private static final String A = "0123456789abcdef0123456789abcdef01234567";
  private static final String B = "89abcdef0123456789abcdef0123456789abcdef";

  @Test
  void aFolderThatIsNoCheckout_hasNoCommit() {
    assertEquals(Optional.empty(), GitCheckout.of(dir));
    assertEquals(Optional.empty(), GitCheckout.commit(dir));
  }

  @Test
  void commit_followsALooseRef_packedRefs_aDetachedHead_andAWorktreeFile() throws Exception {
    Path git = Files.createDirectories(dir.resolve("repo/.git/refs/heads"));
    Files.writeString(dir.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(git.resolve("main"), A + "\n");
    assertEquals(Optional.of(A), GitCheckout.commit(dir.resolve("repo")));
    Files.delete(git.resolve("main"));
    Files.writeString(dir.resolve("repo/.git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
        + B + " refs/heads/main\n^" + A + "\n");
    assertEquals(Optional.of(B), GitCheckout.commit(dir.resolve("repo")));
    Path worktree = Files.createDirectories(dir.resolve("repo/.git/worktrees/other"));
    Files.writeString(worktree.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(worktree.resolve("commondir"), "../..\n");
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/.git"), "gitdir: " + worktree + "\n");
    assertEquals(Optional.of(B), GitCheckout.commit(dir.resolve("other")), "a linked worktree shares packed-refs");
    Files.writeString(dir.resolve("repo/.git/HEAD"), A + "\n");
    assertEquals(Optional.of(A), GitCheckout.commit(dir.resolve("repo")), "detached");
    Files.writeString(dir.resolve("repo/.git/HEAD"), "ref: refs/heads/gone\n");
    assertEquals(Optional.empty(), GitCheckout.commit(dir.resolve("repo")), "a branch with no commit yet");
  }

  @Test
  void theTestedInstallation_isThisCheckout() {
    Optional<GitCheckout> here = GitCheckout.installation();
    if (!Files.exists(Fixtures.repo().resolve(".git"))) return; // a source archive: nothing to find
    assertTrue(here.isPresent(), "the tests run from target/classes of a git checkout");
    assertTrue(here.get().commit().matches("[0-9a-f]{40}"), here.get().commit());
    assertEquals(GitCheckout.commit(Fixtures.repo()), Optional.of(here.get().commit()));
  }
}
