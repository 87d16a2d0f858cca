package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The address of one value in a scenario document: keys joined by dots, with an entry of a list
 * picked in brackets by its identity or its position, as in {@code actors[A].nationalism},
 * {@code actors[P].inducements.sanction_severity}, {@code relations[A,B].trust},
 * {@code flows[fdi:P>A].growth}, {@code events[visits].rate}, {@code events[0].at} or
 * {@code parameters.alignment_noise}. Identities are those of {@link Inheritance#identity}: an
 * entry's {@code id}, a relation's pair in either order, a flow's {@code kind:from>to}. A path
 * always ends with a key. {@link TreePaths} finds and sets the value a path names.
 *
 * @param text the path as written
 * @param steps the keys and picks, in order
 */
public record TreePath(String text, List<Step> steps) {

  /** One step of a path. */
  public sealed interface Step permits Key, Pick {}

  /** A key of a mapping. */
  public record Key(String name) implements Step {}

  /** An entry of a list, by identity or (when no identity matches) by its 0-based position. */
  public record Pick(String selector) implements Step {}

  public TreePath {
    steps = List.copyOf(steps);
  }

  /** A malformed path; the message says what is wrong. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Parses a path, or says what is wrong with it. */
  public static TreePath parse(String text) throws Malformed {
    if (text == null || text.isBlank()) throw new Malformed("empty path");
    String s = text.strip();
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && isKeyChar(s.charAt(i))) i++;
      String key = s.substring(start, i);
      if (key.isEmpty()) {
        throw new Malformed("expected a key (lower-case letters, digits, '_') at position " + (start + 1)
            + " of '" + s + "'");
      }
      if (!Character.isLetter(key.charAt(0)) && key.charAt(0) != '_') {
        throw new Malformed("a key starts with a letter, found '" + key + "'");
      }
      steps.add(new Key(key));
      while (i < s.length() && s.charAt(i) == '[') {
        int close = s.indexOf(']', i);
        if (close < 0) throw new Malformed("'[' without ']' in '" + s + "'");
        String selector = s.substring(i + 1, close).strip();
        if (selector.isEmpty()) throw new Malformed("empty brackets in '" + s + "'");
        if (selector.indexOf('[') >= 0) throw new Malformed("brackets inside brackets in '" + s + "'");
        steps.add(new Pick(selector));
        i = close + 1;
      }
      if (i == s.length()) break;
      if (s.charAt(i) != '.') {
        throw new Malformed("unexpected '" + s.charAt(i) + "' at position " + (i + 1) + " of '" + s
            + "'; keys are joined by '.' and entries picked with [id]");
      }
      i++;
      if (i == s.length()) throw new Malformed("a path ends with a key, not with '.'");
    }
    if (!(steps.get(steps.size() - 1) instanceof Key)) {
      throw new Malformed("a path ends with the key of a value, e.g. " + s + ".<key>");
    }
    return new TreePath(s, steps);
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** The last key: the name of the value itself. */
  public String field() {
    return ((Key) steps.get(steps.size() - 1)).name();
  }

  @Override
  public String toString() {
    return text;
  }
}
