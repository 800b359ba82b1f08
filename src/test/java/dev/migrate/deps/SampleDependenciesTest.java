package dev.migrate.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample estate's flow logs tell its story (web and API on the caches and the databases, batch work through
 * the NAT gateway, the office over the admin VPN, the recommendation job on the reporting replica); the graph
 * finds it: which items form which application, and where the places outside the estate come in.
 */
class SampleDependenciesTest {
  private static final Snapshot SAMPLE = SnapshotJson.read(Path.of("sample-data/tableapp/snapshot.json"));

  private static DependencyGraph graph() {
    return DependencyGraph.of(SAMPLE, Topology.of(SAMPLE),
        DependencyOptions.DEFAULTS.withOnPremises(List.of("192.168.0.0/16")));
  }

  private static String item(String name) {
    return SAMPLE.instances().stream().filter(i -> name.equals(i.tags().get("Name"))).findFirst().orElseThrow().id();
  }

  @Test
  void theShopIsOneGroupWithItsFleetsCachesAndDatabases() {
    var g = graph();
    Group shop = g.groups().get(0);
    assertEquals("tableapp", shop.name());
    for (String id : List.of("tableapp-web-asg", "tableapp-api-asg", "tableapp-realtime-asg", "tableapp-worker-asg",
        "tableapp-payments", "tableapp-availability", item("tableapp-mysql-1"), item("tableapp-redis-1"),
        item("tableapp-memcached-1"), item("tableapp-search-1"), item("tableapp-cron-1"))) {
      assertEquals(shop, g.groupOf(id).orElseThrow(), id);
    }
    assertEquals(List.of("tableapp", "recommendations", "backoffice", "notify", "legacy-api", "platform"),
        g.groups().stream().map(Group::name).toList());
  }

  @Test
  void theApiTalksMostWithTheMainDatabaseAndTheAvailabilityCache() {
    var g = graph();
    TwoWay db = g.bytesBetween("tableapp-api-asg", item("tableapp-mysql-1"));
    TwoWay cache = g.bytesBetween("tableapp-api-asg", "tableapp-availability");
    assertTrue(db.bToA() > 20L * (1L << 30), "the database answers the API with more than 20 GiB a day: " + db);
    assertTrue(db.bToA() > db.aToB() && cache.bToA() > cache.aToB(), "reads dominate: " + db + " " + cache);
    assertEquals(g.bytesBetween("tableapp-api-asg", item("tableapp-mysql-1")).reversed(),
        g.bytesBetween(item("tableapp-mysql-1"), "tableapp-api-asg"));
    assertTrue(g.peakBetween("tableapp-api-asg", item("tableapp-mysql-1")).bToA() * 24 > db.bToA(),
        "the busiest hour is above the day's average hour");
  }

  @Test
  void theOfficeComesInOverTheVpnAndBatchGoesOutThroughTheNatGateway() {
    var g = graph();
    End office = g.endOf("192.168.10.21").orElseThrow();
    assertEquals(End.Kind.ON_PREMISES, office.kind());
    assertTrue(g.bytesBetween(g.item(item("tableapp-bastion")).orElseThrow(), office).total() > 0, "SSH to the bastion");
    assertTrue(g.bytesBetween(g.item(item("tableapp-reporting")).orElseThrow(), office).total() > 0, "RDP to reporting");
    End nat = g.edges().stream().map(Edge::b).filter(e -> "nat-gateway".equals(e.itemKind())).findFirst().orElseThrow();
    assertEquals(End.Kind.RESOURCE, nat.kind());
    assertTrue(g.bytesBetween(g.item("tableapp-worker-asg").orElseThrow(), nat).total() > 0);
    assertEquals(End.Kind.OTHER_PRIVATE,
        DependencyGraph.of(SAMPLE).endOf("192.168.10.21").orElseThrow().kind(), "undeclared, it is only private");
  }
}
