package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hedgesim.analysis.Report;
import org.hedgesim.output.FolderCheck;
import org.hedgesim.output.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim report DIR}: an offline HTML report of a results folder. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write an offline HTML report of a results folder.",
        "From a run, compare or sweep folder: the headline table, plots (also as SVG",
        "and PNG files), the event timeline, every parameter with its source, and the",
        "manifest, in one self-contained report.html that loads nothing from the",
        "network; for a saltelli or morris sweep also the ranked sensitivity indices",
        "and their bar charts. From a calibrate folder: each posterior against its prior",
        "(or, for cmaes, each profile), pair plots, predictive bands over the observed",
        "points with the hold-out shaded, the scores, identifiability and generations",
        "tables and the provenance. Written to DIR/report/ by default."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure",
        "2:bad input (not a results folder, a file missing or not matching manifest.json, existing report folder); nothing is written"})
final class ReportCommand implements Callable<Integer> {

  /** The report's folder inside a results folder. */
  static final String FOLDER = "report";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A results folder written by run, compare, sweep (whole or merged), sensitivity or calibrate.")
  Path folder;

  @Option(names = {"-o", "--out"}, paramLabel = "REPORT_DIR",
      description = "Folder to write report.html and plots/ into; it must not exist or be empty (default: DIR/report).")
  Path outDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(folder)) return bad(err, folder + ": no such folder");
    try {
      FolderCheck.requireIntact(folder);
    } catch (FolderCheck.Damaged e) {
      return bad(err, e.getMessage());
    }
    Path target = outDir != null ? outDir : folder.resolve(FOLDER);
    try (ResultFolder rf = ResultFolder.prepare(target)) {
      for (String n : rf.notices()) err.println("hedgesim report: " + n);
      err.flush();
      Report.write(folder, rf.file(""));
      rf.commit();
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return bad(err, "report folder " + e.getFile() + " " + e.getReason() + "; choose another with --out");
    } catch (Report.NotAResult e) {
      return bad(err, e.getMessage());
    } catch (NoSuchFileException e) {
      return bad(err, e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "not found"));
    }
    out.println("Report: " + target.toAbsolutePath().normalize().resolve(Report.FILE));
    out.flush();
    return ExitCodes.OK;
  }

  /** Writes the report of a complete (staged) results folder into its report/ subfolder. */
  static void writeInto(Path stagingFolder) throws IOException {
    Report.write(stagingFolder, stagingFolder.resolve(FOLDER));
  }

  private int bad(PrintWriter err, String message) {
    err.println("hedgesim report: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
