package dev.migrate.deps;

import static dev.migrate.deps.FlowEstate.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph of a hand-made flow set whose answer is known (see {@link FlowEstate}). */
class DependencyGraphTest {
  private static final String ALB = "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:loadbalancer/app/shop-alb/1";

  private static DependencyGraph graph(DependencyOptions o) {
    Snapshot s = FlowEstate.snapshot();
    return DependencyGraph.of(s, Topology.of(s), o);
  }

  @Test
  void addressesAreAttributedToPlanItemsAndPlaces() {
    var g = graph(DependencyOptions.DEFAULTS);
    assertEquals("web-asg", g.endOf("10.0.1.11").orElseThrow().id(), "an instance of a group is the group");
    assertEquals("auto-scaling-group", g.endOf("10.0.1.11").orElseThrow().itemKind());
    assertEquals("shop-db", g.endOf("10.0.3.30").orElseThrow().id(), "an Aurora member is its cluster");
    assertEquals("aurora-cluster", g.endOf("10.0.3.30").orElseThrow().itemKind());
    assertEquals("shop-redis", g.endOf("10.0.2.20").orElseThrow().id(), "a cache node is its cache");
    assertEquals(ALB, g.endOf("10.0.0.5").orElseThrow().id(), "a load balancer named by name is its item id");
    assertEquals("reports-db", g.endOf("10.0.5.60").orElseThrow().id());
    assertEquals("i-lonely", g.endOf("54.0.0.61").orElseThrow().id(), "a public address on an interface");
    assertEquals(End.Kind.RESOURCE, g.endOf("52.0.0.1").orElseThrow().kind(), "a NAT gateway is no plan item");
    assertEquals(End.Kind.AWS_SERVICE, g.endOf("10.0.7.70").orElseThrow().kind());
    assertEquals(End.Kind.UNKNOWN_IN_VPC, g.endOf("10.0.9.99").orElseThrow().kind());
    assertEquals("vpc-shop", g.endOf("10.0.9.99").orElseThrow().id());
    assertEquals(End.Kind.OTHER_PRIVATE, g.endOf("192.168.10.5").orElseThrow().kind(), "no range declared");
    assertEquals(End.Kind.INTERNET, g.endOf("8.8.8.8").orElseThrow().kind());
    assertTrue(g.endOf("2001:db8::1").isEmpty(), "not IPv4");

    var declared = graph(DependencyOptions.DEFAULTS.withOnPremises(List.of("192.168.0.0/16")));
    assertEquals(End.Kind.ON_PREMISES, declared.endOf("192.168.10.5").orElseThrow().kind());
    assertEquals(End.Kind.OTHER_PRIVATE, declared.endOf("172.31.9.9").orElseThrow().kind());
  }

  @Test
  void bytesAndPeaksPerDirectionBetweenItems() {
    var g = graph(DependencyOptions.DEFAULTS);
    assertEquals(new TwoWay(40 * MIB, 200 * MIB), g.bytesBetween("web-asg", "shop-db"));
    assertEquals(new TwoWay(200 * MIB, 40 * MIB), g.bytesBetween("shop-db", "web-asg"));
    assertEquals(new TwoWay(4 * MIB, 20 * MIB), g.peakBetween("web-asg", "shop-db"));
    assertEquals(new TwoWay(100 * MIB, 1000 * MIB), g.bytesBetween(ALB, "web-asg"), "both members summed");
    assertEquals(TwoWay.ZERO, g.bytesBetween("web-asg", "reports-db"), "never talked");
    assertEquals(TwoWay.ZERO, g.bytesBetween("web-asg", "no-such-item"));
    assertEquals(new TwoWay(5 * MIB, 0), g.bytesBetween("web-asg", "web-asg"), "traffic among its members");
    assertTrue(g.observed("i-lonely"));
    assertFalse(g.observed("no-such-item"));
    End internet = g.endOf("8.8.8.8").orElseThrow();
    assertEquals(new TwoWay(1000 * MIB, 100 * MIB), g.bytesBetween(g.item(ALB).orElseThrow(), internet));
    assertEquals(24.0, g.windowHours());
  }

  @Test
  void groupsAreComponentsOfStrongTrafficRefinedByTheAppTag() {
    var g = graph(DependencyOptions.DEFAULTS);
    assertEquals(List.of("G1 shop [" + ALB + ", i-batch, shop-db, shop-redis, web-asg]",
            "G2 reports [i-rep, reports-db]", "G3 monitor [i-mon]", "G4 i-lonely [i-lonely]"),
        g.groups().stream().map(x -> x.id() + " " + x.name() + " " + x.itemIds()).toList());
    var shop = g.groups().get(0);
    assertEquals("shop", shop.app());
    // ALB<->web 1100, web<->cache 400, web<->db 240, batch<->db 320, gossip 5
    assertEquals(2065 * MIB, shop.internalBytes());
    assertEquals(null, g.groups().get(2).app(), "grouped by traffic alone");
    assertEquals("G2", g.groupOf("reports-db").orElseThrow().id(), "the untagged database joins its client's app");
  }

  @Test
  void theThresholdDecidesWhetherAWeakLinkJoinsGroups() {
    var all = graph(DependencyOptions.DEFAULTS.withGroupThreshold(0, 0));
    assertEquals("shop", all.groupOf("i-mon").orElseThrow().name(),
        "with every link strong, the monitor joins the app it exchanges most bytes with (web 1 + db 1 > reports 1)");
    var strict = graph(DependencyOptions.DEFAULTS.withGroupThreshold(0.01, 200 * MIB));
    assertEquals("shop", strict.groupOf("i-batch").orElseThrow().name(), "batch<->db 320 MiB is above 200 MiB");
    assertEquals("reports-db", strict.groupOf("reports-db").orElseThrow().name(),
        "reports<->reports-db (100 MiB) is below the floor: the untagged database is a group of its own");
    assertEquals(List.of("i-rep"), strict.groupOf("i-rep").orElseThrow().itemIds());
  }

  @Test
  void anIndexKeepsItsGraphPerOptionsSoARunBuildsItOnce() {
    Snapshot s = FlowEstate.snapshot();
    Topology t = Topology.of(s);
    DependencyGraph first = DependencyGraph.of(t.snapshot(), t, DependencyOptions.DEFAULTS);
    // the what-if and the reports ask with equal options (made anew from the run's choices)
    DependencyOptions same = DependencyOptions.DEFAULTS.withOnPremises(List.of());
    assertSame(first, DependencyGraph.of(t.snapshot(), t, same));
    // other options are another graph, kept as well
    DependencyOptions strict = new DependencyOptions(0.5, 0, List.of(), "app");
    DependencyGraph other = DependencyGraph.of(t.snapshot(), t, strict);
    assertNotSame(first, other);
    assertSame(other, DependencyGraph.of(t.snapshot(), t, strict));
    assertEquals(graph(strict).groups().size(), other.groups().size());
    assertEquals(DependencyExport.json(graph(DependencyOptions.DEFAULTS)), DependencyExport.json(first));
    // another index of the same snapshot builds its own
    Topology again = Topology.of(s);
    assertNotSame(first, DependencyGraph.of(again.snapshot(), again, DependencyOptions.DEFAULTS));
  }

  @Test
  void aSnapshotWithoutFlowLogsGivesAnEmptyGraph() {
    var g = DependencyGraph.of(FlowEstate.withoutFlowLogs());
    assertFalse(g.measured());
    assertTrue(g.edges().isEmpty());
    assertTrue(g.groups().isEmpty());
    assertEquals(TwoWay.ZERO, g.bytesBetween("web-asg", "shop-db"));
    assertEquals("{\n  \"measured\" : false,\n  \"schema\" : \"migrate.dependencies/v1\"\n}\n", DependencyExport.json(g));
  }

  @Test
  void optionsOutOfRangeAreOneLineErrors() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> DependencyOptions.DEFAULTS.withOnPremises(List.of("10.0.0.0/33")));
    assertEquals("on-premises range '10.0.0.0/33' is not an IPv4 CIDR block (a.b.c.d/n, n 0..32)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DependencyOptions.DEFAULTS.withGroupThreshold(1.5, 0));
  }

  @Test
  void exportsMatchTheirGoldens() throws Exception {
    var g = graph(DependencyOptions.DEFAULTS.withOnPremises(List.of("192.168.0.0/16")));
    Golden.check("deps/flow-estate.json", DependencyExport.json(g));
    Golden.check("deps/flow-estate.dot", DependencyExport.dot(g));
  }
}
