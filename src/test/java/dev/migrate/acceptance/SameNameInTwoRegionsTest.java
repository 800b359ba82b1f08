package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.app.Costing;
import dev.migrate.app.Planning;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.hybrid.HybridModel;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.testing.SnapshotBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RDS and ElastiCache names are unique within a region only: a database named {@code orders} in us-east-1 and another
 * in eu-west-1 are two databases. The plan, the costs and the what-if keep them apart (each with its own usage), and
 * neither borrows the other's measurements.
 */
class SameNameInTwoRegionsTest {
  static final String VIRGINIA = "us-east-1";
  static final String IRELAND = "eu-west-1";

  static DbInstance orders(String region) {
    return new DbInstance("orders", "arn:aws:rds:" + region + ":111122223333:db:orders", region, region + "a",
        "postgres", "16.3", "db.r6g.2xlarge", "gp3", 500, null, false, null, null, 7, true,
        "orders.abc." + region + ".rds.amazonaws.com", "available", "postgresql-license", Map.of("app", "shop-" + region));
  }

  static CacheCluster sessions(String region) {
    return new CacheCluster("sessions", null, region, "redis", "7.1", "cache.r6g.large", 1, 1, false, true, false,
        null, List.of("sessions-001", "sessions-002"), List.of(region + "a", region + "b"), 1, true, true, null,
        "available", null, Map.of());
  }

  /** A measured DB instance: its CPU p95 (percent) and the storage it uses (GiB) tell the two apart. */
  static Usage measured(String region, double cpuP95, double storedGib) {
    return new Usage("orders", "rds", "cloudwatch", cpuP95 / 2, cpuP95, cpuP95 + 5, null, null, 10.0, 20.0, null, null,
        null, null, null, null, null, List.of(),
        new DatastoreMetrics(8.0, null, 10.0, 40.0, 100.0, 200.0, 50.0, 80.0, storedGib, null, null, null, null),
        region);
  }

  static Snapshot estate() {
    return SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30))
        .regions(List.of(IRELAND, VIRGINIA))
        .dbInstances(List.of(orders(IRELAND), orders(VIRGINIA)))
        .cacheClusters(List.of(sessions(IRELAND), sessions(VIRGINIA)))
        .usage(List.of(measured(IRELAND, 20.0, 100.0), measured(VIRGINIA, 70.0, 400.0)))
        .build();
  }

  @Test
  void twoDatabasesOfOneNameInTwoRegionsArePlannedPricedAndMovedApartEachWithItsOwnUsage(@TempDir Path dir)
      throws Exception {
    // Through the snapshot file, as a user's run reads it: the usage records keep their regions.
    Path file = dir.resolve("snapshot.json");
    SnapshotJson.write(estate(), file);
    Snapshot s = Planning.readSnapshot(file);
    assertEquals(List.of(IRELAND, VIRGINIA), s.usage().stream().map(Usage::region).toList());

    Topology index = Topology.of(s);
    MigrationPlan plan = Planning.plan(index, Planning.PlanRequest.defaults());
    Map<String, Mapping> byId = new java.util.HashMap<>();
    plan.mappings().forEach(m -> byId.put(m.itemId(), m));
    assertEquals(Set.of("eu-west-1/orders", "us-east-1/orders", "eu-west-1/sessions", "us-east-1/sessions"),
        byId.keySet());
    Mapping ireland = byId.get("eu-west-1/orders");
    Mapping virginia = byId.get("us-east-1/orders");
    assertEquals(IRELAND, ireland.awsRegion());
    assertEquals(VIRGINIA, virginia.awsRegion());
    // Each is sized from its own measurements, not from the first record of the name.
    assertEquals("20", ireland.sizing().get("cpuPct"), ireland.sizing().toString());
    assertEquals("70", virginia.sizing().get("cpuPct"), virginia.sizing().toString());
    assertEquals("100", ireland.sizing().get("storageUsedGib"), ireland.sizing().toString());
    assertEquals("400", virginia.sizing().get("storageUsedGib"), virginia.sizing().toString());

    Assessment a = Costing.assess(index, plan, Costing.priceBook(null), CostOptions.defaults(), SampleEstate.CLOCK);
    for (String region : List.of(IRELAND, VIRGINIA)) {
      String key = region + "/orders";
      List<CostLine> lines = a.current().lines().stream().filter(l -> l.itemId().equals(key)).toList();
      assertTrue(!lines.isEmpty(), "AWS lines of " + key);
      assertTrue(lines.stream().allMatch(l -> l.priceKey() == null || !l.priceKey().contains(
          region.equals(IRELAND) ? VIRGINIA : IRELAND)), "priced in its own region: " + lines);
      assertEquals("shop-" + region, lines.get(0).app());
    }

    HybridModel model = HybridModel.of(a);
    assertEquals(4, model.unitCount(), "two databases and two caches, one move unit each");
    Set<String> units = new TreeSet<>();
    for (String id : byId.keySet()) {
      units.add(model.unitOf(id));
      assertEquals(id.endsWith("orders") ? "db" : "cache", model.tierOf(model.unitOf(id)), id);
    }
    assertEquals(byId.keySet(), units);
    assertNotEquals(model.unitOf("eu-west-1/sessions"), model.unitOf("us-east-1/sessions"));
  }

  @Test
  void aNameInOneRegionKeepsItsId() {
    Snapshot s = SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30))
        .regions(List.of(IRELAND)).dbInstances(List.of(orders(IRELAND))).usage(List.of(measured(IRELAND, 20.0, 100.0)))
        .build();
    Topology index = Topology.of(s);
    assertTrue(index.snapshot() == s, "nothing to tell apart: the snapshot is indexed as it is");
    MigrationPlan plan = Planning.plan(index, Planning.PlanRequest.defaults());
    assertEquals(List.of("orders"), plan.mappings().stream().map(Mapping::itemId).toList());
    assertEquals("20", plan.mappings().get(0).sizing().get("cpuPct"));
  }
}
