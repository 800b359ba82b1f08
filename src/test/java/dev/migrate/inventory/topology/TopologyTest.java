package dev.migrate.inventory.topology;

import dev.migrate.testing.SnapshotBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The links of a small estate, each found the way every stage now finds it. */
class TopologyTest {
  static final String TOKYO = "ap-northeast-1";
  static final String ALB = "arn:aws:elasticloadbalancing:" + TOKYO + ":111122223333:loadbalancer/app/web/1";

  static Ec2Instance instance(String id, String group, List<String> volumes, Map<String, String> tags) {
    return new Ec2Instance(id, TOKYO, TOKYO + "a", "m5.large", "running", "linux", "x86_64",
        Instant.parse("2026-01-01T00:00:00Z"), null, null, "vpc-1", group, volumes, true, tags);
  }

  static Topology estate() {
    // i-1 names its group; i-2 is only listed by the group; i-3 stands alone behind a classic LB on 6379.
    var i1 = instance("i-1", "web-asg", List.of(), Map.of("Role", "web"));
    var i2 = instance("i-2", null, List.of(), Map.of());
    var i3 = instance("i-3", null, List.of("vol-2"), Map.of("ROLE", "cache"));
    var group = new AutoScalingGroup("web-asg", TOKYO, 1, 4, 2, List.of("i-2"), List.of("arn:tg/web"), List.of(), Map.of());
    var alb = new LoadBalancer(ALB, "web", TOKYO, LoadBalancerType.APPLICATION, "internet-facing",
        "Web-1." + TOKYO + ".elb.amazonaws.com.", "vpc-1", List.of(TOKYO + "a"), null,
        List.of(new LoadBalancer.Listener("HTTPS", 443, null, List.of("arn:tg/web"), List.of())),
        List.of(new LoadBalancer.TargetGroup("arn:tg/web", "web", "HTTP", 8080, "instance",
            List.of(new LoadBalancer.Target("i-1", null, "healthy")))),
        List.of(), null, Map.of());
    var classic = new LoadBalancer("old", "old", TOKYO, LoadBalancerType.CLASSIC, "internal", "old.elb.amazonaws.com",
        "vpc-1", List.of(TOKYO + "a"), null, List.of(new LoadBalancer.Listener("TCP", 6379, 6379, List.of(), List.of())),
        List.of(), List.of("i-3"), null, Map.of());
    var vol1 = new EbsVolume("vol-1", TOKYO, TOKYO + "a", "gp3", 100, null, null, "in-use", "i-1", Map.of());
    var vol2 = new EbsVolume("vol-2", TOKYO, TOKYO + "a", "gp3", 50, null, null, "in-use", null, Map.of());
    var bucket = new S3Bucket("assets", "us-east-1", null, List.of(), null, Map.of());
    var dist = new Distribution("E1", "d1.cloudfront.net", List.of(), true, "PriceClass_All", "http2",
        List.of(new Distribution.Origin("s3", "assets.s3.us-east-1.amazonaws.com", "s3", null),
            new Distribution.Origin("alb", "dualstack.web-1." + TOKYO + ".elb.amazonaws.com", "elb", null)),
        new Distribution.CacheBehavior("*", "alb", "redirect-to-https", null, false, List.of()), List.of(), null, null,
        "none", List.of(), false, Map.of());
    var usage = new Usage("i-3", "ec2", "cloudwatch", 5.0, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
    Snapshot s = SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30))
        .regions(List.of(TOKYO)).instances(List.of(i1, i2, i3)).volumes(List.of(vol1, vol2))
        .autoScalingGroups(List.of(group)).loadBalancers(List.of(alb, classic)).distributions(List.of(dist))
        .buckets(List.of(bucket)).usage(List.of(usage)).build();
    return Topology.of(s);
  }

  @Test
  void groupMembersAreTheInstancesThatNameItAndTheInstancesItLists() {
    Topology t = estate();
    assertEquals(List.of("i-1", "i-2"), t.members("web-asg").stream().map(Ec2Instance::id).toList());
    assertEquals("web-asg", t.groupOf("i-2").name());
    assertNull(t.groupOf("i-3"));
  }

  @Test
  void loadBalancersReachGroupsThroughTargetGroupsAndInstancesThroughRegistrations() {
    Topology t = estate();
    assertEquals(List.of(ALB), t.loadBalancersOfGroup("web-asg").stream().map(LoadBalancer::id).toList());
    assertEquals(List.of("web-asg"), t.groupsOf(ALB));
    assertTrue(t.groupBehindLoadBalancer("web-asg"));
    assertTrue(t.instanceBehindLoadBalancer("i-2"), "a member of a group behind a load balancer");
    assertTrue(t.instanceBehindLoadBalancer("i-3"), "registered with the classic load balancer");
    assertEquals(List.of(8080), List.copyOf(t.ports("i-1")), "the target group's port");
    assertEquals(List.of(6379), List.copyOf(t.ports("i-3")), "the classic listener's instance port");
  }

  @Test
  void aVolumesHostIsItsAttachmentOrTheInstanceListingIt() {
    Topology t = estate();
    assertEquals("i-1", t.host("vol-1").id());
    assertEquals("i-3", t.host("vol-2").id());
    assertEquals(List.of("vol-2"), t.volumesOf("i-3").stream().map(EbsVolume::id).toList());
  }

  @Test
  void originsAreFoundByDnsHostIgnoringCaseDualstackAndTheTrailingDot() {
    Topology t = estate();
    Distribution d = t.distribution("E1");
    Distribution.Origin origin = Topology.defaultOrigin(d);
    assertEquals("alb", origin.id());
    assertSame(t.loadBalancer(ALB), t.originLoadBalancer(origin));
    assertTrue(t.isOriginLoadBalancer(ALB));
    assertFalse(t.isOriginLoadBalancer("old"));
    assertTrue(t.isOriginBucket("assets"));
    assertEquals(TOKYO, t.homeRegion("E1"), "the default origin's region");
  }

  @Test
  void tagsAreLookedUpIgnoringCaseAndUsageById() {
    Topology t = estate();
    assertEquals("web", Topology.tag(t.instance("i-1").tags(), "role"));
    assertEquals("cache", Topology.tag(t.instance("i-3").tags(), "Role"));
    assertNull(Topology.tag(t.instance("i-2").tags(), "role"));
    assertEquals(5.0, t.usage("i-3").cpuAvgPct());
    assertTrue(t.contains("assets") && t.contains("vol-2") && !t.contains("nothing"));
  }
}
