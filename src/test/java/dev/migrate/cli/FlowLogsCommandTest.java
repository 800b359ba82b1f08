package dev.migrate.cli;

import static dev.migrate.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.testing.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate logs analyze --log-format vpc-flow}: the sample's flow logs read and merged into a snapshot. */
class FlowLogsCommandTest {
  static final Path SAMPLE = Path.of("sample-data/tableapp");

  @Test
  void theSampleFlowLogsMergedIntoASnapshotWithoutThemGiveTheSampleFlowLogs(@TempDir Path dir) throws Exception {
    Snapshot sample = SnapshotJson.read(SAMPLE.resolve("snapshot.json"));
    Path without = dir.resolve("without.json");
    SnapshotJson.write(sample.withFlowLogs(null), without);
    Path merged = dir.resolve("merged.json");
    Path json = dir.resolve("flows.json");
    Run r = run("logs", "analyze", "--log-format", "vpc-flow", SAMPLE.resolve("flow-logs").toString(),
        "--merge-into", without.toString(), "--out", merged.toString(), "--json", json.toString(), "--top", "3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VPC Flow Logs: 25 sources"), r.out());
    assertTrue(r.out().contains("rejected 72, NODATA 7, SKIPDATA 1, IPv6 24, malformed 0"), r.out());
    assertTrue(r.out().contains("Merged into the snapshot:"), r.out());
    assertTrue(r.err().contains("reading 25 flow log file(s)"), r.err());
    assertEquals(sample.flowLogs(), SnapshotJson.read(merged).flowLogs());
    assertNull(SnapshotJson.read(without).flowLogs(), "the input snapshot is left alone with --out");
    assertTrue(Files.readString(json).contains("\"peakHourBytes\""));
  }

  @Test
  void aFileOfNothingButMalformedLinesIsRefusedNamingTheFirstLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("flows.log");
    Files.writeString(f, "2 123 eni-1 10.0.0.1 10.0.0.2 80\n");
    Run r = run("logs", "analyze", "--log-format", "vpc-flow", f.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(f + ":1: expected 14 fields"), r.err());
    assertTrue(r.err().contains("--flow-log-fields"), r.err());
  }

  @Test
  void recordsWithoutAHeaderAreReadInTheFormatGiven(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("flows.log");
    Files.writeString(f, "vpc-0a eni-1 10.0.0.1 10.0.0.2 40000 5432 6 900 3 1700000000 ACCEPT OK\n");
    Run r = run("logs", "analyze", "--log-format", "vpc-flow", "--flow-log-fields",
        "${vpc-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${bytes} ${packets}"
            + " ${start} ${action} ${log-status}", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("10.0.0.1          10.0.0.2             5432 tcp"), r.out());
    Run bad = run("logs", "analyze", "--log-format", "vpc-flow", "--flow-log-fields", "${srcaddr} ${colour}",
        f.toString());
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(bad.err().contains("unknown flow log field(s) ${colour}"), bad.err());
  }

  @Test
  void flowLogFieldsWithoutTheFlowFormatIsAUsageError() {
    Run r = run("logs", "analyze", "--flow-log-fields", "srcaddr", "x.log");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--flow-log-fields needs --log-format vpc-flow"), r.err());
  }


  @Test
  void logsCheckNamesAVpcInUseWithoutFlowLogsAndPrintsTheCommandThatTurnsThemOn(@TempDir Path dir) throws Exception {
    Snapshot sample = SnapshotJson.read(SAMPLE.resolve("snapshot.json"));
    Path asIs = dir.resolve("sample.json");
    SnapshotJson.write(sample, asIs);
    Run before = run("logs", "check", "--snapshot", asIs.toString());
    assertEquals(0, before.code(), before.err());
    assertTrue(!before.out().contains("vpc-flow-logs"), "the sample's VPCs in use have flow logs; the default VPCs"
        + " hold no interfaces:\n" + before.out());

    java.util.List<dev.migrate.inventory.Vpc> vpcs = sample.vpcs().stream().map(v -> v.cidrBlocks().contains("10.1.0.0/16")
        ? new dev.migrate.inventory.Vpc(v.id(), v.region(), v.cidrBlocks(), v.isDefault(), java.util.List.of()) : v).toList();
    String virginia = vpcs.stream().filter(v -> v.cidrBlocks().contains("10.1.0.0/16")).findFirst().orElseThrow().id();
    Path without = dir.resolve("without.json");
    SnapshotJson.write(dev.migrate.testing.SnapshotBuilder.from(sample).vpcs(vpcs).build(), without);
    Run r = run("logs", "check", "--snapshot", without.toString(), "--log-bucket", "acme-logs");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("vpc-flow-logs us-east-1 " + virginia + ": VPC Flow Logs are off"), r.out());
    assertTrue(r.out().contains("aws ec2 create-flow-logs --resource-type VPC --resource-ids " + virginia
        + " --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::acme-logs/access-logs/vpc-flow-logs/"
        + " --log-format '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport}"
        + " ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${pkt-srcaddr}"
        + " ${pkt-dstaddr} ${flow-direction} ${traffic-path}' --region us-east-1"), r.out());
  }
}
