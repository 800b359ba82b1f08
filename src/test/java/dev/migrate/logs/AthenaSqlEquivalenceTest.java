package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Athena SQL, rendered for DuckDB, run over tables filled the way Athena's SerDes fill
 * them (the DDL's own regex for ALB/CLB, tab split after two header lines for CloudFront), gives
 * the same summary as the parser on the same files. No Athena engine runs here; DuckDB differs
 * from Trino only in the functions {@link AthenaQueries.Dialect} renders.
 */
class AthenaSqlEquivalenceTest {
  static final Path DOC = AwsDocExamplesTest.DOC;

  @Test
  void albSqlMatchesTheParser(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("alb.log");
    // The two Lambda examples carry every field, quoted, as real logs do; the other documentation
    // examples print target:port_list and target_status_code_list unquoted, which the Athena
    // regex (like real logs) does not have, so they are left out here.
    List<String> doc = Files.readAllLines(DOC.resolve("alb-examples.log"));
    StringBuilder sb = new StringBuilder(doc.get(5) + "\n" + doc.get(6) + "\n");
    for (int i = 0; i < 40; i++) {
      sb.append(ParserEdgeCasesTest.alb(i % 4, i % 3 == 0 ? "2a02:a33c:4538:1:bcf4:5264:e01c:f215:50718" : "192.0.2.1:1",
          i % 5 == 0 ? 404 : 200, 100 + i, "/p" + (i % 6) + "?x=" + i).replace("(X11; \\\"quoted\\\")", "(X11)"))
          .append('\n');
    }
    Files.writeString(f, sb.toString());
    compare(LogFormat.ALB, List.of(f));
  }

  @Test
  void clbSqlMatchesTheParser() throws Exception {
    compare(LogFormat.CLB, List.of(DOC.resolve("clb-examples.log")));
  }

  @Test
  void cloudFrontSqlMatchesTheParser(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("EMLARXS9EXAMPLE.2019-12-04-21.RT4KCN4SGK9");
    Files.copy(DOC.resolve("cloudfront-example.log"), a);
    Path b = dir.resolve("E1ABCDEF2GHIJK.2026-11-01-10.abcdef12");
    Files.writeString(b, "#Version: 1.0\n#Fields: " + CF_FIELDS + "\n"
        + cf("2026-11-01", "10:00:00", "NRT57-P1", 1000, "/img/cat%20dog.jpg", 200, "Hit", "0.010")
        + cf("2026-11-01", "10:00:00", "KIX50-C1", 1000, "/img/cat%20dog.jpg", 200, "RefreshHit", "0.020")
        + cf("2026-11-01", "10:00:01", "FRA6-C1", 10, "/api", 200, "Miss", "0.300")
        + cf("2026-11-01", "10:00:01", "XYZ1", 10, "/api", 0, "OriginShieldHit", "0.100")
        + cf("2026-11-01", "11:30:02", "GRU1", 5, "/", 301, "Redirect", "0.001")
        + cf("2026-11-02", "00:00:02", "SIN2-C1", 5000, "/video.mp4", 206, "Miss", "1.500"));
    compare(LogFormat.CLOUDFRONT, List.of(a, b));
  }

  @Test
  void sampleEstateSqlMatchesTheParser() throws Exception {
    Path logs = SampleEstateLogsGoldenTest.SAMPLE.resolve("tableapp/logs");
    List<LogSource> all = LogAnalyzer.localSources(List.of(logs));
    List<Path> alb = all.stream().map(s -> Path.of(s.name())).filter(p -> p.toString().contains("/alb/")).toList();
    List<Path> cf = all.stream().map(s -> Path.of(s.name())).filter(p -> p.toString().contains("/cloudfront/")).toList();
    compare(LogFormat.ALB, alb);
    compare(LogFormat.CLOUDFRONT, cf);
  }

  static final String CF_FIELDS = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
      + "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header "
      + "cs-protocol cs-bytes time-taken";

  static String cf(String date, String time, String edge, long bytes, String uri, int status, String result,
      String taken) {
    return String.join("\t", date, time, edge, Long.toString(bytes), "192.0.2.1", "GET", "d2222.cloudfront.net", uri,
        status == 0 ? "000" : Integer.toString(status), "-", "curl/8", "-", "-", result, "id", "www.example.com",
        "https", "100", taken) + "\n";
  }

  private static void compare(LogFormat format, List<Path> files) throws Exception {
    List<LogSummary> parsed = new LogAnalyzer().analyze(LogAnalyzer.localSources(files),
        new LogAnalyzer.Options(1, 10, 1000), m -> {}).resources();
    List<LogSummary> sql;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      String table = AthenaQueries.defaultTable(format);
      load(db, format, table, files);
      AthenaQueries.Dialect d = AthenaQueries.Dialect.DUCKDB;
      AthenaResults.Result r = AthenaResults.summaries(format, query(db, AthenaQueries.facts(format, table, d)),
          query(db, AthenaQueries.peaks(format, table, d)), query(db, AthenaQueries.topPaths(format, table, d, 10)),
          EdgeLocations.standard(), 10);
      assertEquals(0, r.unparsedRows());
      sql = r.summaries();
    }
    assertEquals(parsed.size(), sql.size());
    for (int i = 0; i < parsed.size(); i++) {
      LogSummary p = parsed.get(i);
      LogSummary s = sql.get(i);
      String k = p.resourceKey();
      assertEquals(k, s.resourceKey());
      assertEquals(p.requests(), s.requests(), k);
      assertEquals(p.bytesOut(), s.bytesOut(), k);
      assertEquals(p.bytesIn(), s.bytesIn(), k);
      assertEquals(p.status(), s.status(), k);
      assertEquals(p.cache(), s.cache(), k);
      assertEquals(p.cloudFrontGeographies(), s.cloudFrontGeographies(), k);
      assertEquals(p.cloudCdnDestinations(), s.cloudCdnDestinations(), k);
      assertEquals(p.unknownEdgeCodes(), s.unknownEdgeCodes(), k);
      assertEquals(p.firstRequest(), s.firstRequest(), k);
      assertEquals(p.lastRequest(), s.lastRequest(), k);
      assertEquals(p.coveredHours(), s.coveredHours(), k);
      assertEquals(p.peakSecond(), s.peakSecond(), k);
      assertEquals(p.peakHour(), s.peakHour(), k);
      assertEquals(p.daily(), s.daily(), k);
      assertEquals(p.topPathsByRequests(), s.topPathsByRequests(), k);
      assertEquals(p.topPathsByBytes(), s.topPathsByBytes(), k);
      assertEquals(p.latency() == null, s.latency() == null, k);
      if (p.latency() != null) {
        assertEquals(p.latency().samples(), s.latency().samples(), k);
        assertEquals(p.latency().maxMs(), s.latency().maxMs(), p.latency().maxMs() / 100 + 0.001, k);
        assertTrue(s.latency().p50Ms() <= s.latency().maxMs(), k);
      }
    }
  }

  static List<List<String>> query(Connection db, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError("SQL failed: " + e.getMessage() + "\n" + sql, e);
    }
    return rows;
  }

  /** A DuckDB table with the Athena DDL's columns, filled as the DDL's SerDe would fill it. */
  static void load(Connection db, LogFormat format, String table, List<Path> files) throws Exception {
    String ddl = AthenaQueries.createTable(format, table, "s3://bucket/prefix/");
    List<String[]> columns = columns(ddl);
    StringBuilder create = new StringBuilder("CREATE TABLE " + table + " (");
    for (String[] c : columns) {
      create.append('"').append(c[0]).append("\" ").append(duckType(c[1])).append(", ");
    }
    create.append("\"$path\" VARCHAR)");
    try (Statement st = db.createStatement()) {
      st.execute(create.toString());
    }
    String marks = "?, ".repeat(columns.size()) + "?";
    try (PreparedStatement ins = db.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Path f : files) {
        List<String> lines;
        try (java.io.InputStream in = Decompression.open(Files.newInputStream(f))) {
          lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        if (format == LogFormat.CLOUDFRONT) {
          lines = lines.subList(Math.min(2, lines.size()), lines.size()); // skip.header.line.count = 2
        }
        Pattern regex = format == LogFormat.CLOUDFRONT ? null
            : Pattern.compile(hiveUnescape(format == LogFormat.ALB ? AthenaQueries.ALB_REGEX : AthenaQueries.CLB_REGEX));
        for (String line : lines) {
          String[] values = new String[columns.size()];
          if (regex != null) {
            Matcher m = regex.matcher(line);
            if (m.matches()) {
              for (int i = 0; i < values.length && i < m.groupCount(); i++) {
                values[i] = m.group(i + 1);
              }
            }
          } else {
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < values.length && i < fields.length; i++) {
              values[i] = fields[i];
            }
          }
          for (int i = 0; i < values.length; i++) {
            set(ins, i + 1, columns.get(i)[1], values[i]);
          }
          ins.setString(values.length + 1, "s3://bucket/prefix/" + f.getFileName());
          ins.addBatch();
        }
      }
      ins.executeBatch();
    }
  }

  /** Column name and Hive type from a CREATE EXTERNAL TABLE statement. */
  static List<String[]> columns(String ddl) {
    String body = ddl.substring(ddl.indexOf('(') + 1, ddl.indexOf("ROW FORMAT"));
    body = body.substring(0, body.lastIndexOf(')'));
    List<String[]> out = new ArrayList<>();
    for (String part : body.split(",")) {
      String[] t = part.trim().replace("`", "").split("\\s+");
      out.add(new String[] {t[0], t[1].toLowerCase(java.util.Locale.ROOT)});
    }
    return out;
  }

  private static String duckType(String hive) {
    return switch (hive) {
      case "int" -> "INTEGER";
      case "bigint" -> "BIGINT";
      case "double" -> "DOUBLE";
      case "float" -> "FLOAT";
      case "date" -> "DATE";
      default -> "VARCHAR";
    };
  }

  /** Like Hive: a value that does not convert to the column type becomes NULL. */
  private static void set(PreparedStatement ps, int i, String type, String v) throws Exception {
    Object value;
    try {
      value = v == null ? null : switch (type) {
        case "int" -> Integer.valueOf(v);
        case "bigint" -> Long.valueOf(v);
        case "double" -> Double.valueOf(v);
        case "float" -> Float.valueOf(v);
        case "date" -> LocalDate.parse(v).toString();
        default -> v;
      };
    } catch (RuntimeException e) {
      value = null;
    }
    ps.setObject(i, value);
  }

  /** Hive's unescaping of a string literal: backslash escapes a character (n, t, r are control). */
  static String hiveUnescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
