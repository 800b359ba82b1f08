package dev.migrate.cost;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.pricing.PriceBook;
import dev.migrate.testing.SnapshotBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database and cache estate priced by hand on both sides, us-east-1 -> us-central1, from the book's rows
 * (a 730-hour window, 730 hours a month):
 *
 * <pre>
 * AWS today (CURRENT)
 *   orders-mysql   MySQL db.m6g.large Multi-AZ   730 h x 0.304 (aws/rds/mysql:db.m6g.large:multi-az)     = 221.92
 *                  gp3 100 GiB Multi-AZ           100 x 0.23 (aws/rds/gp3:storage:multi-az)              =  23.00
 *                  (3,000 IOPS: within the 3,000 gp3 includes below 400 GiB, no IOPS line)
 *   users-pg       PostgreSQL db.m6g.large        730 h x 0.159 (aws/rds/postgres:db.m6g.large:single-az) = 116.07
 *                  gp2 50 GiB                      50 x 0.115 (aws/rds/gp2:storage:single-az)             =   5.75
 *                  covered by reserved DB instance rdi-1: 730 h x -0.159                                 = -116.07
 *   rdi-1          recurring charge 730 h x 0.10                                                         =  73.00
 *                  upfront 438.00 over 12 months                                                         =  36.50
 *   ledger-aurora  writer ledger-1 db.r6g.large: Aurora instance hours are not in the book -> MISSING
 *                  storage used 20 GiB x 0.10 (aws/aurora/storage:standard)                              =   2.00
 *                  I/O (10 + 5 IOPS) x 3,600 s x 730 h = 39.42 million x 0.20                            =   7.884
 *   Amazon RDS                                  221.92 + 23.00 + 116.07 + 5.75 - 116.07 + 73.00 + 36.50 + 2.00 + 7.884 = 370.054
 *   sessions       Redis cache.r6g.large, 1 shard x (1 primary + 1 replica) = 2 nodes x 730 h x 0.206     = 300.76
 *
 * Google Cloud after (TARGET, us-central1)
 *   orders-mysql   Cloud SQL for MySQL Enterprise, HA (regional), 2 vCPU, 8 GiB, 100 GiB SSD:
 *                  2 x 730 = 1,460 vCPU-h x 0.0826 = 120.596; 8 x 730 = 5,840 GiB-h x 0.014 = 81.76;
 *                  100 GiB x 0.34 = 34.00                                                                = 236.356
 *   users-pg       Cloud SQL for PostgreSQL Enterprise, zonal, 2 vCPU, 8 GiB, 50 GiB SSD:
 *                  1,460 x 0.0413 = 60.298; 5,840 x 0.007 = 40.88; 50 x 0.17 = 8.50                       = 109.678
 *   Cloud SQL                                                                                           = 346.034
 *   ledger-aurora  AlloyDB: vCPU, memory and storage are not in the book -> MISSING (3 components)
 *   sessions       Memorystore for Redis Standard, 13.07 GiB -> 14 GB (capacity tier M3, 11-35 GB):
 *                  14 x 730 = 10,220 GiB-h x 0.046 (gcp/memorystore/redis:standard:M3)                   = 470.12
 * </pre>
 */
class DatastoreCostHandCheckedTest {
  static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  static final String REGION = "us-east-1";
  final CostModel model = new CostModel(PriceBook.bundled());

  static DbInstance rds(String id, String engine, String storageType, long gib, Integer iops, boolean multiAz, int backupDays) {
    return new DbInstance(id, null, REGION, "us-east-1a", engine, null, "db.m6g.large", storageType, gib, iops, multiAz,
        null, null, backupDays, true, id + ".abc.us-east-1.rds.amazonaws.com", "available", null, Map.of("app", "shop"));
  }

  static DatastoreMetrics metrics(Double readIops, Double writeIops, Double storageUsedGib) {
    return new DatastoreMetrics(null, null, null, null, readIops, null, writeIops, null, storageUsedGib, null, null, null, null);
  }

  static Usage usage(String id, String kind, DatastoreMetrics m) {
    return new Usage(id, kind, "cloudwatch", 20.0, 35.0, 60.0, null, null, null, null, null, null, null, null, null,
        Map.of(), Map.of(), List.of(), m);
  }

  static Snapshot snapshot(Billing billing) {
    List<DbInstance> instances = List.of(
        rds("orders-mysql", "mysql", "gp3", 100, 3000, true, 7),
        rds("users-pg", "postgres", "gp2", 50, null, false, 0),
        new DbInstance("ledger-1", null, REGION, "us-east-1b", "aurora-postgresql", "15.4", "db.r6g.large", "aurora", 0, null,
            false, "ledger-aurora", null, 1, true, null, "available", null, Map.of("app", "ledger")));
    List<DbCluster> clusters = List.of(new DbCluster("ledger-aurora", null, REGION, "aurora-postgresql", "15.4", "provisioned",
        List.of("ledger-1"), "ledger-1", null, null, "aurora", false, null, 0, 1, true, null, "available", Map.of("app", "ledger")));
    List<CacheCluster> caches = List.of(new CacheCluster("sessions", null, REGION, "redis", "7.1", "cache.r6g.large", 1, 1,
        false, true, false, null, List.of("sessions-001", "sessions-002"), List.of("us-east-1a", "us-east-1b"), 1, true, true,
        null, "available", null, Map.of("app", "shop")));
    List<Commitment> commitments = List.of(new Commitment("reserved-db-instance", "rdi-1", REGION, "db.m6g.large", "postgresql",
        1, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), new BigDecimal("438.00"),
        new BigDecimal("0.10"), "single-az", "active"));
    List<Usage> usage = List.of(
        usage("ledger-aurora", "aurora", metrics(10.0, 5.0, 20.0)),
        usage("orders-mysql", "rds", metrics(200.0, 100.0, 60.0)),
        usage("sessions", "elasticache", metrics(null, null, 6.5)));
    Snapshot s = SnapshotBuilder.snapshot(new Account("111122223333", null), END,
        new Window(END.minus(Duration.ofHours(730)), END, 30)).regions(List.of(REGION)).commitments(commitments)
        .usage(usage).billing(billing).build();
    return s.withDataStores(instances, clusters, caches);
  }

  static Mapping map(String id, ItemKind kind, Target target) {
    return new Mapping(id, kind, id, REGION, target, "test-rule", "hand-built", Effort.REPLATFORM, List.of(), List.of(), Map.of());
  }

  static MigrationPlan plan(Target ledger) {
    return new MigrationPlan(List.of(
        map("orders-mysql", ItemKind.RDS_INSTANCE, new Target.CloudSql("mysql", "enterprise", 2, 8, 100, "ssd", true, 0, "us-central1")),
        map("users-pg", ItemKind.RDS_INSTANCE, new Target.CloudSql("postgres", "enterprise", 2, 8, 50, "ssd", false, 0, "us-central1")),
        map("ledger-aurora", ItemKind.AURORA_CLUSTER, ledger),
        map("sessions", ItemKind.ELASTICACHE_CLUSTER, new Target.Memorystore("redis", "standard", 13.07, "us-central1"))),
        List.of(), Map.of(REGION, "us-central1"), "test");
  }

  static final Target.AlloyDb ALLOYDB = new Target.AlloyDb(2, 16, 20, true, 0, "us-central1");

  Assessment assess(Billing billing, Target ledger, CostOptions options) {
    return model.assess(snapshot(billing), plan(ledger), options, CostModelHandCheckedTest.CLOCK);
  }

  static BigDecimal line(CostSide side, String itemId, String component) {
    return SecurityAndLicenceCostTest.line(side, itemId, component);
  }

  static BigDecimal item(CostSide side, String itemId) {
    return side.lines().stream().filter(l -> l.itemId().equals(itemId)).map(CostLine::monthlyUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void rdsAuroraAndElastiCacheArePricedToTheCentOnTheAwsSide() {
    Assessment a = assess(Billing.EMPTY, ALLOYDB, CostOptions.defaults());
    CostSide c = a.current();
    assertUsd("221.92", line(c, "orders-mysql", "DB instance hours (db.m6g.large, mysql, Multi-AZ)"));
    assertUsd("23.00", line(c, "orders-mysql", "storage (gp3, multi-az)"));
    assertTrue(c.lines().stream().noneMatch(l -> l.itemId().equals("orders-mysql") && l.component().contains("IOPS")),
        "3,000 IOPS on 100 GiB of gp3 are included");
    assertUsd("116.07", line(c, "users-pg", "DB instance hours (db.m6g.large, postgres, Single-AZ)"));
    assertUsd("5.75", line(c, "users-pg", "storage (gp2, single-az)"));
    assertUsd("-116.07", line(c, "users-pg", "reserved DB instance rdi-1 covers the on-demand hours"));
    assertUsd("73.00", line(c, "rdi-1", "reserved DB instance recurring charge (1 x db.m6g.large)"));
    assertUsd("36.50", line(c, "rdi-1", "upfront payment 438.00 USD spread over 12 months"));
    assertUsd("2.00", line(c, "ledger-aurora", "cluster storage (Aurora standard, measured volume used)"));
    assertUsd("7.884", line(c, "ledger-aurora", "I/O requests (measured read + write IOPS)"));
    assertUsd("300.76", line(c, "sessions", "node hours (2 x cache.r6g.large, redis: 1 shard(s) x (1 primary + 1 replica(s)))"));
    assertUsd("370.054", c.byService().get("Amazon RDS"));
    assertUsd("300.76", c.byService().get("Amazon ElastiCache"));
    assertUsd("670.814", c.monthlyUsd());
    // the DB hours are typed machine hours of the DB class; the reservation's lines are commitments
    CostLine hours = c.lines().stream().filter(l -> l.itemId().equals("orders-mysql") && l.component().startsWith("DB instance hours"))
        .findFirst().orElseThrow();
    assertEquals(CostLine.Driver.COMPUTE_ON_DEMAND, hours.driver());
    assertEquals("db.m6g.large", hours.machineType());
    assertTrue(c.lines().stream().filter(l -> l.itemId().equals("rdi-1")).allMatch(l -> l.driver() == CostLine.Driver.COMMITTED));
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("backup storage of 2 database(s) (orders-mysql, ledger-aurora)")
        && w.contains("not modelled")), a.warnings()::toString);
  }

  @Test
  void cloudSqlAndMemorystoreArePricedToTheCentOnTheGoogleCloudSide() {
    Assessment a = assess(Billing.EMPTY, ALLOYDB, CostOptions.defaults());
    CostSide t = a.target();
    String ha = "instance (HA: primary and standby) (2 vCPU, 8 GiB, enterprise)";
    assertUsd("120.596", line(t, "orders-mysql", ha + ": vCPU"));
    assertUsd("81.76", line(t, "orders-mysql", ha + ": memory"));
    assertUsd("34.00", line(t, "orders-mysql", ha + ": SSD storage (regional)"));
    String zonal = "instance (2 vCPU, 8 GiB, enterprise)";
    assertUsd("60.298", line(t, "users-pg", zonal + ": vCPU"));
    assertUsd("40.88", line(t, "users-pg", zonal + ": memory"));
    assertUsd("8.50", line(t, "users-pg", zonal + ": SSD storage (zonal)"));
    assertUsd("346.034", t.byService().get("Cloud SQL"));
    assertUsd("470.12", line(t, "sessions", "Redis capacity (standard, 14 GB, capacity tier M3)"));
    assertUsd("816.154", t.monthlyUsd());
  }

  @Test
  void anUnsourcedPriceIsMissingNotZero() {
    Assessment a = assess(Billing.EMPTY, ALLOYDB, CostOptions.defaults());
    List<String> keys = a.missingPrices().stream().map(MissingPrice::priceKey).toList();
    assertTrue(keys.contains("aws/aurora/aurora-postgresql:db.r6g.large/us-east-1"), keys::toString);
    assertTrue(keys.containsAll(List.of("gcp/alloydb/vcpu/us-central1", "gcp/alloydb/memory/us-central1",
        "gcp/alloydb/storage/us-central1")), keys::toString);
    // no line at zero stands in for them, and the totals are the sum of the priced lines only
    assertTrue(a.current().lines().stream().noneMatch(l -> l.priceKey().startsWith("aws/aurora/aurora-postgresql:")));
    assertEquals(BigDecimal.ZERO.compareTo(item(a.target(), "ledger-aurora")), 0);
    assertTrue(a.target().lines().stream().noneMatch(l -> l.itemId().equals("ledger-aurora")));
    assertUsd("670.814", a.current().monthlyUsd());
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("4 cost component(s) have no price (1 CURRENT, 3 TARGET)")),
        a.warnings()::toString);
  }

  /**
   * The Aurora cluster to Cloud SQL for PostgreSQL with one read replica for its reader, bought with 3-year committed
   * use: the replica is a zonal instance of the primary's shape with its own storage; the committed-use discount takes
   * the sourced 52% off vCPU and memory, not storage:
   * <pre>
   *   primary (zonal) 2 vCPU, 16 GiB, 20 GiB: 1,460 x 0.0413 = 60.298; 11,680 x 0.007 = 81.76; 20 x 0.17 = 3.40
   *   1 read replica (zonal, same shape):       60.298; 81.76; 3.40
   *   discount: (60.298 + 81.76) x 2 = 284.116 USD of on-demand x -0.52                       = -147.74032
   * </pre>
   */
  @Test
  void readReplicasAreZonalInstancesAndCommittedUseTakesTheSourcedDiscount() {
    Assessment a = assess(Billing.EMPTY, new Target.CloudSql("postgres", "enterprise", 2, 16, 20, "ssd", false, 1, "us-central1"),
        CostOptions.defaults().with("target-pricing", "cud-3y"));
    CostSide t = a.target();
    String replica = "1 read replica(s) (2 vCPU, 16 GiB, enterprise, zonal)";
    assertUsd("60.298", line(t, "ledger-aurora", replica + ": vCPU"));
    assertUsd("81.76", line(t, "ledger-aurora", replica + ": memory"));
    assertUsd("3.40", line(t, "ledger-aurora", replica + ": SSD storage (zonal)"));
    assertUsd("-147.74032", line(t, "ledger-aurora", "3-year committed use discount 52% (vCPU and memory)"));
    assertUsd("143.17568", item(t, "ledger-aurora")); // 2 x (60.298 + 81.76 + 3.40) = 290.916, - 147.74032
  }

  /**
   * The bill's RDS and ElastiCache lines are modelled once the estate has the items: the reconciliation compares
   * them per family instead of carrying them; backup storage beyond the free allowance stays carried.
   */
  @Test
  void rdsAndElastiCacheBillLinesAreModelledNotCarried() {
    YearMonth october = YearMonth.of(2026, 10);
    List<Billing.UsageLine> lines = new ArrayList<>(List.of(
        new Billing.UsageLine("Amazon Relational Database Service", "Multi-AZUsage:db.m6g.large", REGION, new BigDecimal("226.24"),
            new BigDecimal("744"), "Hrs"),
        new Billing.UsageLine("Amazon Relational Database Service", "RDS:Multi-AZ-GP3-Storage", REGION, new BigDecimal("23.00"),
            new BigDecimal("100"), "GB-Mo"),
        new Billing.UsageLine("Amazon Relational Database Service", "RDS:ChargedBackupUsage", REGION, new BigDecimal("1.90"),
            new BigDecimal("20"), "GB-Mo"),
        new Billing.UsageLine("Amazon ElastiCache", "NodeUsage:cache.r6g.large", REGION, new BigDecimal("306.53"),
            new BigDecimal("1488"), "NodeHrs")));
    List<Billing.ServiceCost> services = List.of(
        new Billing.ServiceCost("Amazon ElastiCache", new BigDecimal("306.53")),
        new Billing.ServiceCost("Amazon Relational Database Service", new BigDecimal("251.14")));
    Billing bill = new Billing("USD", List.of(new Billing.Month(october, false, services, lines)), Billing.SOURCE_COST_EXPLORER);
    Assessment a = assess(bill, ALLOYDB, CostOptions.defaults());
    BillCoverage cov = a.billCoverage();
    assertEquals(BillCoverage.BY_USAGE_TYPE, cov.basis());
    Map<String, String> where = new java.util.TreeMap<>();
    cov.lines().forEach(l -> where.put(l.usageType(), l.family() + "/" + l.coverage()));
    assertEquals("rds/modelled", where.get("Multi-AZUsage:db.m6g.large"));
    assertEquals("rds/modelled", where.get("RDS:Multi-AZ-GP3-Storage"));
    assertEquals("rds-backup/carried", where.get("RDS:ChargedBackupUsage"));
    assertEquals("elasticache/modelled", where.get("NodeUsage:cache.r6g.large"));
    assertUsd("1.90", cov.carriedUsd());
    assertTrue(cov.carried().stream().noneMatch(p -> p.awsUsd().compareTo(new BigDecimal("249.24")) == 0),
        "the RDS instance and storage lines are not carried");
  }

  /**
   * An Aurora MySQL cluster: its members' hours are priced at the cluster item (the provisioned writer per hour, the
   * Serverless v2 reader per measured ACU-hour), with the cluster volume and its I/O; a reserved DB instance of the
   * writer's class covers the writer:
   * <pre>
   *   catalog-1 writer db.t3.large     730 h x 0.164 (aws/aurora/aurora-mysql:db.t3.large)              = 119.72
   *   catalog-2 reader db.serverless   2.5 ACU x 730 h = 1,825 ACU-h x 0.12                            = 219.00
   *   storage used 50 GiB x 0.10                                                                         =   5.00
   *   I/O (20 + 10 IOPS) x 3,600 s x 730 h = 78.84 million x 0.20                                        =  15.768
   *   rdi-aurora covers the writer: 730 h x -0.164                                                       = -119.72
   *   cluster                                                                                            = 239.768
   * </pre>
   * An I/O-Optimized cluster asks for the I/O-Optimized rates, which the book does not have: missing, no I/O line.
   */
  @Test
  void auroraMembersAreFoldedIntoTheClusterItem() {
    List<DbInstance> members = List.of(
        new DbInstance("catalog-1", null, REGION, "us-east-1a", "aurora-mysql", "8.0", "db.t3.large", "aurora", 0, null, false,
            "catalog-aurora", null, 0, true, null, "available", null, Map.of()),
        new DbInstance("catalog-2", null, REGION, "us-east-1b", "aurora-mysql", "8.0", "db.serverless", "aurora", 0, null, false,
            "catalog-aurora", null, 0, true, null, "available", null, Map.of()));
    DatastoreMetrics m = new DatastoreMetrics(null, null, null, null, 20.0, null, 10.0, null, 50.0, null, null, 2.5, 4.0);
    for (String storage : List.of("aurora", "aurora-iopt1")) {
      DbCluster cluster = new DbCluster("catalog-aurora", null, REGION, "aurora-mysql", "8.0", "provisioned",
          List.of("catalog-1", "catalog-2"), "catalog-1", 0.5, 8.0, storage, true, null, 0, 0, true, null, "available", Map.of());
      Snapshot s = SnapshotBuilder.snapshot(new Account("111122223333", null), END, new Window(END.minus(Duration.ofHours(730)), END, 30))
          .regions(List.of(REGION)).usage(List.of(usage("catalog-aurora", "aurora", m)))
          .commitments(List.of(new Commitment("reserved-db-instance", "rdi-aurora", REGION, "db.t3.large", "aurora-mysql", 1, null, null,
              null, null, "single-az", "active")))
          .build().withDataStores(members, List.of(cluster), List.of());
      MigrationPlan p = new MigrationPlan(List.of(map("catalog-aurora", ItemKind.AURORA_CLUSTER,
          new Target.CloudSql("mysql", "enterprise", 2, 8, 50, "ssd", true, 1, "us-central1"))), List.of(), Map.of(REGION, "us-central1"), "test");
      Assessment a = model.assess(s, p, CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
      CostSide c = a.current();
      if (storage.equals("aurora")) {
        assertUsd("119.72", line(c, "catalog-aurora", "DB instance hours (catalog-1, writer, db.t3.large)"));
        assertUsd("219.00", line(c, "catalog-aurora", "Serverless v2 capacity (catalog-2, reader, measured average 2.5 ACU)"));
        assertUsd("5.00", line(c, "catalog-aurora", "cluster storage (Aurora standard, measured volume used)"));
        assertUsd("15.768", line(c, "catalog-aurora", "I/O requests (measured read + write IOPS)"));
        assertUsd("-119.72", line(c, "catalog-aurora", "reserved DB instance rdi-aurora covers the on-demand hours of catalog-1"));
        assertUsd("239.768", item(c, "catalog-aurora"));
        assertTrue(a.missingPrices().stream().noneMatch(x -> x.phase() == Phase.CURRENT), a.missingPrices()::toString);
      } else {
        List<String> keys = a.missingPrices().stream().map(MissingPrice::priceKey).toList();
        assertTrue(keys.containsAll(List.of("aws/aurora/aurora-mysql:db.t3.large:io-optimized/us-east-1",
            "aws/aurora/storage:io-optimized/us-east-1")), keys::toString);
        // 1,825 ACU-h x 0.16 (aws/aurora/aurora-mysql:serverless-v2-acu:io-optimized)
        assertUsd("292.00", line(c, "catalog-aurora", "Serverless v2 capacity (catalog-2, reader, measured average 2.5 ACU)"));
        assertTrue(c.lines().stream().noneMatch(l -> l.component().startsWith("I/O requests")), "I/O-Optimized bills no I/O");
        assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("reserved-db-instance rdi-aurora: 1 of 1")), a.warnings()::toString);
      }
    }
  }

  /**
   * A reserved cache node covers one node of the Redis group (the group has two), a second reservation of another
   * node type covers nothing and says so:
   * <pre>
   *   sessions   2 nodes x 730 h x 0.206 = 300.76; rcn-1 covers 1 node: 730 h x -0.206 = -150.38     = 150.38
   *   rcn-1      recurring charge 730 h x 0.09                                                         =  65.70
   * </pre>
   */
  @Test
  void aReservedCacheNodeCoversOneNodeOfTheGroup() {
    Snapshot base = snapshot(Billing.EMPTY);
    Snapshot s = SnapshotBuilder.from(base).commitments(List.of(
        new Commitment("reserved-cache-node", "rcn-1", REGION, "cache.r6g.large", "redis", 1, null, null, null,
            new BigDecimal("0.09"), "Heavy Utilization", "active"),
        new Commitment("reserved-cache-node", "rcn-2", REGION, "cache.m6g.large", "redis", 2, null, null, null, null, null, "active")))
        .build().withDataStores(base.dbInstances(), base.dbClusters(), base.cacheClusters());
    Assessment a = model.assess(s, plan(ALLOYDB), CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
    CostSide c = a.current();
    assertUsd("-150.38", line(c, "sessions", "reserved cache node rcn-1 covers 1 node(s)' on-demand hours"));
    assertUsd("150.38", item(c, "sessions"));
    assertUsd("65.70", line(c, "rcn-1", "reserved cache node recurring charge (1 x cache.r6g.large)"));
    assertUsd("216.08", c.byService().get("Amazon ElastiCache")); // 300.76 - 150.38 + 65.70
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("reserved-cache-node rcn-2: 2 of 2 reserved cache node(s) match no priced "
        + "cache.m6g.large (redis) in us-east-1")), a.warnings()::toString);
  }

  @Test
  void spotShareLeavesManagedDatabasesOnDemandWithOneWarningPerService() {
    Assessment a = assess(Billing.EMPTY, ALLOYDB, CostOptions.defaults().with("target-pricing", "spot-share").with("spot-share", "0.5"));
    assertUsd("346.034", a.target().byService().get("Cloud SQL")); // the on-demand figure of the hand-worked estate
    assertEquals(1, a.warnings().stream().filter(w -> w.startsWith("Cloud SQL has no Spot capacity")).count(), a.warnings()::toString);
  }
}
