package org.hedgesim.cli;

import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.output.Stopping;

/**
 * The progress display of a long command, which also remembers how far the work has got, for the
 * line printed if the process is stopped ("kept 37 of 120 runs"), and after each finished piece of
 * work lets a stopping process hold the recording thread still ({@link Stopping#checkpoint()}), so
 * that the count is exact and nothing more is written while the hook cleans up.
 */
final class Tally implements SweepProgress {
  private final SweepProgress shown;
  private volatile boolean started;
  private volatile long total;
  private volatile long done;

  Tally(SweepProgress shown) {
    this.shown = shown;
  }

  @Override
  public void start(long total, long done) {
    this.total = total;
    this.done = done;
    started = true;
    shown.start(total, done);
  }

  @Override
  public void advance(long done) {
    this.done = done;
    shown.advance(done);
    Stopping.checkpoint();
  }

  @Override
  public void finish(long done) {
    this.done = done;
    shown.finish(done);
  }

  @Override
  public void stopped() {
    shown.stopped();
  }

  /** Whether the work was counted at all (it had started when the process was stopped). */
  boolean started() {
    return started;
  }

  long total() {
    return total;
  }

  long done() {
    return done;
  }
}
