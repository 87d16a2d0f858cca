package org.hedgesim.experiment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The journal of a sweep's finished runs, kept beside the growing results so that a process killed
 * at any moment ({@code kill -9}, a power cut, a cluster's time limit) can be resumed without doing
 * a finished run again and without counting a half-written one.
 *
 * <p>Each finished run first appends its row to {@code runs.csv} (and its time series, one gzip
 * member, to {@code timeseries.csv.gz}), then one line to {@code journal.log}: the run, the length
 * of each data file after it, the CRC-32 of the bytes it added to each, and the CRC-32 of the line
 * itself. On resuming, a line counts only if it is whole (ends in a newline), its own CRC matches,
 * it is the next run in order, and the data it names is on disk with the CRCs it names; the first
 * line that fails ends the journal, and the journal and the data files are cut back to the last
 * line that counts. So nothing depends on the order in which the system writes pages to disk, and
 * the kept files are byte for byte what an uninterrupted process would have written by then. The
 * files are synced to disk every few seconds and at the end.
 *
 * <p>The first line names the sweep (its {@link Fingerprint}), the shard and its runs; a journal of
 * another sweep is never taken up. A lock on the journal keeps two processes out of one folder.
 */
final class SweepJournal implements Closeable {
  static final String FILE = "journal.log";
  static final String MAGIC = "hedgesim-sweep-journal 1";
  private static final long SYNC_NANOS = 5_000_000_000L;

  /** The journal cannot be used: another process holds it, or it belongs to another sweep. */
  static final class Conflict extends Exception {
    private static final long serialVersionUID = 1L;
    /** The identity the journal names, when it names another sweep; null when busy. */
    final String found;

    Conflict(String message, String found) {
      super(message);
      this.found = found;
    }
  }

  private final FileChannel journal;
  private final FileLock lock;
  private final FileChannel runs;
  private final FileChannel series;
  private final Path journalFile;
  private long runsEnd;
  private long seriesEnd;
  private long next;
  private final long to;
  private long lastSync = System.nanoTime();
  private final CRC32 crc = new CRC32();

  private SweepJournal(Path journalFile, FileChannel journal, FileLock lock, FileChannel runs,
      FileChannel series, long to) {
    this.journalFile = journalFile;
    this.journal = journal;
    this.lock = lock;
    this.runs = runs;
    this.series = series;
    this.to = to;
  }

  /**
   * Opens the journal of runs [from, to) in {@code dir}, taking up the runs an earlier process
   * finished, or starting afresh (writing the data files' headers) when there are none.
   *
   * @param identity the sweep's fingerprint, shard and runs, as one line of words
   * @param seriesHeader the first gzip member of the time series, or null without time series
   */
  static SweepJournal open(Path dir, String identity, long from, long to, byte[] runsHeader,
      byte[] seriesHeader) throws IOException, Conflict {
    Path journalFile = dir.resolve(FILE);
    FileChannel journal = FileChannel.open(journalFile, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = journal.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      journal.close();
      throw new Conflict("another hedgesim process is working in " + dir + "; wait for it to finish", null);
    }
    FileChannel runs = null;
    FileChannel series = null;
    try {
      runs = FileChannel.open(dir.resolve(SweepRun.RUNS), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (seriesHeader != null) {
        series = FileChannel.open(dir.resolve(SweepRun.SERIES), StandardOpenOption.CREATE,
            StandardOpenOption.READ, StandardOpenOption.WRITE);
      }
      SweepJournal j = new SweepJournal(journalFile, journal, lock, runs, series, to);
      j.recover(dir, identity, from, runsHeader, seriesHeader);
      return j;
    } catch (IOException | Conflict | RuntimeException e) {
      if (runs != null) runs.close();
      if (series != null) series.close();
      lock.release();
      journal.close();
      throw e;
    }
  }

  private String headerLine(String identity, byte[] runsHeader, byte[] seriesHeader) {
    String body = MAGIC + " " + identity + " runs_start=" + runsHeader.length + " series_start="
        + (seriesHeader == null ? 0 : seriesHeader.length);
    return body + " crc=" + crcHex(body.getBytes(StandardCharsets.UTF_8)) + "\n";
  }

  private void recover(Path dir, String identity, long from, byte[] runsHeader, byte[] seriesHeader)
      throws IOException, Conflict {
    String expected = headerLine(identity, runsHeader, seriesHeader);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(journalFile), 1 << 16)) {
      String header = readLine(in);
      if (header != null && !header.equals(expected)) {
        String found = checkedHeader(header);
        if (found != null) {
          throw new Conflict("the unfinished sweep in " + dir + " is not this one", found);
        }
        header = null; // a torn header: nothing was run yet
      }
      if (header == null || !startsWith(runs, runsHeader) || (series != null && !startsWith(series, seriesHeader))) {
        startAfresh(expected, runsHeader, seriesHeader, from);
        return;
      }
      long journalEnd = expected.getBytes(StandardCharsets.UTF_8).length;
      long runsAt = runsHeader.length;
      long seriesAt = seriesHeader == null ? 0 : seriesHeader.length;
      next = from;
      try (InputStream runsIn = new BufferedInputStream(Files.newInputStream(dir.resolve(SweepRun.RUNS)), 1 << 16);
          InputStream seriesIn = series == null ? InputStream.nullInputStream()
              : new BufferedInputStream(Files.newInputStream(dir.resolve(SweepRun.SERIES)), 1 << 16)) {
        runsIn.skipNBytes(runsAt);
        seriesIn.skipNBytes(seriesAt);
        while (next < to) {
          String line = readLine(in);
          if (line == null) break;
          long[] entry = parseEntry(line);
          if (entry == null || entry[0] != next || entry[1] < runsAt || entry[3] < seriesAt) break;
          if (entry[1] > runs.size() || (series != null && entry[3] > series.size())) break;
          if (crcOf(runsIn, entry[1] - runsAt) != entry[2]) break;
          if (series != null && crcOf(seriesIn, entry[3] - seriesAt) != entry[4]) break;
          runsAt = entry[1];
          seriesAt = entry[3];
          journalEnd += line.getBytes(StandardCharsets.UTF_8).length;
          next++;
        }
      }
      journal.truncate(journalEnd);
      journal.position(journalEnd);
      runs.truncate(runsAt);
      runs.position(runsAt);
      runsEnd = runsAt;
      if (series != null) {
        series.truncate(seriesAt);
        series.position(seriesAt);
        seriesEnd = seriesAt;
      }
    }
  }

  private void startAfresh(String header, byte[] runsHeader, byte[] seriesHeader, long from)
      throws IOException {
    journal.truncate(0);
    runs.truncate(0);
    runs.position(0);
    write(runs, runsHeader);
    runsEnd = runsHeader.length;
    if (series != null) {
      series.truncate(0);
      series.position(0);
      write(series, seriesHeader);
      seriesEnd = seriesHeader.length;
    }
    sync();
    journal.position(0);
    write(journal, header.getBytes(StandardCharsets.UTF_8));
    journal.force(false);
    next = from;
  }

  /** The identity a well-formed header names, or null when the header is torn. */
  private static String checkedHeader(String line) {
    if (!line.startsWith(MAGIC + " ") || !line.endsWith("\n")) return null;
    int c = line.lastIndexOf(" crc=");
    if (c < 0) return null;
    String body = line.substring(0, c);
    if (!line.substring(c + 5, line.length() - 1).equals(crcHex(body.getBytes(StandardCharsets.UTF_8)))) return null;
    int runsStart = body.lastIndexOf(" runs_start=");
    return runsStart < 0 ? null : body.substring(MAGIC.length() + 1, runsStart);
  }

  /** {run, runsEnd, runsCrc, seriesEnd, seriesCrc} of a whole line whose CRC matches, or null. */
  private static long[] parseEntry(String line) {
    if (!line.endsWith("\n")) return null;
    String[] w = line.substring(0, line.length() - 1).split(" ");
    if (w.length != 6) return null;
    String body = String.join(" ", Arrays.copyOf(w, 5));
    if (!w[5].equals(crcHex(body.getBytes(StandardCharsets.UTF_8)))) return null;
    try {
      return new long[] {Long.parseLong(w[0]), Long.parseLong(w[1]), Long.parseLong(w[2], 16),
          Long.parseLong(w[3]), Long.parseLong(w[4], 16)};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A line including its newline; a last line without one is returned as it is (and fails). */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
      if (b == '\n') break;
      if (out.size() > 4096) return null;
    }
    return out.size() == 0 ? null : out.toString(StandardCharsets.UTF_8);
  }

  private static boolean startsWith(FileChannel ch, byte[] prefix) throws IOException {
    if (ch.size() < prefix.length) return false;
    ByteBuffer buf = ByteBuffer.allocate(prefix.length);
    ch.read(buf, 0);
    return Arrays.equals(buf.array(), prefix);
  }

  private long crcOf(InputStream in, long length) throws IOException {
    crc.reset();
    byte[] buf = new byte[1 << 16];
    long left = length;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) return -1;
      crc.update(buf, 0, n);
      left -= n;
    }
    return crc.getValue();
  }

  /** The next run to do (the first run not finished). */
  long next() {
    return next;
  }

  /** Records a finished run: its row, its time series (empty without), then its journal line. */
  void append(long run, byte[] row, byte[] seriesBytes) throws IOException {
    if (run != next || run >= to) throw new IllegalStateException("run " + run + " out of order; expected " + next);
    write(runs, row, SweepRun.RUNS);
    runsEnd += row.length;
    long seriesCrc = 0;
    if (series != null) {
      write(series, seriesBytes, SweepRun.SERIES);
      seriesEnd += seriesBytes.length;
      seriesCrc = crcValue(seriesBytes);
    }
    String body = run + " " + runsEnd + " " + Long.toHexString(crcValue(row)) + " " + seriesEnd + " "
        + Long.toHexString(seriesCrc);
    write(journal, (body + " " + crcHex(body.getBytes(StandardCharsets.UTF_8)) + "\n")
        .getBytes(StandardCharsets.UTF_8), journalFile.getFileName().toString());
    next++;
    long now = System.nanoTime();
    if (now - lastSync > SYNC_NANOS) {
      sync();
      lastSync = now;
    }
  }

  /** Makes everything written so far durable: the data files first, then the journal. */
  void sync() throws IOException {
    runs.force(false);
    if (series != null) series.force(false);
    journal.force(false);
  }

  /** Syncs, closes and deletes the journal once every run is done and the results are written. */
  void complete() throws IOException {
    if (next != to) throw new IllegalStateException("runs " + next + " to " + (to - 1) + " are not done");
    sync();
    close();
    Files.delete(journalFile);
  }

  @Override
  public void close() throws IOException {
    if (!journal.isOpen()) return;
    try {
      runs.close();
      if (series != null) series.close();
      if (lock.isValid()) lock.release();
    } finally {
      journal.close();
    }
  }

  private long crcValue(byte[] bytes) {
    crc.reset();
    crc.update(bytes);
    return crc.getValue();
  }

  private static String crcHex(byte[] bytes) {
    CRC32 c = new CRC32();
    c.update(bytes);
    return Long.toHexString(c.getValue());
  }

  /** Writes a run's bytes to one of the files, naming the file if that fails (a full disk, say). */
  private static void write(FileChannel ch, byte[] bytes, String file) throws IOException {
    try {
      write(ch, bytes);
    } catch (IOException e) {
      throw new org.hedgesim.output.WriteFailure(file, e);
    }
  }

  private static void write(FileChannel ch, byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) ch.write(buf);
  }
}
