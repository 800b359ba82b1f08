package dev.migrate.acceptance;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import dev.migrate.testing.Cli;
import dev.migrate.testing.SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made estate with one day of VPC Flow Logs, through {@code migrate whatif}: the crossing bytes of
 * each wave and month come from the measured flows, per direction at each side's rate.
 *
 * <p>Estate (ap-northeast-1, VPC 10.0.0.0/16): web-asg (i-web1 10.0.1.10, i-web2 10.0.1.11) behind shop-alb
 * (10.0.0.5), an ElastiCache Redis shop-redis (node 10.0.2.20), a batch host i-batch (10.0.4.40). Flows over
 * 24 hours, GiB (x 730 / 24 a month): ALB -> web 24 (730), web -> ALB 48 (1,460), web -> redis 2.4 (73),
 * redis -> web 24 (730), batch -> redis 4.8 (146). No CloudWatch usage: nothing is assumed.
 *
 * <p>Waves: web (month 1), redis (month 2), the rest: ALB and batch (month 3). Each wave's traffic with the
 * others, GiB a month: web 2,190 (ALB) + 803 (redis) = 2,993; redis 803 + 146 = 949; rest 2,190 + 146 = 2,336.
 */
class MeasuredWavesTest {
  private static final String R = "ap-northeast-1";
  private static final long GIB = 1L << 30;
  private static final Instant START = Instant.parse("2026-11-24T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-25T00:00:00Z");

  static Snapshot estate() {
    var web1 = instance("i-web1", "web-asg");
    var web2 = instance("i-web2", "web-asg");
    var batch = instance("i-batch", null);
    var asg = new AutoScalingGroup("web-asg", R, 2, 4, 2, List.of("i-web1", "i-web2"), List.of(), List.of(),
        Map.of("app", "shop", "Name", "web"));
    var alb = new LoadBalancer("arn:aws:elasticloadbalancing:" + R + ":111122223333:loadbalancer/app/shop-alb/1",
        "shop-alb", R, LoadBalancerType.APPLICATION, "internet-facing", "shop-alb-1.elb.amazonaws.com", "vpc-shop",
        List.of(R + "a"), null, List.of(), List.of(), List.of(), null, Map.of("app", "shop"));
    var redis = new CacheCluster("shop-redis", null, R, "redis", "7.1", "cache.r6g.large", 1, 0, false, false, false,
        null, List.of("shop-redis-001"), List.of(R + "a"), 1, true, true, null, "available", null,
        Map.of("app", "shop"));
    var enis = List.of(
        eni("eni-01", "10.0.1.10", "ec2", "i-web1"),
        eni("eni-02", "10.0.1.11", "ec2", "i-web2"),
        eni("eni-03", "10.0.0.5", "elb", "shop-alb"),
        eni("eni-04", "10.0.2.20", "elasticache", "shop-redis-001"),
        eni("eni-06", "10.0.4.40", "ec2", "i-batch"));
    var pairs = List.of(
        pair("10.0.0.5", "10.0.1.10", 8080, 12 * GIB),
        pair("10.0.0.5", "10.0.1.11", 8080, 12 * GIB),
        pair("10.0.1.10", "10.0.0.5", 8080, 24 * GIB),
        pair("10.0.1.11", "10.0.0.5", 8080, 24 * GIB),
        pair("10.0.1.10", "10.0.2.20", 6379, 12 * GIB / 10),
        pair("10.0.1.11", "10.0.2.20", 6379, 12 * GIB / 10),
        pair("10.0.2.20", "10.0.1.10", 6379, 12 * GIB),
        pair("10.0.2.20", "10.0.1.11", 6379, 12 * GIB),
        pair("10.0.4.40", "10.0.2.20", 6379, 48 * GIB / 10),
        pair("10.0.1.10", "10.0.1.11", 7946, GIB)); // within the group: never crosses
    long records = pairs.size();
    var flowLogs = new FlowLogs("files", START, END, new FlowLogs.Counts(records, records, 0, 0, 0, 0, 0, 0), pairs);
    return SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(END, 1))
        .regions(List.of(R))
        .instances(List.of(batch, web1, web2))
        .autoScalingGroups(List.of(asg))
        .loadBalancers(List.of(alb))
        .cacheClusters(List.of(redis))
        .vpcs(List.of(new Vpc("vpc-shop", R, List.of("10.0.0.0/16"), false)))
        .networkInterfaces(enis)
        .flowLogs(flowLogs)
        .build();
  }

  static final String SCENARIO = """
      name: measured
      timeline: {start: 2027-01, months: 5}
      migration: {startMonth: 1, lengthMonths: 3, doubleRunWeeks: 0}
      waves:
        - name: web
          month: 0
          select: {items: [web-asg]}
        - name: redis
          month: 1
          select: {items: [shop-redis]}
        - name: rest
          month: 2
          select: {rest: true}
      link: {type: ha-vpn, tunnels: 4}
      network: {subnetCidr: 10.128.0.0/20, gkePodCidr: 10.4.0.0/14, gkeServiceCidr: 10.8.0.0/20}
      """;

  @Test
  void crossingBytesPerWaveAndMonthComeFromTheFlows(@TempDir Path dir) throws Exception {
    Path snap = dir.resolve("snapshot.json");
    SnapshotJson.write(estate(), snap);
    Path scenario = dir.resolve("measured.yaml");
    Files.writeString(scenario, SCENARIO);
    Path out = dir.resolve("out");
    Cli.Run r = Cli.run("whatif", "--snapshot", snap.toString(), "--scenario", scenario.toString(), "--format", "json",
        "--out", out.toString());
    assertEquals(0, r.code(), r::toString);
    JsonNode json;
    try (var files = Files.list(out)) {
      Path file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      json = new ObjectMapper().readTree(file.toFile());
    }
    JsonNode t = json.get("timelines").get(0);
    JsonNode waves = t.get("waves");
    assertEquals(3, waves.size());
    assertWave(waves.get(0), "web", "2027-02", "2993.000");
    assertWave(waves.get(1), "redis", "2027-03", "949.000");
    assertWave(waves.get(2), "rest", "2027-04", "2336.000");

    JsonNode months = t.get("months");
    assertEquals("none", months.get(0).get("crossingBasis").asText());
    // Month 1, web on Google Cloud: web -> ALB 1,460 and web -> redis 73 GiB leave Google Cloud at 0.085 (Premium
    // egress, asia-northeast1); ALB -> web 730 and redis -> web 730 GiB leave AWS at 0.114: 130.305 + 166.44.
    assertMonth(months.get(1), "2993.000", "296.745");
    // Month 2, redis too: web <-> ALB as before (124.10 + 83.22) and batch -> redis 146 GiB from AWS (16.644).
    assertMonth(months.get(2), "2336.000", "223.964");
    // Month 3: everything on Google Cloud.
    assertEquals("none", months.get(3).get("crossingBasis").asText());
    assertUsd("0", months.get(3).get("interCloudTrafficUsd").decimalValue(), "month 3");
  }

  private static void assertWave(JsonNode w, String name, String lands, String measuredGib) {
    assertEquals(name, w.get("wave").asText());
    assertEquals(lands, w.get("lands").asText());
    assertEquals(0, new java.math.BigDecimal(measuredGib).compareTo(w.get("measuredGib").decimalValue()),
        name + " " + w.get("measuredGib"));
    assertEquals(0, w.get("assumedGib").decimalValue().signum(), name + " assumed");
    assertEquals("measured", w.get("basis").asText());
  }

  private static void assertMonth(JsonNode m, String gib, String usd) {
    assertEquals(0, new java.math.BigDecimal(gib).compareTo(m.get("crossingGib").decimalValue()), m::toString);
    assertEquals(0, new java.math.BigDecimal(gib).compareTo(m.get("measuredCrossingGib").decimalValue()), m::toString);
    assertEquals("measured", m.get("crossingBasis").asText());
    assertUsd(usd, m.get("interCloudTrafficUsd").decimalValue(), m.get("month").asText());
    assertTrue(m.get("totalUsd").decimalValue().signum() > 0);
  }

  private static FlowLogs.Pair pair(String src, String dst, int port, long bytes) {
    return new FlowLogs.Pair(src, dst, port, "tcp", bytes, bytes / 1000, 10, bytes / 24);
  }

  private static Ec2Instance instance(String id, String asg) {
    return new Ec2Instance(id, R, R + "a", "m5.large", "running", "linux", "x86_64",
        Instant.parse("2026-01-01T00:00:00Z"), null, null, "vpc-shop", asg, List.of(), false,
        Map.of("app", "shop"));
  }

  private static NetworkInterface eni(String id, String privateIp, String kind, String resource) {
    return new NetworkInterface(id, R, "vpc-shop", "subnet-1", "interface", List.of(privateIp), List.of(), kind,
        resource, null);
  }
}
