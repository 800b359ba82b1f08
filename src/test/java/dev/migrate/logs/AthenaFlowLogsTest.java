package dev.migrate.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.migrate.testing.Cli;
import dev.migrate.testing.ExampleAwsKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logs analyze --log-format vpc-flow --athena s3://...} through the command line, against one WireMock
 * server speaking S3's REST XML (the header line of the first object) and Athena's JSON 1.1 protocol
 * (X-Amz-Target AmazonAthena.*: the table, the query, polling, two result pages). The result rows are what the
 * same SQL gives on DuckDB over the sample's files, so the whole path is checked against the reader of the files.
 */
@ExtendWith(ExampleAwsKeys.class)
class AthenaFlowLogsTest {
  static final String BUCKET = "tableapp-flow-logs";
  static final String PREFIX = "AWSLogs/481516234200/vpcflowlogs/us-east-1/";

  WireMockServer wm;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static MappingBuilder athena(String op) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena." + op));
  }

  static String json(String body) {
    return body.replace('\'', '"');
  }

  /** A GetQueryResults page: the header row first on page one, as Athena sends it; SQL NULL as an empty Datum. */
  static String page(List<List<String>> rows, boolean header, String next) {
    StringBuilder sb = new StringBuilder("{\"UpdateCount\":0,\"ResultSet\":{\"Rows\":[");
    boolean firstRow = true;
    if (header) {
      sb.append("{\"Data\":[");
      for (int j = 0; j < FlowLogAthena.COLUMNS.size(); j++) {
        sb.append(j == 0 ? "" : ",").append("{\"VarCharValue\":\"").append(FlowLogAthena.COLUMNS.get(j)).append("\"}");
      }
      sb.append("]}");
      firstRow = false;
    }
    for (List<String> r : rows) {
      sb.append(firstRow ? "" : ",").append("{\"Data\":[");
      firstRow = false;
      for (int j = 0; j < r.size(); j++) {
        sb.append(j == 0 ? "" : ",").append(r.get(j) == null ? "{}" : "{\"VarCharValue\":\"" + r.get(j) + "\"}");
      }
      sb.append("]}");
    }
    sb.append("],\"ResultSetMetadata\":{\"ColumnInfo\":[]}}");
    return sb.append(next == null ? "" : ",\"NextToken\":\"" + next + "\"").append('}').toString();
  }

  @Test
  void theFlowLogsReducedOnAthenaAreTheSameAsTheFilesReadHere() throws Exception {
    Path folder = FlowLogAthenaTest.SAMPLE.resolve("us-east-1");
    List<Path> files = FlowLogAnalyzer.localSources(List.of(folder)).stream().map(s -> Path.of(s.name())).toList();
    String firstKey = PREFIX + folder.relativize(files.get(0));
    // the listing has a second page; the header needs only the first object, so it is never fetched
    wm.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
        .withQueryParam("continuation-token", absent())
        .willReturn(aResponse().withHeader("Content-Type", "application/xml")
            .withBody(S3LogSourcesTest.listing("page-2", true, PREFIX + "README.md", firstKey))));
    wm.stubFor(get(urlPathEqualTo("/" + BUCKET + "/" + firstKey))
        .willReturn(aResponse().withBody(Files.readAllBytes(files.get(0)))));

    FlowLogFormat format = FlowLogAthena.headerOf(LogSource.of(files.get(0)));
    List<List<String>> rows = FlowLogAthenaTest.duckDbRows(format, files);
    int half = rows.size() / 2;
    wm.stubFor(athena("StartQueryExecution").withRequestBody(containing("CREATE EXTERNAL TABLE"))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(json("{'QueryExecutionId':'ddl-1'}"))));
    wm.stubFor(athena("StartQueryExecution").withRequestBody(containing("WITH k AS"))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(json("{'QueryExecutionId':'pairs-1'}"))));
    for (String id : List.of("ddl-1", "pairs-1")) {
      wm.stubFor(athena("GetQueryExecution").withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
          .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json(
              "{'QueryExecution':{'QueryExecutionId':'" + id + "','Status':{'State':'SUCCEEDED'}}}"))));
    }
    wm.stubFor(athena("GetQueryResults").withRequestBody(notContaining("NextToken"))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(page(rows.subList(0, half), true, "rows-2"))));
    wm.stubFor(athena("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", equalTo("rows-2")))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(page(rows.subList(half, rows.size()), false, null))));

    Path out = dir.resolve("athena.json");
    Path snapAthena = SameGraph.sampleSnapshot(dir, "athena-snapshot.json");
    Cli.Run r = Cli.run("logs", "analyze", "--log-format", "vpc-flow", "--athena", "s3://" + BUCKET + "/" + PREFIX,
        "--athena-database", "flows", "--athena-output", "s3://results/athena/", "--region", "us-east-1",
        "--endpoint-url", wm.baseUrl(), "--json", out.toString(), "--merge-into", snapAthena.toString());
    assertEquals(0, r.code(), r.err() + wm.findAllUnmatchedRequests());
    assertTrue(r.err().contains("field order from the header of s3://" + BUCKET + "/" + firstKey), r.err());

    String table = FlowLogAthena.tableName("s3://" + BUCKET + "/" + PREFIX, format);
    wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))
        .withRequestBody(matchingJsonPath("$.QueryString", containing("CREATE EXTERNAL TABLE IF NOT EXISTS `" + table)))
        .withRequestBody(matchingJsonPath("$.QueryString", containing("LOCATION 's3://" + BUCKET + "/" + PREFIX + "'")))
        .withRequestBody(matchingJsonPath("$.QueryExecutionContext.Database", equalTo("flows")))
        .withRequestBody(matchingJsonPath("$.ResultConfiguration.OutputLocation", equalTo("s3://results/athena/"))));
    wm.verify(postRequestedFor(urlEqualTo("/"))
        .withRequestBody(matchingJsonPath("$.QueryString", containing("FROM \"" + table + "\""))));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/" + BUCKET)).withQueryParam("continuation-token", equalTo("page-2")));

    FlowLogReport fromFiles = FlowLogAnalyzer.analyze(files.stream().map(LogSource::of).toList(), "files", null, 1,
        m -> {});
    ObjectMapper m = new ObjectMapper();
    JsonNode athena = m.readTree(out.toFile()).get("flowLogs");
    JsonNode expected = m.readTree(LogReportJson.toJson(fromFiles)).get("flowLogs");
    assertEquals("athena", athena.get("source").asText());
    assertEquals(expected.get("counts"), athena.get("counts"));
    assertEquals(expected.get("pairs"), athena.get("pairs"));
    assertEquals(expected.get("start"), athena.get("start"));
    assertEquals(expected.get("end"), athena.get("end"));
    assertTrue(athena.get("pairs").size() >= 6);
    LogsWire.assertDeclared(wm);

    Path snapFiles = SameGraph.sampleSnapshot(dir, "files-snapshot.json");
    Cli.Run f = Cli.run("logs", "analyze", "--log-format", "vpc-flow", folder.toString(), "--merge-into",
        snapFiles.toString());
    assertEquals(0, f.code(), f.err());
    SameGraph.assertSame(snapFiles, snapAthena, "athena");
  }

  @Test
  void aFailedQueryIsOneLineWithAthenasReason() {
    wm.stubFor(athena("StartQueryExecution").willReturn(aResponse()
        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json("{'QueryExecutionId':'q-9'}"))));
    wm.stubFor(athena("GetQueryExecution").willReturn(aResponse().withHeader("Content-Type",
        "application/x-amz-json-1.1").withBody(json("{'QueryExecution':{'QueryExecutionId':'q-9','Status':"
            + "{'State':'FAILED','StateChangeReason':'Insufficient permissions to execute the query.'}}}"))));
    Cli.Run r = Cli.run("logs", "analyze", "--log-format", "vpc-flow", "--athena", "s3://" + BUCKET + "/" + PREFIX,
        "--flow-log-fields", FlowLogFormat.DEFAULT_FIELDS, "--region", "us-east-1", "--endpoint-url", wm.baseUrl());
    assertEquals(dev.migrate.cli.ExitCode.REMOTE_FAILURE, r.code(), r.err());
    assertTrue(r.err().contains("Athena query q-9 FAILED: Insufficient permissions"), r.err());
    assertTrue(!r.err().contains("\tat "), r.err());
  }

  @Test
  void athenaNeedsOneS3PrefixAndNoLogGroup() {
    Cli.Run local = Cli.run("logs", "analyze", "--log-format", "vpc-flow", "--athena", "flows/");
    assertEquals(dev.migrate.cli.ExitCode.USAGE, local.code());
    assertTrue(local.err().contains("--athena needs exactly one SOURCE, the s3://bucket/prefix/ of the flow logs"),
        local.err());
    Cli.Run group = Cli.run("logs", "analyze", "--log-format", "vpc-flow", "--athena", "--log-group", "g");
    assertEquals(dev.migrate.cli.ExitCode.USAGE, group.code());
    assertTrue(group.err().contains("give one of them"), group.err());
  }
}
