package dev.migrate.logs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens a log stream, gunzipping it when it starts with the gzip magic bytes (not by file name). */
final class Decompression {
  /** Inflater input buffer: large reads keep the JNI overhead per byte low. */
  private static final int GZIP_BUFFER = 1 << 16;

  private Decompression() {}

  static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream in = new EagerAvailable(raw);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      // GZIPInputStream reads every member of a multi-member file, but it only looks for the next
      // member when available() > 0; EagerAvailable makes that true whenever more bytes exist.
      return new GZIPInputStream(in, GZIP_BUFFER);
    }
    return in;
  }

  /**
   * available() that answers "is there at least one more byte" (blocking to find out), so that a
   * network stream that happens to be between packets at a gzip member boundary is not taken
   * for the end of the file.
   */
  private static final class EagerAvailable extends BufferedInputStream {
    EagerAvailable(InputStream in) {
      super(in, GZIP_BUFFER);
    }

    @Override
    public synchronized int available() throws IOException {
      int a = super.available();
      if (a > 0) {
        return a;
      }
      mark(1);
      int b = read();
      if (b < 0) {
        return 0;
      }
      reset();
      return 1;
    }
  }
}
