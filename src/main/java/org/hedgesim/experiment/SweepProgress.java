package org.hedgesim.experiment;

/**
 * Hears how far a sweep (or a run's replications, a comparison, a calibration) has got; the
 * command line shows it as a bar or as lines. Calls come from the one thread that records the
 * finished work, in order, never from the workers.
 */
public interface SweepProgress {

  /** Nothing shown. */
  SweepProgress NONE = new SweepProgress() {
    @Override
    public void start(long total, long done) {}

    @Override
    public void advance(long done) {}

    @Override
    public void finish(long done) {}
  };

  /**
   * The sweep (or shard) has {@code total} runs, of which {@code done} were finished by an earlier,
   * interrupted process.
   */
  void start(long total, long done);

  /** {@code done} runs are now finished (called after each run, from one thread). */
  void advance(long done);

  void finish(long done);

  /** The process is being stopped (Ctrl-C) before the end: a display tidies the terminal. */
  default void stopped() {}
}
