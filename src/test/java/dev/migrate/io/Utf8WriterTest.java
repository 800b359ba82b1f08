package dev.migrate.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  /** Text of every width: ASCII, two-, three- and four-byte characters, and lone surrogates of either half. */
  private static List<String> texts() {
    List<String> out = new ArrayList<>(List.of("", "plain ascii", "ünïcødé ✓", "日本語のテキスト", "emoji 😀 and 𝄞",
        "lone high \uD83D end", "lone low \uDE00 end", "\uD83D", "x\uDE00\uD83D", "a\u0080b\u07FFc\u0800d\uFFFF"));
    Random r = new Random(42);
    for (int n = 0; n < 200; n++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(300);
      for (int i = 0; i < len; i++) {
        switch (r.nextInt(6)) {
          case 0 -> b.append((char) (0x80 + r.nextInt(0x780)));
          case 1 -> b.append((char) (0x800 + r.nextInt(0xD000)));
          case 2 -> b.appendCodePoint(0x10000 + r.nextInt(0xFFFFF));
          default -> b.append((char) r.nextInt(0x80));
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  /** The bytes are those of a BufferedWriter over an OutputStreamWriter, whatever the buffer size and the calls. */
  @Test
  void writesTheBytesOfTheJdkEncoder() throws Exception {
    for (int size : new int[] {8, 9, 13, 64, 1 << 16}) {
      var mine = new ByteArrayOutputStream();
      var jdk = new ByteArrayOutputStream();
      try (Writer a = new Utf8Writer(mine, size);
           Writer b = new BufferedWriter(new OutputStreamWriter(jdk, StandardCharsets.UTF_8))) {
        for (String s : texts()) {
          a.write(s);
          b.write(s);
          a.write(',');
          b.write(',');
          // Cut anywhere, also between the halves of a pair: the high half waits for the next call.
          int cut = s.length() / 3;
          a.write(s, 0, cut);
          b.write(s, 0, cut);
          a.write(s, cut, s.length() - cut);
          b.write(s, cut, s.length() - cut);
          for (int i = 0; i < Math.min(s.length(), 40); i++) {
            a.write(s.charAt(i));
            b.write(s.charAt(i));
          }
          a.write(s.toCharArray(), 0, s.length());
          b.write(s.toCharArray(), 0, s.length());
          a.write('é');
          b.write('é');
        }
      }
      byte[] expected = jdk.toByteArray();
      assertArrayEquals(expected, mine.toByteArray(), "buffer of " + size + " bytes");
    }
  }

  @Test
  void closeFlushesAndLeavesTheStreamOpen() throws Exception {
    var out = new ByteArrayOutputStream() {
      boolean closed;

      @Override
      public void close() {
        closed = true;
      }
    };
    var w = new Utf8Writer(out, 64);
    w.write("kept");
    w.close();
    assertEquals("kept", out.toString(StandardCharsets.UTF_8));
    assertEquals(false, out.closed);
  }

  @Test
  void aPairCutBetweenTwoCallsIsOneCharacterAndAHighHalfLeftAtTheEndIsAQuestionMark() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var w = new Utf8Writer(out, 8)) {
      w.write("a\uD83D");
      w.write("\uDE00b".toCharArray(), 0, 2);
      w.writeEncoded("c".getBytes(StandardCharsets.UTF_8));
      w.write("\uD83D");
      w.writeEncoded("d".getBytes(StandardCharsets.UTF_8));
      w.write("\uD83D");
    }
    assertEquals("a\uD83D\uDE00bc?d?", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anOwningWriterClosesItsStream() throws Exception {
    var out = new ByteArrayOutputStream() {
      boolean closed;

      @Override
      public void close() {
        closed = true;
      }
    };
    var w = Utf8Writer.owning(out, 64);
    w.write("kept");
    w.close();
    assertEquals("kept", out.toString(StandardCharsets.UTF_8));
    assertEquals(true, out.closed);
  }

  @Test
  void plainNumbersAreTheTextsOfToPlainStringAlsoPastTheLimit() {
    var numbers = new PlainNumbers();
    Random r = new Random(7);
    for (int i = 0; i < PlainNumbers.LIMIT * 2; i++) {
      BigDecimal v = BigDecimal.valueOf(r.nextLong() % 10_000_000, r.nextInt(30) - 5);
      assertEquals(v.toPlainString(), numbers.text(v));
      assertEquals(v.toPlainString(), numbers.text(v));
    }
    assertEquals("0.10", numbers.text(new BigDecimal("0.10")));
    assertEquals("0.1", numbers.text(new BigDecimal("0.1")));
    assertEquals("1000", numbers.text(new BigDecimal("1E+3")));
    assertEquals(null, numbers.text(null));
  }
}
