package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot checks of network interfaces and flow logs. */
class NetworkCheckTest {
  static NetworkInterface eni(String id, String vpc, String ip, String kind, String resource) {
    return new NetworkInterface(id, "ap-northeast-1", vpc, "subnet-1", "interface", List.of(ip), List.of(), kind,
        resource, null);
  }

  static FlowLogs flows(Instant start, Instant end, FlowLogs.Pair... pairs) {
    return new FlowLogs("files", start, end, new FlowLogs.Counts(2, 2, 0, 0, 0, 0, 0, 0), List.of(pairs));
  }

  static List<String> problems(Snapshot s, boolean errors) {
    return SnapshotCheck.check(s).stream().filter(p -> p.error() == errors).map(p -> p.path() + ": " + p.message())
        .toList();
  }

  @Test
  void aValidNetworkHasNoFindings() {
    Instant t = Instant.parse("2026-11-24T00:00:00Z");
    Snapshot s = Snapshots.small().withNetworkInterfaces(List.of(eni("eni-1", "vpc-1", "10.0.0.1", "other", null),
            eni("eni-2", "vpc-2", "10.0.0.1", "other", null)))
        .withFlowLogs(flows(t, t.plusSeconds(3600), new FlowLogs.Pair("10.0.0.1", "10.0.0.2", 443, "tcp", 10, 1, 1, 10)));
    assertEquals(List.of(), problems(s, true));
    assertEquals(List.of(), problems(s, false));
  }

  @Test
  void impossibleFiguresAreErrorsAndAmbiguousAddressesWarnings() {
    Instant t = Instant.parse("2026-11-24T00:00:00Z");
    FlowLogs.Pair p = new FlowLogs.Pair("10.0.0.1", "10.0.0.2", 70000, "tcp", 10, 1, 1, 11);
    Snapshot s = Snapshots.small().withNetworkInterfaces(List.of(eni("eni-1", "vpc-1", "10.0.0.1", "other", null),
            eni("eni-1", "vpc-1", "10.0.0.1", "ec2", "i-gone")))
        .withFlowLogs(flows(t, t.minusSeconds(1), p, p));
    assertEquals(List.of(
        "$.networkInterfaces[1].id: 'eni-1' is listed twice (also $.networkInterfaces[0]); it would be counted twice",
        "$.flowLogs.end: end 2026-11-23T23:59:59Z is before start 2026-11-24T00:00:00Z",
        "$.flowLogs.pairs[1].srcAddr: '10.0.0.1 -> 10.0.0.2 port 70000 tcp' is listed twice (also $.flowLogs.pairs[0]);"
            + " it would be counted twice",
        "$.flowLogs.pairs[0].peakHourBytes: busiest hour 11 bytes is more than the window's 10 bytes",
        "$.flowLogs.pairs[0].port: port 70000 is out of range 0..65535",
        "$.flowLogs.pairs[1].peakHourBytes: busiest hour 11 bytes is more than the window's 10 bytes",
        "$.flowLogs.pairs[1].port: port 70000 is out of range 0..65535"), problems(s, true));
    assertEquals(2, problems(s, false).size(), problems(s, false).toString());
  }
}
