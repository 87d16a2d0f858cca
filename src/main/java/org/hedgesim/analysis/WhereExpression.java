package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.hedgesim.output.Numbers;
import org.hedgesim.scenario.Suggestions;

/**
 * Which runs are "of interest" to scenario discovery: a tiny language of comparisons of outcome
 * columns with numbers, joined by {@code and} and {@code or}, with parentheses, e.g.
 * {@code left_clv_dta > 0.5} or {@code exit_step <= 24 and legitimacy_final < 0.5}. {@code and}
 * binds tighter than {@code or}. Operators: {@code > >= < <= == !=}.
 *
 * <p>Parsed by hand: the language is small enough that a grammar library would be larger than it,
 * and a hand-written parser can say at which column of the text it went wrong. A run without a value
 * in a column (the step of an exit that never came) satisfies no comparison on that column, not even
 * {@code !=}: "exit within two years" must not hold for a run without an exit.
 */
public final class WhereExpression {

  /** The text cannot be read, at a 1-based column of it. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    Invalid(int column, String message) {
      super(message);
      this.column = column;
    }

    /** 1-based column of the text where the problem is. */
    public int column() {
      return column;
    }
  }

  /** A node of the parsed expression. */
  sealed interface Node permits Comparison, And, Or {}

  /** {@code column op value}; {@code at} is the 1-based column where the name starts. */
  record Comparison(String column, String op, double value, int at) implements Node {}

  record And(Node left, Node right) implements Node {}

  record Or(Node left, Node right) implements Node {}

  private final String text;
  private final Node root;

  private WhereExpression(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /** {@code NAME > threshold}, the meaning of {@code --outcome NAME --threshold X}. */
  public static WhereExpression above(String column, double threshold) {
    return new WhereExpression(column + " > " + Numbers.format(threshold), new Comparison(column, ">", threshold, 1));
  }

  /**
   * Parses the text and checks that every name is one of {@code columns}.
   *
   * @throws Invalid naming the column of the text and what was expected there, with "did you mean"
   *     for a misspelt name
   */
  public static WhereExpression parse(String text, Collection<String> columns) throws Invalid {
    Parser p = new Parser(text);
    Node n = p.or();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw new Invalid(p.pos + 1, "expected 'and', 'or' or the end, found '" + p.rest() + "'");
    }
    WhereExpression e = new WhereExpression(text.strip(), n);
    for (Comparison c : e.comparisons()) {
      if (!columns.contains(c.column())) {
        throw new Invalid(c.at(), "'" + c.column() + "' is not an outcome of the table" + Suggestions.hint(c.column(), columns)
            + "; outcomes: " + String.join(", ", columns));
      }
    }
    return e;
  }

  /** The text as given (trimmed). */
  public String text() {
    return text;
  }

  /** The outcome columns the expression reads, in order of first use. */
  public Set<String> columns() {
    Set<String> out = new LinkedHashSet<>();
    for (Comparison c : comparisons()) out.add(c.column());
    return out;
  }

  /** Whether a case is of interest; {@code value} gives a column's value (NaN: no value). */
  public boolean test(ToDoubleFunction<String> value) {
    return eval(root, value);
  }

  /** A short name for a results folder: {@code left_clv_dta-gt-0.5}. */
  public String slug() {
    StringBuilder b = new StringBuilder();
    slug(root, b);
    String s = b.toString().replaceAll("[^A-Za-z0-9_.-]", "_");
    return s.length() <= 80 ? s : s.substring(0, 80);
  }

  private static void slug(Node n, StringBuilder b) {
    if (n instanceof Comparison c) {
      String op = switch (c.op()) {
        case ">" -> "gt";
        case ">=" -> "ge";
        case "<" -> "lt";
        case "<=" -> "le";
        case "==" -> "eq";
        default -> "ne";
      };
      b.append(c.column()).append('-').append(op).append('-').append(Numbers.format(c.value()));
    } else if (n instanceof And a) {
      slug(a.left(), b);
      b.append("-and-");
      slug(a.right(), b);
    } else if (n instanceof Or o) {
      slug(o.left(), b);
      b.append("-or-");
      slug(o.right(), b);
    }
  }

  List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, List<Comparison> out) {
    if (n instanceof Comparison c) {
      out.add(c);
    } else if (n instanceof And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (n instanceof Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    }
  }

  private static boolean eval(Node n, ToDoubleFunction<String> value) {
    if (n instanceof And a) return eval(a.left(), value) && eval(a.right(), value);
    if (n instanceof Or o) return eval(o.left(), value) || eval(o.right(), value);
    Comparison c = (Comparison) n;
    double v = value.applyAsDouble(c.column());
    if (Double.isNaN(v)) return false;
    return switch (c.op()) {
      case ">" -> v > c.value();
      case ">=" -> v >= c.value();
      case "<" -> v < c.value();
      case "<=" -> v <= c.value();
      case "==" -> v == c.value();
      default -> v != c.value();
    };
  }

  @Override
  public String toString() {
    return text;
  }

  /** Recursive descent over {@code or := and ('or' and)*; and := atom ('and' atom)*; atom := '(' or ')' | cmp}. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Node or() throws Invalid {
      Node left = and();
      while (keyword("or")) left = new Or(left, and());
      return left;
    }

    Node and() throws Invalid {
      Node left = atom();
      while (keyword("and")) left = new And(left, atom());
      return left;
    }

    Node atom() throws Invalid {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '(') {
        int open = pos;
        pos++;
        Node inner = or();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != ')') {
          throw new Invalid(pos + 1, "expected ')' to close the '(' at column " + (open + 1)
              + (pos >= s.length() ? ", found the end" : ", found '" + rest() + "'"));
        }
        pos++;
        return inner;
      }
      return comparison();
    }

    Comparison comparison() throws Invalid {
      skipSpace();
      int start = pos;
      while (pos < s.length() && nameChar(s.charAt(pos))) pos++;
      if (pos == start) {
        throw new Invalid(pos + 1, "expected an outcome name" + (pos >= s.length() ? ", found the end" : ", found '" + rest() + "'"));
      }
      String name = s.substring(start, pos);
      if (name.equals("and") || name.equals("or")) {
        throw new Invalid(start + 1, "expected an outcome name, found the keyword '" + name + "'");
      }
      skipSpace();
      int opAt = pos;
      String op = null;
      for (String o : List.of(">=", "<=", "==", "!=", ">", "<")) {
        if (s.startsWith(o, pos)) {
          op = o;
          break;
        }
      }
      if (op == null) {
        String hint = pos < s.length() && s.charAt(pos) == '=' ? " ('==' compares; '=' alone is not an operator)" : "";
        throw new Invalid(opAt + 1, "expected a comparison (>, >=, <, <=, ==, !=) after '" + name + "'"
            + (pos >= s.length() ? ", found the end" : ", found '" + rest() + "'") + hint);
      }
      pos += op.length();
      skipSpace();
      int numAt = pos;
      while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) pos++;
      String number = s.substring(numAt, pos);
      double v;
      try {
        if (number.isEmpty()) throw new NumberFormatException();
        v = Double.parseDouble(number);
      } catch (NumberFormatException e) {
        pos = numAt;
        throw new Invalid(numAt + 1, "expected a number after '" + op + "'"
            + (numAt >= s.length() ? ", found the end" : ", found '" + rest() + "'"));
      }
      if (pos < s.length() && nameChar(s.charAt(pos))) {
        throw new Invalid(numAt + 1, "expected a number after '" + op + "', found '" + s.substring(numAt).split("\\s")[0] + "'");
      }
      return new Comparison(name, op, v, start + 1);
    }

    boolean keyword(String word) {
      skipSpace();
      if (s.regionMatches(true, pos, word, 0, word.length())
          && (pos + word.length() == s.length() || !nameChar(s.charAt(pos + word.length())))) {
        pos += word.length();
        return true;
      }
      return false;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    String rest() {
      String r = s.substring(pos);
      return r.length() <= 20 ? r : r.substring(0, 17) + "...";
    }

    private static boolean nameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
  }
}
