package org.hedgesim.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One process at a time for a results folder: an exclusive lock ({@link FileChannel#lock}) on a
 * lock file {@code .NAME.lock} beside the folder and its {@code .NAME.partial/}, which names the
 * holder ({@code pid host}). The system drops the lock when its process dies, so the lock of a
 * killed process is taken over at once. The file is deleted on release; a process that was waiting
 * on the deleted file notices (its token is not in the file under that name) and locks anew. Within
 * one JVM a semaphore per folder does the same, since file locks are held per JVM.
 */
public final class FolderLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path file, Semaphore local, FileChannel channel, FileLock lock) {
    this.file = file;
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of a results folder. */
  public static Path fileOf(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    return abs.getParent().resolve("." + abs.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code target}, waiting for its holder to finish if another process (or
   * thread) has it.
   *
   * @param waiting told, once, who holds the lock when this call has to wait for it
   */
  public static FolderLock take(Path target, Consumer<String> waiting) throws IOException {
    Path file = fileOf(target);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      return new FolderLock(null, null, null, null); // nothing can be written there: the results folder says why
    }
    Semaphore local = IN_THIS_JVM.computeIfAbsent(file, f -> new Semaphore(1));
    boolean told = false;
    if (!local.tryAcquire()) {
      waiting.accept(message(file));
      told = true;
      local.acquireUninterruptibly();
    }
    try {
      String token = ProcessHandle.current().pid() + " " + host() + " " + UUID.randomUUID() + "\n";
      while (true) {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock l = ch.tryLock();
        if (l == null) {
          if (!told) waiting.accept(message(file));
          told = true;
          l = ch.lock();
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        if (token.equals(readOrEmpty(file))) return new FolderLock(file, local, ch, l);
        l.release(); // the file was deleted by the holder we waited for: lock the new one
        ch.close();
      }
    } catch (IOException | RuntimeException e) {
      local.release();
      throw e;
    }
  }

  private static String message(Path file) {
    String[] holder = readOrEmpty(file).strip().split(" ");
    String who = holder.length >= 2 ? "process " + holder[0] + " on " + holder[1] : "another process";
    String name = file.getFileName().toString();
    Path folder = file.resolveSibling(name.substring(1, name.length() - ".lock".length()));
    return "waiting for " + who + ", which is working on " + folder + ", to finish";
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  /** This machine's name, as the lock file and stale staging folders record it. */
  public static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "_");
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** Deletes the lock file and releases the lock. */
  @Override
  public void close() throws IOException {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
    } finally {
      local.release();
    }
  }
}
