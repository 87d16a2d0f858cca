package org.hedgesim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of the stopping hook, on an instance of its own (the test's process is not stopped). */
class StoppingTest {

  @Test
  void stop_undoesNewestFirst_leavesOutWhatWasClosed_thenPrintsTheLatestNoticeOnce() {
    Stopping s = new Stopping();
    List<String> done = new ArrayList<>();
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    s.addCleanup(() -> done.add("reserved folder"));
    s.addCleanup(() -> done.add("lock")).close();
    s.addCleanup(() -> done.add("staging folder"));
    s.addCleanup(() -> {
      throw new IllegalStateException("a clean-up that fails does not stop the others");
    });
    s.addNotice(new PrintWriter(first), () -> "outer");
    s.addNotice(new PrintWriter(second), () -> "hedgesim: stopped; " + done.size() + " undone");
    s.stop();
    assertEquals(List.of("staging folder", "reserved folder"), done);
    assertEquals("", first.toString());
    assertEquals("hedgesim: stopped; 2 undone" + System.lineSeparator(), second.toString());
  }

  @Test
  void stop_withNothingRegistered_doesNothing_andTheGuardedStreamStaysOpen() throws Exception {
    Stopping s = new Stopping();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    OutputStream guarded = s.guard(raw);
    s.addNotice(new PrintWriter(new StringWriter()), () -> "x").close();
    s.stop();
    guarded.write("still heard".getBytes(StandardCharsets.UTF_8));
    assertEquals("still heard", raw.toString(StandardCharsets.UTF_8));
  }

  @Test
  void guardedStream_onceStopping_passesOnlyTheHooksThread() throws Exception {
    Stopping s = new Stopping();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    OutputStream guarded = s.guard(raw);
    PrintWriter hookSays = new PrintWriter(guarded, true, StandardCharsets.UTF_8);
    s.addNotice(hookSays, () -> "the one line");
    guarded.write("before ".getBytes(StandardCharsets.UTF_8));
    Thread hook = new Thread(s::stop);
    hook.start();
    hook.join();
    guarded.write("a late stack trace".getBytes(StandardCharsets.UTF_8));
    assertEquals("before the one line" + System.lineSeparator(), raw.toString(StandardCharsets.UTF_8));
  }
}
