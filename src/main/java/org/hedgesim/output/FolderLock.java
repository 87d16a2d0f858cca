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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One process at a time for a results folder: an exclusive lock ({@link FileChannel#lock}) on a
 * lock file {@code .NAME.lock} beside the folder and its {@code .NAME.partial/}, which names the
 * holder ({@code pid host}). The system drops the lock when its process dies, so the lock of a
 * killed process is taken over at once. On release the file is marked {@code released} and
 * deleted; a process that waited on the deleted file sees the mark once it has the lock and locks
 * the file now under that name instead, so two processes never hold "the" lock at once. Within one JVM a semaphore per folder does the same, since file locks are held per JVM;
 * and the file is read only by a process that holds no lock on it, since closing any descriptor of
 * a file drops the process's POSIX locks on it.
 */
public final class FolderLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
  /** What a lock file holds once its holder is done, just before it is deleted. */
  private static final String RELEASED = "released\n";

  private final Path file;
  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;
  /** Whether the lock is still held: it is given up once, by the command or when the process is stopped. */
  private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
  /** Gives the lock up (and deletes its file) if the process is stopped while it is held. */
  private Stopping.Registration onStop;

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
      // held by another thread of this process: reading the file here would drop that thread's lock
      waiting.accept(message(file, ProcessHandle.current().pid() + " " + host()));
      told = true;
      local.acquireUninterruptibly();
    }
    try {
      String holder = ProcessHandle.current().pid() + " " + host() + "\n";
      while (true) {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
          FileLock l = ch.tryLock();
          if (l == null) {
            if (!told) waiting.accept(message(file, readOrEmpty(file)));
            told = true;
            l = ch.lock();
          }
          if (released(ch)) { // its holder deleted this file after we opened it: lock the new one
            l.release();
            ch.close();
            continue;
          }
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
          ch.force(false);
          FolderLock taken = new FolderLock(file, local, ch, l);
          taken.onStop = Stopping.onStop(taken::release);
          return taken;
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
      }
    } catch (IOException | RuntimeException e) {
      local.release();
      throw e;
    }
  }

  /** Whether the locked file holds {@link #RELEASED}, read through the channel that holds the lock. */
  private static boolean released(FileChannel ch) throws IOException {
    byte[] mark = RELEASED.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(mark.length + 1);
    ch.read(b, 0);
    return b.position() == mark.length && java.util.Arrays.equals(b.array(), 0, mark.length, mark, 0, mark.length);
  }

  private static String message(Path file, String holderLine) {
    String[] holder = holderLine.strip().split(" ");
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

  /**
   * Marks the lock file {@link #RELEASED}, deletes it and releases the lock. A process that opened
   * the file before it was deleted finds the mark once it has the lock, and locks the new file.
   */
  @Override
  public void close() throws IOException {
    if (onStop != null) onStop.close();
    if (file == null || !open.compareAndSet(true, false)) return;
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(RELEASED.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
    } finally {
      local.release();
    }
  }

  /** {@link #close()} from the stopping process's hook: its failure only leaves a lock file, which the next taker reuses. */
  private void release() {
    try {
      close();
    } catch (IOException e) {
      // the lock dies with the process anyway
    }
  }
}
