package org.hedgesim.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hedgesim.experiment.SweepProgress;

/**
 * A progress bar on the terminal (me.tongfei:progressbar) with the rate and the time left. Used
 * only on a terminal: off one, the library would keep rewriting its line into the log. Its methods
 * are synchronized: the hook of a stopped process closes the bar from its own thread.
 */
final class ProgressBarDisplay implements SweepProgress {
  private final String name;
  private ProgressBar bar;

  private final String unit;

  ProgressBarDisplay(String name) {
    this(name, "runs");
  }

  /** A bar counting {@code unit}: "runs", or "particles" for a calibration. */
  ProgressBarDisplay(String name, String unit) {
    this.name = name;
    this.unit = unit;
  }

  @Override
  public synchronized void start(long total, long done) {
    bar = new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(250)
        .startsFrom(done, Duration.ZERO)
        .setConsumer(new ConsoleProgressBarConsumer(System.err, width(System.getenv("COLUMNS"))))
        .build();
  }

  /**
   * The width of the bar's line: the terminal's when the shell exports {@code COLUMNS}, otherwise
   * 79. Given a width, the library does not open the terminal itself (through JLine), which would
   * set Ctrl-C back to the system's default and end the process at once, without its shutdown
   * hook: the staging folders would stay, and no line would say what was kept.
   */
  static int width(String columns) {
    try {
      int c = Integer.parseInt(columns == null ? "" : columns.strip());
      if (c >= 40 && c <= 1000) return c - 1;
    } catch (NumberFormatException e) {
      // not set, or not a number
    }
    return 79;
  }

  @Override
  public synchronized void advance(long done) {
    if (bar != null) bar.stepTo(done);
  }

  @Override
  public synchronized void finish(long done) {
    if (bar == null) return;
    bar.stepTo(done);
    bar.close();
    bar = null;
  }

  /**
   * Closes the bar where it stands and ends its line, so that the line saying what was kept starts
   * on a line of its own (the library draws from a thread of its own, which a stopping process no
   * longer lets through to the standard error: the newline comes from this one, the hook's).
   */
  @Override
  public synchronized void stopped() {
    if (bar == null) return;
    bar.close();
    bar = null;
    System.err.println();
    System.err.flush();
  }
}
