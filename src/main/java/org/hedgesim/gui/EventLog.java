package org.hedgesim.gui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.util.List;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.hedgesim.model.EventRecord;
import sim.portrayal.Inspector;

/** Every event of the run so far, one caption a line, newest at the bottom. */
final class EventLog extends Inspector {
  private static final long serialVersionUID = 1L;
  private final transient Recorder recorder;
  private final JTextArea text = new JTextArea(18, 40);
  private int shown;
  private int run;

  EventLog(Recorder recorder) {
    this.recorder = recorder;
    setLayout(new BorderLayout());
    text.setEditable(false);
    text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    add(new JScrollPane(text), BorderLayout.CENTER);
  }

  @Override
  public void updateInspector() {
    if (recorder.runs() != run) {
      run = recorder.runs();
      text.setText("");
      shown = 0;
    }
    List<EventRecord> fresh = recorder.eventsFrom(shown);
    StringBuilder sb = new StringBuilder();
    for (EventRecord e : fresh) {
      if (Captions.isShown(e)) sb.append(Captions.caption(e)).append(" [").append(e.origin()).append("]\n");
    }
    shown += fresh.size();
    if (sb.length() > 0) {
      text.append(sb.toString());
      text.setCaretPosition(text.getDocument().getLength());
    }
  }
}
