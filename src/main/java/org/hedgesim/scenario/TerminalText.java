package org.hedgesim.scenario;

import java.util.Locale;

/**
 * Text from a scenario file made safe to print. A file can hold characters that a terminal obeys
 * rather than shows: escape sequences (ESC, BEL, NUL and the other control characters) that move
 * the cursor, retitle the window or hide what follows, and invisible formatting characters (the
 * bidirectional overrides such as U+202E, zero-width marks, line separators) that make a text read
 * differently from what it is. {@link #escape} writes each of them as a visible escape, so a
 * message shows what the file holds and nothing else.
 */
public final class TerminalText {
  private TerminalText() {}

  /** Whether a character is one a terminal might obey or hide: a control or formatting character. */
  public static boolean unprintable(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  /** The index of the first control or formatting character, or -1 when there is none. */
  public static int firstUnprintable(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (unprintable(c)) return i;
      i += Character.charCount(c);
    }
    return -1;
  }

  /**
   * The text with every control or formatting character written as an escape: {@code \x1b} for
   * those below U+0100, {@code \u202e} for the others (and {@code \U000e0001} beyond U+FFFF).
   */
  public static String escape(String s) {
    if (s == null || firstUnprintable(s) < 0) return s;
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!unprintable(c)) {
        out.appendCodePoint(c);
      } else if (c < 0x100) {
        out.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else if (c <= 0xFFFF) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.append(String.format(Locale.ROOT, "\\U%08x", c));
      }
    }
    return out.toString();
  }
}
