package dev.migrate.logs;

import dev.migrate.inventory.FlowLogs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code logs analyze --log-format vpc-flow --athena}: VPC Flow Logs too large for one machine, reduced where they
 * lie in S3 by Amazon Athena to the same {@link FlowLogs} the reader makes of the files: one table over the
 * location (the DDL of the Athena User Guide, "Create a table for Amazon VPC flow logs", with the flow log's own
 * field order), then one query, one scan, that classifies each record as the reader does and sums accepted
 * traffic per (pair, service port, protocol, clock hour, interface), keeps the largest interface per hour (a
 * flow logged at both ends counts once) and returns one row per pair plus one per record kind. Result rows are a
 * few per address pair, not per record.
 *
 * <p>Columns are declared {@code string}, not the guide's {@code int}/{@code bigint}: a typed column turns
 * {@code -} and a malformed number alike into NULL, and the reader treats them differently ({@code -} ports are
 * 0, a bad port makes the line malformed). Differences from the reader: malformed lines are counted but come
 * without samples; a line with more fields than the format loses the extra ones silently (LazySimpleSerDe); files
 * and bytes read are not known (0).
 */
public final class FlowLogAthena {
  private FlowLogAthena() {}

  /** Result columns of {@link #query}, in order. */
  static final List<String> COLUMNS = List.of("kind", "src", "dst", "port", "proto", "records", "bytes", "packets",
      "flows", "peak_hour_bytes", "translated", "first_start", "last_end");

  /** A table name from the location and the field order, so that neither ever meets a table made for the other. */
  public static String tableName(String location, FlowLogFormat format) {
    return "migrate_vpc_flow_logs_" + String.format(Locale.ROOT, "%08x", (location + "\n" + format).hashCode());
  }

  /** Column name of a field: as in the guide's DDL and AWS's Parquet files, underscores for hyphens. */
  static String column(String field) {
    return field.replace('-', '_');
  }

  /**
   * The guide's DDL for a flow log of this field order: space-delimited text (LazySimpleSerDe), the header line
   * AWS writes at the top of each file skipped. Not partitioned: Athena reads every object under the location.
   */
  public static String createTable(FlowLogFormat format, String table, String location) {
    StringBuilder b = new StringBuilder("CREATE EXTERNAL TABLE IF NOT EXISTS `").append(table).append("` (\n");
    List<String> fields = format.fields();
    for (int i = 0; i < fields.size(); i++) {
      b.append("  `").append(column(fields.get(i))).append("` string").append(i + 1 < fields.size() ? ",\n" : "\n");
    }
    return b.append(")\nROW FORMAT DELIMITED\nFIELDS TERMINATED BY ' '\nLOCATION '").append(location.replace("'", ""))
        .append("'\nTBLPROPERTIES (\"skip.header.line.count\"=\"1\")").toString();
  }

  /** A column reference for a slot, or NULL when the format lacks the field. */
  private static String ref(FlowLogFormat f, int slot) {
    return f.has(slot) ? "\"" + column(FlowLogFormat.SLOT_NAMES[slot]) + "\"" : "CAST(NULL AS VARCHAR)";
  }

  /** Decimal digits as the reader's numbers (at most 18). */
  private static String isNumber(String col, AthenaQueries.Dialect d) {
    return d.matches(col, "^[0-9]{1,18}$");
  }

  /** A dotted IPv4 address as the reader accepts it: four parts of one to three digits, each at most 255. */
  private static String isIpv4(String col, AthenaQueries.Dialect d) {
    String octet = "([01]?[0-9]?[0-9]|2[0-4][0-9]|25[0-5])";
    return d.matches(col, "^" + octet + "\\." + octet + "\\." + octet + "\\." + octet + "$");
  }

  /** The address as a number (0 to 2^32-1), so that spellings with leading zeros are one address, as in the reader. */
  private static String ipNumber(String col) {
    StringBuilder b = new StringBuilder("(");
    long[] scale = {16777216L, 65536L, 256L, 1L};
    for (int i = 0; i < 4; i++) {
      b.append(i == 0 ? "" : " + ").append("TRY_CAST(split_part(").append(col).append(", '.', ").append(i + 1)
          .append(") AS BIGINT) * ").append(scale[i]);
    }
    return b.append(")").toString();
  }

  /**
   * The one query: columns {@link #COLUMNS}. Rows of kind {@code accepted} are address pairs (addresses as
   * numbers); the other kinds ({@code rejected}, {@code nodata}, {@code skipdata}, {@code ipv6}, {@code malformed})
   * come as one row each with their record count. {@code first_start}/{@code last_end} are epoch seconds.
   */
  public static String query(FlowLogFormat f, String table, AthenaQueries.Dialect d) {
    List<String> fields = f.fields();
    String first = "\"" + column(fields.get(0)) + "\"";
    String last = "\"" + column(fields.get(fields.size() - 1)) + "\"";
    String start = ref(f, FlowLogFormat.START);
    String end = ref(f, FlowLogFormat.END);
    String status = ref(f, FlowLogFormat.LOG_STATUS);
    String action = ref(f, FlowLogFormat.ACTION);
    String src = ref(f, FlowLogFormat.SRCADDR);
    String dst = ref(f, FlowLogFormat.DSTADDR);
    String psrc = ref(f, FlowLogFormat.PKT_SRCADDR);
    String pdst = ref(f, FlowLogFormat.PKT_DSTADDR);
    String sport = ref(f, FlowLogFormat.SRCPORT);
    String dport = ref(f, FlowLogFormat.DSTPORT);
    String proto = ref(f, FlowLogFormat.PROTOCOL);
    String bytes = ref(f, FlowLogFormat.BYTES);
    String packets = ref(f, FlowLogFormat.PACKETS);
    String iface = ref(f, FlowLogFormat.INTERFACE);
    // Header lines (a first field that is a field name) and blank lines are not records, as in the reader.
    StringBuilder known = new StringBuilder();
    for (String k : new TreeSet<>(FlowLogFormat.KNOWN)) {
      known.append(known.length() == 0 ? "" : ", ").append('\'').append(k).append("', '").append(column(k)).append('\'');
    }
    String portOk = "(%1$s IS NULL OR %1$s = '-' OR (" + isNumber("%1$s", d) + " AND TRY_CAST(%1$s AS BIGINT) <= 65535))";
    String addrOk = "(%1$s IS NULL OR %1$s = '-' OR " + isIpv4("%1$s", d) + ")";
    // The reader's order of checks: field count, start, end, log-status, action, IPv6, addresses, ports, protocol,
    // bytes and packets.
    String kind = "CASE\n"
        + "    WHEN " + last + " IS NULL THEN 'malformed'\n"
        + "    WHEN " + start + " IS NULL OR NOT " + isNumber(start, d) + " THEN 'malformed'\n"
        + "    WHEN " + end + " IS NOT NULL AND " + end + " <> '-' AND NOT " + isNumber(end, d) + " THEN 'malformed'\n"
        + "    WHEN " + status + " = 'NODATA' THEN 'nodata'\n"
        + "    WHEN " + status + " = 'SKIPDATA' THEN 'skipdata'\n"
        + "    WHEN " + status + " <> 'OK' THEN 'malformed'\n"
        + "    WHEN " + action + " = 'REJECT' THEN 'rejected'\n"
        + "    WHEN " + action + " <> 'ACCEPT' THEN 'malformed'\n"
        + "    WHEN strpos(" + src + ", ':') > 0 OR strpos(" + dst + ", ':') > 0 OR coalesce(strpos(" + psrc
        + ", ':'), 0) > 0 OR coalesce(strpos(" + pdst + ", ':'), 0) > 0 THEN 'ipv6'\n"
        + "    WHEN NOT " + isIpv4(src, d) + " OR NOT " + isIpv4(dst, d) + " OR NOT " + String.format(addrOk, psrc)
        + " OR NOT " + String.format(addrOk, pdst) + " THEN 'malformed'\n"
        + "    WHEN NOT " + String.format(portOk, sport) + " OR NOT " + String.format(portOk, dport) + " THEN 'malformed'\n"
        + "    WHEN " + (f.has(FlowLogFormat.PROTOCOL) ? "NOT " + isNumber(proto, d) + " OR TRY_CAST(" + proto
            + " AS BIGINT) > 255 OR " : "") + "NOT " + isNumber(bytes, d) + (f.has(FlowLogFormat.PACKETS)
            ? " OR (" + packets + " <> '-' AND NOT " + isNumber(packets, d) + ")" : "") + " THEN 'malformed'\n"
        + "    ELSE 'accepted' END";
    String num = "TRY_CAST(CASE WHEN %1$s IS NULL OR %1$s = '-' THEN '0' ELSE %1$s END AS BIGINT)";
    String realSrc = f.has(FlowLogFormat.PKT_SRCADDR) ? "CASE WHEN " + psrc + " = '-' THEN " + src + " ELSE " + psrc
        + " END" : src;
    String realDst = f.has(FlowLogFormat.PKT_DSTADDR) ? "CASE WHEN " + pdst + " = '-' THEN " + dst + " ELSE " + pdst
        + " END" : dst;
    String translated = "CASE WHEN " + (f.has(FlowLogFormat.PKT_SRCADDR) ? "(" + psrc + " <> '-' AND " + ipNumber(psrc)
        + " <> " + ipNumber(src) + ")" : "false") + " OR " + (f.has(FlowLogFormat.PKT_DSTADDR) ? "(" + pdst
        + " <> '-' AND " + ipNumber(pdst) + " <> " + ipNumber(dst) + ")" : "false") + " THEN 1 ELSE 0 END";
    String startSec = "TRY_CAST(" + start + " AS BIGINT)";
    String endSec = "CASE WHEN " + end + " IS NULL OR " + end + " = '-' THEN " + startSec + " ELSE TRY_CAST(" + end
        + " AS BIGINT) END";
    return "WITH k AS (SELECT *, " + kind + " AS kind\n"
        + "  FROM \"" + table + "\"\n"
        + "  WHERE coalesce(" + first + ", '') NOT IN (" + known + ") AND NOT (coalesce(" + first + ", '') = '' AND "
        + last + " IS NULL)),\n"
        + "c AS (SELECT kind,\n"
        + "    CASE WHEN kind = 'accepted' THEN " + ipNumber(realSrc) + " END AS src,\n"
        + "    CASE WHEN kind = 'accepted' THEN " + ipNumber(realDst) + " END AS dst,\n"
        + "    CASE WHEN kind = 'accepted' THEN least(" + String.format(num, sport) + ", " + String.format(num, dport)
        + ") END AS port,\n"
        + "    CASE WHEN kind = 'accepted' THEN " + String.format(num, proto) + " END AS proto,\n"
        + "    CASE WHEN kind = 'accepted' THEN CAST(floor(" + startSec + " / 3600.0) AS BIGINT) END AS hr,\n"
        + "    CASE WHEN kind = 'accepted' THEN coalesce(NULLIF(" + iface + ", '-'), '') END AS iface,\n"
        + "    CASE WHEN kind = 'accepted' THEN TRY_CAST(" + bytes + " AS BIGINT) ELSE 0 END AS bytes,\n"
        + "    CASE WHEN kind = 'accepted' THEN " + String.format(num, packets) + " ELSE 0 END AS packets,\n"
        + "    CASE WHEN kind = 'accepted' THEN " + translated + " ELSE 0 END AS translated,\n"
        + "    CASE WHEN kind <> 'malformed' THEN " + startSec + " END AS first_start,\n"
        + "    CASE WHEN kind <> 'malformed' THEN " + endSec + " END AS last_end\n"
        + "  FROM k),\n"
        // per interface and clock hour: records of one interface are summed
        + "i AS (SELECT kind, src, dst, port, proto, hr, iface, count(*) AS n, sum(bytes) AS b, sum(packets) AS p,"
        + " sum(translated) AS t, min(first_start) AS fs, max(last_end) AS le\n"
        + "  FROM c GROUP BY kind, src, dst, port, proto, hr, iface),\n"
        // per clock hour: the largest single interface (a flow logged at both ends counts once)
        + "h AS (SELECT kind, src, dst, port, proto, hr, sum(n) AS n, max(b) AS b, max(p) AS p, max(n) AS f,"
        + " sum(t) AS t, min(fs) AS fs, max(le) AS le\n"
        + "  FROM i GROUP BY kind, src, dst, port, proto, hr)\n"
        + "SELECT kind, src, dst, port, proto, sum(n) AS records, sum(b) AS bytes, sum(p) AS packets, sum(f) AS flows,"
        + " max(b) AS peak_hour_bytes, sum(t) AS translated, min(fs) AS first_start, max(le) AS last_end\n"
        + "FROM h GROUP BY kind, src, dst, port, proto\n"
        + "ORDER BY kind, src, dst, port, proto";
  }

  /**
   * The query's rows (cells as strings, as GetQueryResults returns them) as the reader's {@link FlowLogReport}.
   *
   * @throws IllegalArgumentException for a row that is not of the query's shape
   */
  static FlowLogReport report(List<List<String>> rows, String source) {
    long records = 0;
    long accepted = 0;
    long rejected = 0;
    long noData = 0;
    long skipData = 0;
    long ipv6 = 0;
    long translated = 0;
    long malformed = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    List<long[]> pairs = new ArrayList<>(); // src, dst, port, proto, bytes, packets, flows, peak
    for (List<String> r : rows) {
      if (r.size() != COLUMNS.size()) {
        throw new IllegalArgumentException("Athena returned a row of " + r.size() + " columns, expected "
            + COLUMNS.size() + " (" + String.join(", ", COLUMNS) + ")");
      }
      String kind = r.get(0);
      long n = AthenaResults.num(r.get(5));
      if (!"malformed".equals(kind)) {
        records += n;
        if (r.get(11) != null) {
          first = Math.min(first, AthenaResults.num(r.get(11)));
        }
        if (r.get(12) != null) {
          last = Math.max(last, AthenaResults.num(r.get(12)));
        }
      }
      switch (kind == null ? "" : kind) {
        case "accepted" -> {
          accepted += n;
          translated += AthenaResults.num(r.get(10));
          pairs.add(new long[] {AthenaResults.num(r.get(1)), AthenaResults.num(r.get(2)), AthenaResults.num(r.get(3)), AthenaResults.num(r.get(4)), AthenaResults.num(r.get(6)),
              AthenaResults.num(r.get(7)), AthenaResults.num(r.get(8)), AthenaResults.num(r.get(9))});
        }
        case "rejected" -> rejected += n;
        case "nodata" -> noData += n;
        case "skipdata" -> skipData += n;
        case "ipv6" -> ipv6 += n;
        case "malformed" -> malformed += n;
        default -> throw new IllegalArgumentException("Athena returned an unknown record kind '" + kind + "'");
      }
    }
    // the reader's order: source, destination (as unsigned numbers), port, protocol number
    pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> p[2])
        .thenComparingLong(p -> p[3]));
    List<FlowLogs.Pair> out = new ArrayList<>(pairs.size());
    for (long[] p : pairs) {
      out.add(new FlowLogs.Pair(FlowTable.ipv4((int) p[0]), FlowTable.ipv4((int) p[1]), (int) p[2],
          FlowTable.protocolName((int) p[3]), p[4], p[5], p[6], p[7]));
    }
    FlowLogs logs = records == 0 ? null : new FlowLogs(source, Instant.ofEpochSecond(first),
        Instant.ofEpochSecond(Math.max(first, last)),
        new FlowLogs.Counts(records, accepted, rejected, noData, skipData, ipv6, translated, malformed), out);
    return new FlowLogReport(logs, 0, 0, List.of(), List.of());
  }

  /**
   * Creates the table and runs the query.
   *
   * @param location  the s3:// prefix, ending in {@code /}
   * @param format    the field order of the files under it (AWS's header line)
   */
  public static FlowLogReport analyze(AthenaRunner athena, FlowLogFormat format, String location) {
    String table = tableName(location, format);
    athena.execute(createTable(format, table, location));
    return report(athena.query(query(format, table, AthenaQueries.Dialect.ATHENA)), "athena");
  }

  /**
   * The field order of a flow-log file from its first line (the header AWS writes), or null when the first line
   * is a record (a file without a header).
   *
   * @throws IllegalArgumentException for a header with an unknown field
   */
  public static FlowLogFormat headerOf(LogSource source) throws IOException {
    try (InputStream in = Decompression.open(source.open());
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192)) {
      String line = r.readLine();
      if (line == null) {
        return null;
      }
      String firstToken = line.strip().split(" ", 2)[0];
      return FlowLogFormat.looksLikeHeader(firstToken) ? FlowLogFormat.parse(line) : null;
    }
  }
}
