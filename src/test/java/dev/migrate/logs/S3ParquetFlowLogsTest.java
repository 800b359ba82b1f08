package dev.migrate.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.migrate.testing.Cli;
import dev.migrate.testing.ExampleAwsKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet flow logs under an s3:// prefix (as AWS delivers them with {@code FileFormat=parquet}), served by
 * WireMock in S3's REST XML: each object is downloaded to a temporary file, read through DuckDB and deleted, and
 * the result is the same as the text files of the same flows.
 */
@ExtendWith(ExampleAwsKeys.class)
class S3ParquetFlowLogsTest {
  static final String BUCKET = "tableapp-flow-logs";
  static final String PREFIX = "AWSLogs/481516234200/vpcflowlogs/ap-northeast-1/";

  WireMockServer s3;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    s3 = new WireMockServer(wireMockConfig().dynamicPort());
    s3.start();
  }

  @AfterEach
  void stop() {
    s3.stop();
  }

  /**
   * Text flow-log files in the default format ({@code text}: one file or a glob) as AWS writes them in Parquet: one
   * column per field, underscores, BIGINT numbers, nulls.
   */
  static void toParquet(String text, Path parquet) throws Exception {
    Set<String> numeric = Set.of("version", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end");
    StringBuilder select = new StringBuilder("SELECT ");
    String[] fields = FlowLogFormat.DEFAULT_FIELDS.split(" ");
    for (int i = 0; i < fields.length; i++) {
      String col = "nullif(\"" + fields[i] + "\", '-')";
      select.append(i == 0 ? "" : ", ").append(numeric.contains(fields[i]) ? "CAST(" + col + " AS BIGINT)" : col)
          .append(" AS \"").append(fields[i].replace('-', '_')).append('"');
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute("COPY (" + select + " FROM read_csv('" + text + "', delim=' ', header=true,"
          + " all_varchar=true)) TO '" + parquet + "' (FORMAT PARQUET)");
    }
  }

  /** key -> body, every sample text file of the region as a Parquet object. */
  Map<String, byte[]> parquetObjects() throws Exception {
    Path folder = FlowLogAthenaTest.SAMPLE.resolve("ap-northeast-1");
    Map<String, byte[]> objects = new LinkedHashMap<>();
    for (LogSource s : FlowLogAnalyzer.localSources(List.of(folder))) {
      Path text = Path.of(s.name());
      String key = PREFIX + folder.relativize(text).toString().replace(".log.gz", ".log.parquet");
      Path p = dir.resolve("gen-" + objects.size() + ".parquet");
      toParquet(text.toAbsolutePath().toString(), p);
      objects.put(key, Files.readAllBytes(p));
      Files.delete(p);
    }
    return objects;
  }

  /** A ListObjectsV2 page with each key's listed size. */
  static String listing(Map<String, Long> keys) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET + "</Name>"
        + "<Prefix>" + PREFIX + "</Prefix><KeyCount>" + keys.size() + "</KeyCount><MaxKeys>1000</MaxKeys>"
        + "<IsTruncated>false</IsTruncated>");
    keys.forEach((k, size) -> sb.append("<Contents><Key>").append(k)
        .append("</Key><LastModified>2026-11-25T00:05:00.000Z</LastModified>")
        .append("<ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag><Size>").append(size).append("</Size>")
        .append("<StorageClass>STANDARD</StorageClass></Contents>"));
    return sb.append("</ListBucketResult>").toString();
  }

  void serve(Map<String, byte[]> objects, Map<String, Long> listedSizes) {
    s3.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
        .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(listing(listedSizes))));
    objects.forEach((k, body) -> s3.stubFor(get(urlPathEqualTo("/" + BUCKET + "/" + k))
        .willReturn(aResponse().withBody(body))));
  }

  static Map<String, Long> sizes(Map<String, byte[]> objects) {
    Map<String, Long> m = new LinkedHashMap<>();
    objects.forEach((k, v) -> m.put(k, (long) v.length));
    return m;
  }

  @Test
  void parquetObjectsUnderAPrefixGiveTheSameFlowLogsAsTheTextFiles() throws Exception {
    Map<String, byte[]> objects = parquetObjects();
    Map<String, Long> listed = sizes(objects);
    listed.put(PREFIX + "README.md", 10L);
    serve(objects, listed);
    Path out = dir.resolve("flows.json");
    Path snapS3 = SameGraph.sampleSnapshot(dir, "s3-snapshot.json");
    Cli.Run r = Cli.run("logs", "analyze", "--log-format", "vpc-flow", "s3://" + BUCKET + "/" + PREFIX,
        "--region", "ap-northeast-1", "--endpoint-url", s3.baseUrl(), "--json", out.toString(), "--threads", "2",
        "--merge-into", snapS3.toString());
    assertEquals(0, r.code(), r.err());
    for (String key : objects.keySet()) {
      s3.verify(1, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + key)));
    }
    s3.verify(0, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + PREFIX + "README.md")));

    List<LogSource> text = FlowLogAnalyzer.localSources(List.of(FlowLogAthenaTest.SAMPLE.resolve("ap-northeast-1")));
    FlowLogReport fromText = FlowLogAnalyzer.analyze(text, "files", null, 1, m -> {});
    ObjectMapper m = new ObjectMapper();
    JsonNode got = m.readTree(out.toFile());
    JsonNode expected = m.readTree(LogReportJson.toJson(fromText)).get("flowLogs");
    assertEquals(0, got.get("fileProblems").size(), got.get("fileProblems").toString());
    assertEquals(objects.size(), got.get("files").asLong());
    assertEquals("s3", got.get("flowLogs").get("source").asText());
    for (String field : List.of("start", "end", "counts", "pairs")) {
      assertEquals(expected.get(field), got.get("flowLogs").get(field), field);
    }
    assertTrue(expected.get("counts").get("accepted").asLong() > 1000);
    LogsWire.assertDeclared(s3);

    Path snapFiles = SameGraph.sampleSnapshot(dir, "files-snapshot.json");
    Cli.Run f = Cli.run("logs", "analyze", "--log-format", "vpc-flow",
        FlowLogAthenaTest.SAMPLE.resolve("ap-northeast-1").toString(), "--merge-into", snapFiles.toString());
    assertEquals(0, f.code(), f.err());
    SameGraph.assertSame(snapFiles, snapS3, "s3");
  }

  @Test
  void eachDownloadIsDeletedAfterItIsRead() throws Exception {
    Map<String, byte[]> objects = parquetObjects();
    serve(objects, sizes(objects));
    Path tmp = Files.createDirectory(dir.resolve("downloads"));
    List<LogSource> sources = S3LogSources.list("s3://" + BUCKET + "/" + PREFIX, null, "ap-northeast-1", s3.baseUrl(),
        FlowLogAnalyzer::isFlowFile, Integer.MAX_VALUE);
    FlowLogReport r = FlowLogAnalyzer.analyze(sources, "s3", null, 2, new FlowLogAnalyzer.Downloads(tmp, 0), m -> {});
    assertEquals(List.of(), r.fileProblems());
    assertEquals(objects.size(), r.files());
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "no temporary file stays behind");
    }
  }

  @Test
  void anObjectThatWouldFillTheDiskOrEndsEarlyIsAProblemOfThatObjectAndTheOthersGoOn() throws Exception {
    Map<String, byte[]> all = parquetObjects();
    List<String> keys = new ArrayList<>(all.keySet());
    Map<String, byte[]> objects = new LinkedHashMap<>();
    objects.put(keys.get(0), all.get(keys.get(0)));
    objects.put(keys.get(1), all.get(keys.get(1)));
    Map<String, Long> listed = sizes(objects);
    listed.put(keys.get(1), listed.get(keys.get(1)) + 1000); // the body is 1,000 bytes shorter than listed
    serve(objects, listed);
    Path tmp = Files.createDirectory(dir.resolve("downloads"));
    List<LogSource> sources = S3LogSources.list("s3://" + BUCKET + "/" + PREFIX, null, "ap-northeast-1", s3.baseUrl(),
        FlowLogAnalyzer::isFlowFile, Integer.MAX_VALUE);

    FlowLogReport shortBody = FlowLogAnalyzer.analyze(sources, "s3", null, 1, new FlowLogAnalyzer.Downloads(tmp, 0),
        m -> {});
    assertEquals(1, shortBody.fileProblems().size(), shortBody.fileProblems().toString());
    assertEquals("s3://" + BUCKET + "/" + keys.get(1), shortBody.fileProblems().get(0).file());
    assertTrue(shortBody.fileProblems().get(0).problem().startsWith("download ended after "),
        shortBody.fileProblems().get(0).problem());
    assertTrue(shortBody.flowLogs().counts().accepted() > 0, "the first object was read");

    FlowLogReport noRoom = FlowLogAnalyzer.analyze(sources, "s3", null, 1,
        new FlowLogAnalyzer.Downloads(tmp, Long.MAX_VALUE / 4), m -> {});
    assertEquals(2, noRoom.fileProblems().size());
    assertTrue(noRoom.fileProblems().get(0).problem().contains("(point TMPDIR at a larger disk)"),
        noRoom.fileProblems().get(0).problem());
    s3.verify(1, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + keys.get(0))));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "no temporary file stays behind");
    }
  }
}
