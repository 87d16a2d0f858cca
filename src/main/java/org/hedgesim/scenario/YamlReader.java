package org.hedgesim.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML file into a {@link YNode} tree, safely.
 *
 * <p>SnakeYAML is used only to compose nodes, never to construct objects, and any explicit tag other
 * than the standard scalar and collection tags is refused, so a document cannot name a Java class
 * to instantiate. Files are bounded in size, aliases and nesting depth, and the expanded tree in
 * node count, so an alias bomb is refused quickly. {@code source:} keys are consumed here and
 * attached to every scalar they cover (see {@link YScalar#source()}).
 */
public final class YamlReader {

  /** Largest scenario file accepted, in bytes. */
  public static final int MAX_FILE_BYTES = 1 << 20;
  /** Most aliases ({@code *name}) a file may use. */
  public static final int MAX_ALIASES = 50;
  /** Deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 40;
  /** Most nodes in a file once aliases are expanded. */
  public static final int MAX_NODES = 100_000;

  /** The key that carries provenance: a string for a whole entry, or a mapping key to string. */
  public static final String SOURCE_KEY = "source";

  private static final Set<Tag> ALLOWED_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

  private final String displayName;
  private int nodes;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<Node, Boolean> onPath = new IdentityHashMap<>();

  private YamlReader(String displayName) {
    this.displayName = displayName;
  }

  /** Reads a file; {@code displayName} is how messages name it (usually the path as typed). */
  public static YMap read(Path file, String displayName) throws ScenarioException {
    if (!Files.exists(file)) {
      throw new ScenarioException(new Problem(Origin.of(displayName), "", "file not found"));
    }
    if (Files.isDirectory(file)) {
      throw new ScenarioException(
          new Problem(Origin.of(displayName), "", "is a directory, expected a YAML file"));
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ScenarioException(new Problem(Origin.of(displayName), "",
            "file is " + size + " bytes, larger than the limit of " + MAX_FILE_BYTES + " bytes"));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScenarioException(
          new Problem(Origin.of(displayName), "", "cannot read file: " + e.getMessage()));
    }
    return parse(bytes, displayName);
  }

  /** Parses the bytes of a document (UTF-8). */
  public static YMap parse(byte[] bytes, String displayName) throws ScenarioException {
    return new YamlReader(displayName).parseDocument(bytes);
  }

  private YMap parseDocument(byte[] bytes) throws ScenarioException {
    Origin whole = Origin.of(displayName);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ScenarioException(new Problem(whole, "", "document is larger than the limit of "
          + MAX_FILE_BYTES + " bytes"));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(new Problem(whole, "", "not UTF-8 text (is it a binary file?)"));
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new ScenarioException(new Problem(at(text, nul), "", "not a text file (NUL byte)"));
    }
    if (text.isBlank()) {
      throw new ScenarioException(new Problem(whole, "", "file is empty, expected a scenario mapping"));
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(MAX_ALIASES);
      options.setNestingDepthLimit(MAX_DEPTH);
      options.setCodePointLimit(MAX_FILE_BYTES);
      options.setAllowRecursiveKeys(false);
      options.setMergeOnCompose(false);
      options.setTagInspector(tag -> false);
      List<Node> docs = new ArrayList<>();
      for (Node n : new Yaml(options).composeAll(new StringReader(text))) {
        docs.add(n);
        if (docs.size() > 1) {
          throw new ScenarioException(new Problem(origin(n.getStartMark()), "",
              "more than one YAML document in the file ('---'); a scenario is one document"));
        }
      }
      root = docs.isEmpty() ? null : docs.get(0);
    } catch (MarkedYAMLException e) {
      throw new ScenarioException(new Problem(origin(e.getProblemMark()), "", yamlMessage(e)));
    } catch (YAMLException e) {
      throw new ScenarioException(new Problem(whole, "", limitMessage(e.getMessage())));
    } catch (StackOverflowError e) {
      throw new ScenarioException(new Problem(whole, "", "nesting is too deep"));
    }
    if (root == null) {
      throw new ScenarioException(new Problem(whole, "", "file has no content, expected a scenario mapping"));
    }
    if (!(root instanceof MappingNode)) {
      throw new ScenarioException(new Problem(origin(root.getStartMark()), "",
          "the top level must be a mapping of keys (scenario:, start:, ...), found "
              + describe(root)));
    }
    YNode tree = convert(root, null, Map.of(), 0);
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return (YMap) tree;
  }

  private YNode convert(Node node, String inheritedSource, Map<String, String> pending, int depth)
      throws ScenarioException {
    if (++nodes > MAX_NODES) {
      throw new ScenarioException(new Problem(Origin.of(displayName), "",
          "document expands to more than " + MAX_NODES + " values (too many aliases?)"));
    }
    if (depth > MAX_DEPTH) {
      throw new ScenarioException(new Problem(origin(node.getStartMark()), "",
          "nesting is deeper than the limit of " + MAX_DEPTH));
    }
    Tag tag = node.getTag();
    if (!ALLOWED_TAGS.contains(tag)) {
      throw new ScenarioException(new Problem(origin(node.getStartMark()), "",
          tagMessage(tag.getValue())));
    }
    if (onPath.put(node, Boolean.TRUE) != null) {
      throw new ScenarioException(new Problem(origin(node.getStartMark()), "",
          "an alias refers to a node that contains it (recursive structure)"));
    }
    try {
      if (node instanceof ScalarNode s) {
        boolean isNull = s.isPlain()
            && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null")
                || s.getValue().equals("Null") || s.getValue().equals("NULL"));
        return new YScalar(s.getValue(), s.isPlain(), isNull, origin(s.getStartMark()), inheritedSource);
      }
      if (node instanceof SequenceNode seq) {
        List<YNode> items = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
          items.add(convert(item, inheritedSource, Map.of(), depth + 1));
        }
        return new YList(List.copyOf(items), origin(seq.getStartMark()));
      }
      MappingNode map = (MappingNode) node;
      // the source of this mapping first, so that it covers keys written before it
      String ownSource = null;
      Map<String, String> own = new HashMap<>(pending);
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(SOURCE_KEY)) {
          Node v = t.getValueNode();
          if (v instanceof ScalarNode sv) {
            ownSource = sv.getValue();
          } else if (v instanceof MappingNode sm) {
            for (NodeTuple st : sm.getValue()) {
              if (st.getKeyNode() instanceof ScalarNode sk && st.getValueNode() instanceof ScalarNode svv) {
                own.put(sk.getValue(), svv.getValue());
              } else {
                problems.add(new Problem(origin(st.getKeyNode().getStartMark()), SOURCE_KEY,
                    "a source mapping maps keys to text, e.g. 'nationalism: \"assumption: ...\"'"));
              }
            }
          } else {
            problems.add(new Problem(origin(v.getStartMark()), SOURCE_KEY,
                "source must be a text or a mapping of keys to texts"));
          }
        }
      }
      String covering = ownSource != null ? ownSource : inheritedSource;
      LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        Node keyNode = t.getKeyNode();
        if (keyNode instanceof ScalarNode mk && mk.getValue().equals("<<")) {
          problems.add(new Problem(origin(keyNode.getStartMark()), "",
              "YAML merge keys ('<<') are not supported; use 'extends:' to build on another scenario"));
          continue;
        }
        if (!(keyNode instanceof ScalarNode k) || !ALLOWED_TAGS.contains(keyNode.getTag())) {
          problems.add(new Problem(origin(keyNode.getStartMark()), "",
              "keys must be plain words, found " + describe(keyNode)));
          continue;
        }
        String key = k.getValue();
        if (key.equals(SOURCE_KEY)) continue;
        if (entries.containsKey(key)) {
          problems.add(new Problem(origin(keyNode.getStartMark()), key,
              "duplicate key '" + key + "': each key may appear once in a mapping"));
          continue;
        }
        String childSource = own.getOrDefault(key, covering);
        Map<String, String> childPending = new HashMap<>();
        String prefix = key + ".";
        for (Map.Entry<String, String> e : own.entrySet()) {
          if (e.getKey().startsWith(prefix)) {
            childPending.put(e.getKey().substring(prefix.length()), e.getValue());
          }
        }
        YNode value = convert(t.getValueNode(), childSource, childPending, depth + 1);
        entries.put(key, new YMap.Entry(origin(keyNode.getStartMark()), value));
      }
      return new YMap(entries, origin(map.getStartMark()));
    } finally {
      onPath.remove(node);
    }
  }

  private Origin origin(Mark mark) {
    if (mark == null) return Origin.of(displayName);
    return new Origin(displayName, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Origin at(String text, int index) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Origin(displayName, line, col);
  }

  private static String describe(Node n) {
    if (n instanceof ScalarNode s) return "the value '" + abbreviate(s.getValue()) + "'";
    if (n instanceof SequenceNode) return "a list";
    return "a mapping";
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  private static String yamlMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
      return "a tab character is used for indentation; YAML needs spaces";
    }
    if (problem.startsWith("Global tag is not allowed: ")) {
      return tagMessage(problem.substring("Global tag is not allowed: ".length()).trim());
    }
    if (problem.startsWith("found duplicate key")) {
      return "duplicate key '" + problem.substring("found duplicate key".length()).trim()
          + "': each key may appear once in a mapping";
    }
    if (problem.contains("special characters are not allowed")) {
      return "the file contains control characters; is it a text file?";
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return "YAML syntax error: " + context + problem;
  }

  private static String tagMessage(String tag) {
    String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    return "YAML tag '" + shown + "' is not allowed: scenario files hold plain values only,"
        + " and nothing named in a file is ever instantiated";
  }

  private static String limitMessage(String message) {
    String m = message == null ? "" : message;
    if (m.contains("Number of aliases")) {
      return "too many aliases (more than " + MAX_ALIASES + "): refused as a possible alias bomb";
    }
    if (m.contains("Nesting Depth")) {
      return "nesting is deeper than the limit of " + MAX_DEPTH;
    }
    if (m.contains("code points")) {
      return "document is larger than the limit of " + MAX_FILE_BYTES + " characters";
    }
    return "cannot read YAML: " + m;
  }
}
