package dev.migrate.acceptance;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.app.Costing;
import dev.migrate.app.Planning;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.Timeline;
import dev.migrate.cost.hybrid.HybridModel;
import dev.migrate.cost.hybrid.ScenarioReader;
import dev.migrate.cost.hybrid.TimelineEngine;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.testing.SnapshotBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Managed databases move in the what-if as units of the db tier: an Aurora member with its cluster,
 * their data copied out of AWS in the month their wave lands, their clients' traffic across the link
 * while the two sit in different clouds.
 */
class DataStoresInWhatIfTest {
  static final String TOKYO = "ap-northeast-1";

  static Usage measured(String id, String kind, Double inGib, Double outGib, Double storedGib) {
    return new Usage(id, kind, "cloudwatch", 20.0, 40.0, 60.0, null, null, inGib, outGib, null, null, null, null,
        null, null, null, List.of(),
        new DatastoreMetrics(2.0, null, 10.0, 40.0, 100.0, 200.0, 50.0, 80.0, storedGib, null, null, null, null));
  }

  @Test
  void databasesMoveInTheirWaveWithTheirDataAndTheirClientTraffic() throws Exception {
    var orders = new DbInstance("orders-db", null, TOKYO, TOKYO + "a", "mysql", "8.0.39", "db.m6g.large", "gp3", 200,
        null, true, null, null, 7, true, "orders-db.abc.ap-northeast-1.rds.amazonaws.com", "available",
        "general-public-license", Map.of("Name", "orders-db"));
    var writer = new DbInstance("ledger-1", null, TOKYO, TOKYO + "a", "aurora-postgresql", "15.4", "db.r6g.large",
        "aurora", 0, null, false, "ledger", null, 7, true, null, "available", null, Map.of());
    var reader = new DbInstance("ledger-2", null, TOKYO, TOKYO + "c", "aurora-postgresql", "15.4", "db.r6g.large",
        "aurora", 0, null, false, "ledger", null, 7, true, null, "available", null, Map.of());
    var ledger = new DbCluster("ledger", null, TOKYO, "aurora-postgresql", "15.4", "provisioned",
        List.of("ledger-1", "ledger-2"), "ledger-1", null, null, "aurora", true, null, 0, 7, true,
        "ledger.cluster-abc.ap-northeast-1.rds.amazonaws.com", "available", Map.of());
    // A read replica of orders-db: rebuilt from its primary on Google Cloud, so its data is not copied again.
    var replica = new DbInstance("orders-db-replica", null, TOKYO, TOKYO + "c", "mysql", "8.0.39", "db.m6g.large", "gp3",
        200, null, false, null, "orders-db", 0, true, null, "available", "general-public-license", Map.of());
    var client = TierFromPlanTest.host("i-0000000000000001", "worker");
    Snapshot s = SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30))
        .regions(List.of(TOKYO)).instances(List.of(client))
        .dbInstances(List.of(orders, replica, writer, reader)).dbClusters(List.of(ledger))
        // orders-db: 120 GiB stored of 200 allocated, 60 GiB in and 300 GiB out over the 30 days;
        // ledger: 50 GiB in its cluster volume, its writer's network not measured.
        .usage(List.of(measured("ledger", "aurora", null, null, 50.0), measured("orders-db", "rds", 60.0, 300.0, 120.0)))
        .build();

    MigrationPlan plan = Planning.plan(s, Planning.PlanRequest.defaults());
    Assessment a = Costing.assess(s, plan, Costing.priceBook(null), CostOptions.defaults(), SampleEstate.CLOCK);
    HybridModel model = HybridModel.of(a);
    assertEquals("ledger", model.unitOf("ledger-2"), "an Aurora reader moves with its cluster");
    assertEquals("db", model.tierOf(model.unitOf("orders-db")));
    assertEquals("db", model.tierOf(model.unitOf("ledger")));
    assertEquals("db", model.tierOf(model.unitOf("orders-db-replica")));
    assertEquals("batch", model.tierOf(model.unitOf(client.id())));

    Timeline t = TimelineEngine.project(model, ScenarioReader.parse("""
        name: data-first
        timeline: {start: 2027-01, months: 2}
        migration: {startMonth: 1, lengthMonths: 1}
        waves:
          - name: data
            month: 0
            select: {tiers: [db]}
        oneOff: {dataTransfer: true}
        link: {type: ha-vpn, tunnels: 2}
        """, "test.yaml", List.of()));
    assertUsd("0", t.months().get(0).oneOffUsd(), "nothing copied before the wave");
    // The wave copies 120 GiB (orders-db, storage used) + 50 GiB (ledger's volume) out of Tokyo at
    // AWS data transfer out, first tier, 0.114 USD/GB: 170 x 0.114 = 19.38.
    assertUsd("19.38", t.months().get(1).oneOffUsd(), "data copied in the wave's month");
    // With the databases on Google Cloud and their client on AWS, orders-db's measured bytes cross
    // the link, a 30-day window scaled to a month (730 / 720): 300 GiB out -> 304.1667 GiB sent by
    // Google Cloud (Premium egress from asia-northeast1, 0.085 USD/GiB) = 25.8542; 60 GiB in ->
    // 60.8333 GiB sent by AWS (0.114 USD/GB) = 6.9350; 32.7892 in all.
    assertUsd("32.7892", t.months().get(1).interCloudTrafficUsd().setScale(4, java.math.RoundingMode.HALF_EVEN),
        "client traffic across the link");
  }
}
