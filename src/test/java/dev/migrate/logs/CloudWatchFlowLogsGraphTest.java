package dev.migrate.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.migrate.testing.Cli;
import dev.migrate.testing.ExampleAwsKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's us-east-1 flow records delivered to a CloudWatch Logs log group (one event per record, no header
 * line, so the format is given), read through FilterLogEvents in two pages, draw the same dependency graph as the
 * files they came from.
 */
@ExtendWith(ExampleAwsKeys.class)
class CloudWatchFlowLogsGraphTest {
  WireMockServer logs;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    logs = new WireMockServer(wireMockConfig().dynamicPort());
    logs.start();
  }

  @AfterEach
  void stop() {
    logs.stop();
  }

  static String page(List<String> messages, int from, String next) {
    StringBuilder sb = new StringBuilder("{\"events\":[");
    for (int i = 0; i < messages.size(); i++) {
      String[] f = messages.get(i).split(" ");
      sb.append(i == 0 ? "" : ",").append("{\"logStreamName\":\"").append(f[4]).append("-all\",\"timestamp\":")
          .append(1795478400000L + (from + i) * 1000L).append(",\"message\":\"").append(messages.get(i))
          .append("\",\"ingestionTime\":1795478500000,\"eventId\":\"").append(from + i).append("\"}");
    }
    sb.append("],\"searchedLogStreams\":[]");
    return sb.append(next == null ? "" : ",\"nextToken\":\"" + next + "\"").append('}').toString();
  }

  @Test
  void aLogGroupOfTheSampleRecordsDrawsTheSameGraphAsTheFiles() throws Exception {
    Path folder = FlowLogAthenaTest.SAMPLE.resolve("us-east-1");
    List<Path> files = FlowLogAnalyzer.localSources(List.of(folder)).stream().map(s -> Path.of(s.name())).toList();
    String header = null;
    List<String> records = new ArrayList<>();
    for (Path f : files) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          Decompression.open(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
        header = r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          records.add(line);
        }
      }
    }
    int half = records.size() / 2;
    logs.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
        .withRequestBody(notContaining("nextToken")).willReturn(aResponse()
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(page(records.subList(0, half), 0, "page-2"))));
    logs.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
        .withRequestBody(containing("\"nextToken\":\"page-2\"")).willReturn(aResponse()
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(page(records.subList(half, records.size()), half, null))));

    Path snapLogs = SameGraph.sampleSnapshot(dir, "cloudwatch-snapshot.json");
    Cli.Run r = Cli.run("logs", "analyze", "--log-format", "vpc-flow", "--log-group", "/vpc/tableapp",
        "--flow-log-fields", header, "--region", "us-east-1", "--endpoint-url", logs.baseUrl(),
        "--merge-into", snapLogs.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(2, logs.getAllServeEvents().size());
    LogsWire.assertDeclared(logs);

    Path snapFiles = SameGraph.sampleSnapshot(dir, "files-snapshot.json");
    Cli.Run f = Cli.run("logs", "analyze", "--log-format", "vpc-flow", folder.toString(), "--merge-into",
        snapFiles.toString());
    assertEquals(0, f.code(), f.err());
    SameGraph.assertSame(snapFiles, snapLogs, "cloudwatch-logs");
  }
}
