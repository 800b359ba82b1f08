package dev.migrate.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.logs.LogAnalyzer;
import dev.migrate.logs.LogReport;
import dev.migrate.logs.LogReportText;
import dev.migrate.logs.LogSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the access-log parser: ALB, CLB and CloudFront lines with hostile
 * fields (control characters, huge numbers, broken quotes, cut lines), random bytes, and corrupt
 * gzip. Every line is counted (parsed or bad), nothing throws, and the printed summary holds no
 * control character. Tries: {@code jqwik.tries.default} (see {@link SnapshotFuzzTest}).
 */
class AccessLogFuzzTest {
  static final String ALB = LogsOutputIsInputTest.ALB_LINE.strip();
  static final String CLB = "2026-11-20T01:02:03.000000Z old-elb 192.0.2.1:1234 10.0.0.1:80 0.001 0.002 0.000 200 200 0 512 "
      + "\"GET http://www.example.jp:80/a HTTP/1.1\" \"curl\" - -";
  static final String CF = "2026-11-20\t01:02:03\tNRT51-C1\t1024\t192.0.2.1\tGET\td111111abcdef8.cloudfront.net\t/p\t200\t-\tcurl\t"
      + "-\t-\tHit\tid1\twww.example.jp\thttps\t100\t0.001\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t443\t0.001\t"
      + "Hit\ttext/html\t1024\t-\t-";
  static final List<String> HOSTILE = List.of("\u001b[2J", "\u0007", "\r", "\"", " ", "\t", "-", "99999999999999999999999",
      "-1", "NaN", "%1b", "\u0000", "\u00ff", "\ud83d\ude00", "\u202e", "#Fields: date time", "#Version: 1.0");

  record Mutation(double at, int remove, String insert) {}

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> base = Arbitraries.of(ALB, CLB, CF, "#Version: 1.0", "");
    Arbitrary<Mutation> m = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 30),
        Arbitraries.oneOf(Arbitraries.of(HOSTILE), Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(6)))
        .as(Mutation::new);
    Arbitrary<String> line = Combinators.combine(base, m.list().ofMaxSize(3)).as((b, ms) -> {
      StringBuilder sb = new StringBuilder(b);
      for (Mutation x : ms) {
        int at = (int) (x.at() * sb.length());
        sb.replace(at, Math.min(sb.length(), at + x.remove()), x.insert());
      }
      return sb.toString();
    });
    return line.list().ofMinSize(1).ofMaxSize(20).map(l -> String.join("\n", l) + "\n");
  }

  @Property
  void hostileLinesAreCountedAndPrintedSafely(@ForAll("lines") String log) {
    LogReport r = analyze("E2QWRUHEXAMPLE.2026-11-20-01.abcd1234", log.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), r.fileProblems());
    assertTrue(r.badLines() <= r.lines(), r.toString());
    printsSafely(r);
  }

  @Property
  void randomBytesAndCorruptGzipNeverThrow(@ForAll byte[] bytes, @ForAll boolean gzipped) throws Exception {
    byte[] data = bytes;
    if (gzipped) {
      var out = new ByteArrayOutputStream();
      try (var gz = new GZIPOutputStream(out)) {
        gz.write((ALB + "\n").repeat(3).getBytes(StandardCharsets.UTF_8));
      }
      data = out.toByteArray();
      for (int i = 0; i < bytes.length && data.length > 12; i++) {
        data[10 + Math.floorMod(bytes[i] * 31 + i, data.length - 10)] ^= (byte) (bytes[i] | 1);
      }
    }
    LogReport r = analyze("web.log", data);
    printsSafely(r);
  }

  static LogReport analyze(String name, byte[] data) {
    LogSource source = new LogSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(data);
      }
    };
    return new LogAnalyzer().analyze(List.of(source), new LogAnalyzer.Options(1, 5, 64), m -> {});
  }

  static void printsSafely(LogReport r) {
    String text = LogReportText.render(r);
    assertFalse(Hostile.hasControl(text), text);
    for (LogReport.FileProblem p : r.fileProblems()) {
      assertFalse(p.problem().contains("java.") || p.problem().contains("Exception"), p.problem());
    }
  }
}
