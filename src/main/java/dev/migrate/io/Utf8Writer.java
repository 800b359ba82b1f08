package dev.migrate.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered writer that encodes UTF-8 straight into its byte buffer: the text of a large CSV goes from the strings to
 * the stream in one copy, where a {@code BufferedWriter} over an {@code OutputStreamWriter} copies it into a char
 * buffer first and then runs the charset encoder over it. The bytes are the same as that pair writes, including a
 * {@code ?} for a lone surrogate, as long as no call ends between the two halves of a surrogate pair (the CSV writers
 * write whole values, or pieces cut at ASCII characters).
 *
 * <p>The caller owns {@code out}: {@link #close} flushes and does not close it.
 */
public final class Utf8Writer extends Writer {
  private final OutputStream out;
  private final byte[] buf;
  private int n;

  /** @param size buffer size in bytes, at least 8 */
  public Utf8Writer(OutputStream out, int size) {
    this.out = out;
    this.buf = new byte[Math.max(8, size)];
  }

  @Override
  public void write(int c) throws IOException {
    if (c < 0x80 && n < buf.length) {
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
        i = encode(s.charAt(i), i + 1 < end ? s.charAt(i + 1) : 0, i);
      }
    }
  }

  @Override
  public void write(char[] cs, int off, int len) throws IOException {
    int end = off + len;
    for (int i = off; i < end; ) {
      if (buf.length - n < 4) {
        drain();
      }
      char c = cs[i];
      if (c < 0x80) {
        buf[n++] = (byte) c;
        i++;
      } else {
        i = encode(c, i + 1 < end ? cs[i + 1] : 0, i);
      }
    }
  }

  /** Bytes already encoded (e.g. a cell written before), copied as they are. */
  public void writeEncoded(byte[] bytes) throws IOException {
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

  /** Encodes the non-ASCII {@code c} at index {@code i} (with {@code next} when it is a surrogate pair); the next index. */
  private int encode(char c, char next, int i) {
    if (c < 0x800) {
      buf[n++] = (byte) (0xc0 | c >> 6);
      buf[n++] = (byte) (0x80 | c & 0x3f);
      return i + 1;
    }
    if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
      int cp = Character.toCodePoint(c, next);
      buf[n++] = (byte) (0xf0 | cp >> 18);
      buf[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
      buf[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
      buf[n++] = (byte) (0x80 | cp & 0x3f);
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
    flush();
  }
}
