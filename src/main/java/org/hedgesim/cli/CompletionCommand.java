package org.hedgesim.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hedgesim completion}: prints a completion script for bash and zsh, made by picocli's
 * {@link AutoComplete} from the command line's own options, so it never falls behind them.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a bash/zsh completion script for hedgesim.",
        "Load it now with: source <(hedgesim completion)",
        "or keep it: hedgesim completion > ~/.local/share/bash-completion/completions/hedgesim"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the script was printed", "1:it could not be written"})
final class CompletionCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash(root.getCommandName(), root);
    var out = spec.commandLine().getOut();
    out.print(script);
    out.flush();
    if (out.checkError()) {
      spec.commandLine().getErr().println("hedgesim: could not write the completion script to standard output");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
