package dev.migrate.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migrate.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.testing.Cli.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logs analyze --log-format vpc-flow --log-group}: FilterLogEvents in CloudWatch Logs' JSON 1.1 wire format
 * (X-Amz-Target Logs_20140328.FilterLogEvents), two pages, against WireMock.
 */
class CloudWatchFlowLogsTest {
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    String page1 = """
        {"events":[
          {"logStreamName":"eni-1235b8ca123456789-all","timestamp":1418530070000,
           "message":"2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
           "ingestionTime":1418530080000,"eventId":"31953106606966983378809025079804211143289615424298221568"},
          {"logStreamName":"eni-1235b8ca123456789-all","timestamp":1418530070000,
           "message":"2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK",
           "ingestionTime":1418530080000,"eventId":"31953106606966983378809025079804211143289615424298221569"}],
         "searchedLogStreams":[{"logStreamName":"eni-1235b8ca123456789-all","searchedCompletely":true}],
         "nextToken":"page2"}""";
    String page2 = """
        {"events":[
          {"logStreamName":"eni-1235b8ca123456789-all","timestamp":1432917142000,
           "message":"2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK",
           "ingestionTime":1432917150000,"eventId":"31953106606966983378809025079804211143289615424298221570"},
          {"logStreamName":"eni-11111111aaaaaaaaa-all","timestamp":1431280934000,
           "message":"2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - NODATA",
           "ingestionTime":1431280940000,"eventId":"31953106606966983378809025079804211143289615424298221571"}],
         "searchedLogStreams":[{"logStreamName":"eni-11111111aaaaaaaaa-all","searchedCompletely":true}]}""";
    server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
        .withRequestBody(containing("\"logGroupName\":\"/vpc/flow-logs\"")).withRequestBody(notContaining("nextToken"))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(page1)));
    server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
        .withRequestBody(containing("\"nextToken\":\"page2\""))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(page2)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void everyPageOfTheLogGroupIsReadIntoTheSnapshotsFlowLogs(@TempDir Path dir) throws Exception {
    Path snap = dir.resolve("snapshot.json");
    SnapshotJson.write(LogsCommandTest.snapshot(), snap);
    Run r = Run.class.cast(withAwsEnv(() -> run("logs", "analyze", "--log-format", "vpc-flow", "--log-group",
        "/vpc/flow-logs", "--merge-into", snap.toString(), "--region", "us-east-1", "--endpoint-url",
        "http://127.0.0.1:" + server.port())));
    assertEquals(0, r.code(), r.err());
    FlowLogs f = SnapshotJson.read(snap).flowLogs();
    assertEquals("cloudwatch-logs", f.source());
    assertEquals(new FlowLogs.Counts(4, 2, 1, 1, 0, 0, 0, 0), f.counts());
    assertEquals(List.of(new FlowLogs.Pair("172.31.16.139", "172.31.16.21", 22, "tcp", 4249, 20, 1, 4249),
        new FlowLogs.Pair("203.0.113.12", "172.31.16.139", 0, "icmp", 336, 4, 1, 336)), f.pairs());
    assertEquals(2, server.getAllServeEvents().size());
    dev.migrate.logs.LogsWire.assertDeclared(server);
  }

  /**
   * --since/--until become FilterLogEvents startTime/endTime in milliseconds (endTime inclusive, so one millisecond
   * before --until); the events the window returns give the same pairs as the same records read from a file.
   */
  @Test
  void aTimeWindowIsAskedOfCloudWatchLogsAndGivesTheSamePairsAsTheFileOfThoseRecords(@TempDir Path dir)
      throws Exception {
    String inWindow = "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027"
        + " 1432917142 ACCEPT OK";
    server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
        .withRequestBody(matchingJsonPath("$.startTime", equalTo("1432857600000")))
        .withRequestBody(matchingJsonPath("$.endTime", equalTo("1432943999999")))
        .atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
            "{\"events\":[{\"logStreamName\":\"eni-1235b8ca123456789-all\",\"timestamp\":1432917142000,"
                + "\"message\":\"" + inWindow + "\",\"ingestionTime\":1432917150000,\"eventId\":\"1\"}],"
                + "\"searchedLogStreams\":[]}")));
    Path json = dir.resolve("window.json");
    Run r = Run.class.cast(withAwsEnv(() -> run("logs", "analyze", "--log-format", "vpc-flow", "--log-group",
        "/vpc/flow-logs", "--since", "2015-05-29", "--until", "2015-05-30T00:00:00Z", "--json", json.toString(),
        "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + server.port())));
    assertEquals(0, r.code(), r.err());
    assertEquals(1, server.getAllServeEvents().size());
    Path file = dir.resolve("same.log");
    java.nio.file.Files.writeString(file, inWindow + "\n");
    Path fileJson = dir.resolve("file.json");
    Run f = run("logs", "analyze", "--log-format", "vpc-flow", file.toString(), "--json", fileJson.toString());
    assertEquals(0, f.code(), f.err());
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode a = m.readTree(json.toFile()).get("flowLogs");
    com.fasterxml.jackson.databind.JsonNode b = m.readTree(fileJson.toFile()).get("flowLogs");
    assertEquals(b.get("pairs"), a.get("pairs"));
    assertEquals(b.get("counts"), a.get("counts"));
    assertEquals(1, a.get("pairs").size());
  }

  @Test
  void aWindowNeedsALogGroupAndReadableTimesInOrder() {
    Run noGroup = run("logs", "analyze", "--log-format", "vpc-flow", "--since", "2026-11-01", "x.log");
    assertEquals(ExitCode.USAGE, noGroup.code());
    assertTrue(noGroup.err().contains("--since and --until select the events of a --log-group"), noGroup.err());
    Run bad = run("logs", "analyze", "--log-format", "vpc-flow", "--log-group", "g", "--since", "yesterday");
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(bad.err().contains("--since yesterday: expected an ISO-8601 time"), bad.err());
    Run backwards = run("logs", "analyze", "--log-format", "vpc-flow", "--log-group", "g", "--since", "2026-11-02",
        "--until", "2026-11-01");
    assertEquals(ExitCode.USAGE, backwards.code());
    assertTrue(backwards.err().contains("--until 2026-11-01T00:00:00Z must be after --since 2026-11-02T00:00:00Z"),
        backwards.err());
    Run accessLogs = run("logs", "analyze", "--since", "2026-11-01", "x.log");
    assertEquals(ExitCode.USAGE, accessLogs.code());
    assertTrue(accessLogs.err().contains("--since needs --log-format vpc-flow"), accessLogs.err());
  }

  @Test
  void aLogGroupAndSourcesTogetherAreAUsageError() {
    Run r = run("logs", "analyze", "--log-format", "vpc-flow", "--log-group", "/vpc/flow-logs", "x.log");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--log-group reads one log group; give no SOURCE with it"), r.err());
  }

  interface Call {
    Object call();
  }

  /** Fake credentials for the SDK's default chain, as system properties (restored afterwards). */
  static Object withAwsEnv(Call c) {
    String id = System.getProperty("aws.accessKeyId");
    String secret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIDTEST");
    System.setProperty("aws.secretAccessKey", "secret");
    try {
      return c.call();
    } finally {
      restore("aws.accessKeyId", id);
      restore("aws.secretAccessKey", secret);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
