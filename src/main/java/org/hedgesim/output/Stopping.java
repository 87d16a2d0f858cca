package org.hedgesim.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the process does when it is stopped (Ctrl-C, that is SIGINT, or SIGTERM) in the middle of
 * a command: one shutdown hook for the whole process, not one per folder or per command, so that
 * the steps happen in the right order and the user reads one line, not several.
 *
 * <p>The hook (1) asks the thread that records finished work to hold still at its next
 * {@link #checkpoint()}, so that no result is half written while the rest is cleaned and the
 * count of what was kept is exact; (2) undoes, newest first, what the command registered with
 * {@link #onStop}: staging folders deleted, reserved empty folders and the parents made for them
 * removed, locks released; (3) prints the command's {@link #notice} line, saying what was kept
 * and how to go on. The exit code is the JVM's for the signal (130 for SIGINT, 143 for SIGTERM).
 *
 * <p>The hook also runs when the process ends normally, by which time every command has closed
 * its registrations, so it does nothing.
 */
public final class Stopping {

  /** What was registered; closing it takes it back (the work it guarded finished). */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** How long the hook waits for the recording thread to reach a checkpoint. */
  private static final long PAUSE_MILLIS = 300;

  /** The one instance of the process, whose hook is installed when it is first needed. */
  private static final Stopping PROCESS = new Stopping();

  private final Object lock = new Object();
  private final List<Runnable> cleanups = new ArrayList<>();
  private final List<Notice> notices = new ArrayList<>();
  private final CountDownLatch paused = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile Thread hookThread;
  private boolean hooked;

  private record Notice(PrintWriter err, Supplier<String> line) {}

  /** A separate instance, for tests of the steps without stopping the test's own process. */
  Stopping() {}

  /** Registers work to undo if the process is stopped before the registration is closed. */
  public static Registration onStop(Runnable cleanup) {
    return PROCESS.addCleanup(cleanup);
  }

  /**
   * Registers the line to print if the process is stopped before the registration is closed; of
   * several open at once (a command within a command), only the latest is printed.
   */
  public static Registration notice(PrintWriter err, Supplier<String> line) {
    return PROCESS.addNotice(err, line);
  }

  /**
   * {@code raw} (the standard error), but once the process is being stopped only the hook's own
   * thread gets through: a worker or the main thread that fails on a folder the hook has just
   * deleted would otherwise add a message or a stack trace after the one line.
   */
  public static java.io.OutputStream quietWhenStopping(java.io.OutputStream raw) {
    return PROCESS.guard(raw);
  }

  java.io.OutputStream guard(java.io.OutputStream raw) {
    return new java.io.FilterOutputStream(raw) {
      private boolean passes() {
        return !stopping || Thread.currentThread() == hookThread;
      }

      @Override
      public void write(int b) throws java.io.IOException {
        if (passes()) out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        if (passes()) out.write(b, off, len);
      }

      @Override
      public void flush() throws java.io.IOException {
        if (passes()) out.flush();
      }
    };
  }

  /** Whether the process is being stopped. */
  public static boolean stopping() {
    return PROCESS.stopping;
  }

  /**
   * Called by the thread that records finished work, between two results: if the process is
   * being stopped, it waits here until the JVM ends instead of writing more.
   */
  public static void checkpoint() {
    PROCESS.pauseIfStopping();
  }

  Registration addCleanup(Runnable cleanup) {
    synchronized (lock) {
      hook();
      cleanups.add(cleanup);
    }
    return () -> {
      synchronized (lock) {
        cleanups.remove(cleanup);
      }
    };
  }

  Registration addNotice(PrintWriter err, Supplier<String> line) {
    Notice n = new Notice(err, line);
    synchronized (lock) {
      hook();
      notices.add(n);
    }
    return () -> {
      synchronized (lock) {
        notices.remove(n);
      }
    };
  }

  private void hook() {
    if (hooked || this != PROCESS) return;
    hooked = true;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "hedgesim-stopping"));
  }

  void pauseIfStopping() {
    if (!stopping) return;
    paused.countDown();
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // the JVM is ending; keep still until it does
      }
    }
  }

  /** The hook's steps. */
  void stop() {
    List<Runnable> undo;
    Notice notice;
    synchronized (lock) {
      if (cleanups.isEmpty() && notices.isEmpty()) return;
      hookThread = Thread.currentThread();
      stopping = true;
      undo = new ArrayList<>(cleanups);
      notice = notices.isEmpty() ? null : notices.get(notices.size() - 1);
    }
    if (notice != null) {
      try {
        paused.await(PAUSE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = undo.size() - 1; i >= 0; i--) {
      try {
        undo.get(i).run();
      } catch (RuntimeException e) {
        // best effort: the others still run, and the line is still printed
      }
    }
    if (notice != null) {
      String line;
      try {
        line = notice.line().get();
      } catch (RuntimeException e) {
        line = "hedgesim: stopped";
      }
      notice.err().println(line);
      notice.err().flush();
    }
  }
}
