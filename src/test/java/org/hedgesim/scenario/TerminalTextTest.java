package org.hedgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;
import org.junit.jupiter.api.Test;

/** Escaping of file text before it is printed, and the messages of keys read or not. */
class TerminalTextTest {

  @Test
  void escape_controlAndFormatCharacters_becomeVisibleEscapes() {
    assertEquals("\\x1b]0;title\\x07", TerminalText.escape("\u001b]0;title\u0007"));
    assertEquals("Small\\x00land", TerminalText.escape("Small\0land"));
    assertEquals("a\\u202eb\\u200bc\\u2028d", TerminalText.escape("a\u202eb\u200bc\u2028d"));
    assertEquals("tab\\x09 del\\x7f c1\\x9b", TerminalText.escape("tab\t del\u007f c1\u009b"));
  }

  @Test
  void escape_printableText_isReturnedUnchanged() {
    String s = "Kambodscha, Đông Nam Á, ± 0.5 — ok \\x1b";
    assertSame(s, TerminalText.escape(s));
    assertEquals(-1, TerminalText.firstUnprintable(s));
    assertEquals(3, TerminalText.firstUnprintable("abc\u202e"));
  }

  @Test
  void problem_printedForm_escapesTextFromTheFile() {
    Problem p = new Problem(new Origin("f.yaml", 2, 3), "actors[\u001b[2J]", "found '\u202e'");
    assertEquals("f.yaml:2:3: actors[\\x1b[2J]: found '\\u202e'", p.toString());
  }

  private static YMap map(String... keys) {
    LinkedHashMap<String, YMap.Entry> e = new LinkedHashMap<>();
    int line = 1;
    for (String k : keys) {
      Origin o = new Origin("f.yaml", line++, 1);
      e.put(k, new YMap.Entry(o, new YScalar("1", true, false, o, null)));
    }
    return new YMap(e, new Origin("f.yaml", 1, 1));
  }

  @Test
  void finish_aKnownKeyNotRead_isUnusedNotUnknownWithItselfSuggested() {
    List<Problem> problems = new ArrayList<>();
    MapReader r = new MapReader(map("levels", "min", "mni"), "p", problems);
    r.node("levels");
    r.finish(List.of("levels", "min", "max"));
    assertEquals(List.of(
        "f.yaml:2:1: p.min: key 'min' is not used together with the other keys written here",
        "f.yaml:3:1: p.mni: unknown key 'mni' (did you mean 'min'?)"),
        problems.stream().map(Problem::toString).toList());
  }

  @Test
  void hint_neverSuggestsTheWordItself() {
    assertEquals("", Suggestions.hint("min", List.of("min", "max")));
    assertEquals(" (did you mean 'min'?)", Suggestions.hint("Min", List.of("min", "max")));
  }

  @Test
  void text_description_keepsControlCharacters_anIdDoesNot() {
    List<Problem> problems = new ArrayList<>();
    LinkedHashMap<String, YMap.Entry> e = new LinkedHashMap<>();
    Origin o = new Origin("f.yaml", 1, 1);
    e.put("description", new YMap.Entry(o, new YScalar("bell\u0007", false, false, o, null)));
    e.put("id", new YMap.Entry(o, new YScalar("A\u202e", false, false, o, null)));
    MapReader r = new MapReader(new YMap(e, o), "", problems);
    assertEquals("bell\u0007", r.optText("description"));
    assertEquals(null, r.text("id"));
    assertEquals(List.of("f.yaml:1:1: id: an id or name may not contain control or formatting"
        + " characters, found \\u202e in 'A\\u202e'"), problems.stream().map(Problem::toString).toList());
  }
}
