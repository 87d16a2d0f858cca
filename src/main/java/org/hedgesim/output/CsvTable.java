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
    this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), FORMAT);
    this.columns = header.size();
    printer.printRecord(header);
  }

  public static CsvTable create(Path file, List<String> header) throws IOException {
    return new CsvTable(Files.newOutputStream(file), header);
  }

  /** A gzip-compressed table; the gzip header carries no time stamp, so bytes are reproducible. */
  public static CsvTable createGzip(Path file, List<String> header) throws IOException {
    return new CsvTable(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), header);
  }

  /** Writes one row; doubles are formatted, everything else is written as text. */
  public void row(Object... cells) throws IOException {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    for (Object c : cells) {
      if (c instanceof Double d) {
        printer.print(Numbers.format(d));
      } else if (c == null) {
        printer.print("");
      } else {
        printer.print(c.toString());
      }
    }
    printer.println();
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
