package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hedgesim.scenario.TreePath.Key;
import org.hedgesim.scenario.TreePath.Pick;
import org.hedgesim.scenario.TreePath.Step;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * Finds and sets the value a {@link TreePath} names in a resolved scenario document (the tree that
 * {@link Inheritance#resolve} returns), so that a changed document can be bound and checked like
 * any scenario ({@link ScenarioLoader#bind}).
 *
 * <p>Outside list entries every key must already be in the document: the built-in defaults write
 * every section and parameter, so a key that is missing there is misspelt, and the message
 * suggests the nearest one. Inside an entry (after a {@code [pick]}) a key that the entry does not
 * write may be added, because entries take most of their values from the defaults; whether the key
 * is valid is then decided by binding, which names the key and suggests the nearest one.
 */
public final class TreePaths {

  private TreePaths() {}

  /**
   * Where a path leads in a tree.
   *
   * @param current the value now at the path, or null when the path adds a key inside an entry
   * @param canonical the path with each pick written as the entry's identity (a relation's pair in
   *     sorted order) or, for an entry without one, its position; two paths naming the same value
   *     have the same canonical form
   */
  public record Target(YScalar current, String canonical) {}

  /** A path that names nothing in the tree; the message says why, with a suggestion. */
  public static final class Unresolved extends Exception {
    private static final long serialVersionUID = 1L;

    Unresolved(String message) {
      super(message);
    }
  }

  /** Finds the value a path names. */
  public static Target find(YMap tree, TreePath path) throws Unresolved {
    YNode node = tree;
    boolean inEntry = false;
    StringBuilder canonical = new StringBuilder();
    String here = "";
    String listName = "";
    List<Step> steps = path.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step instanceof Key k) {
        if (canonical.length() > 0) canonical.append('.');
        canonical.append(k.name());
        if (node == null) {
          // inside a mapping that the entry does not write yet
          here = join(here, k.name());
          listName = k.name();
          continue;
        }
        if (!(node instanceof YMap m)) {
          throw new Unresolved(describe(here) + " is " + node.kind() + ", it has no key '" + k.name() + "'");
        }
        YNode next = m.get(k.name());
        if (next == null && !inEntry) {
          throw new Unresolved("no key '" + k.name() + "' in " + describe(here)
              + Suggestions.hint(k.name(), m.entries().keySet()));
        }
        here = join(here, k.name());
        listName = k.name();
        node = next;
      } else {
        Pick p = (Pick) step;
        if (node == null) {
          throw new Unresolved(describe(here) + " is not in the scenario, so it has no entry [" + p.selector() + "]");
        }
        if (!(node instanceof YList list)) {
          throw new Unresolved(describe(here) + " is " + node.kind() + ", not a list of entries; remove [" + p.selector() + "]");
        }
        int at = pick(list, listName, p.selector());
        if (at < 0) {
          throw new Unresolved(describe(here) + " has no entry '" + p.selector() + "'"
              + Suggestions.hint(p.selector(), identities(list, listName)) + numbered(list));
        }
        YNode item = list.items().get(at);
        if (!(item instanceof YMap entry)) {
          throw new Unresolved(describe(here) + " is a list of values, not of entries; a sweep sets one value of an entry");
        }
        String id = Inheritance.identity(listName, entry);
        canonical.append('[').append(id != null ? id : Integer.toString(at)).append(']');
        here = here + "[" + p.selector() + "]";
        node = entry;
        inEntry = true;
      }
      if (last && node != null && !(node instanceof YScalar)) {
        throw new Unresolved(describe(here) + " is " + node.kind() + "; give the path of one value in it"
            + (node instanceof YMap m && !m.entries().isEmpty()
                ? ", e.g. " + path.text() + "." + m.entries().keySet().iterator().next() : ""));
      }
    }
    return new Target((YScalar) node, canonical.toString());
  }

  /** A copy of the tree with {@code value} at the path (added when the entry does not write it). */
  public static YMap set(YMap tree, TreePath path, YScalar value) throws Unresolved {
    find(tree, path);
    return (YMap) setIn(tree, path.steps(), 0, "", value);
  }

  private static YNode setIn(YNode node, List<Step> steps, int i, String listName, YScalar value) {
    Step step = steps.get(i);
    if (step instanceof Key k) {
      YMap m = node == null ? new YMap(new LinkedHashMap<>(), value.origin()) : (YMap) node;
      LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>(m.entries());
      YMap.Entry old = entries.get(k.name());
      YNode replaced = i == steps.size() - 1 ? value
          : setIn(old == null ? null : old.value(), steps, i + 1, k.name(), value);
      entries.put(k.name(), new YMap.Entry(old == null ? value.origin() : old.keyOrigin(), replaced));
      return new YMap(entries, m.origin());
    }
    YList list = (YList) node;
    int at = pick(list, listName, ((Pick) step).selector());
    List<YNode> items = new ArrayList<>(list.items());
    items.set(at, setIn(items.get(at), steps, i + 1, listName, value));
    return new YList(List.copyOf(items), list.origin());
  }

  /** The position of the entry a selector names: by identity first, then by number; -1 if none. */
  private static int pick(YList list, String listName, String selector) {
    String wanted = normalize(listName, selector);
    for (int i = 0; i < list.items().size(); i++) {
      if (list.items().get(i) instanceof YMap m && wanted.equals(Inheritance.identity(listName, m))) {
        return i;
      }
    }
    if (selector.matches("\\d{1,9}")) {
      int n = Integer.parseInt(selector);
      if (n < list.items().size()) return n;
    }
    return -1;
  }

  /** A relation's pair is the same in either order; its identity lists the two ids sorted. */
  private static String normalize(String listName, String selector) {
    if (!listName.equals("relations")) return selector;
    String[] pair = selector.split(",");
    if (pair.length != 2) return selector;
    String a = pair[0].strip();
    String b = pair[1].strip();
    return a.compareTo(b) <= 0 ? a + "," + b : b + "," + a;
  }

  private static List<String> identities(YList list, String listName) {
    List<String> out = new ArrayList<>();
    for (YNode item : list.items()) {
      if (item instanceof YMap m) {
        String id = Inheritance.identity(listName, m);
        if (id != null) out.add(id);
      }
    }
    return out;
  }

  private static String numbered(YList list) {
    int n = list.items().size();
    return n == 0 ? " (the list is empty)" : "; entries may also be picked by position, 0 to " + (n - 1);
  }

  private static String join(String here, String key) {
    return here.isEmpty() ? key : here + "." + key;
  }

  private static String describe(String here) {
    return here.isEmpty() ? "the top level of the scenario" : "'" + here + "'";
  }
}
