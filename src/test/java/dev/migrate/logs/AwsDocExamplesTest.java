package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example entries of the AWS documentation, parsed into the figures they stand for. */
class AwsDocExamplesTest {
  static final Path DOC = Path.of("src/test/resources/logs/aws-doc");

  static LogReport analyze(int threads, Path... paths) throws Exception {
    return new LogAnalyzer().analyze(LogAnalyzer.localSources(List.of(paths)),
        new LogAnalyzer.Options(threads, 10, 1000), m -> {});
  }

  static LogSummary only(LogReport r) {
    assertEquals(1, r.resources().size(), () -> "resources: " + r.resources());
    return r.resources().get(0);
  }

  @Test
  void applicationLoadBalancerExamples() throws Exception {
    LogReport r = analyze(1, DOC.resolve("alb-examples.log"));
    assertEquals(0, r.badLines(), () -> r.badLineSamples().toString());
    LogSummary s = only(r);
    assertEquals("app/my-loadbalancer/50dc6c495c0c9188", s.resourceKey());
    assertEquals(LogFormat.ALB, s.format());
    assertEquals(7, s.requests());
    assertEquals(366 + 57 + 257 + 587 + 786 + 366 + 366, s.bytesOut());
    assertEquals(34 + 0 + 5 + 218 + 218 + 34 + 34, s.bytesIn());
    assertEquals(new LogSummary.StatusClasses(2, 4, 0, 0, 1, 0), s.status());
    assertNull(s.cache());
    assertEquals(Instant.parse("2018-07-02T22:23:00Z"), s.firstRequest());
    assertEquals(Instant.parse("2018-11-30T22:23:00Z"), s.lastRequest());
    assertEquals(new LogSummary.Peak(Instant.parse("2018-07-02T22:23:00Z"), 5), s.peakSecond());
    // latencies (request + target + response processing): 1, 171, 2, 4, 1, 1, 1 ms
    assertEquals(7, s.latency().samples());
    assertEquals(1.0, s.latency().p50Ms(), 0.01); // histogram precision: 1/128
    assertEquals(171.0, s.latency().maxMs());
    assertEquals(List.of(new LogSummary.PathCount("/", 7, 0)), s.topPathsByRequests());
    assertEquals(List.of(new LogSummary.PathCount("/", 2785, 0)), s.topPathsByBytes());
    assertEquals(List.of(new LogSummary.DailyTraffic(LocalDate.parse("2018-07-02"), 5, 366 + 57 + 257 + 587 + 786, 5),
        new LogSummary.DailyTraffic(LocalDate.parse("2018-11-30"), 2, 732, 2)), s.daily());
  }

  @Test
  void classicLoadBalancerExamples() throws Exception {
    LogSummary s = only(analyze(1, DOC.resolve("clb-examples.log")));
    assertEquals("my-loadbalancer", s.resourceKey());
    assertEquals(LogFormat.CLB, s.format());
    assertEquals(4, s.requests());
    assertEquals(29 + 57 + 305 + 502, s.bytesOut());
    assertEquals(82 + 57, s.bytesIn());
    // the TCP and SSL entries have no status ("-")
    assertEquals(new LogSummary.StatusClasses(0, 2, 0, 0, 0, 2), s.status());
    assertEquals(4, s.latency().samples());
    assertEquals(2.471, s.latency().maxMs(), 0.001);
    // TCP/SSL entries ("- - - ") have no path
    assertEquals(List.of(new LogSummary.PathCount("/", 2, 0)), s.topPathsByRequests());
  }

  @Test
  void cloudFrontExampleFile() throws Exception {
    LogReport r = analyze(1, DOC.resolve("cloudfront-example.log"));
    assertEquals(0, r.badLines(), () -> r.badLineSamples().toString());
    assertEquals(6, r.lines());
    LogSummary s = only(r);
    // a file name without a distribution id: the resource is the cs(Host) domain
    assertEquals("d111111abcdef8.cloudfront.net", s.resourceKey());
    assertEquals(6, s.requests());
    assertEquals(3 * 392 + 3 * 900, s.bytesOut());
    assertEquals(3 * 23 + 675 + 735 + 387, s.bytesIn());
    assertEquals(new LogSummary.StatusClasses(0, 3, 0, 0, 3, 0), s.status());
    assertEquals(new LogSummary.CacheResults(3, 0, 0, 0, 3, 0, 0), s.cache());
    assertEquals(1.0, s.cache().hitRatio());
    // LAX and SEA are both priced as United States, Mexico and Canada
    assertEquals(List.of(new LogSummary.Traffic("united_states_mexico_canada", 6, 3876)), s.cloudFrontGeographies());
    assertEquals(List.of(new LogSummary.Traffic("north_america_incl_hawaii", 6, 3876)), s.cloudCdnDestinations());
    assertEquals(List.of(new LogSummary.PathCount("/index.html", 3, 0), new LogSummary.PathCount("/", 2, 0),
        new LogSummary.PathCount("/favicon.ico", 1, 0)), s.topPathsByRequests());
    assertEquals(List.of(new LogSummary.PathCount("/", 1800, 0), new LogSummary.PathCount("/index.html", 1176, 0),
        new LogSummary.PathCount("/favicon.ico", 900, 0)), s.topPathsByBytes());
    assertEquals(new LogSummary.Peak(Instant.parse("2019-12-04T21:02:31Z"), 3), s.peakSecond());
    assertEquals(107.0, s.latency().maxMs(), 0.5);
    assertEquals(2, s.daily().size());
  }

  @Test
  void cloudFrontFileNameGivesTheDistributionId(@TempDir Path dir) throws Exception {
    Path gz = dir.resolve("EMLARXS9EXAMPLE.2019-12-04-21.RT4KCN4SGK9.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(DOC.resolve("cloudfront-example.log")));
    }
    LogSummary s = only(analyze(1, dir));
    assertEquals("EMLARXS9EXAMPLE", s.resourceKey());
    assertEquals("d111111abcdef8.cloudfront.net", s.domainName());
    assertEquals(6, s.requests());
  }
}
