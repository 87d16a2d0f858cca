package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hedgesim.experiment.SweepException;
import org.hedgesim.experiment.SweepMerge;
import org.hedgesim.output.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim merge DIR... --out DIR}: joins the shards of a sweep into one result. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Join the shards of a sweep into one result (docs/CLUSTER.md).",
        "The files are byte for byte those of the whole sweep run in one process."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure",
        "2:bad input (shards of different sweeps or splits, a missing or unfinished shard, an existing output folder)"})
final class MergeCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' results folders, in any order.")
  List<Path> shards;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
      description = "Results folder to create; it must not exist or be empty.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      SweepMerge.Result r = SweepMerge.merge(shards, out, TypedArguments.of(spec));
      for (String n : r.notices()) err.println("hedgesim merge: " + n);
      err.flush();
      PrintWriter o = spec.commandLine().getOut();
      o.println("Merged " + r.shards() + " shards, " + r.runs() + " runs. Results: " + r.folder());
      o.flush();
      return ExitCodes.OK;
    } catch (SweepException e) {
      err.println("hedgesim merge: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      err.println("hedgesim merge: output folder " + e.getFile() + " " + e.getReason());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
  }
}
