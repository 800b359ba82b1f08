package dev.migrate.logs;

import static dev.migrate.logs.AwsDocExamplesTest.DOC;
import static dev.migrate.logs.AwsDocExamplesTest.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageMergeTest {
  @Test
  void logSharesApplyToCloudWatchTotalsAndLogTotalsScaleOnlyWhereCloudWatchHasNone(@TempDir Path dir) throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("EMLARXS9EXAMPLE.2019-12-04-21.RT4KCN4SGK9.gz")))) {
      out.write(Files.readAllBytes(DOC.resolve("cloudfront-example.log")));
    }
    Files.copy(DOC.resolve("alb-examples.log"), dir.resolve("alb.log"));
    Files.copy(DOC.resolve("clb-examples.log"), dir.resolve("unknown-elb.log"));
    Snapshot before = TestSnapshots.docExamples();
    LogReport report = analyze(1, dir);
    UsageMerge.Result r = UsageMerge.merge(before, report);
    Map<String, Usage> u = TestSnapshots.usageById(r.snapshot());

    Usage cf = u.get("EMLARXS9EXAMPLE");
    assertEquals("cloudwatch+access-logs", cf.source());
    assertEquals(3_000_000L, cf.requests(), "CloudWatch window total kept");
    assertEquals(120.0, cf.bytesOutGib());
    assertEquals(1.0, cf.cacheHitRatio());
    assertEquals(Map.of("united_states_mexico_canada", 3_000_000L), cf.requestsByGeography());
    assertEquals(Map.of("united_states_mexico_canada", 120.0), cf.bytesByGeographyGib());
    assertEquals(40.0, cf.peakRequestsPerSecond(), "CloudWatch estimate higher than the log peak (3/s)");
    assertEquals(3.0, cf.daily().get(0).peakRequestsPerSecond(), "the day's measured peak replaces a lower estimate");

    Usage alb = u.get(TestSnapshots.ALB_ARN);
    assertEquals("access-logs", alb.source());
    assertEquals("elb", alb.kind());
    long coveredHours = report.resources().stream().filter(s -> s.format() == LogFormat.ALB).findFirst()
        .orElseThrow().coveredHours();
    assertEquals(Math.round(7 * 720.0 / coveredHours), alb.requests(), "log total scaled to the 30-day window");
    assertEquals(5.0, alb.peakRequestsPerSecond());

    // the CLB "my-loadbalancer" is in the snapshot too; nothing is unmatched here
    assertEquals(List.of(), r.unmatched());
    assertEquals(3, r.merged().size());
    assertTrue(u.containsKey("i-0aaa"), "other usage records stay");
    assertEquals(before.usage().size() + 2, r.snapshot().usage().size());
  }

  @Test
  void requestsSplitBySharesSumToTheTotal() {
    var geo = List.of(new LogSummary.Traffic("japan", 1, 10), new LogSummary.Traffic("europe_israel_turkiye", 1, 10),
        new LogSummary.Traffic("india", 1, 10), new LogSummary.Traffic("unknown", 5, 50));
    Map<String, Long> split = UsageMerge.splitRequests(geo, 100);
    assertEquals(100, split.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(Map.of("europe_israel_turkiye", 34L, "india", 33L, "japan", 33L), split);
  }

  @Test
  void resourcesNotInTheSnapshotAreReportedNotMerged(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.log"), ParserEdgeCasesTest.alb(1, "192.0.2.1:1", 200, 1, "/") + "\n");
    UsageMerge.Result r = UsageMerge.merge(TestSnapshots.docExamples(), analyze(1, dir));
    assertEquals(List.of("app/web/0123456789abcdef"), r.unmatched());
    assertEquals(TestSnapshots.docExamples().usage(), r.snapshot().usage());
  }
}
