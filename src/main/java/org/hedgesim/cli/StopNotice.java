package org.hedgesim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.output.Stopping;
import picocli.CommandLine;

/**
 * The one line a long command prints when it is stopped (Ctrl-C, SIGTERM) before the end: what
 * was kept and how to go on. Work that is journaled (sweep, sensitivity, calibrate) is kept, and
 * the line gives the command that takes it up; the other commands write their folder all at once,
 * so nothing of theirs is left to take up. The {@link Stopping} hook prints it, after the clean-up.
 */
final class StopNotice {

  /** The line of a command whose results are written all at once. */
  static final String NOTHING_WRITTEN = "hedgesim: stopped; nothing was written (runs are not resumable: start again)";

  private StopNotice() {}

  /** For run, compare, explain and robust, writing {@code target}. */
  static Stopping.Registration notResumable(PrintWriter err, Path target, Tally tally) {
    return Stopping.notice(err, () -> {
      tally.stopped();
      return complete(target) ? finished(target) : NOTHING_WRITTEN;
    });
  }

  /**
   * Whether the results folder was moved into place: the signal came after the last piece of
   * work, while the files were being finished, and the command went on to the end.
   */
  private static boolean complete(Path target) {
    try (var s = Files.list(target)) {
      return s.findAny().isPresent();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String finished(Path target) {
    return "hedgesim: stopped after the results were complete; they are in " + target;
  }

  /**
   * For a command with {@code --resume} whose staging folder for {@code target} keeps the finished
   * work. With {@code counted}, the line says how many of the tally's {@code unit} were kept (each
   * one is journaled before it is counted); otherwise (a calibration, which keeps whole
   * generations) only that the finished work was kept.
   */
  static Stopping.Registration resumable(PrintWriter err, CommandLine.Model.CommandSpec spec, Path target, Tally tally,
      String unit, boolean counted) {
    String resume = resumeCommand(spec, target);
    return Stopping.notice(err, () -> {
      tally.stopped();
      if (complete(target)) return finished(target);
      if (!Files.isDirectory(ResultFolder.stagingOf(target))) {
        return "hedgesim: stopped; nothing was written (start again with the same command)";
      }
      String kept = counted && tally.started()
          ? String.format(Locale.ROOT, "kept %d of %d %s in %s", tally.done(), tally.total(), unit, target)
          : "kept the finished work in " + target;
      return "hedgesim: stopped; " + kept + "; resume with: " + resume;
    });
  }

  /**
   * The command line that takes the work up: the one given, with {@code --resume} and
   * {@code --out} added where they were not given, quoted for a POSIX shell where needed.
   */
  static String resumeCommand(CommandLine.Model.CommandSpec spec, Path target) {
    List<String> given = spec.commandLine().getParseResult() == null ? List.of()
        : spec.commandLine().getParseResult().originalArgs();
    int at = given.indexOf(spec.name());
    List<String> rest = new ArrayList<>(given.subList(at + 1, given.size()));
    List<String> words = new ArrayList<>(List.of("hedgesim", spec.name()));
    if (!has(rest, "--resume")) words.add("--resume");
    if (!has(rest, "--out") && !has(rest, "-o")) {
      words.add("--out");
      words.add(target.toString());
    }
    words.addAll(rest);
    return String.join(" ", words.stream().map(StopNotice::quoted).toList());
  }

  private static boolean has(List<String> args, String option) {
    return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "=")
        || option.length() == 2 && a.startsWith(option) && !a.startsWith("--"));
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
