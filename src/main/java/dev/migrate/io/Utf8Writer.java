package dev.migrate.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered, unsynchronized writer that encodes UTF-8 straight into its byte buffer: large text (a CSV, a sheet's
 * XML) goes from the strings to the stream in one copy, where a {@code BufferedWriter} over an
 * {@code OutputStreamWriter} copies it into a char buffer first, then runs the charset encoder over it. The bytes are
 * the same as that pair writes, however the text is cut into calls: a high surrogate that ends a call waits for its
 * low half, and a surrogate without its pair is written as {@code ?}, as the JDK's encoder replaces it.
 *
 * <p>{@link #close} flushes; it closes the stream only for a writer made by {@link #owning}.
 */
public final class Utf8Writer extends Writer {
  private final OutputStream out;
  private final byte[] buf;
  private final boolean ownsStream;
  private int n;
  /** A high surrogate that ended the last call, waiting for its low half; 0 when none. */
  private char pendingHigh;

  /** A writer whose caller owns {@code out}. @param size buffer size in bytes, at least 8 */
  public Utf8Writer(OutputStream out, int size) {
    this(out, size, false);
  }

  private Utf8Writer(OutputStream out, int size, boolean ownsStream) {
    this.out = out;
    this.buf = new byte[Math.max(8, size)];
    this.ownsStream = ownsStream;
  }

  /** A writer that closes {@code out} when it is closed (for a file it is given to write alone). */
  public static Utf8Writer owning(OutputStream out, int size) {
    return new Utf8Writer(out, size, true);
  }

  @Override
  public void write(int c) throws IOException {
    if (c < 0x80 && n < buf.length && pendingHigh == 0) {
      buf[n++] = (byte) c;
      return;
    }
    char ch = (char) c;
    write(new char[] {ch}, 0, 1);
  }

  @Override
  public void write(String s) throws IOException {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    int end = off + len;
    int i = off;
    if (pendingHigh != 0 && i < end) {
      i = afterPending(s.charAt(i), i);
    }
    while (i < end) {
      // ASCII runs, the usual text, a byte each without a bounds check per character beyond the buffer's room.
      int room = buf.length - n;
      if (room < 4) {
        drain();
        room = buf.length;
      }
      int stop = Math.min(end, i + room - 3);
      while (i < stop) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          break;
        }
        buf[n++] = (byte) c;
        i++;
      }
      if (i < stop) {
        i = encode(s.charAt(i), i + 1 < end ? s.charAt(i + 1) : END, i);
      }
    }
  }

  @Override
  public void write(char[] cs, int off, int len) throws IOException {
    int end = off + len;
    int i = off;
    if (pendingHigh != 0 && i < end) {
      i = afterPending(cs[i], i);
    }
    while (i < end) {
      if (buf.length - n < 4) {
        drain();
      }
      char c = cs[i];
      if (c < 0x80) {
        buf[n++] = (byte) c;
        i++;
      } else {
        i = encode(c, i + 1 < end ? cs[i + 1] : END, i);
      }
    }
  }

  /** Bytes already encoded (e.g. a cell written before), copied as they are. */
  public void writeEncoded(byte[] bytes) throws IOException {
    loneHigh();
    if (bytes.length > buf.length - n) {
      drain();
      if (bytes.length > buf.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buf, n, bytes.length);
    n += bytes.length;
  }

  /** What {@link #encode} is given as the next character when the call ends after this one. */
  private static final int END = -1;

  /**
   * Encodes the non-ASCII {@code c} at index {@code i} (with {@code next} when it is a surrogate pair; {@link #END}
   * when the call ends after {@code c}); the next index. The buffer has room for 4 bytes.
   */
  private int encode(char c, int next, int i) {
    if (c < 0x800) {
      buf[n++] = (byte) (0xc0 | c >> 6);
      buf[n++] = (byte) (0x80 | c & 0x3f);
      return i + 1;
    }
    if (Character.isHighSurrogate(c) && next == END) {
      pendingHigh = c;
      return i + 1;
    }
    if (Character.isHighSurrogate(c) && Character.isLowSurrogate((char) next)) {
      codePoint(Character.toCodePoint(c, (char) next));
      return i + 2;
    }
    if (Character.isSurrogate(c)) {
      buf[n++] = '?'; // as the JDK's UTF-8 encoder replaces a surrogate without its pair
      return i + 1;
    }
    buf[n++] = (byte) (0xe0 | c >> 12);
    buf[n++] = (byte) (0x80 | c >> 6 & 0x3f);
    buf[n++] = (byte) (0x80 | c & 0x3f);
    return i + 1;
  }

  /** The first character {@code c} (at {@code i}) of a call after one that ended with a high surrogate; the next index. */
  private int afterPending(char c, int i) throws IOException {
    if (!Character.isLowSurrogate(c)) {
      loneHigh();
      return i;
    }
    if (buf.length - n < 4) {
      drain();
    }
    codePoint(Character.toCodePoint(pendingHigh, c));
    pendingHigh = 0;
    return i + 1;
  }

  /** A pending high surrogate that gets no low half: written as {@code ?}. */
  private void loneHigh() throws IOException {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      if (n == buf.length) {
        drain();
      }
      buf[n++] = '?';
    }
  }

  private void codePoint(int cp) {
    buf[n++] = (byte) (0xf0 | cp >> 18);
    buf[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
    buf[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
    buf[n++] = (byte) (0x80 | cp & 0x3f);
  }

  private void drain() throws IOException {
    if (n > 0) {
      out.write(buf, 0, n);
      n = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    loneHigh();
    try {
      flush();
    } finally {
      if (ownsStream) {
        out.close();
      }
    }
  }
}
