package dev.migrate.logs;

import static dev.migrate.logs.AwsDocExamplesTest.analyze;
import static dev.migrate.logs.AwsDocExamplesTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParserEdgeCasesTest {
  static final String ALB_LINE = "https 2026-11-01T10:00:0%dZ app/web/0123456789abcdef %s 10.0.0.1:80 0.001 0.010 0.000 %d 200 120 %d "
      + "\"GET https://shop.example.com:443%s HTTP/2.0\" \"Mozilla/5.0 (X11; \\\"quoted\\\")\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
      + "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/73e2d6bc24d8a067 \"Root=1-x\" \"shop.example.com\" \"-\" 0 "
      + "2026-11-01T10:00:00.000000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\" TID_1 \"-\" \"-\" \"-\"";

  static String alb(int second, String client, int status, long bytes, String path) {
    return String.format(ALB_LINE, second, client, status, bytes, path);
  }

  static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void ipv6ClientsQueryStringsAndNewerTrailingFields(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.log");
    Files.writeString(f, alb(1, "2a02:a33c:4538:1:bcf4:5264:e01c:f215:50718", 200, 1000, "/api/items?id=1") + "\n"
        + alb(1, "192.0.2.10:4000", 200, 500, "/api/items?id=2") + "\n"
        + alb(2, "[2001:db8::1]:443", 503, 100, "/") + "\n");
    LogReport r = analyze(1, f);
    assertEquals(0, r.badLines(), () -> r.badLineSamples().toString());
    LogSummary s = only(r);
    assertEquals(3, s.requests());
    assertEquals(1, s.status().s5xx());
    assertEquals(new LogSummary.PathCount("/api/items", 2, 0), s.topPathsByRequests().get(0));
    assertEquals(new LogSummary.PathCount("/api/items", 1500, 0), s.topPathsByBytes().get(0));
    assertEquals(2, s.peakSecond().requests());
  }

  @Test
  void severalGzipMembersInOneFileAreAllRead(@TempDir Path dir) throws Exception {
    byte[] one = gzip(alb(1, "192.0.2.1:1", 200, 10, "/a") + "\n");
    byte[] two = gzip(alb(2, "192.0.2.1:1", 200, 20, "/b") + "\n" + alb(3, "192.0.2.1:1", 200, 30, "/c") + "\n");
    byte[] both = Arrays.copyOf(one, one.length + two.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    Files.write(dir.resolve("multi.log.gz"), both);
    LogSummary s = only(analyze(1, dir));
    assertEquals(3, s.requests());
    assertEquals(60, s.bytesOut());
  }

  @Test
  void aTruncatedFileNamesItselfAndTheOthersGoOn(@TempDir Path dir) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20000; i++) {
      text.append(alb(i % 10, "192.0.2.1:1", 200, 10, "/p" + i)).append('\n');
    }
    byte[] whole = gzip(text.toString());
    Files.write(dir.resolve("a-truncated.log.gz"), Arrays.copyOf(whole, whole.length / 2));
    Files.write(dir.resolve("b-good.log.gz"), gzip(alb(1, "192.0.2.1:1", 200, 10, "/ok") + "\n"));
    LogReport r = analyze(2, dir);
    assertEquals(1, r.fileProblems().size());
    LogReport.FileProblem p = r.fileProblems().get(0);
    assertTrue(p.file().endsWith("a-truncated.log.gz"), p.file());
    assertTrue(p.problem().startsWith("truncated"), p.problem());
    assertTrue(p.linesRead() > 0 && p.linesRead() < 20000, () -> "lines " + p.linesRead());
    assertEquals(2, r.files());
    assertEquals(p.linesRead() + 1, only(r).requests());
  }

  @Test
  void badLinesAreCountedWithSamplesNeverACrash(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mixed.log");
    Files.writeString(f, alb(1, "192.0.2.1:1", 200, 10, "/") + "\r\n"
        + "this is not a log line\n"
        + "\n"
        + "https 2026-13-01T10:00:00Z app/web/1 1.2.3.4:5 - 0 0 0 200 200 1 1 \"GET / HTTP/1.1\"\n"
        + "https 2026-11-01T10:00:00Z app/web/1 1.2.3.4:5 - 0 0 0 2x0 200 1 1 \"GET / HTTP/1.1\"\n"
        + "https 2026-11-01T10:00:00Z app/web/1 1.2.3.4:5 - 0 0 0 200 200 1 1 \"GET / HTTP/1.1\n"
        + "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817\n"
        + "\u0000\u0001\u00ff\n");
    LogReport r = analyze(1, f);
    assertEquals(7, r.lines());
    assertEquals(6, r.badLines());
    assertEquals(FileParser.MAX_SAMPLES, r.badLineSamples().size());
    assertEquals(2, r.badLineSamples().get(0).line());
    assertEquals("bad timestamp", r.badLineSamples().get(0).reason()); // "this" read as an ALB type
    assertEquals("bad timestamp", r.badLineSamples().get(1).reason());
    assertEquals("bad elb_status_code", r.badLineSamples().get(2).reason());
    assertEquals("unterminated request field", r.badLineSamples().get(3).reason());
    assertEquals(1, only(r).requests());
  }

  @Test
  void cloudFrontUrlEncodedPathsOtherFieldOrderAndUnknownEdges(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("E1ABCDEF2GHIJK.2026-11-01-10.abcdef12.gz");
    String text = "#Version: 1.0\n"
        + "#Fields: date time cs-uri-stem x-edge-location sc-bytes sc-status x-edge-result-type\n"
        + "2026-11-01\t10:00:00\t/img/cat%20dog.jpg\tNRT57-P1\t1000\t200\tHit\n"
        + "2026-11-01\t10:00:00\t/img/cat%20dog.jpg\tKIX50-C1\t1000\t200\tRefreshHit\n"
        + "2026-11-01\t10:00:01\t/api\tFRA6-C1\t10\t200\tMiss\n"
        + "2026-11-01\t10:00:01\t/api\tXYZ1\t10\t000\tOriginShieldHit\n"
        + "2026-11-01\t10:00:02\t/\tGRU1\t5\t301\tRedirect\n";
    Files.write(f, gzip(text));
    LogSummary s = only(analyze(1, f));
    assertEquals("E1ABCDEF2GHIJK", s.resourceKey());
    assertEquals(new LogSummary.PathCount("/img/cat dog.jpg", 2000, 0), s.topPathsByBytes().get(0));
    assertEquals(new LogSummary.CacheResults(1, 1, 1, 1, 0, 1, 0), s.cache());
    assertEquals(0.5, s.cache().hitRatio());
    assertEquals(List.of(new LogSummary.Traffic("europe_israel_turkiye", 1, 10),
        new LogSummary.Traffic("japan", 2, 2000), new LogSummary.Traffic("south_america", 1, 5),
        new LogSummary.Traffic("unknown", 1, 10)), s.cloudFrontGeographies());
    assertEquals(List.of("XYZ"), s.unknownEdgeCodes());
    assertEquals(1, s.status().other());
    assertEquals(null, s.latency());
  }

  @Test
  void theResultDoesNotDependOnThreads(@TempDir Path dir) throws Exception {
    for (int f = 0; f < 6; f++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        sb.append(alb(i % 7, "192.0.2." + f + ":1", 200 + (i % 3) * 100, i, "/p" + (i * 7919 % 2500))).append('\n');
      }
      Files.write(dir.resolve("f" + f + ".log.gz"), gzip(sb.toString()));
    }
    LogAnalyzer a = new LogAnalyzer();
    List<LogSource> src = LogAnalyzer.localSources(List.of(dir));
    String one = LogReportJson.toJson(a.analyze(src, new LogAnalyzer.Options(1, 10, 100), m -> {}));
    String two = LogReportJson.toJson(a.analyze(src, new LogAnalyzer.Options(2, 10, 100), m -> {}));
    assertEquals(one, two);
  }

  @Test
  void aMissingPathIsAnError() {
    assertThrows(NoSuchFileException.class, () -> LogAnalyzer.localSources(List.of(Path.of("no/such/dir"))));
  }

  @Test
  void anOverLongLineIsBadAndTheNextLineIsRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("long.log");
    String huge = "x".repeat(FileParser.MAX_LINE_BYTES + 10);
    Files.writeString(f, huge + "\n" + alb(1, "192.0.2.1:1", 200, 10, "/after") + "\n");
    LogReport r = analyze(1, f);
    assertEquals(1, r.badLines());
    assertEquals(1, only(r).requests());
  }
}
