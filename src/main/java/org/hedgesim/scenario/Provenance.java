package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * Lists every value of a resolved scenario with its path and source, for the manifest and for the
 * check that each number of a shipped scenario cites its evidence.
 */
public final class Provenance {

  private Provenance() {}

  public static List<SourcedValue> of(YMap tree) {
    List<SourcedValue> out = new ArrayList<>();
    walk(tree, "", "", out);
    return List.copyOf(out);
  }

  private static void walk(YNode node, String path, String listName, List<SourcedValue> out) {
    if (node instanceof YScalar s) {
      if (!s.isNull()) out.add(new SourcedValue(path, s.text(), s.source(), s.origin()));
    } else if (node instanceof YMap m) {
      for (Map.Entry<String, YMap.Entry> e : m.entries().entrySet()) {
        walk(e.getValue().value(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getKey(), out);
      }
    } else if (node instanceof YList l) {
      for (int i = 0; i < l.items().size(); i++) {
        YNode item = l.items().get(i);
        String id = item instanceof YMap m ? Inheritance.identity(listName, m) : null;
        String here = path + "[" + (id == null ? Integer.toString(i) : id) + "]";
        walk(item, here, listName, out);
      }
    }
  }

  /** Keys that are settings of a run rather than evidence about the world: they need no source. */
  public static final java.util.Set<String> RUN_SETTINGS = java.util.Set.of("seed", "replications");

  /**
   * Every number of a resolved scenario, outside the built-in defaults and the run settings, that
   * has no {@code source:} (neither its own, nor one of an enclosing entry or of the file): the
   * problems of {@code validate --strict-provenance}, in file order.
   */
  public static List<Problem> unsourced(Scenario s) {
    List<Problem> out = new ArrayList<>();
    for (SourcedValue v : s.provenance()) {
      if (v.origin().file().equals(Inheritance.DEFAULTS_NAME)) continue;
      if (RUN_SETTINGS.contains(v.path()) || !isNumber(v.value())) continue;
      if (v.source() == null || v.source().isBlank()) {
        out.add(new Problem(v.origin(), v.path(), "the number " + v.value() + " has no source; cite a "
            + "source text and its sentence, a FACTS.md entry, or write 'assumption: ' and why (docs/SCENARIOS.md, section 7)"));
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** Whether a scalar reads as a number. */
  public static boolean isNumber(String text) {
    return text.strip().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  }
}
