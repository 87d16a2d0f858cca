package org.hedgesim.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The command line as the user typed it after {@code hedgesim}, for the manifest and the RO-Crate:
 * read from picocli's parse result of the whole command line (which keeps the original arguments),
 * so that no global has to carry it from {@code main} to the commands.
 */
final class TypedArguments {
  private TypedArguments() {}

  /** The arguments of the command line that is running {@code spec}; empty when none was parsed. */
  static List<String> of(CommandLine.Model.CommandSpec spec) {
    CommandLine root = spec.root().commandLine();
    CommandLine.ParseResult parsed = root == null ? null : root.getParseResult();
    return parsed == null ? List.of() : List.copyOf(parsed.originalArgs());
  }
}
