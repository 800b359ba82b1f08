package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.FlowLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VPC Flow Log files in the forms AWS writes them, read through {@link FlowLogAnalyzer}. */
class FlowLogReadingTest {
  @TempDir
  Path dir;

  /** The default-format examples of the VPC user guide ("Flow log record examples"), as delivered to S3. */
  static final String AWS_EXAMPLES = """
      version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
      2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK
      2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK
      2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA
      2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA
      2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK
      2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK
      2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK
      """;

  private FlowLogReport read(String source, Path... files) {
    List<LogSource> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(LogSource.of(f));
    }
    return FlowLogAnalyzer.analyze(sources, source, null, 2, m -> {});
  }

  private Path write(String name, String text, boolean gzip) throws IOException {
    Path f = dir.resolve(name);
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(b);
      }
      b = out.toByteArray();
    }
    Files.write(f, b);
    return f;
  }

  @Test
  void theUserGuideExamplesAreCountedAndOnlyAcceptedIpv4TrafficBecomesPairs() throws IOException {
    FlowLogReport r = read("files", write("examples.log.gz", AWS_EXAMPLES, true));
    FlowLogs f = r.flowLogs();
    assertEquals(new FlowLogs.Counts(7, 2, 2, 1, 1, 1, 0, 0), f.counts());
    assertEquals(List.of(
        new FlowLogs.Pair("172.31.16.139", "172.31.16.21", 22, "tcp", 4249, 20, 1, 4249),
        new FlowLogs.Pair("203.0.113.12", "172.31.16.139", 0, "icmp", 336, 4, 1, 336)), f.pairs());
    assertEquals(Instant.ofEpochSecond(1418530010), f.start());
    assertEquals(Instant.ofEpochSecond(1477913820), f.end());
    assertEquals("files", f.source());
    assertTrue(r.malformedSamples().isEmpty());
  }

  @Test
  void aCustomFormatHeaderInAnyOrderAttributesTranslatedTrafficByPacketAddresses() throws IOException {
    // A NAT gateway's interface: the instance 10.0.1.5 talks to 203.0.113.5 through the gateway 10.0.0.220.
    String text = """
        vpc-id interface-id pkt-srcaddr srcaddr dstaddr pkt-dstaddr srcport dstport protocol bytes packets start end action log-status flow-direction traffic-path
        vpc-0abc eni-0nat 10.0.1.5 10.0.1.5 10.0.0.220 203.0.113.5 40001 443 6 5000 10 1700000000 1700000060 ACCEPT OK ingress -
        vpc-0abc eni-0nat 10.0.0.220 10.0.0.220 203.0.113.5 203.0.113.5 40001 443 6 7000 12 1700000100 1700000160 ACCEPT OK egress 8
        vpc-0abc eni-0nat - - - - - - - - - 1700000000 1700000060 - NODATA - -
        """;
    FlowLogs f = read("files", write("custom.log", text, false)).flowLogs();
    assertEquals(1, f.counts().translated());
    assertEquals(2, f.counts().accepted());
    assertEquals(1, f.counts().noData());
    assertEquals(List.of(
        new FlowLogs.Pair("10.0.0.220", "203.0.113.5", 443, "tcp", 7000, 12, 1, 7000),
        new FlowLogs.Pair("10.0.1.5", "203.0.113.5", 443, "tcp", 5000, 10, 1, 5000)), f.pairs());
  }

  @Test
  void aFlowSeenAtBothEndsIsCountedOnceAndThePeakHourIsTheBusiestClockHour() throws IOException {
    String text = """
        2 1 eni-a 10.0.1.10 10.0.2.20 51000 6379 6 10 1000 1700000000 1700000060 ACCEPT OK
        2 1 eni-b 10.0.1.10 10.0.2.20 51000 6379 6 10 1000 1700000000 1700000060 ACCEPT OK
        2 1 eni-a 10.0.1.10 10.0.2.20 51001 6379 6 10 500 1700000100 1700000160 ACCEPT OK
        2 1 eni-b 10.0.1.10 10.0.2.20 51001 6379 6 10 500 1700000100 1700000160 ACCEPT OK
        2 1 eni-a 10.0.1.10 10.0.2.20 51002 6379 6 10 4000 1700003600 1700003660 ACCEPT OK
        """;
    FlowLogs f = read("files", write("both-ends.log", text, false)).flowLogs();
    // hour 1: 1,500 bytes (each end logged 1,500), hour 2: 4,000 (one end only)
    assertEquals(List.of(new FlowLogs.Pair("10.0.1.10", "10.0.2.20", 6379, "tcp", 5500, 30, 3, 4000)), f.pairs());
  }

  @Test
  void malformedLinesAreCountedWithFileAndLineAndTheRestIsRead() throws IOException {
    String text = """
        2 1 eni-a 10.0.1.10 10.0.2.20 51000 443 6 10 1000 1700000000 1700000060 ACCEPT OK
        2 1 eni-a 10.0.1.10 10.0.2.20 51000 443 6 10 lots 1700000000 1700000060 ACCEPT OK
        2 1 eni-a 10.0.1.300 10.0.2.20 51000 443 6 10 1000 1700000000 1700000060 ACCEPT OK
        this is not a flow record
        2 1 eni-a 10.0.1.10 10.0.2.20 51000 443 6 10 1000 1700000000 1700000060 MAYBE OK
        """;
    Path file = write("bad.log", text, false);
    FlowLogReport r = read("files", file);
    assertEquals(4, r.flowLogs().counts().malformed());
    assertEquals(1, r.flowLogs().counts().accepted());
    assertEquals(file + ":2", r.malformedSamples().get(0).file() + ":" + r.malformedSamples().get(0).line());
    assertEquals("bad bytes or packets", r.malformedSamples().get(0).reason());
    assertEquals("bad address", r.malformedSamples().get(1).reason());
    assertTrue(r.malformedSamples().get(2).reason().startsWith("expected 14 fields"), r.malformedSamples().get(2).reason());
  }

  @Test
  void nothingButMalformedLinesGivesNoFlowLogs() throws IOException {
    FlowLogReport r = read("files", write("junk.log", "hello world\n", false));
    assertNull(r.flowLogs());
    assertEquals(1, r.malformedSamples().size());
  }

  @Test
  void aHeaderWithAnUnknownFieldIsAFileProblemNamingIt() throws IOException {
    FlowLogReport r = read("files", write("h.log", "version srcaddr dstaddr bytes start colour\n", false),
        write("ok.log", AWS_EXAMPLES, false));
    assertEquals(1, r.fileProblems().size());
    assertTrue(r.fileProblems().get(0).problem().contains("colour"), r.fileProblems().get(0).problem());
    assertEquals(2, r.flowLogs().counts().accepted());
  }

  @Test
  void plainGzipAndSplitFilesGiveTheSamePairs() throws IOException {
    String[] lines = AWS_EXAMPLES.split("\n");
    String header = lines[0] + "\n";
    StringBuilder a = new StringBuilder(header);
    StringBuilder b = new StringBuilder(header);
    for (int i = 1; i < lines.length; i++) {
      (i % 2 == 0 ? a : b).append(lines[i]).append('\n');
    }
    FlowLogs whole = read("files", write("all.log", AWS_EXAMPLES, false)).flowLogs();
    FlowLogs split = read("files", write("a.log.gz", a.toString(), true), write("b.log", b.toString(), false)).flowLogs();
    assertEquals(whole, split);
  }

  /**
   * The sample's Tokyo flow logs (default format, gzip text) written as Parquet the way AWS delivers it (one
   * column per field, underscores, integers as BIGINT, "-" as null) give the same pairs and counts.
   */
  @Test
  void parquetAsAwsDeliversItGivesTheSameFlowLogsAsTheText() throws Exception {
    Path folder = Path.of("sample-data/tableapp/flow-logs/AWSLogs/481516234200/vpcflowlogs/ap-northeast-1");
    List<LogSource> text = FlowLogAnalyzer.localSources(List.of(folder));
    FlowLogReport fromText = FlowLogAnalyzer.analyze(text, "files", null, 2, m -> {});
    Path parquet = dir.resolve("flows.parquet");
    S3ParquetFlowLogsTest.toParquet(folder.toAbsolutePath() + "/**/*.log.gz", parquet);
    FlowLogReport fromParquet = FlowLogAnalyzer.analyze(FlowLogAnalyzer.localSources(List.of(dir)), "files", null, 1,
        m -> {});
    assertTrue(fromParquet.fileProblems().isEmpty(), fromParquet.fileProblems().toString());
    assertEquals(fromText.flowLogs(), fromParquet.flowLogs());
    assertTrue(fromText.flowLogs().counts().accepted() > 1000);
  }

  @Test
  void aFileThatIsNotParquetIsAProblemOfThatFile() throws IOException {
    FlowLogReport r = read("files", write("broken.parquet", "not parquet", false), write("ok.log", AWS_EXAMPLES, false));
    assertEquals(1, r.fileProblems().size());
    assertTrue(r.fileProblems().get(0).problem().startsWith("unreadable Parquet: "), r.fileProblems().get(0).problem());
    assertEquals(2, r.flowLogs().counts().accepted());
  }
}
