package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** DescribeNetworkInterfaces in EC2's query-protocol XML, two pages, attributed to the stub account's resources. */
class NetworkInterfaceCollectTest {
  @Test
  void everyPageIsReadAndEachInterfaceIsAttributedToItsOwner() {
    try (Fixtures fx = new Fixtures()) {
      Snapshot s = fx.collect().snapshot();
      Map<String, NetworkInterface> byId = new TreeMap<>();
      s.networkInterfaces().forEach(n -> byId.put(n.id(), n));
      assertEquals(8, byId.size(), byId.keySet().toString());
      NetworkInterface instance = byId.get("eni-0a1000000000000a1");
      assertEquals(List.of("10.0.1.17", "10.0.1.18"), instance.privateIps());
      assertEquals(List.of("203.0.113.12"), instance.publicIps());
      assertEquals("ec2", instance.attachedKind());
      assertEquals("i-0a1", instance.attachedResourceId());
      assertEquals("vpc-0a1", instance.vpcId());
      assertEquals("subnet-0a1", instance.subnetId());
      assertEquals("us-east-1", instance.region());
      assertOwner(byId, "eni-0b2000000000000b2", "elb",
          "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188");
      assertEquals(List.of("198.51.100.41"), byId.get("eni-0b2000000000000b2").publicIps());
      assertOwner(byId, "eni-0c3000000000000c3", "elb", "legacy-elb");
      assertOwner(byId, "eni-0d4000000000000d4", "elasticache", "sessions");
      // several DB instances in us-east-1: RDS does not say which one the interface serves
      assertOwner(byId, "eni-0e5000000000000e5", "rds", null);
      assertOwner(byId, "eni-0f6000000000000f6", "nat-gateway", "nat-0123456789abcdef0");
      assertEquals("nat_gateway", byId.get("eni-0f6000000000000f6").interfaceType());
      assertOwner(byId, "eni-0a7000000000000a7", "vpc-endpoint", "vpce-0abc1234def567890");
      assertOwner(byId, "eni-0b8000000000000b8", "lambda", null);
      assertTrue(s.gaps().isEmpty(), s.gaps().toString());
      // The stub's one flow log is set on a subnet, which the instance's interface places in vpc-0a1.
      var vpc = s.vpcs().stream().filter(v -> v.id().equals("vpc-0a1")).findFirst().orElseThrow();
      assertEquals(List.of(new dev.migrate.inventory.Vpc.FlowLog("fl-0123456789abcdef0", "subnet-0a1",
          "cloud-watch-logs", "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/web-subnet", "ALL",
          "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol}"
              + " ${packets} ${bytes} ${start} ${end} ${action} ${log-status}")), vpc.flowLogs());
    }
  }

  @Test
  void anRdsInterfaceIsAttributedWhenItsRegionHasOneDbInstance() {
    var raw = new NetworkInterface("eni-1", "ap-northeast-1", "vpc-1", "subnet-1", "interface", List.of("10.0.1.200"),
        List.of(), "rds", null, "RDSNetworkInterface");
    var db = new dev.migrate.inventory.DbInstance("payments", null, "ap-northeast-1", null, "mysql", null,
        "db.r6g.xlarge", null, 100, null, false, null, null, 0, false, null, null, null, null);
    var other = new dev.migrate.inventory.DbInstance("elsewhere", null, "us-east-1", null, "mysql", null,
        "db.r6g.xlarge", null, 100, null, false, null, null, 0, false, null, null, null, null);
    assertEquals("payments", EniAttribution.attribute(List.of(raw), List.of(), List.of(db, other), List.of()).get(0)
        .attachedResourceId());
  }

  private static void assertOwner(Map<String, NetworkInterface> byId, String id, String kind, String resource) {
    NetworkInterface n = byId.get(id);
    assertEquals(kind, n.attachedKind(), id);
    assertEquals(resource, n.attachedResourceId(), id);
  }
}
