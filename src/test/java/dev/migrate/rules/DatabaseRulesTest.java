package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.plan.Tiers;
import dev.migrate.plan.Unmapped;
import dev.migrate.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RDS, Aurora and ElastiCache through the shipped rules: targets, sizes, warnings, blockers, explanations. */
class DatabaseRulesTest {
  private final RuleEngine engine = new RuleEngine(RuleLoader.builtIn());

  private MigrationPlan plan() {
    return engine.plan(TestEstate.databases(), PlanOptions.DEFAULTS);
  }

  private Mapping mapping(MigrationPlan plan, String id) {
    return plan.mappings().stream().filter(m -> m.itemId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("not mapped: " + id + "; unmapped: " + plan.unmapped()));
  }

  @Test
  void databaseAndCacheEstateMapsAsRecorded() throws Exception {
    Golden.check("rules/databases.txt", PlanText.render(plan()));
  }

  @Test
  void databaseAndCacheEstateAsIsMapsAsRecorded() throws Exception {
    MigrationPlan plan = engine.plan(TestEstate.databases(), new PlanOptions(Map.of(), "as-is", null, null));
    Golden.check("rules/databases-as-is.txt", PlanText.render(plan));
  }

  @Test
  void everyDatabaseItemIsMappedOrUnmappedWithAReason() {
    Snapshot s = TestEstate.databases();
    MigrationPlan plan = plan();
    long rds = s.dbInstances().stream().filter(d -> !d.auroraMember()).count();
    int items = (int) rds + s.dbClusters().size() + s.cacheClusters().size();
    assertEquals(items, plan.mappings().size() + plan.unmapped().size());
    // Aurora members are folded into their cluster: no item of their own
    assertTrue(plan.mappings().stream().noneMatch(m -> m.itemId().startsWith("payments-apg-")));
    Unmapped lab = plan.unmapped().stream().filter(u -> u.itemId().equals("lab-mysql")).findFirst().orElseThrow();
    assertEquals("rule 'rds-mysql-postgres' matched but: instance class 'db.z9.huge' of lab-mysql is not in the RDS class "
        + "catalogue (catalog/rds_instance_classes.csv): no size to start from; map it with a rule of your own", lab.reason());
  }

  @Test
  void multiAzBecomesHighAvailabilityAndReplicasAreTheirOwnInstances() {
    MigrationPlan plan = plan();
    Target.CloudSql primary = (Target.CloudSql) mapping(plan, "orders-mysql").target();
    assertTrue(primary.highAvailability());
    assertEquals(0, primary.readReplicas());
    Target.CloudSql replica = (Target.CloudSql) mapping(plan, "orders-mysql-replica").target();
    assertEquals(false, replica.highAvailability());
    assertEquals(0, replica.readReplicas());
    Mapping dr = mapping(plan, "orders-mysql-dr");
    assertEquals("asia-northeast2", dr.target().gcpRegion());
    assertTrue(dr.warnings().stream().anyMatch(w -> w.startsWith("cross-region read replica of arn:aws:rds:ap-northeast-1")),
        dr.warnings().toString());
  }

  @Test
  void measuredSizingUsesCpuFreeableMemoryAndStorageUsed() {
    Mapping m = mapping(plan(), "orders-mysql");
    Target.CloudSql t = (Target.CloudSql) m.target();
    // db.r6g.xlarge: 4 vCPU x 35% x 1.3 = 1.82 -> 2 vCPU; (32 - 10) GiB used x 1.2 = 26.4 GiB -> 26.5 in 256 MiB steps,
    // above 6.5 GiB per vCPU for 2 vCPU, so 6 vCPU; storage 180 GiB used x 1.3 = 234 GiB
    assertEquals(6, t.vcpu());
    assertEquals(26.5, t.memoryGib());
    assertEquals(234, t.storageGib());
    assertEquals("db-custom-6-27136", m.sizing().get("machineType"));
  }

  @Test
  void auroraReadersBecomeReadPoolAndTiersAreDbAndCache() {
    MigrationPlan plan = plan();
    Mapping payments = mapping(plan, "payments-apg");
    Target.AlloyDb a = (Target.AlloyDb) payments.target();
    assertEquals(2, a.readPoolNodes());
    assertEquals(800, a.storageGib());
    assertEquals(Tiers.DB, payments.tier());
    assertEquals(Tiers.DB, mapping(plan, "billing-oracle").tier());
    assertEquals(Tiers.CACHE, mapping(plan, "sessions-redis").tier());
    assertTrue(payments.warnings().stream().anyMatch(w -> w.startsWith("PostgreSQL 13 is not offered by AlloyDB")),
        payments.warnings().toString());
    Target.CloudSql shop = (Target.CloudSql) mapping(plan, "shop-aurora").target();
    assertEquals("enterprise-plus", shop.edition());
    assertEquals(1, shop.readReplicas());
  }

  @Test
  void cachesGoToMemorystoreByEngineAndClusterMode() {
    MigrationPlan plan = plan();
    assertEquals("redis", ((Target.Memorystore) mapping(plan, "sessions-redis").target()).engine());
    Target.Memorystore cluster = (Target.Memorystore) mapping(plan, "catalog-redis").target();
    assertEquals("redis-cluster", cluster.engine());
    assertEquals(3, cluster.shards());
    assertEquals(1, cluster.replicasPerShard());
    assertEquals("valkey", ((Target.Memorystore) mapping(plan, "feed-valkey").target()).engine());
    Target.Memorystore mc = (Target.Memorystore) mapping(plan, "pages-memcached").target();
    assertEquals("memcached", mc.engine());
    assertEquals(3, mc.shards());
    Mapping big = mapping(plan, "big-redis");
    assertEquals("elasticache-redis-large", big.ruleId());
    assertEquals("redis-cluster", ((Target.Memorystore) big.target()).engine());
  }

  @Test
  void aDatabaseAndACacheOfOneNameEachReadTheirOwnFigures() {
    TestEstate e = new TestEstate();
    e.db("sessions", "mysql", "8.0.39", "db.r6g.large", 100, false, null, null)
        .dbUsage("sessions", "rds", 50.0, 2.0, null, 10.0, null)
        .cache("sessions", "redis", "7.0.7", "cache.r6g.large", 1, 1, false, false, null)
        .dbUsage("sessions", "elasticache", 10.0, null, 25.0, 1.0, null);
    MigrationPlan plan = engine.plan(e.snapshot(), PlanOptions.DEFAULTS);
    Mapping db = plan.mappings().stream().filter(m -> m.target() instanceof Target.CloudSql).findFirst().orElseThrow();
    Mapping cache = plan.mappings().stream().filter(m -> m.target() instanceof Target.Memorystore).findFirst().orElseThrow();
    assertEquals("50", db.sizing().get("cpuPct"));
    // cache.r6g.large 13.07 GiB x 25% used x 1.2 = 3.92 -> 4 GiB
    assertEquals("25", cache.sizing().get("memoryUsedMaxPct"));
    assertEquals(4, ((Target.Memorystore) cache.target()).capacityGib());
  }

  @Test
  void explainShowsBothAuroraPostgresqlRules() throws Exception {
    Explanation small = engine.explain(TestEstate.databases(), "audit-apg", PlanOptions.DEFAULTS).orElseThrow();
    Explanation large = engine.explain(TestEstate.databases(), "payments-apg", PlanOptions.DEFAULTS).orElseThrow();
    Golden.check("rules/explain-aurora-postgresql.txt", small.text() + "\n" + large.text());
    assertEquals("aurora-postgresql-cloud-sql", small.mapping().ruleId());
    assertEquals("aurora-postgresql-alloydb", large.mapping().ruleId());
    assertTrue(small.checks().stream().filter(c -> c.ruleId().startsWith("aurora-postgresql")).allMatch(
        Explanation.Check::matched));
  }

  @Test
  void badDatabaseTargetParametersAreReportedWhereTheyAre() {
    String text = """
        apiVersion: migrate.rules/v1
        rules:
          - id: a
            match: {kind: rds-instance}
            target: {type: cloud-sql, edition: premium, storageType: nvme, highAvailability: yes}
            sizing: {storageHeadroom: 0.5}
            effort: replatform
          - id: b
            match: {kind: elasticache-cluster}
            target: {type: memorystore, engine: redis7, tier: gold}
            effort: replatform
          - id: c
            match: {kind: elasticache-cluster, all: [{attr: engine, op: eq, value: redis}]}
            target: {type: cloud-sql}
            effort: replatform
          - id: d
            match: {kind: aurora-cluster}
            target: {type: alloydb, readPool: 3, engine: postgres}
            effort: replatform
        """;
    RulesException e = assertThrows(RulesException.class,
        () -> RuleLoader.load(List.of(new RuleLoader.Source("db.yaml", text)), "test"));
    assertEquals(List.of(
        "db.yaml:5:40: 'edition' must be one of enterprise, enterprise-plus, found the string 'premium'",
        "db.yaml:5:62: 'storageType' must be one of ssd, hdd, found the string 'nvme'",
        "db.yaml:5:86: 'highAvailability' must be one of auto, true, false, found the boolean yes",
        "db.yaml:6:31: 'storageHeadroom' must be a number from 1 to 5, found the number 0.5",
        "db.yaml:10:41: 'engine' must be one of auto, redis, redis-cluster, valkey, memcached, found the string 'redis7'",
        "db.yaml:10:55: 'tier' must be one of auto, basic, standard, found the string 'gold'",
        "db.yaml:14:20: target type 'cloud-sql' cannot take a elasticache-cluster; it fits rds-instance, aurora-cluster",
        "db.yaml:18:39: 'readPool' must be one of auto, none, found the number 3",
        "db.yaml:18:42: unknown field 'engine' in target alloydb; expected one of type, highAvailability, readPool"), e.lines());
  }
}
