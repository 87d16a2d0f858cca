package org.hedgesim.scenario;

/**
 * A scenario document as a tree of mappings, lists and scalars, each node remembering where it was
 * written. The tree is what {@code extends} merges and what the binder reads into records; it never
 * holds anything but text, so no YAML tag can construct an object.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

  Origin origin();

  /** A short word for messages: "a mapping", "a list", "a value". */
  String kind();

  /** A mapping with string keys, in document order. */
  record YMap(java.util.LinkedHashMap<String, Entry> entries, Origin origin) implements YNode {
    /** One key of a mapping: where the key was written and its value. */
    public record Entry(Origin keyOrigin, YNode value) {}

    public YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** A list, in document order. */
  record YList(java.util.List<YNode> items, Origin origin) implements YNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as written. {@code plain} is false for quoted scalars; {@code isNull} for {@code ~},
   * {@code null} or an empty value. {@code source} is the provenance that applies to this value
   * (from the nearest {@code source:} around it in the file that wrote it), or null.
   */
  record YScalar(String text, boolean plain, boolean isNull, Origin origin, String source)
      implements YNode {
    @Override
    public String kind() {
      return "a value";
    }
  }
}
