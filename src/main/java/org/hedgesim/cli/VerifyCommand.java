package org.hedgesim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hedgesim.output.FolderCheck;
import org.hedgesim.output.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hedgesim verify DIR}: whether a results folder is complete and unchanged since it was written. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Check a results folder against its manifest.json.",
    description = {"Check a results folder (run, compare, explain, sweep, shard or merged sweep)",
        "against its manifest.json: every output it lists must be there with its size",
        "and SHA-256. Files it does not list are named as a note and not checked."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the folder is complete", "1:run-time failure",
        "2:not a results folder, unfinished, or a file missing or changed (each is named)"})
final class VerifyCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A results folder.")
  Path folder;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(folder)) {
      Path staging = ResultFolder.stagingOf(folder);
      String why = Files.isDirectory(staging)
          ? " is not finished: its unfinished work is in " + staging + "; finish it with 'hedgesim sweep ... --out "
              + folder + " --resume'"
          : ": no such folder";
      return bad(err, folder + why);
    }
    FolderCheck.Verdict v = FolderCheck.check(folder);
    for (String name : v.unlisted()) {
      err.println("hedgesim verify: note: " + folder.resolve(name) + " is not listed in manifest.json; not checked");
    }
    if (!v.complete()) {
      for (String p : v.problems()) err.println("hedgesim verify: " + p);
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    err.flush();
    out.println(folder + ": complete, " + v.matched() + " file" + (v.matched() == 1 ? "" : "s") + " match manifest.json");
    out.flush();
    return ExitCodes.OK;
  }

  private static int bad(PrintWriter err, String message) {
    err.println("hedgesim verify: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
