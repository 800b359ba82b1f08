package dev.migrate.logs;

import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary of the sample estate's logs ({@code sample-data/tableapp/logs}), compared with
 * golden files; {@code -Dgolden.update=true} rewrites them. {@code -Dsample.data=DIR} points at
 * another copy of {@code sample-data}.
 */
class SampleEstateLogsGoldenTest {
  static final Path SAMPLE = Path.of(System.getProperty("sample.data", "sample-data"));
  static final Path GOLDEN = Path.of("src/test/resources/golden/logs");

  @Test
  void summaryOfTheSampleLogs() throws Exception {
    Path logs = SAMPLE.resolve("tableapp/logs");
    LogReport r = new LogAnalyzer().analyze(LogAnalyzer.localSources(List.of(logs)),
        new LogAnalyzer.Options(2, 10, 1000), m -> {});
    // file names in the report are relative to the sample folder, so the golden does not depend on it
    String text = LogReportText.render(r).replace(SAMPLE.toString(), "sample-data");
    String json = LogReportJson.toJson(r).replace(SAMPLE.toString(), "sample-data");
    golden("tableapp-logs.txt", text);
    golden("tableapp-logs.json", json);
  }

  @Test
  void mergingTheSampleLogsIntoTheSampleSnapshot() throws Exception {
    Path logs = SAMPLE.resolve("tableapp/logs");
    Path snap = SAMPLE.resolve("tableapp/snapshot.json");
    Snapshot before = SnapshotJson.read(snap);
    LogReport r = new LogAnalyzer().analyze(LogAnalyzer.localSources(List.of(logs)),
        new LogAnalyzer.Options(2, 10, 1000), m -> {});
    UsageMerge.Result merged = UsageMerge.merge(before, r);
    assertEquals(List.of(), merged.unmatched());
    StringBuilder sb = new StringBuilder();
    for (String line : merged.merged()) {
      sb.append(line).append('\n');
    }
    for (Usage u : merged.snapshot().usage()) {
      if (u.kind().equals("cloudfront") || u.source() != null && u.source().contains("access-logs")) {
        sb.append(u.resourceId()).append(": requests ").append(u.requests()).append(", cacheHitRatio ")
            .append(u.cacheHitRatio()).append(", peak ").append(u.peakRequestsPerSecond()).append(", source ")
            .append(u.source()).append('\n').append("  requestsByGeography ").append(u.requestsByGeography())
            .append('\n');
      }
    }
    golden("tableapp-merge.txt", sb.toString());
  }

  static void golden(String name, String actual) throws Exception {
    Golden.check(GOLDEN.resolve(name), actual);
  }
}
