package org.hedgesim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file being written: RFC 4180 quoting (commons-csv), "\n" line ends, UTF-8, optionally
 * gzip-compressed. Numbers go through {@link Numbers#format}.
 */
public final class CsvTable implements AutoCloseable {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private final CSVPrinter printer;
  private final int columns;

  private CsvTable(OutputStream out, List<String> header) throws IOException {
    this(out, header.size());
    printer.printRecord(header);
  }

  private CsvTable(OutputStream out, int columns) throws IOException {
    this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), FORMAT);
    this.columns = columns;
  }

  public static CsvTable create(Path file, List<String> header) throws IOException {
    return new CsvTable(WriteFailure.naming(file.getFileName().toString(), Files.newOutputStream(file)), header);
  }

  /** A gzip-compressed table; the gzip header carries no time stamp, so bytes are reproducible. */
  public static CsvTable createGzip(Path file, List<String> header) throws IOException {
    return new CsvTable(new GZIPOutputStream(
        WriteFailure.naming(file.getFileName().toString(), Files.newOutputStream(file)), 1 << 16), header);
  }

  /**
   * Rows without a header, compressed as one gzip member into {@code out} when the table is closed.
   * Gzip members written one after another form one valid gzip file (RFC 1952), so a file can grow
   * member by member and be cut back to the end of any member.
   */
  public static CsvTable gzipRows(OutputStream out, int columns) throws IOException {
    return new CsvTable(new GZIPOutputStream(out, 1 << 16), columns);
  }

  /** One record as a line of text ending in "\n", quoted and formatted as rows are. */
  public static String line(List<?> cells) {
    Object[] texts = new Object[cells.size()];
    for (int i = 0; i < texts.length; i++) texts[i] = text(cells.get(i));
    return FORMAT.format(texts) + "\n";
  }

  private static String text(Object c) {
    if (c instanceof Double d) return Numbers.format(d);
    return c == null ? "" : c.toString();
  }

  /** Writes one row; doubles are formatted, everything else is written as text. */
  public void row(Object... cells) throws IOException {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    for (Object c : cells) printer.print(text(c));
    printer.println();
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
