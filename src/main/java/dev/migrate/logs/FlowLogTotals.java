package dev.migrate.logs;

import dev.migrate.inventory.FlowLogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Flow-log figures summed over sources (files, S3 objects, log streams, Parquet files, query results) in the
 * order they are added, so the result does not depend on threads or timing. Not thread-safe.
 */
final class FlowLogTotals {
  final FlowTable table = new FlowTable();
  long records;
  long accepted;
  long rejected;
  long noData;
  long skipData;
  long ipv6;
  long translated;
  long malformed;
  long minStart = Long.MAX_VALUE;
  long maxEnd = Long.MIN_VALUE;
  long files;
  long bytes;
  final List<LogReport.BadLine> samples = new ArrayList<>();
  final List<LogReport.FileProblem> problems = new ArrayList<>();

  void add(FlowLogParser p) {
    files++;
    bytes += p.bytes;
    table.addAll(p.table);
    records += p.records;
    accepted += p.accepted;
    rejected += p.rejected;
    noData += p.noData;
    skipData += p.skipData;
    ipv6 += p.ipv6;
    translated += p.translated;
    malformed += p.malformed;
    window(p.minStart, p.maxEnd);
    for (LogReport.BadLine b : p.samples) {
      if (samples.size() < FlowLogParser.MAX_SAMPLES) {
        samples.add(b);
      }
    }
  }

  void window(long start, long end) {
    if (start != Long.MAX_VALUE) {
      minStart = Math.min(minStart, start);
    }
    if (end != Long.MIN_VALUE) {
      maxEnd = Math.max(maxEnd, end);
    }
  }

  /** The report; its {@code flowLogs} is null when no record was read. */
  FlowLogReport report(String source) {
    FlowLogs logs = null;
    if (records > 0) {
      logs = new FlowLogs(source, Instant.ofEpochSecond(minStart), Instant.ofEpochSecond(Math.max(minStart, maxEnd)),
          new FlowLogs.Counts(records, accepted, rejected, noData, skipData, ipv6, translated, malformed),
          table.pairs());
    }
    return new FlowLogReport(logs, files, bytes, samples, problems);
  }
}
