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
 * with {@code remove: true} deletes the parent's entry of the same identity; events without an id
 * are appended; any other list with entries that have no identity (a project's effects), any other
 * value, and a list of plain values, replaces the parent's. Two entries with the same identity in
 * one file are an error.
 */
public final class Inheritance {

  /** How messages name the built-in defaults. */
  public static final String DEFAULTS_NAME = "defaults.yaml (built in)";
  private static final String DEFAULTS_RESOURCE = "/org/hedgesim/scenario/defaults.yaml";
  private static final int MAX_CHAIN = 16;

  private Inheritance() {}

  /** A resolved document and the files it was read from (the scenario's own first). */
  public record Resolved(YMap tree, List<String> files, List<Path> paths) {}

  /** Reads a scenario file and everything it extends, merged over the defaults. */
  public static Resolved resolve(Path file, String displayName) throws ScenarioException {
    List<String> names = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    List<YMap> chain = new ArrayList<>();
    Path current = file;
    String currentName = displayName;
    Origin requestedAt = null;
    while (true) {
      Path canonical = canonical(current);
      if (paths.contains(canonical)) {
        List<String> cycle = new ArrayList<>(names.subList(paths.indexOf(canonical), names.size()));
        cycle.add(currentName);
        throw new ScenarioException(new Problem(requestedAt, "extends",
            "extends forms a cycle: " + String.join(" -> ", cycle)));
      }
      YMap tree;
      if (requestedAt != null && !Files.exists(current)) {
        throw new ScenarioException(new Problem(requestedAt, "extends",
            "the scenario it extends was not found: tried " + currentName));
      }
      tree = YamlReader.read(current, currentName);
      checkDuplicates(tree);
      names.add(currentName);
      paths.add(canonical);
      chain.add(tree);
      YNode ext = tree.get("extends");
      if (ext == null) break;
      if (!(ext instanceof YScalar s) || s.isNull() || s.text().isBlank()) {
        throw new ScenarioException(new Problem(ext.origin(), "extends",
            "expected the relative path of a scenario file, found " + ext.kind()));
      }
      if (chain.size() >= MAX_CHAIN) {
        throw new ScenarioException(new Problem(ext.origin(), "extends",
            "extends chain is longer than " + MAX_CHAIN + " files"));
      }
      Path dir = current.toAbsolutePath().getParent();
      current = dir.resolve(s.text()).normalize();
      Path nameDir = Path.of(currentName).getParent();
      currentName = (nameDir == null ? Path.of(s.text()) : nameDir.resolve(s.text()))
          .normalize().toString();
      requestedAt = s.origin();
    }
    YMap merged = defaults();
    for (int i = chain.size() - 1; i >= 0; i--) {
      merged = merge(merged, chain.get(i), "");
    }
    LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>(merged.entries());
    entries.remove("extends");
    return new Resolved(new YMap(entries, merged.origin()), List.copyOf(names), List.copyOf(paths));
  }

  /** Entity lists whose entries are identified (see {@link #identity}). */
  private static final List<String> ENTITY_LISTS =
      List.of("actors", "relations", "flows", "frameworks", "projects", "events");

  /** Two entries of one list with the same identity, in one file, are an error. */
  private static void checkDuplicates(YMap tree) throws ScenarioException {
    List<Problem> problems = new ArrayList<>();
    for (String list : ENTITY_LISTS) {
      if (!(tree.get(list) instanceof YList l)) continue;
      Map<String, Origin> seen = new java.util.HashMap<>();
      for (YNode item : l.items()) {
        if (!(item instanceof YMap m)) continue;
        String id = identity(list, m);
        if (id == null) continue;
        Origin first = seen.putIfAbsent(id, m.origin());
        if (first != null) {
          problems.add(new Problem(m.origin(), list + "[" + id + "]",
              "duplicate entry: " + list + "[" + id + "] is already defined at line " + first.line()));
        }
      }
    }
    if (!problems.isEmpty()) throw new ScenarioException(problems);
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

  private static Path canonical(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Merges {@code child} over {@code parent}; {@code listName} names the list being merged. */
  public static YMap merge(YMap parent, YMap child, String listName) throws ScenarioException {
    LinkedHashMap<String, YMap.Entry> out = new LinkedHashMap<>(parent.entries());
    for (Map.Entry<String, YMap.Entry> e : child.entries().entrySet()) {
      String key = e.getKey();
      YMap.Entry mine = e.getValue();
      YMap.Entry theirs = out.get(key);
      if (theirs == null) {
        out.put(key, mine);
      } else if (theirs.value() instanceof YMap pm && mine.value() instanceof YMap cm) {
        out.put(key, new YMap.Entry(mine.keyOrigin(), merge(pm, cm, key)));
      } else if (theirs.value() instanceof YList pl && mine.value() instanceof YList cl
          && isEntityList(pl) && isEntityList(cl)) {
        out.put(key, new YMap.Entry(mine.keyOrigin(), mergeList(key, pl, cl)));
      } else {
        out.put(key, mine);
      }
    }
    return new YMap(out, child.origin());
  }

  private static boolean isEntityList(YList list) {
    return list.items().stream().allMatch(i -> i instanceof YMap);
  }

  private static YList mergeList(String listName, YList parent, YList child)
      throws ScenarioException {
    boolean unkeyed = child.items().stream().anyMatch(i -> identity(listName, (YMap) i) == null);
    if (unkeyed && !listName.equals("events")) {
      // a list of entries without identity (project effects, ...) is replaced as a whole
      return child;
    }
    List<YNode> out = new ArrayList<>(parent.items());
    for (YNode item : child.items()) {
      YMap c = (YMap) item;
      String id = identity(listName, c);
      int at = -1;
      if (id != null) {
        for (int i = 0; i < out.size(); i++) {
          if (id.equals(identity(listName, (YMap) out.get(i)))) {
            at = i;
            break;
          }
        }
      }
      if (isRemoval(c)) {
        if (at < 0) {
          throw new ScenarioException(new Problem(c.origin(), listName,
              "remove: true, but the scenario it extends has no entry " + (id == null ? "with an id" : id)));
        }
        out.remove(at);
      } else if (at >= 0) {
        out.set(at, merge((YMap) out.get(at), c, listName));
      } else {
        out.add(c);
      }
    }
    return new YList(List.copyOf(out), child.origin());
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
