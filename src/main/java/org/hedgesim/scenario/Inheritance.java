package org.hedgesim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * Resolves {@code extends:} chains and merges a file over its parent, and the whole chain over the
 * built-in defaults.
 *
 * <p>Merge rules: a mapping merges key by key, recursively; a list of entities merges by identity
 * (an entry's {@code id}; a relation's {@code between} pair in either order; a flow's kind, from
 * and to), so a child overrides single values of a parent's entry and appends new entries; an entry
 * with {@code remove: true} deletes the parent's entry of the same identity; entries of these
 * lists without an identity are appended (events without an id; for the others the binder then
 * reports the missing identity); any other list with entries that have no identity (a project's
 * effects), any other value, and a list of plain values, replaces the parent's. Two entries with
 * the same identity in one file are an error, and so is a {@code remove} that is not
 * {@code true}, has no identity, names no inherited entry, or sits in a file that extends nothing.
 */
public final class Inheritance {

  /** How messages name the built-in defaults. */
  public static final String DEFAULTS_NAME = "defaults.yaml (built in)";
  private static final String DEFAULTS_RESOURCE = "/org/hedgesim/scenario/defaults.yaml";
  private static final int MAX_CHAIN = 16;
  /** The key every scenario file has: its name. */
  private static final String NAME_KEY = "scenario";

  private Inheritance() {}

  /** A resolved document and the files it was read from (the scenario's own first). */
  public record Resolved(YMap tree, List<String> files, List<Path> paths) {}

  /**
   * Reads a scenario file and everything it extends, merged over the defaults. Throws every
   * problem found while reading and merging.
   */
  public static Resolved resolve(Path file, String displayName) throws ScenarioException {
    List<Problem> problems = new ArrayList<>();
    Resolved r = resolveCollecting(file, displayName, problems);
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return r;
  }

  /**
   * Reads a scenario file and everything it extends, merged over the defaults. Problems that stop
   * reading (a file that cannot be read or parsed, a broken {@code extends}) are thrown, together
   * with those found before them; problems that leave a usable document (a duplicate key or
   * entry, a misplaced {@code remove}, a {@code source:} naming no key) are added to
   * {@code problems} and the merged document is returned, so that they can be reported with the
   * problems of its content.
   */
  public static Resolved resolveCollecting(Path file, String displayName, List<Problem> problems)
      throws ScenarioException {
    return resolveCollecting(file, displayName, null, problems);
  }

  /**
   * As {@link #resolveCollecting(Path, String, List)}, for a scenario named in another file (a
   * sweep's {@code scenario:} key, at {@code namedAt}): a file that cannot be read or is no
   * scenario is reported at that key, as a parent is at its {@code extends} line.
   */
  public static Resolved resolveCollecting(Path file, String displayName, YScalar namedAt,
      List<Problem> problems) throws ScenarioException {
    try {
      return resolveChain(file, displayName, namedAt, problems);
    } catch (ScenarioException e) {
      List<Problem> all = new ArrayList<>(problems);
      all.addAll(e.problems());
      throw new ScenarioException(all);
    }
  }

  private static Resolved resolveChain(Path file, String displayName, YScalar namedAt,
      List<Problem> problems) throws ScenarioException {
    List<String> names = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    List<YMap> chain = new ArrayList<>();
    Path current = file;
    String currentName = displayName;
    Origin requestedAt = namedAt == null ? null : namedAt.origin();
    String requestedBy = namedAt == null ? "extends" : NAME_KEY;
    while (true) {
      Path canonical = canonical(current);
      if (paths.contains(canonical)) {
        List<String> cycle = new ArrayList<>(names.subList(paths.indexOf(canonical), names.size()));
        cycle.add(currentName);
        throw new ScenarioException(new Problem(requestedAt, requestedBy,
            "extends forms a cycle: " + String.join(" -> ", cycle)));
      }
      if (requestedAt != null && !Files.exists(current)) {
        throw new ScenarioException(new Problem(requestedAt, requestedBy,
            "the scenario it extends was not found: tried " + currentName));
      }
      YamlReader.Read read;
      try {
        read = YamlReader.readCollecting(current, currentName);
      } catch (ScenarioException e) {
        if (requestedAt == null) throw e;
        if (e.problems().size() == 1 && e.problems().get(0).message().startsWith(YamlReader.NOT_A_MAPPING)) {
          throw notAScenario(null, currentName, requestedAt, requestedBy);
        }
        // a parent that is no readable file: say so at the extends line that names it
        List<Problem> at = new ArrayList<>();
        for (Problem p : e.problems()) {
          at.add(p.origin().line() > 0 ? p : new Problem(requestedAt, requestedBy,
              "cannot use " + currentName + ": " + p.message()));
        }
        throw new ScenarioException(at);
      }
      YMap tree = read.tree();
      if (!tree.has(NAME_KEY)) throw notAScenario(tree, currentName, requestedAt, requestedBy);
      if (tree.has(SWEEP_KEY)) throw aSweep(tree, currentName, requestedAt, requestedBy);
      problems.addAll(read.problems());
      YNode ext = tree.get("extends");
      checkDuplicates(tree, problems);
      tree = checkRemovals(tree, ext != null, problems);
      names.add(currentName);
      paths.add(canonical);
      chain.add(tree);
      if (ext == null) break;
      if (!(ext instanceof YScalar s) || s.isNull() || s.text().isBlank()) {
        throw new ScenarioException(new Problem(ext.origin(), "extends",
            "expected the relative path of a scenario file, found "
                + (ext instanceof YScalar ? "no value" : ext.kind())));
      }
      if (chain.size() >= MAX_CHAIN) {
        throw new ScenarioException(new Problem(ext.origin(), "extends",
            "extends chain is longer than " + MAX_CHAIN + " files"));
      }
      try {
        Path dir = current.toAbsolutePath().getParent();
        current = dir.resolve(s.text()).normalize();
        Path nameDir = Path.of(currentName).getParent();
        currentName = (nameDir == null ? Path.of(s.text()) : nameDir.resolve(s.text()))
            .normalize().toString();
      } catch (java.nio.file.InvalidPathException e) {
        throw new ScenarioException(new Problem(ext.origin(), "extends",
            "'" + MapReader.abbreviate(s.text()) + "' is not a valid file path"));
      }
      requestedAt = s.origin();
      requestedBy = "extends";
    }
    YMap merged = defaults();
    for (int i = chain.size() - 1; i >= 0; i--) {
      merged = merge(merged, chain.get(i), "", true, problems);
    }
    LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>(merged.entries());
    entries.remove("extends");
    return new Resolved(new YMap(entries, merged.origin()), List.copyOf(names), List.copyOf(paths));
  }

  /** Entity lists whose entries are identified (see {@link #identity}). */
  private static final List<String> ENTITY_LISTS =
      List.of("actors", "relations", "flows", "frameworks", "projects", "disputes", "events");

  /** What identifies an entry of each entity list, for messages. */
  private static String identityKeys(String list) {
    return switch (list) {
      case "relations" -> "'between'";
      case "flows" -> "'kind', 'from' and 'to'";
      default -> "'id'";
    };
  }

  /** Two entries of one list with the same identity, in one file, are an error. */
  private static void checkDuplicates(YMap tree, List<Problem> problems) {
    for (String list : ENTITY_LISTS) {
      if (!(tree.get(list) instanceof YList l)) continue;
      Map<String, Origin> seen = new java.util.HashMap<>();
      for (YNode item : l.items()) {
        if (!(item instanceof YMap m)) continue;
        String id = identity(list, m);
        if (id == null) continue;
        Origin first = seen.putIfAbsent(id, m.origin());
        id = MapReader.abbreviate(id);
        if (first != null) {
          problems.add(new Problem(m.origin(), list + "[" + id + "]",
              "duplicate entry: " + list + "[" + id + "] is already defined at line " + first.line()));
        }
      }
    }
  }

  /**
   * Checks the {@code remove} keys of one file's entity lists: only {@code remove: true}, only on
   * an entry with an identity, only in a file that extends another. Entries with a misplaced
   * {@code remove} are dropped (or, for {@code remove: false}, kept without it), so the problem is
   * reported once.
   */
  private static YMap checkRemovals(YMap tree, boolean extendsAnother, List<Problem> problems) {
    LinkedHashMap<String, YMap.Entry> top = null;
    for (String list : ENTITY_LISTS) {
      if (!(tree.get(list) instanceof YList l)) continue;
      List<YNode> items = new ArrayList<>();
      boolean changed = false;
      for (int i = 0; i < l.items().size(); i++) {
        YNode item = l.items().get(i);
        if (!(item instanceof YMap m) || !m.has("remove")) {
          items.add(item);
          continue;
        }
        String id = identity(list, m);
        String path = list + "[" + (id == null ? Integer.toString(i) : MapReader.abbreviate(id)) + "].remove";
        YNode flag = m.get("remove");
        boolean isTrue = flag instanceof YScalar f && f.plain() && f.text().equals("true");
        if (!isTrue) {
          problems.add(new Problem(flag.origin(), path, "remove takes only the value true (it"
              + " deletes the entry of the same identity that the scenario it extends defines);"
              + " found " + (flag instanceof YScalar f ? "'" + MapReader.abbreviate(f.text()) + "'"
                  : flag.kind())));
          LinkedHashMap<String, YMap.Entry> rest = new LinkedHashMap<>(m.entries());
          rest.remove("remove");
          items.add(new YMap(rest, m.origin()));
          changed = true;
        } else if (!extendsAnother) {
          problems.add(new Problem(flag.origin(), path, "remove: true deletes an entry inherited"
              + " through 'extends', but this file extends no scenario"));
          changed = true;
        } else if (id == null) {
          problems.add(new Problem(flag.origin(), path, "remove: true needs the entry's "
              + identityKeys(list) + " to say which inherited entry to delete"));
          changed = true;
        } else {
          items.add(item);
        }
      }
      if (changed) {
        if (top == null) top = new LinkedHashMap<>(tree.entries());
        YMap.Entry e = top.get(list);
        top.put(list, new YMap.Entry(e.keyOrigin(), new YList(List.copyOf(items), l.origin())));
      }
    }
    return top == null ? tree : new YMap(top, tree.origin());
  }

  /** The built-in defaults as a tree. */
  public static YMap defaults() throws ScenarioException {
    try (InputStream in = Inheritance.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      Objects.requireNonNull(in, "defaults.yaml missing from the build");
      return YamlReader.parse(in.readAllBytes(), DEFAULTS_NAME);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in defaults", e);
    }
  }

  /**
   * A file without a {@code scenario:} key is no scenario (perhaps no file meant for hedgesim at
   * all): it is refused before anything in it is reported, so none of its content is quoted.
   */
  private static ScenarioException notAScenario(YMap tree, String name, Origin requestedAt,
      String requestedBy) {
    String why = " (it has no '" + NAME_KEY + ":' key)";
    return new ScenarioException(requestedAt == null
        ? new Problem(tree.origin(), "", "not a scenario file" + why)
        : new Problem(requestedAt, requestedBy, name + " is not a scenario file" + why));
  }

  /** The key that makes a file a sweep file (docs/SWEEPS.md). */
  static final String SWEEP_KEY = "sweep";

  /**
   * A sweep file names its base under {@code scenario:}, so it passes the test above; it is
   * refused with one line saying which command reads it, rather than a list of unknown keys.
   */
  private static ScenarioException aSweep(YMap tree, String name, Origin requestedAt, String requestedBy) {
    String what = "a sweep file (it has a '" + SWEEP_KEY + ":' key), not a scenario: run it with 'hedgesim sweep "
        + name + "'";
    return new ScenarioException(requestedAt == null
        ? new Problem(tree.entries().get(SWEEP_KEY).keyOrigin(), "", "this is " + what)
        : new Problem(requestedAt, requestedBy, name + " is " + what));
  }

  private static Path canonical(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Merges {@code child} over {@code parent}; {@code listName} names the list being merged. */
  public static YMap merge(YMap parent, YMap child, String listName) throws ScenarioException {
    List<Problem> problems = new ArrayList<>();
    YMap out = merge(parent, child, listName, false, problems);
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return out;
  }

  private static YMap merge(YMap parent, YMap child, String listName, boolean top,
      List<Problem> problems) {
    LinkedHashMap<String, YMap.Entry> out = new LinkedHashMap<>(parent.entries());
    for (Map.Entry<String, YMap.Entry> e : child.entries().entrySet()) {
      String key = e.getKey();
      YMap.Entry mine = e.getValue();
      YMap.Entry theirs = out.get(key);
      if (theirs == null) {
        if (top && ENTITY_LISTS.contains(key) && mine.value() instanceof YList cl && isEntityList(cl)) {
          // removals in a list the parents never wrote: reported by mergeList
          YList empty = new YList(List.of(), cl.origin());
          out.put(key, new YMap.Entry(mine.keyOrigin(), mergeList(key, empty, cl, problems)));
        } else {
          out.put(key, mine);
        }
      } else if (theirs.value() instanceof YMap pm && mine.value() instanceof YMap cm) {
        out.put(key, new YMap.Entry(mine.keyOrigin(), merge(pm, cm, key, false, problems)));
      } else if (theirs.value() instanceof YList pl && mine.value() instanceof YList cl
          && isEntityList(pl) && isEntityList(cl)) {
        out.put(key, new YMap.Entry(mine.keyOrigin(), mergeList(key, pl, cl, problems)));
      } else {
        out.put(key, mine);
      }
    }
    return new YMap(out, child.origin());
  }

  private static boolean isEntityList(YList list) {
    return list.items().stream().allMatch(i -> i instanceof YMap);
  }

  private static YList mergeList(String listName, YList parent, YList child, List<Problem> problems) {
    boolean unkeyed = child.items().stream().anyMatch(i -> identity(listName, (YMap) i) == null);
    if (unkeyed && !ENTITY_LISTS.contains(listName)) {
      // a list of entries without identity (a project's effects) is replaced as a whole; in an
      // entity list such an entry is appended (an event without id), or reported by the binder
      return child;
    }
    // entries by identity, in order; entries without identity under keys no identity can take
    LinkedHashMap<String, YNode> out = new LinkedHashMap<>();
    int unkeyedCount = 0;
    for (YNode p : parent.items()) {
      String pid = identity(listName, (YMap) p);
      out.putIfAbsent(pid != null ? "=" + pid : "#" + unkeyedCount++, p);
    }
    for (YNode item : child.items()) {
      YMap c = (YMap) item;
      String id = identity(listName, c);
      YNode existing = id == null ? null : out.get("=" + id);
      if (isRemoval(c)) {
        if (existing == null) {
          List<String> known = out.keySet().stream().filter(k -> k.startsWith("="))
              .map(k -> k.substring(1)).toList();
          problems.add(new Problem(c.get("remove").origin(), listName + "[" + MapReader.abbreviate(String.valueOf(id)) + "].remove",
              "remove: true, but the scenario it extends has no " + listName + " entry '"
                  + MapReader.abbreviate(String.valueOf(id)) + "'" + Suggestions.hint(String.valueOf(id), known)));
          continue;
        }
        out.remove("=" + id);
      } else if (existing != null) {
        out.put("=" + id, merge((YMap) existing, c, listName, false, problems));
      } else {
        out.put(id != null ? "=" + id : "#" + unkeyedCount++, c);
      }
    }
    return new YList(List.copyOf(out.values()), child.origin());
  }

  private static boolean isRemoval(YMap m) {
    return m.get("remove") instanceof YScalar s && s.text().equals("true");
  }

  /** The identity of an entity in a list, or null when it has none (it is then appended). */
  public static String identity(String listName, YMap item) {
    if (item.get("id") instanceof YScalar id && !id.isNull()) return id.text();
    if (listName.equals("relations") && item.get("between") instanceof YList b
        && b.items().size() == 2 && b.items().get(0) instanceof YScalar x
        && b.items().get(1) instanceof YScalar y) {
      String p = x.text();
      String q = y.text();
      return p.compareTo(q) <= 0 ? p + "," + q : q + "," + p;
    }
    if (listName.equals("flows") && item.get("kind") instanceof YScalar k
        && item.get("from") instanceof YScalar f && item.get("to") instanceof YScalar t) {
      return k.text() + ":" + f.text() + ">" + t.text();
    }
    return null;
  }
}
