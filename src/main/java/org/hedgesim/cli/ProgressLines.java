package org.hedgesim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.hedgesim.experiment.SweepProgress;

/**
 * Progress as plain lines, for logs and batch jobs (no terminal): one line every few seconds and
 * one at the end, each with the runs done, the rate of this process and the time left. A display
 * that is {@code quietWhenShort} (what {@code run}, {@code compare} and {@code explain} show off a
 * terminal unless asked for lines) prints nothing for work done before its first line is due, so
 * that a script running a quick command sees no more on its standard error than before.
 */
final class ProgressLines implements SweepProgress {
  private final PrintWriter err;
  private final String name;
  private final long intervalNanos;
  private long total;
  private long startDone;
  private long t0;
  private long lastLine;

  /** What is counted: "runs", or "particles" for a calibration. */
  private final String unit;

  /** Whether the last line is left out when no line was printed before it. */
  private final boolean quietWhenShort;
  private boolean printed;

  ProgressLines(PrintWriter err, String name, long intervalSeconds) {
    this(err, name, intervalSeconds, "runs");
  }

  ProgressLines(PrintWriter err, String name, long intervalSeconds, String unit) {
    this(err, name, intervalSeconds, unit, false);
  }

  ProgressLines(PrintWriter err, String name, long intervalSeconds, String unit, boolean quietWhenShort) {
    this.quietWhenShort = quietWhenShort;
    this.unit = unit;
    this.err = err;
    this.name = name;
    this.intervalNanos = Math.max(1, intervalSeconds) * 1_000_000_000L;
  }

  @Override
  public synchronized void start(long total, long done) {
    this.total = total;
    this.startDone = done;
    this.t0 = System.nanoTime();
    this.lastLine = t0;
    if (done > 0) {
      err.printf(Locale.ROOT, "%s: %d of %d %s were finished before; going on from there%n", name, done, total, unit);
      err.flush();
    }
  }

  @Override
  public synchronized void advance(long done) {
    long now = System.nanoTime();
    if (now - lastLine >= intervalNanos) {
      lastLine = now;
      line(done, now);
    }
  }

  @Override
  public synchronized void finish(long done) {
    if (!quietWhenShort || printed) line(done, System.nanoTime());
  }

  private void line(long done, long now) {
    printed = true;
    double seconds = (now - t0) / 1e9;
    double rate = seconds > 0 ? (done - startDone) / seconds : 0;
    String eta = rate > 0 ? clock((total - done) / rate) : "?";
    err.printf(Locale.ROOT, "%s: %d/%d " + unit + " (%.1f%%), %.1f " + unit + "/s, %s elapsed, ETA %s%n", name, done,
        total, total == 0 ? 100.0 : 100.0 * done / total, rate, clock(seconds), eta);
    err.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
  }
}
