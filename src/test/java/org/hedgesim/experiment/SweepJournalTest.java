package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal never counts a half-written run: torn lines, bad CRCs, data that is missing or
 * changed, all end the journal at the last whole run, and the files are cut back to it.
 */
class SweepJournalTest {

  @TempDir
  Path reference;

  @TempDir
  Path dir;

  private static final String ID = "version=1 sweep=a scenarios=b defaults=c timeseries=true shard=1/1 runs=10-30";
  private static final byte[] RUNS_HEADER = "run,value\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SERIES_HEADER = "series header;".getBytes(StandardCharsets.UTF_8);

  private SweepJournal open() throws Exception {
    return SweepJournal.open(dir, ID, 10, 30, RUNS_HEADER, SERIES_HEADER);
  }

  private static byte[] row(long run) {
    return (run + "," + (run * 31 % 7) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] series(long run) {
    return ("series of " + run + ";").repeat((int) (run % 3) + 1).getBytes(StandardCharsets.UTF_8);
  }

  /** Runs [from, to) appended to the journal in dir. */
  private void append(SweepJournal j, long from, long to) throws IOException {
    for (long r = from; r < to; r++) j.append(r, row(r), series(r));
  }

  private byte[] bytes(String f) throws IOException {
    return Files.readAllBytes(dir.resolve(f));
  }

  /** The files of an uninterrupted journal of runs 10 to 29, from another folder. */
  private byte[][] uninterrupted(Path other) throws Exception {
    try (SweepJournal j = SweepJournal.open(other, ID, 10, 30, RUNS_HEADER, SERIES_HEADER)) {
      append(j, 10, 30);
    }
    return new byte[][] {Files.readAllBytes(other.resolve(SweepRun.RUNS)),
        Files.readAllBytes(other.resolve(SweepRun.SERIES)), Files.readAllBytes(other.resolve(SweepJournal.FILE))};
  }

  private void assertLikeUninterrupted() throws Exception {
    byte[][] expected = uninterrupted(Files.createDirectory(reference.resolve("uninterrupted")));
    assertArrayEquals(expected[0], bytes(SweepRun.RUNS));
    assertArrayEquals(expected[1], bytes(SweepRun.SERIES));
    assertArrayEquals(expected[2], bytes(SweepJournal.FILE));
  }

  @Test
  void fresh_writesTheHeadersAndStartsAtTheFirstRun() throws Exception {
    try (SweepJournal j = open()) {
      assertEquals(10, j.next());
    }
    assertArrayEquals(RUNS_HEADER, bytes(SweepRun.RUNS));
    assertArrayEquals(SERIES_HEADER, bytes(SweepRun.SERIES));
  }

  @Test
  void reopen_takesUpTheFinishedRuns() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 17);
    }
    try (SweepJournal j = open()) {
      assertEquals(17, j.next());
      append(j, 17, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void tornJournalLineAndTornRow_areNotCounted() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 15);
    }
    long runsLength = Files.size(dir.resolve(SweepRun.RUNS));
    // run 15 was half written when the process died: its row, part of its series, part of its line
    Files.write(dir.resolve(SweepRun.RUNS), row(15), StandardOpenOption.APPEND);
    Files.write(dir.resolve(SweepRun.SERIES), "series o".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    Files.write(dir.resolve(SweepJournal.FILE), "15 123".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (SweepJournal j = open()) {
      assertEquals(15, j.next());
      assertEquals(runsLength, Files.size(dir.resolve(SweepRun.RUNS)), "the torn row is cut off");
      append(j, 15, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void lineWithoutItsNewline_isNotCounted() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 16);
    }
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve(SweepJournal.FILE).toFile(), "rw")) {
      f.setLength(f.length() - 1);
    }
    try (SweepJournal j = open()) {
      assertEquals(15, j.next(), "a line is whole only with its newline");
      append(j, 15, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void journalLineWithABadCrc_endsTheJournal() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 16);
    }
    flipLastByteBefore(dir.resolve(SweepJournal.FILE), 3); // a digit of the last line's own CRC
    try (SweepJournal j = open()) {
      assertEquals(15, j.next(), "run 15's line no longer checks out");
      append(j, 15, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void changedRow_isNotCounted_andTheRunsAfterItNeither() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 20);
    }
    // a byte of run 13's row changes on disk (as after a crash that lost a page)
    byte[] runs = bytes(SweepRun.RUNS);
    String text = new String(runs, StandardCharsets.UTF_8);
    int at = text.indexOf("\n13,") + 2;
    runs[at] = (byte) '9';
    Files.write(dir.resolve(SweepRun.RUNS), runs);
    try (SweepJournal j = open()) {
      assertEquals(13, j.next());
      append(j, 13, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void missingData_journalAheadOfTheFiles_isNotCounted() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 20);
    }
    // the journal reached the disk, the last series bytes did not
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve(SweepRun.SERIES).toFile(), "rw")) {
      f.setLength(f.length() - 2);
    }
    try (SweepJournal j = open()) {
      assertEquals(19, j.next());
      append(j, 19, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void tornHeader_startsAfresh() throws Exception {
    Files.write(dir.resolve(SweepJournal.FILE), (SweepJournal.MAGIC + " version=1 swe").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve(SweepRun.RUNS), "run,val".getBytes(StandardCharsets.UTF_8));
    try (SweepJournal j = open()) {
      assertEquals(10, j.next());
      append(j, 10, 30);
    }
    assertLikeUninterrupted();
  }

  @Test
  void anotherSweepsJournal_isRefusedAndLeftAlone() throws Exception {
    try (SweepJournal j = open()) {
      append(j, 10, 12);
    }
    byte[] before = bytes(SweepJournal.FILE);
    String other = ID.replace("sweep=a", "sweep=z");
    SweepJournal.Conflict c = assertThrows(SweepJournal.Conflict.class,
        () -> SweepJournal.open(dir, other, 10, 30, RUNS_HEADER, SERIES_HEADER));
    assertEquals(ID, c.found);
    assertArrayEquals(before, bytes(SweepJournal.FILE));
  }

  @Test
  void secondOpener_isTurnedAway() throws Exception {
    try (SweepJournal j = open()) {
      SweepJournal.Conflict c = assertThrows(SweepJournal.Conflict.class, this::open);
      assertNull(c.found);
      assertTrue(c.getMessage().contains("another hedgesim process is working in"), c.getMessage());
      append(j, 10, 11);
    }
  }

  @Test
  void complete_deletesTheJournal_onlyWhenEveryRunIsDone() throws Exception {
    SweepJournal j = open();
    append(j, 10, 29);
    assertThrows(IllegalStateException.class, j::complete);
    append(j, 29, 30);
    j.complete();
    assertFalse(Files.exists(dir.resolve(SweepJournal.FILE)));
    assertThrows(IllegalStateException.class, () -> j.append(30, row(30), series(30)));
  }

  private static void flipLastByteBefore(Path file, int fromEnd) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int i = b.length - fromEnd;
    b[i] = (byte) (b[i] == '0' ? '1' : '0');
    Files.write(file, b);
  }
}
