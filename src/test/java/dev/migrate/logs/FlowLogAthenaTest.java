package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.FlowLogs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow-log Athena SQL, rendered for DuckDB, over a table filled the way Athena's LazySimpleSerDe fills the
 * guide's table (first line of each file skipped, split at single spaces, missing trailing fields NULL, extra
 * fields dropped), gives the same {@link FlowLogs} as the reader on the same files. No Athena (Trino) engine runs
 * here; DuckDB differs only in the regular-expression function {@link AthenaQueries.Dialect} renders.
 */
class FlowLogAthenaTest {
  static final Path SAMPLE = Path.of("sample-data/tableapp/flow-logs/AWSLogs/481516234200/vpcflowlogs");

  @TempDir
  Path dir;

  /** Both ends logged, NAT translation, leading zeros, "-" ports, malformed lines of every kind, a blank line. */
  static final String CUSTOM = """
      version interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr srcport dstport protocol bytes packets start end action log-status
      5 eni-a 10.0.1.5 10.0.2.9 10.0.1.5 10.0.2.9 40000 5432 6 1000 10 1795478400 1795478460 ACCEPT OK
      5 eni-b 10.0.1.5 10.0.2.9 10.0.1.5 10.0.2.9 40000 5432 6 1200 12 1795478400 1795478460 ACCEPT OK
      5 eni-a 10.0.1.5 10.0.2.9 10.0.1.5 10.0.2.9 40001 5432 6 300 3 1795478500 1795478560 ACCEPT OK
      5 eni-a 10.0.1.5 10.0.2.9 10.0.1.5 10.0.2.9 40002 5432 6 7000 70 1795482000 1795482060 ACCEPT OK
      5 eni-nat 10.0.0.7 52.95.110.1 10.0.3.3 52.95.110.1 33000 443 6 5000 9 1795478400 1795478460 ACCEPT OK
      5 eni-c 010.0.1.5 10.0.2.009 - - - - 1 84 1 1795478400 1795478460 ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 5353 5353 17 64 - 1795478400 - ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 64 1 1795478400 1795478460 REJECT OK
      5 eni-c - - - - - - - - - 1795478400 1795478460 - NODATA
      5 eni-c - - - - - - - - - 1795478400 1795478460 - SKIPDATA
      5 eni-c 2001:db8::1 2001:db8::2 - - 1 2 6 64 1 1795478400 1795478460 ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 64 1
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 64 1 x 1795478460 ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 64 1 1795478400 1795478460 ACCEPT MAYBE
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 64 1 1795478400 1795478460 DROP OK
      5 eni-c 10.0.1.256 10.0.2.9 - - 1 2 6 64 1 1795478400 1795478460 ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 70000 6 64 1 1795478400 1795478460 ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 300 64 1 1795478400 1795478460 ACCEPT OK
      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 - 1 1795478400 1795478460 ACCEPT OK

      5 eni-c 10.0.1.5 10.0.2.9 - - 1 2 6 64 x 1795478400 1795478460 ACCEPT OK
      """;

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void theUserGuideExamplesGiveTheReadersFlowLogs() throws Exception {
    Path f = write("examples.log", FlowLogReadingTest.AWS_EXAMPLES);
    FlowLogs athena = compare(FlowLogFormat.defaults(), List.of(f));
    assertEquals(new FlowLogs.Counts(7, 2, 2, 1, 1, 1, 0, 0), athena.counts());
  }

  @Test
  void aCustomFormatWithTranslationDuplicatesAndMalformedLinesGivesTheReadersFlowLogs() throws Exception {
    Path f = write("custom.log", CUSTOM);
    FlowLogs athena = compare(FlowLogFormat.parse(CUSTOM.lines().findFirst().orElseThrow()), List.of(f));
    assertEquals(9, athena.counts().malformed());
    assertEquals(1, athena.counts().translated());
    FlowLogs.Pair db = athena.pairs().stream().filter(p -> p.port() == 5432).findFirst().orElseThrow();
    // hour 1: eni-b's 1,200 (the larger end) ; eni-a's two connections 1,000 + 300 = 1,300 is larger still
    assertEquals(1300 + 7000, db.bytes());
    assertEquals(7000, db.peakHourBytes());
  }

  /** The sample estate's two regions (one default format, one custom format with a header), each one location. */
  @Test
  void theSampleEstatesFlowLogsGiveTheReadersFlowLogs() throws Exception {
    for (String region : List.of("ap-northeast-1", "us-east-1")) {
      List<Path> files = FlowLogAnalyzer.localSources(List.of(SAMPLE.resolve(region))).stream()
          .map(s -> Path.of(s.name())).toList();
      FlowLogFormat format = FlowLogAthena.headerOf(LogSource.of(files.get(0)));
      FlowLogs athena = compare(format == null ? FlowLogFormat.defaults() : format, files);
      assertTrue(athena.pairs().size() >= 6 && athena.counts().accepted() > 100, region + ": " + athena.counts());
    }
  }

  @Test
  void theTableIsTheGuidesDdlWithTheFlowLogsOwnFieldOrder() {
    FlowLogFormat f = FlowLogFormat.parse("version account-id interface-id srcaddr dstaddr start end bytes");
    String ddl = FlowLogAthena.createTable(f, "t", "s3://b/p/");
    assertTrue(ddl.startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `t` (\n  `version` string,\n  `account_id` string,"),
        ddl);
    assertTrue(ddl.contains("`end` string,\n  `bytes` string\n)\nROW FORMAT DELIMITED\nFIELDS TERMINATED BY ' '\n"
        + "LOCATION 's3://b/p/'\nTBLPROPERTIES (\"skip.header.line.count\"=\"1\")"), ddl);
    String other = FlowLogAthena.tableName("s3://b/p/", FlowLogFormat.defaults());
    assertTrue(!other.equals(FlowLogAthena.tableName("s3://b/p/", f)) && other.startsWith("migrate_vpc_flow_logs_"));
  }

  /** Reads the files with the reader and with the SQL on DuckDB; asserts the same flow logs; returns the SQL's. */
  FlowLogs compare(FlowLogFormat format, List<Path> files) throws Exception {
    List<LogSource> sources = files.stream().map(LogSource::of).toList();
    FlowLogs reader = FlowLogAnalyzer.analyze(sources, "athena", format, 1, m -> {}).flowLogs();
    FlowLogs athena = FlowLogAthena.report(duckDbRows(format, files), "athena").flowLogs();
    assertEquals(reader.counts(), athena.counts());
    assertEquals(reader.start(), athena.start());
    assertEquals(reader.end(), athena.end());
    assertEquals(reader.pairs(), athena.pairs());
    assertEquals(reader, athena);
    return athena;
  }

  /** The query's rows, as strings, from DuckDB over a table filled as LazySimpleSerDe reads the files. */
  static List<List<String>> duckDbRows(FlowLogFormat format, List<Path> files) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      fill(db, format, "flows", files);
      List<List<String>> rows = new ArrayList<>();
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery(FlowLogAthena.query(format, "flows", AthenaQueries.Dialect.DUCKDB))) {
        int n = rs.getMetaData().getColumnCount();
        assertEquals(FlowLogAthena.COLUMNS.size(), n);
        while (rs.next()) {
          List<String> r = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            r.add(rs.getString(i));
          }
          rows.add(r);
        }
      }
      return rows;
    }
  }

  static void fill(Connection db, FlowLogFormat format, String table, List<Path> files)
      throws SQLException, IOException {
    List<String> fields = format.fields();
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(table).append(" (");
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append(" VALUES (");
    for (int i = 0; i < fields.size(); i++) {
      create.append(i == 0 ? "" : ", ").append('"').append(FlowLogAthena.column(fields.get(i))).append("\" VARCHAR");
      insert.append(i == 0 ? "?" : ", ?");
    }
    try (Statement st = db.createStatement()) {
      st.execute(create.append(")").toString());
    }
    try (PreparedStatement ps = db.prepareStatement(insert.append(")").toString())) {
      for (Path f : files) {
        try (InputStream in = Decompression.open(Files.newInputStream(f));
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          r.readLine(); // skip.header.line.count = 1
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] parts = line.split(" ", -1);
            String[] row = Arrays.copyOf(parts, fields.size()); // missing fields NULL, extra fields dropped
            for (int i = 0; i < row.length; i++) {
              ps.setString(i + 1, row[i]);
            }
            ps.addBatch();
          }
        }
      }
      ps.executeBatch();
    }
  }
}
