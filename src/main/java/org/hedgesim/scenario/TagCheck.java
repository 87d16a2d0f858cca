package org.hedgesim.scenario;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Standard YAML tags that would change what a value is. A scenario reads each value as written
 * ({@code 0.4} is a number, {@code "0.4"} a text), so an explicit tag may only name the type the
 * value has anyway ({@code !!int 5}); one that turns a number into a text ({@code !!str 0.4}), a
 * word into no value ({@code !!null x}) or a scalar into a mapping ({@code !!map x}) is a problem,
 * not a silent change of type.
 */
final class TagCheck {
  private static final Resolver RESOLVER = new Resolver();

  private TagCheck() {}

  /** The tag a scalar has from how it is written, whatever tag it carries. */
  static Tag asWritten(ScalarNode s) {
    return RESOLVER.resolve(NodeId.scalar, s.getValue(), s.isPlain());
  }

  /** The tag a node has from how it is written. */
  static Tag asWritten(Node n) {
    if (n instanceof ScalarNode s) return asWritten(s);
    return n instanceof SequenceNode ? Tag.SEQ : Tag.MAP;
  }

  /** What is wrong with the node's tag, or null when it names the type the node has anyway. */
  static String misfit(Node n) {
    Tag written = asWritten(n);
    Tag tag = n.getTag();
    if (tag.equals(written)) return null;
    String shown = tag.getValue().startsWith(Tag.PREFIX)
        ? "!!" + tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
    String what = n instanceof ScalarNode s ? "'" + MapReader.abbreviate(s.getValue()) + "'"
        : n instanceof MappingNode ? "a mapping" : "a list";
    return "the YAML tag '" + MapReader.abbreviate(shown) + "' makes " + what + " "
        + typeName(tag) + ", but as written it is " + typeName(written)
        + "; write the value as what it is, without the tag";
  }

  /** The type of a standard tag in words. */
  static String typeName(Tag tag) {
    if (tag.equals(Tag.STR)) return "a text";
    if (tag.equals(Tag.INT)) return "a whole number";
    if (tag.equals(Tag.FLOAT)) return "a number";
    if (tag.equals(Tag.BOOL)) return "true or false";
    if (tag.equals(Tag.NULL)) return "no value";
    if (tag.equals(Tag.TIMESTAMP)) return "a date";
    if (tag.equals(Tag.MAP)) return "a mapping";
    if (tag.equals(Tag.SEQ)) return "a list";
    return "another type";
  }
}
