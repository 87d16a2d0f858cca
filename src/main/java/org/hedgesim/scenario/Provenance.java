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

  /** Whether a scalar reads as a number. */
  public static boolean isNumber(String text) {
    return text.strip().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  }
}
