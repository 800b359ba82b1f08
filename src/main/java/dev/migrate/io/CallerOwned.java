package dev.migrate.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream handed to a writer that closes what it writes to (Jackson's generators, a gzip stream when
 * it finishes) while the caller still owns the stream underneath: closing this one only flushes.
 */
public final class CallerOwned extends FilterOutputStream {
  private CallerOwned(OutputStream out) {
    super(out);
  }

  /** {@code out}, protected from being closed by whoever writes to the result. */
  public static OutputStream of(OutputStream out) {
    return new CallerOwned(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    // FilterOutputStream would write byte by byte.
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
