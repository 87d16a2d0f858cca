package org.hedgesim.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.Numbers;
import org.hedgesim.scenario.TreePath;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The scenario a calibration writes, {@code calibrated.yaml}: it {@code extends} the base scenario
 * and sets each free parameter to its posterior median, with a {@code source:} that carries the
 * calibration file's hash, the median and the 90% credible interval, so that every later run of it
 * (and of a what-if that extends it) cites the estimate and its uncertainty. Entries of lists are
 * written by their identity ({@code id}, a relation's {@code between}, a flow's kind, from and to),
 * which is how {@code extends} merges them.
 */
public final class CalibratedScenario {

  private CalibratedScenario() {}

  /**
   * The file's text.
   *
   * @param extendsPath the base scenario, relative to the folder the file is written in
   * @param hash the SHA-256 of the calibration file
   */
  public static String yaml(Calibration c, List<PosteriorSummary> summary, String extendsPath, String hash,
      String method) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", c.baseScenario().name() + "-calibrated");
    root.put("extends", extendsPath);
    root.put("description", "The scenario " + c.baseScenario().name() + " with the " + summary.size()
        + " parameters estimated by calibration " + c.name() + " (" + c.file() + ") set to their posterior"
        + " medians; each value's source gives its 90% credible interval.");
    for (PosteriorSummary s : summary) {
      String source = "calibrated: " + c.file() + " sha256:" + hash + ", " + method + ", posterior median "
          + Numbers.format(s.median()) + ", 90% CI [" + Numbers.format(s.q05()) + ", " + Numbers.format(s.q95())
          + "], shrinkage " + String.format(java.util.Locale.ROOT, "%.2f", s.shrinkage()) + " (" + s.verdict().text
          + "), prior " + s.parameter().prior().text();
      set(root, canonical(s.parameter()), s.median(), source);
    }
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setWidth(100);
    o.setSplitLines(false);
    return "# Written by hedgesim calibrate from " + c.file() + "; see posterior-summary.csv beside it.\n"
        + new Yaml(o).dump(root);
  }

  /** The canonical path, parsed (it is made by the scenario reader, so it parses). */
  private static TreePath canonical(FreeParameter p) {
    try {
      return TreePath.parse(p.canonical());
    } catch (TreePath.Malformed e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets the value at the path, and its source in the {@code source:} mapping of the nearest list
   * entry (or top-level section) that holds it, under the dotted rest of the path, as the shipped
   * scenarios write sources ({@code inducements.max_coercion}).
   */
  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> root, TreePath path, double value, String source) {
    Map<String, Object> here = root;
    Map<String, Object> anchor = root;
    String prefix = "";
    List<TreePath.Step> steps = path.steps();
    for (int i = 0; i < steps.size(); i++) {
      TreePath.Key key = (TreePath.Key) steps.get(i);
      if (i == steps.size() - 1) {
        here.put(key.name(), number(value));
        Map<String, Object> sources = (Map<String, Object>) anchor.computeIfAbsent("source", k -> new LinkedHashMap<>());
        sources.put(prefix + key.name(), source);
        return;
      }
      if (steps.get(i + 1) instanceof TreePath.Pick pick) {
        List<Object> list = (List<Object>) here.computeIfAbsent(key.name(), k -> new ArrayList<>());
        here = entry(list, key.name(), pick.selector());
        anchor = here;
        prefix = "";
        i++;
      } else {
        here = (Map<String, Object>) here.computeIfAbsent(key.name(), k -> new LinkedHashMap<>());
        if (anchor == root) {
          anchor = here;
        } else {
          prefix = prefix + key.name() + ".";
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(List<Object> list, String listName, String identity) {
    Map<String, Object> wanted = identityOf(listName, identity);
    for (Object o : list) {
      Map<String, Object> m = (Map<String, Object>) o;
      boolean same = true;
      for (Map.Entry<String, Object> e : wanted.entrySet()) same &= e.getValue().equals(m.get(e.getKey()));
      if (same) return m;
    }
    Map<String, Object> m = new LinkedHashMap<>(wanted);
    list.add(m);
    return m;
  }

  /** The keys that give an entry its identity in a list. */
  static Map<String, Object> identityOf(String listName, String identity) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (listName.equals("relations") && identity.contains(",")) {
      String[] pair = identity.split(",");
      m.put("between", List.of(pair[0].strip(), pair[1].strip()));
    } else if (listName.equals("flows") && identity.matches("[^:]+:[^>]+>.+")) {
      m.put("kind", identity.substring(0, identity.indexOf(':')));
      m.put("from", identity.substring(identity.indexOf(':') + 1, identity.indexOf('>')));
      m.put("to", identity.substring(identity.indexOf('>') + 1));
    } else {
      m.put("id", identity);
    }
    return m;
  }

  private static Object number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) Double.parseDouble(Numbers.format(v));
  }

  /** The base scenario's path relative to {@code folder}, with '/' separators. */
  public static String relative(Path folder, Path scenario) {
    return folder.toAbsolutePath().normalize().relativize(scenario.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
  }
}
