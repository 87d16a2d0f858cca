package org.hedgesim.scenario;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML file into a {@link YNode} tree, safely.
 *
 * <p>SnakeYAML is used only to parse and compose nodes, never to construct objects, and any
 * explicit tag other than the standard scalar and collection tags is refused, so a document cannot
 * name a Java class to instantiate. Input is bounded before it is parsed (size, regular files
 * only), and the event stream is counted before any node is composed (values, depth), so an
 * oversized, deeply nested or alias-expanding document is refused quickly and in little memory.
 * {@code source:} keys are consumed here and attached to every scalar they cover (see
 * {@link YScalar#source()}); a {@code source:} entry naming a key the mapping does not write is a
 * problem.
 *
 * <p>Problems that stop reading (syntax, safety limits, file faults) are thrown at once. Problems
 * that leave a usable tree (a duplicate key, a malformed {@code source:}, a merge key) are
 * collected; {@link #readCollecting} returns them with the tree so that they can be reported
 * together with the problems found later, and {@link #read} throws them.
 */
public final class YamlReader {

  /**
   * The size allowance of scenario files, in MiB: 1 unless the environment variable
   * {@code HEDGESIM_SCENARIO_LIMIT_MB} raises it (for large files one trusts, such as synthetic
   * worlds of hundreds of actors). File size and value count scale with it; aliases and depth do not.
   */
  public static final int LIMIT_MB = limitMegabytes();
  /** Largest scenario file accepted, in bytes. */
  public static final int MAX_FILE_BYTES = LIMIT_MB << 20;
  /** Most aliases ({@code *name}) a file may use. */
  public static final int MAX_ALIASES = 50;
  /** Deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 40;
  /** Most values (scalars, mappings, lists) in a file, counted as written and again once aliases are expanded. */
  public static final int MAX_NODES = 50_000 * LIMIT_MB;

  /** The environment variable that raises the size limit of scenario files. */
  public static final String LIMIT_VARIABLE = "HEDGESIM_SCENARIO_LIMIT_MB";

  /** The limit in MiB: the variable's value when it is valid, else 1 (the command line refuses it first). */
  private static int limitMegabytes() {
    String v = System.getenv(LIMIT_VARIABLE);
    return v == null || limitProblem(v) != null || v.isBlank() ? 1 : Integer.parseInt(v.strip());
  }

  /** What is wrong with a value of {@link #LIMIT_VARIABLE} (a whole number of MiB, 1 to 1024), or null. */
  public static String limitProblem(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    if (v.matches("\\d{1,4}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 1024) return null;
    return LIMIT_VARIABLE + " must be a whole number of MiB from 1 to 1024, found '" + value + "'";
  }

  /** How the problem of a document that is no mapping begins. */
  static final String NOT_A_MAPPING = "the top level must be a mapping of keys";

  /** The key that carries provenance: a string for a whole entry, or a mapping key to string. */
  public static final String SOURCE_KEY = "source";

  private static final Set<Tag> ALLOWED_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

  /** A document and the problems that did not stop reading it. */
  public record Read(YMap tree, List<Problem> problems) {
    public Read {
      problems = List.copyOf(problems);
    }
  }

  /** One entry of a {@code source:} mapping on its way to the value it names. */
  private record SourceNote(String text, String rest, String written, Origin at, String where) {}

  private final String displayName;
  private int nodes;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<Node, Boolean> onPath = new IdentityHashMap<>();

  private YamlReader(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Reads a file; {@code displayName} is how messages name it (usually the path as typed). Throws
   * every problem found, including those that did not stop reading.
   */
  public static YMap read(Path file, String displayName) throws ScenarioException {
    return strict(readCollecting(file, displayName));
  }

  /** Parses the bytes of a document (UTF-8); throws every problem found. */
  public static YMap parse(byte[] bytes, String displayName) throws ScenarioException {
    return strict(parseCollecting(bytes, displayName));
  }

  /**
   * Reads a file; throws the problems that stop reading, returns the others with the tree.
   * Only regular files are read ({@link InputFile}), and never more than {@link #MAX_FILE_BYTES}
   * + 1 bytes of them, so a device, a pipe or an endless file cannot hang or exhaust memory.
   */
  public static Read readCollecting(Path file, String displayName) throws ScenarioException {
    Origin whole = Origin.of(displayName);
    byte[] bytes = InputFile.read(file, displayName, MAX_FILE_BYTES);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ScenarioException(new Problem(whole, "", "file is larger than the limit of "
          + MAX_FILE_BYTES + " bytes (" + LIMIT_MB + " MiB); a scenario file is refused before it is"
          + " parsed (HEDGESIM_SCENARIO_LIMIT_MB raises the limit for files you trust)"));
    }
    return parseCollecting(bytes, displayName);
  }

  /** Parses a document; throws the problems that stop reading, returns the others with the tree. */
  public static Read parseCollecting(byte[] bytes, String displayName) throws ScenarioException {
    YamlReader reader = new YamlReader(displayName);
    YMap tree = reader.parseDocument(bytes);
    return new Read(tree, reader.problems);
  }

  private static YMap strict(Read read) throws ScenarioException {
    if (!read.problems().isEmpty()) throw new ScenarioException(read.problems());
    return read.tree();
  }

  private YMap parseDocument(byte[] bytes) throws ScenarioException {
    Origin whole = Origin.of(displayName);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ScenarioException(new Problem(whole, "", "document is larger than the limit of "
          + MAX_FILE_BYTES + " bytes (" + LIMIT_MB + " MiB)"));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(new Problem(whole, "",
          "not UTF-8 text (is it a binary file, or saved in another encoding?)"));
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
      countEvents(new Yaml(options).parse(new StringReader(text)));
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
    } catch (org.yaml.snakeyaml.reader.ReaderException e) {
      throw new ScenarioException(new Problem(atCodePoint(text, e.getPosition()), "",
          String.format(java.util.Locale.ROOT, "the file contains the control character U+%04X,"
              + " which YAML does not allow; is it a text file?", e.getCodePoint())));
    } catch (YAMLException e) {
      throw new ScenarioException(new Problem(whole, "", limitMessage(e.getMessage())));
    } catch (StackOverflowError e) {
      throw new ScenarioException(new Problem(whole, "", "nesting is too deep"));
    }
    if (root == null) {
      throw new ScenarioException(new Problem(whole, "",
          "file has no content (only comments?), expected a scenario mapping"));
    }
    if (!(root instanceof MappingNode)) {
      throw new ScenarioException(new Problem(origin(root.getStartMark()), "",
          NOT_A_MAPPING + " (scenario:, start:, ...), found "
              + (root instanceof ScalarNode ? "a text" : describe(root))));
    }
    return (YMap) convert(root, null, List.of(), 0, "", "");
  }

  /**
   * Counts the values and the depth of the event stream before anything is composed. SnakeYAML
   * keeps the whole node graph in memory while composing and checks its nesting limit only then;
   * counting the events first refuses a document with too many values or too deep a nesting
   * while memory use is still a few kilobytes.
   */
  private void countEvents(Iterable<Event> events) throws ScenarioException {
    int count = 0;
    int depth = 0;
    int aliases = 0;
    for (Event e : events) {
      if (e instanceof AliasEvent && ++aliases > MAX_ALIASES) {
        throw new ScenarioException(new Problem(origin(e.getStartMark()), "", "more than "
            + MAX_ALIASES + " aliases (*name): refused as a possible alias bomb"));
      }
      if (e instanceof ScalarEvent || e instanceof AliasEvent) {
        count++;
      } else if (e instanceof CollectionStartEvent) {
        count++;
        if (++depth > MAX_DEPTH) {
          throw new ScenarioException(new Problem(origin(e.getStartMark()), "",
              "nesting is deeper than the limit of " + MAX_DEPTH + " levels"));
        }
      } else if (e instanceof CollectionEndEvent) {
        depth--;
      }
      if (count > MAX_NODES) {
        throw new ScenarioException(new Problem(origin(e.getStartMark()), "",
            "document has more than " + MAX_NODES + " values; a scenario file is refused above"
                + " that limit (HEDGESIM_SCENARIO_LIMIT_MB raises it for files you trust)"));
      }
    }
  }

  private YNode convert(Node node, String inheritedSource, List<SourceNote> pending, int depth,
      String path, String keyName) throws ScenarioException {
    if (++nodes > MAX_NODES) {
      throw new ScenarioException(new Problem(Origin.of(displayName), "",
          "document expands to more than " + MAX_NODES + " values once its aliases are"
              + " expanded: refused as a possible alias bomb"));
    }
    if (depth > MAX_DEPTH) {
      throw new ScenarioException(new Problem(origin(node.getStartMark()), "",
          "nesting is deeper than the limit of " + MAX_DEPTH + " levels"));
    }
    checkTag(node, path);
    if (onPath.put(node, Boolean.TRUE) != null) {
      throw new ScenarioException(new Problem(origin(node.getStartMark()), path,
          "an alias refers to a node that contains it (recursive structure)"));
    }
    try {
      if (!(node instanceof MappingNode)) {
        for (SourceNote n : pending) {
          problems.add(new Problem(n.at(), n.where(), "source entry '" + MapReader.abbreviate(n.written()) + "' reaches"
              + " into " + describe(node) + ", but dotted source keys name keys of a mapping"));
        }
      }
      if (node instanceof ScalarNode s) {
        boolean isNull = isNull(s);
        return new YScalar(s.getValue(), s.isPlain(), isNull, origin(s.getStartMark()), inheritedSource);
      }
      if (node instanceof SequenceNode seq) {
        List<YNode> items = new ArrayList<>(seq.getValue().size());
        int index = 0;
        for (Node item : seq.getValue()) {
          String label = item instanceof MappingNode m ? rawIdentity(keyName, m) : null;
          String itemPath = path + "[" + (label == null ? Integer.toString(index) : label) + "]";
          items.add(convert(item, inheritedSource, List.of(), depth + 1, itemPath, keyName));
          index++;
        }
        return new YList(List.copyOf(items), origin(seq.getStartMark()));
      }
      return convertMapping((MappingNode) node, inheritedSource, pending, depth, path);
    } finally {
      onPath.remove(node);
    }
  }

  private YMap convertMapping(MappingNode map, String inheritedSource, List<SourceNote> pending,
      int depth, String path) throws ScenarioException {
    String sourcePath = join(path, SOURCE_KEY);
    // the source of this mapping first, so that it covers keys written before it
    String ownSource = null;
    List<SourceNote> notes = new ArrayList<>(pending);
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        if (!k.getValue().equals(SOURCE_KEY) && !k.getValue().equals("<<")) keys.add(k.getValue());
        if (!k.getValue().equals(SOURCE_KEY)) continue;
        Node v = t.getValueNode();
        checkTag(v, sourcePath);
        if (v instanceof MappingNode sm) {
          for (NodeTuple st : sm.getValue()) {
            checkTag(st.getKeyNode(), sourcePath);
            checkTag(st.getValueNode(), sourcePath);
          }
        }
        if (v instanceof ScalarNode sv) {
          ownSource = isNull(sv) ? null : sv.getValue();
        } else if (v instanceof MappingNode sm) {
          Set<String> seen = new java.util.HashSet<>();
          for (NodeTuple st : sm.getValue()) {
            if (st.getKeyNode() instanceof ScalarNode sk && st.getValueNode() instanceof ScalarNode svv) {
              if (!seen.add(sk.getValue())) {
                problems.add(new Problem(origin(sk.getStartMark()), sourcePath,
                    "duplicate key '" + MapReader.abbreviate(sk.getValue())
                        + "': each key may appear once in a mapping"));
                continue;
              }
              notes.add(new SourceNote(svv.getValue(), sk.getValue(), sk.getValue(),
                  origin(sk.getStartMark()), sourcePath));
            } else {
              problems.add(new Problem(origin(st.getKeyNode().getStartMark()), sourcePath,
                  "a source mapping maps keys to text, e.g. 'nationalism: \"assumption: ...\"'"));
            }
          }
        } else {
          problems.add(new Problem(origin(v.getStartMark()), sourcePath,
              "source must be a text or a mapping of keys to texts"));
        }
      }
    }
    // every source entry must name a key this mapping writes
    List<SourceNote> usable = new ArrayList<>();
    for (SourceNote n : notes) {
      int dot = n.rest().indexOf('.');
      String head = dot < 0 ? n.rest() : n.rest().substring(0, dot);
      if (keys.contains(head)) {
        usable.add(n);
      } else {
        String prefix = n.written().substring(0, n.written().length() - n.rest().length());
        String hint = Suggestions.closest(head, keys) == null ? ""
            : " (did you mean '" + prefix + Suggestions.closest(head, keys) + "'?)";
        problems.add(new Problem(n.at(), n.where(), "source entry '" + MapReader.abbreviate(n.written())
            + "' names no key written here" + hint + "; a source describes a value written in the"
            + " same mapping"));
      }
    }
    String covering = ownSource != null ? ownSource : inheritedSource;
    LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node keyNode = t.getKeyNode();
      if (keyNode instanceof ScalarNode mk && mk.getValue().equals("<<")) {
        problems.add(new Problem(origin(keyNode.getStartMark()), path,
            "YAML merge keys ('<<') are not supported; use 'extends:' to build on another scenario"));
        continue;
      }
      if (!(keyNode instanceof ScalarNode k) || !ALLOWED_TAGS.contains(keyNode.getTag())) {
        checkTag(keyNode, path);
        problems.add(new Problem(origin(keyNode.getStartMark()), path,
            "keys must be plain words, found " + describe(keyNode)));
        continue;
      }
      String key = k.getValue();
      if (key.equals(SOURCE_KEY)) continue;
      String keyPath = join(path, MapReader.abbreviate(key));
      checkTag(k, keyPath);
      Tag keyType = TagCheck.asWritten(k);
      if (keyType.equals(Tag.BOOL) || keyType.equals(Tag.NULL)) {
        problems.add(new Problem(origin(k.getStartMark()), keyPath, "the key '"
            + MapReader.abbreviate(key) + "' is read as " + TagCheck.typeName(keyType) + " by YAML"
            + " 1.1 tools (and by the JSON Schema); quote it ('" + MapReader.abbreviate(key)
            + "') if it is meant as a word"));
      }
      if (entries.containsKey(key)) {
        problems.add(new Problem(origin(keyNode.getStartMark()), keyPath,
            "duplicate key '" + MapReader.abbreviate(key) + "': each key may appear once in a mapping (the first one,"
                + " at line " + entries.get(key).keyOrigin().line() + ", is used)"));
        continue;
      }
      String childSource = covering;
      List<SourceNote> childPending = new ArrayList<>();
      for (SourceNote n : usable) {
        if (n.rest().equals(key)) {
          childSource = n.text();
        } else if (n.rest().startsWith(key + ".")) {
          childPending.add(new SourceNote(n.text(), n.rest().substring(key.length() + 1),
              n.written(), n.at(), n.where()));
        }
      }
      YNode value = convert(t.getValueNode(), childSource, childPending, depth + 1, keyPath, key);
      entries.put(key, new YMap.Entry(origin(keyNode.getStartMark()), value));
    }
    return new YMap(entries, origin(map.getStartMark()));
  }

  /**
   * Refuses a tag outside the standard ones (it stops reading), and records a standard tag that
   * changes what a value is as written ({@link TagCheck}).
   */
  private void checkTag(Node n, String path) throws ScenarioException {
    if (!ALLOWED_TAGS.contains(n.getTag())) {
      throw new ScenarioException(new Problem(origin(n.getStartMark()), path,
          tagMessage(n.getTag().getValue())));
    }
    String misfit = TagCheck.misfit(n);
    if (misfit != null) problems.add(new Problem(origin(n.getStartMark()), path, misfit));
  }

  private static boolean isNull(ScalarNode s) {
    String v = s.getValue();
    return s.isPlain() && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null")
        || v.equals("NULL"));
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The identity of a raw list entry, as {@link Inheritance#identity} computes it on the tree. */
  private static String rawIdentity(String listName, MappingNode m) {
    Map<String, Node> keys = new java.util.HashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) keys.putIfAbsent(k.getValue(), t.getValueNode());
    }
    if (keys.get("id") instanceof ScalarNode id && !isNull(id)) return MapReader.abbreviate(id.getValue());
    if (listName.equals("relations") && keys.get("between") instanceof SequenceNode b
        && b.getValue().size() == 2 && b.getValue().get(0) instanceof ScalarNode x
        && b.getValue().get(1) instanceof ScalarNode y) {
      String p = x.getValue();
      String q = y.getValue();
      return MapReader.abbreviate(p.compareTo(q) <= 0 ? p + "," + q : q + "," + p);
    }
    if (listName.equals("flows") && keys.get("kind") instanceof ScalarNode k
        && keys.get("from") instanceof ScalarNode f && keys.get("to") instanceof ScalarNode t) {
      return MapReader.abbreviate(k.getValue() + ":" + f.getValue() + ">" + t.getValue());
    }
    return null;
  }

  private Origin origin(Mark mark) {
    if (mark == null) return Origin.of(displayName);
    return new Origin(displayName, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Origin atCodePoint(String text, int codePoints) {
    int index = 0;
    try {
      index = text.offsetByCodePoints(0, Math.max(0, codePoints));
    } catch (IndexOutOfBoundsException e) {
      return Origin.of(displayName);
    }
    return at(text, index);
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
    if (n instanceof ScalarNode s) return "the value '" + MapReader.abbreviate(s.getValue()) + "'";
    if (n instanceof SequenceNode) return "a list";
    return "a mapping";
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
      return "duplicate key '" + MapReader.abbreviate(problem.substring("found duplicate key".length()).trim())
          + "': each key may appear once in a mapping";
    }
    if (problem.contains("special characters are not allowed")) {
      return "the file contains control characters; is it a text file?";
    }
    if (problem.contains("mapping values are not allowed here")) {
      return "YAML syntax error: a ':' where no key can begin (is this line indented like the"
          + " keys it belongs with? a text that contains ': ' must be quoted)";
    }
    if (problem.contains("Number of aliases")) {
      return "too many aliases (more than " + MAX_ALIASES + "): refused as a possible alias bomb";
    }
    if (problem.contains("Nesting Depth")) {
      return "nesting is deeper than the limit of " + MAX_DEPTH + " levels";
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return "YAML syntax error: " + shortWords(context + problem.strip());
  }

  /**
   * SnakeYAML's message with every run of more than 40 non-blank characters cut short: such a
   * run is text from the file (an alias or anchor name, a token), and a message quotes at most a
   * short excerpt of what a file holds.
   */
  private static String shortWords(String message) {
    return java.util.regex.Pattern.compile("\\S{41,}").matcher(message)
        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group().substring(0, 37) + "..."));
  }

  private static String tagMessage(String tag) {
    String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    return "YAML tag '" + MapReader.abbreviate(shown) + "' is not allowed: scenario files hold"
        + " plain values only, and nothing named in a file is ever instantiated";
  }

  private static String limitMessage(String message) {
    String m = message == null ? "" : message;
    if (m.contains("Number of aliases")) {
      return "too many aliases (more than " + MAX_ALIASES + "): refused as a possible alias bomb";
    }
    if (m.contains("Nesting Depth")) {
      return "nesting is deeper than the limit of " + MAX_DEPTH + " levels";
    }
    if (m.contains("code points")) {
      return "document is larger than the limit of " + MAX_FILE_BYTES + " characters";
    }
    return "cannot read YAML: " + m;
  }
}
