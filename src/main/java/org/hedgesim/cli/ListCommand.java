package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hedgesim.calibration.Calibration;
import org.hedgesim.calibration.CalibrationLoader;
import org.hedgesim.experiment.RobustLoader;
import org.hedgesim.experiment.RobustStudy;
import org.hedgesim.experiment.Sweep;
import org.hedgesim.experiment.SweepLoader;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.YNode;
import org.hedgesim.scenario.YamlReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hedgesim list}: the scenarios, metrics, event kinds and parameters there are. */
@Command(name = "list", mixinStandardHelpOptions = true,
    header = "List scenarios, sweeps, metrics, events and parameters.",
    description = "List the scenarios and sweeps in a folder, the metrics, the event kinds and the model parameters.")
final class ListCommand implements Callable<Integer> {

  /** Metrics recorded every step, with their meaning (docs/MODEL.md has the equations). */
  static final List<String[]> METRICS = List.of(
      new String[] {"alignment", "state, pole", "position toward the pole, -1 (balancing) to +1 (bandwagoning)"},
      new String[] {"lean", "state, K|L", "observable: (alignment to K - alignment to L) / 2, for each pair of poles"},
      new String[] {"vote_position", "state, K|L", "observable: logistic(vote_intercept + vote_slope x lean), 0 at L, 1 at K"},
      new String[] {"dependence", "state, pole", "weighted share of the state's flows with the pole"},
      new String[] {"returns", "state, pole", "value of ties R: the pole's flows over GDP, shared frameworks, believed courtship"},
      new String[] {"threat", "state, pole", "Walt's dyadic threat: relative power x proximity x distrust x grievance x dispute"},
      new String[] {"security_value", "state, pole", "the pole as protector against the worst other threat"},
      new String[] {"vulnerability", "state, pole", "dependence squared x distrust"},
      new String[] {"marginal_value", "state, pole", "m: what leaning toward the pole is worth (before the hedging penalty)"},
      new String[] {"credibility", "state, pole", "belief that the pole's promises are kept, 0 to 1"},
      new String[] {"fdi_stock", "state, pole", "investment stock from the pole in the state, US$ bn"},
      new String[] {"<channel>_share", "state, pole", "the pole's share of the state's flows in one channel (stocks for stock channels)"},
      new String[] {"<channel>_inflow_share", "state, pole", "for a stock channel: the pole's share of this year's inflows"},
      new String[] {"hedging_index", "state", "1 - (max - min alignment) / 2; 1 = equidistant"},
      new String[] {"autonomy", "state", "1 - largest dependence on one pole"},
      new String[] {"legitimacy", "state", "domestic legitimacy, 0 to 1"},
      new String[] {"nationalism", "state", "nationalist pressure, 0 to 1"},
      new String[] {"growth_expectation", "state", "the growth the public expects; it adapts to the growth it sees"},
      new String[] {"memberships", "state", "number of frameworks the state belongs to"},
      new String[] {"hhi", "state, channel", "Herfindahl index of the state's partners in a channel"},
      new String[] {"hhi_norm", "state, channel", "the same, rescaled to 0..1 for the number of partners"},
      new String[] {"trust", "state, actor", "perceived benignity of the other, 0 to 1 (a survey-like index)"},
      new String[] {"exit_pressure", "state, framework", "pressure to leave the framework (the same formula for non-members)"},
      new String[] {"salience", "state, dispute", "how much a dispute weighs, 0 to 1"},
      new String[] {"capability", "pole", "share of world capability; it follows relative GDP"},
      new String[] {"courtship", "pole, state", "offered investment and aid, US$ bn a year"},
      new String[] {"coercion", "pole, state", "share of sanctionable flows cut: scripted sanctions and coercion together"},
      new String[] {"gdp", "actor", "GDP, US$ bn"});

  static final List<String> EVENT_KINDS = List.of("exit", "join", "project", "sanction",
      "lift_sanction", "trade_agreement", "visit", "aid", "approach", "shock", "set", "reroute",
      "relation", "incident", "leader");

  /** Kinds that appear in events.csv besides the scenario's own. */
  static final List<String> LOGGED_KINDS = List.of("project_start", "project_delay",
      "project_complete", "offer", "regime_switch", "skipped");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenarios", paramLabel = "DIR",
      description = "Folder of scenario files to list (default: scenarios/ here, else the one beside the installation).")
  Path given;

  /**
   * The folders {@code list} looks in when no {@code --scenarios} is given: {@code scenarios/} in
   * the working folder, then the one beside the installation (the repository that holds the jar
   * or the classes).
   */
  static List<Path> defaultFolders() {
    List<Path> out = new java.util.ArrayList<>(List.of(Path.of("scenarios")));
    try {
      Path code = Path.of(ListCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/hedgesim.jar or target/classes: the repository is two levels up
      Path repo = code.toAbsolutePath().getParent() == null ? null : code.toAbsolutePath().getParent().getParent();
      if (repo != null) out.add(repo.resolve("scenarios"));
    } catch (java.net.URISyntaxException | SecurityException | NullPointerException
        | java.nio.file.FileSystemNotFoundException | IllegalArgumentException e) {
      // no installation folder to offer: the working folder's is the only candidate
    }
    return out;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = given;
    if (given != null && !Files.isDirectory(given)) {
      spec.commandLine().getErr().println("hedgesim list: --scenarios " + given + ": no such folder");
      spec.commandLine().getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    List<Path> looked = defaultFolders();
    if (folder == null) folder = looked.stream().filter(Files::isDirectory).findFirst().orElse(null);
    if (folder == null) {
      out.println("Scenarios: none found; looked in "
          + String.join(" and ", looked.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList())
          + " (give a folder with --scenarios DIR)");
    } else {
      out.println("Scenarios in " + folder + ":");
    }
    if (folder != null) {
      for (Path p : yamlFiles(folder)) out.printf("  %-40s %s%n", fileName(p), describe(p, false));
      listSubfolders(out, folder);
    }
    out.println();
    out.println("Metrics (timeseries.csv, summary.csv):");
    for (String[] m : METRICS) out.printf("  %-22s %-18s %s%n", m[0], "[" + m[1] + "]", m[2]);
    out.println();
    out.println("Event kinds (events: in a scenario): " + String.join(", ", EVENT_KINDS));
    out.println("Also in events.csv (decided by the model): " + String.join(", ", LOGGED_KINDS));
    out.println();
    out.println("Model parameters (parameters: in a scenario):");
    for (Parameter p : Parameter.values()) out.printf("  %-32s %s [%s]%n", p.key(), p.description(), p.unit());
    out.println();
    out.println("Mechanisms (knock_out: in a scenario; hedgesim explain switches each off in turn):");
    for (org.hedgesim.scenario.Mechanism m : org.hedgesim.scenario.Mechanism.values()) {
      out.printf("  %-32s %s%n", m.key(), m.description());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** A file's name as listed, escaped: a folder may hold files named with control characters. */
  /**
   * The folders inside the scenarios folder, each with its files: sweeps, hindcasts with their
   * calibration files, robust-decision studies, benchmark worlds, the cluster recipe; each file
   * says what it is and which command takes it.
   */
  private static void listSubfolders(PrintWriter out, Path folder) throws IOException {
    List<Path> subs;
    try (Stream<Path> s = Files.list(folder)) {
      subs = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path sub : subs) {
      List<Path> files;
      try (Stream<Path> s = Files.list(sub)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      if (files.isEmpty()) continue;
      out.println();
      out.println(sub.getFileName().toString().equals("sweeps")
          ? "Sweeps in " + sub + " (hedgesim sweep FILE; a saltelli or morris design: hedgesim sensitivity FILE):"
          : "In " + sub + ":");
      for (Path p : files) {
        String name = p.getFileName().toString();
        String what = name.endsWith(".yaml") ? describe(p, true)
            : name.endsWith(".sh") ? "a shell recipe (see docs/CLUSTER.md for the Slurm one)" : "a data file";
        out.printf("  %-40s %s%n", fileName(p), what);
      }
    }
  }

  private static String warned(int n) {
    return n == 0 ? "" : " (" + n + (n == 1 ? " warning" : " warnings") + "; see hedgesim validate)";
  }

  private static List<Path> yamlFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(f -> f.toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList();
    }
  }

  /**
   * One line on a YAML file: a scenario's description, a sweep's runs and design, a calibration's
   * method and free parameters, a robust study's settings and futures; the kind is named when
   * {@code kindNamed} (in folders that mix kinds). An invalid file says how many problems it has,
   * a scenario with warnings how many.
   */
  static String describe(Path p, boolean kindNamed) {
    try {
      YNode.YMap doc = YamlReader.readCollecting(p, p.toString()).tree();
      if (SweepLoader.isSweep(doc)) {
        Sweep sw = SweepLoader.load(p, p.toString());
        return sw.runs() + " runs, " + sw.design().kind() + ": " + firstLine(sw.description()) + warned(sw.warnings().size());
      }
      if (CalibrationLoader.isCalibration(doc)) {
        Calibration c = CalibrationLoader.load(p, p.toString());
        return "calibration (" + c.method().word + ", " + c.parameters().size() + " free parameters; hedgesim calibrate FILE): "
            + firstLine(c.description());
      }
      if (RobustLoader.isRobust(doc)) {
        RobustStudy r = RobustLoader.load(p, p.toString());
        return "robust study (" + r.settingCount() + " settings x " + r.futureCount() + " futures; hedgesim robust FILE): "
            + firstLine(r.description());
      }
      ScenarioLoader.Loaded loaded = ScenarioLoader.loadChecked(p, p.toString(), false);
      return (kindNamed ? "scenario: " : "") + firstLine(loaded.scenario().description()) + warned(loaded.warnings().size());
    } catch (ScenarioException e) {
      return "(invalid: " + e.problems().size() + " problems; see hedgesim validate)";
    }
  }

  private static String fileName(Path p) {
    return org.hedgesim.scenario.TerminalText.escape(p.getFileName().toString());
  }

  /** The start of a description, one line, with control and formatting characters escaped. */
  private static String firstLine(String s) {
    String t = s.strip().replace('\n', ' ');
    return org.hedgesim.scenario.TerminalText.escape(t.length() > 70 ? t.substring(0, 67) + "..." : t);
  }
}
