package dev.migrate.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/** The Athena client against WireMock speaking awsJson1_1 (X-Amz-Target: AmazonAthena.*). */
class AthenaRunnerTest {
  WireMockServer wm;
  AthenaClient client;
  final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().dynamicPort());
    wm.start();
    client = AthenaClient.builder().region(Region.US_EAST_2).endpointOverride(URI.create(wm.baseUrl()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  AthenaRunner runner() {
    return new AthenaRunner(client, "logsdb", "primary", "s3://results/athena/", Duration.ofSeconds(1), 10, sleeps::add);
  }

  static MappingBuilder target(String op) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena." + op));
  }

  static String json(String body) {
    return body.replace('\'', '"');
  }

  static String rows(List<List<String>> rows, String nextToken) {
    StringBuilder sb = new StringBuilder("{\"ResultSet\":{\"Rows\":[");
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == 0 ? "" : ",").append("{\"Data\":[");
      List<String> r = rows.get(i);
      for (int j = 0; j < r.size(); j++) {
        sb.append(j == 0 ? "" : ",").append(r.get(j) == null ? "{}" : "{\"VarCharValue\":\"" + r.get(j) + "\"}");
      }
      sb.append("]}");
    }
    sb.append("]}").append(nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"").append('}');
    return sb.toString();
  }

  void succeeded(String id) {
    wm.stubFor(target("GetQueryExecution").withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json(
            "{'QueryExecution':{'QueryExecutionId':'" + id + "','Status':{'State':'SUCCEEDED'}}}"))));
  }

  @Test
  void startsPollsAndReadsEveryPageWithoutTheHeader() {
    wm.stubFor(target("StartQueryExecution").willReturn(aResponse()
        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json("{'QueryExecutionId':'q-1'}"))));
    wm.stubFor(target("GetQueryExecution").inScenario("poll").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withBody(json("{'QueryExecution':{'QueryExecutionId':'q-1','Status':{'State':'QUEUED'}}}")))
        .willSetStateTo("running"));
    wm.stubFor(target("GetQueryExecution").inScenario("poll").whenScenarioStateIs("running")
        .willReturn(aResponse().withBody(json("{'QueryExecution':{'QueryExecutionId':'q-1','Status':{'State':'RUNNING'}}}")))
        .willSetStateTo("done"));
    wm.stubFor(target("GetQueryExecution").inScenario("poll").whenScenarioStateIs("done")
        .willReturn(aResponse().withBody(json("{'QueryExecution':{'QueryExecutionId':'q-1','Status':{'State':'SUCCEEDED'}}}"))));
    wm.stubFor(target("GetQueryResults").withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
        .willReturn(aResponse().withBody(rows(List.of(List.of("b", "2")), null))));
    wm.stubFor(target("GetQueryResults").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("NextToken"))
        .willReturn(aResponse().withBody(rows(List.of(List.of("k", "n"), List.of("a", "1")), "page-2"))));

    List<List<String>> got = runner().query("SELECT 1");
    assertEquals(List.of(List.of("a", "1"), List.of("b", "2")), got);
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeps);
    wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))
        .withRequestBody(matchingJsonPath("$.QueryString", equalTo("SELECT 1")))
        .withRequestBody(matchingJsonPath("$.QueryExecutionContext.Database", equalTo("logsdb")))
        .withRequestBody(matchingJsonPath("$.WorkGroup", equalTo("primary")))
        .withRequestBody(matchingJsonPath("$.ResultConfiguration.OutputLocation", equalTo("s3://results/athena/"))));
  }

  @Test
  void aFailedQuerySaysWhy() {
    wm.stubFor(target("StartQueryExecution").willReturn(aResponse().withBody(json("{'QueryExecutionId':'q-9'}"))));
    wm.stubFor(target("GetQueryExecution").willReturn(aResponse().withBody(json(
        "{'QueryExecution':{'QueryExecutionId':'q-9','Status':{'State':'FAILED','StateChangeReason':'TABLE_NOT_FOUND: line 1:1'}}}"))));
    AthenaRunner.QueryFailed e = assertThrows(AthenaRunner.QueryFailed.class, () -> runner().query("SELECT x"));
    assertTrue(e.getMessage().contains("q-9 FAILED: TABLE_NOT_FOUND"), e.getMessage());
  }

  @Test
  void analysisCreatesTheTableAndBuildsTheSummaryFromTheThreeQueries() {
    String loc = "s3://tableapp-logs/cloudfront/";
    wm.stubFor(target("StartQueryExecution").withRequestBody(containing("CREATE EXTERNAL TABLE"))
        .willReturn(aResponse().withBody(json("{'QueryExecutionId':'ddl'}"))));
    wm.stubFor(target("StartQueryExecution").withRequestBody(containing("GROUPING SETS"))
        .willReturn(aResponse().withBody(json("{'QueryExecutionId':'facts'}"))));
    wm.stubFor(target("StartQueryExecution").withRequestBody(containing("AS rk FROM s"))
        .willReturn(aResponse().withBody(json("{'QueryExecutionId':'peaks'}"))));
    wm.stubFor(target("StartQueryExecution").withRequestBody(containing("AS rb FROM p"))
        .willReturn(aResponse().withBody(json("{'QueryExecutionId':'paths'}"))));
    for (String id : List.of("ddl", "facts", "peaks", "paths")) {
      succeeded(id);
    }
    List<String> header = List.of("c");
    long sec = Instant.parse("2026-11-01T10:00:05Z").getEpochSecond();
    String hour = Long.toString(sec / 3600);
    wm.stubFor(target("GetQueryResults").withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo("facts")))
        .willReturn(aResponse().withBody(rows(List.of(header,
            java.util.Arrays.asList("E2EXAMPLE", "cache", "Hit", "3", "300", "30", null, null, "0", null, null, null, null, null),
            java.util.Arrays.asList("E2EXAMPLE", "cache", "Miss", "1", "100", "10", null, null, "0", null, null, null, null, null),
            java.util.Arrays.asList("E2EXAMPLE", "edge", "NRT", "4", "400", "40", null, null, "0", null, null, null, null, null),
            java.util.Arrays.asList("E2EXAMPLE", "hour", hour, "4", "400", "40", null, null, "0", null, null, null, null, null),
            java.util.Arrays.asList("E2EXAMPLE", "status", "2", "4", "400", "40", null, null, "0", null, null, null, null, null),
            java.util.Arrays.asList("E2EXAMPLE", "total", "", "4", "400", "40", Long.toString(sec), Long.toString(sec),
                "4", "0.01", "0.02", "0.03", "0.03", "0.031"),
            java.util.Arrays.asList(null, "total", "", "2", null, null, null, null, "0", null, null, null, null, null)),
            null))));
    wm.stubFor(target("GetQueryResults").withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo("peaks")))
        .willReturn(aResponse().withBody(rows(List.of(header,
            List.of("E2EXAMPLE", Long.toString(sec / 86400), Long.toString(sec), "4")), null))));
    wm.stubFor(target("GetQueryResults").withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo("paths")))
        .willReturn(aResponse().withBody(rows(List.of(header,
            List.of("E2EXAMPLE", "/index.html", "4", "400", "1", "1")), null))));

    LogReport r = AthenaAnalysis.analyze(runner(), LogFormat.CLOUDFRONT, loc, 10);
    wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("CREATE EXTERNAL TABLE IF NOT EXISTS "
        + AthenaAnalysis.tableName(LogFormat.CLOUDFRONT, loc))).withRequestBody(containing(loc)));
    assertEquals(2, r.badLines());
    LogSummary s = r.resources().get(0);
    assertEquals("E2EXAMPLE", s.resourceKey());
    assertEquals(4, s.requests());
    assertEquals(0.75, s.cache().hitRatio());
    assertEquals(List.of(new LogSummary.Traffic("japan", 4, 400)), s.cloudFrontGeographies());
    assertEquals(new LogSummary.Peak(Instant.ofEpochSecond(sec), 4), s.peakSecond());
    assertEquals(List.of(new LogSummary.PathCount("/index.html", 4, 0)), s.topPathsByRequests());
    assertEquals(31.0, s.latency().maxMs());
  }
}
