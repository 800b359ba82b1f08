package dev.migrate.logs;

import java.util.List;
import java.util.Locale;

/**
 * {@code logs analyze --athena}: creates the Athena table over the logs where they lie (the
 * AWS-documented DDL) and runs the {@link AthenaQueries}, producing the same {@link LogReport}
 * as the parser. Rows Athena's SerDe could not parse count as bad lines (no samples: Athena does
 * not return them); files and bytes are not known and stay 0. The three queries each scan the
 * logs once (Athena bills per byte scanned).
 */
public final class AthenaAnalysis {
  private AthenaAnalysis() {}

  /** A table name derived from the format and the location, so different locations never share one. */
  public static String tableName(LogFormat format, String location) {
    return "migrate_" + format.wire() + "_logs_" + String.format(Locale.ROOT, "%08x", location.hashCode());
  }

  public static LogReport analyze(AthenaRunner athena, LogFormat format, String location, int topN) {
    String table = tableName(format, location);
    athena.execute(AthenaQueries.createTable(format, table, location));
    AthenaQueries.Dialect d = AthenaQueries.Dialect.ATHENA;
    List<List<String>> facts = athena.query(AthenaQueries.facts(format, table, d));
    List<List<String>> peaks = athena.query(AthenaQueries.peaks(format, table, d));
    List<List<String>> paths = athena.query(AthenaQueries.topPaths(format, table, d, topN));
    AthenaResults.Result r = AthenaResults.summaries(format, facts, peaks, paths, EdgeLocations.standard(), topN);
    long requests = r.summaries().stream().mapToLong(LogSummary::requests).sum();
    return new LogReport(r.summaries(), 0, 0, requests + r.unparsedRows(), r.unparsedRows(), List.of(), List.of());
  }
}
