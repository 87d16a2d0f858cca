package org.hedgesim.gui;

import java.awt.BorderLayout;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ScrollPaneConstants;
import sim.portrayal.Inspector;

/**
 * A group of knobs with a note above it. MASON's inspector shows a text property in a one-line
 * field that cuts a sentence off at the width of the tab; here the note wraps at word boundaries to
 * whatever width the tab has, and scrolls rather than hides when the tab is short.
 */
final class NotedInspector extends Inspector {
  private static final long serialVersionUID = 1L;
  private final Inspector inner;
  final JTextArea note;

  NotedInspector(String text, Inspector inner) {
    this.inner = inner;
    setLayout(new BorderLayout());
    note = new JTextArea(text, 3, 20); // three lines tall, then a scroll bar; as wide as the tab
    note.setName("note");
    note.setEditable(false);
    note.setLineWrap(true);
    note.setWrapStyleWord(true);
    note.setOpaque(false);
    note.setFont(note.getFont().deriveFont(Font.ITALIC, ChartLook.BODY_POINTS));
    note.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    JScrollPane scroll = new JScrollPane(note, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
        ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    add(scroll, BorderLayout.NORTH);
    add(inner, BorderLayout.CENTER);
  }

  @Override
  public void updateInspector() {
    inner.updateInspector();
  }
}
