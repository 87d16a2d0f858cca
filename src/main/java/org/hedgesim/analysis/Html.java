package org.hedgesim.analysis;

/**
 * A small writer of XHTML (HTML that is also well-formed XML): every element is closed, text and
 * attribute values are escaped, characters XML forbids are dropped. Raw markup goes in only through
 * {@link #raw}, for SVG made by {@link ChartFiles}.
 */
final class Html {
  private final StringBuilder b = new StringBuilder(1 << 16);

  /** Opens an element; attributes come as name, value pairs (a null value leaves the attribute out). */
  Html open(String tag, String... attrs) {
    b.append('<').append(tag);
    attributes(attrs);
    b.append('>');
    return this;
  }

  Html close(String tag) {
    b.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element with text content. */
  Html el(String tag, String text, String... attrs) {
    b.append('<').append(tag);
    attributes(attrs);
    b.append('>').append(escape(text)).append("</").append(tag).append('>');
    return this;
  }

  /** An empty element, written {@code <tag/>}. */
  Html empty(String tag, String... attrs) {
    b.append('<').append(tag);
    attributes(attrs);
    b.append("/>");
    return this;
  }

  Html text(String text) {
    b.append(escape(text));
    return this;
  }

  Html raw(String markup) {
    b.append(markup);
    return this;
  }

  Html nl() {
    b.append('\n');
    return this;
  }

  private void attributes(String[] attrs) {
    if (attrs.length % 2 != 0) throw new IllegalArgumentException("attributes come in name, value pairs");
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] == null) continue;
      b.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
    }
  }

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') out.append(c);
        }
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
