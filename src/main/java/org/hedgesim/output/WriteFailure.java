package org.hedgesim.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;

/**
 * A write that failed, naming the file it was writing: the system's own exception for a full disk
 * says only "No space left on device", not where. {@link #getFile()} is the file's name as the
 * results list it ({@code timeseries.csv}), {@link #getReason()} the system's reason.
 */
public final class WriteFailure extends FileSystemException {
  private static final long serialVersionUID = 1L;

  public WriteFailure(String file, IOException cause) {
    super(file, null, reasonOf(cause));
    initCause(cause);
  }

  /** Whether the device is full. */
  public boolean noSpace() {
    return getReason() != null && getReason().toLowerCase(java.util.Locale.ROOT).contains("no space left");
  }

  /** One line for a person: "no space left on device while writing runs.csv". */
  public String describe() {
    return noSpace() ? "no space left on device while writing " + getFile()
        : "could not write " + getFile() + " (" + getReason() + ")";
  }

  private static String reasonOf(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** {@code out}, with every failure of a write, a flush or the close named as a failure to write {@code file}. */
  public static OutputStream naming(String file, OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }
    };
  }
}
