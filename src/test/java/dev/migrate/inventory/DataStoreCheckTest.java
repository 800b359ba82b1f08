package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot checks of managed databases and caches: what AWS never produces is an error, stale links are warnings. */
class DataStoreCheckTest {
  static final String R = "ap-northeast-1";

  static DbInstance db(String id, String region, String engine, String cluster, long gib) {
    return new DbInstance(id, null, region, region + "a", engine, "8.0.39", "db.m6g.large", "gp3", gib, null, false,
        cluster, null, 7, true, null, "available", null, Map.of());
  }

  static DbCluster cluster(String id, List<String> members, String writer, Double min, Double max) {
    return new DbCluster(id, null, R, "aurora-postgresql", "15.4", "provisioned", members, writer, min, max, "aurora",
        true, null, 0, 7, true, null, "available", Map.of());
  }

  static CacheCluster cache(String id, int shards, int replicas) {
    return new CacheCluster(id, null, R, "redis", "7.1", "cache.r6g.large", shards, replicas, false, false, false, null,
        List.of(id + "-001"), List.of(R + "a"), 1, true, true, null, "available", null, Map.of());
  }

  static Usage usage(String id, String kind, DatastoreMetrics m) {
    return new Usage(id, kind, "cloudwatch", null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, List.of(), m);
  }

  static DatastoreMetrics metrics(Double storageGib, Long hits) {
    return new DatastoreMetrics(null, null, null, null, null, null, null, null, storageGib, hits, 0L, null, null);
  }

  static Snapshot estate(List<DbInstance> dbs, List<DbCluster> clusters, List<CacheCluster> caches, List<Usage> usage) {
    Snapshot s = Snapshots.small();
    List<Usage> all = new ArrayList<>(s.usage());
    all.addAll(usage);
    return s.withDataStores(dbs, clusters, caches).withUsage(all);
  }

  static Snapshot valid() {
    return estate(List.of(db("orders", R, "mysql", null, 200), db("orders", "eu-west-1", "mysql", null, 100),
            db("an-1", R, "aurora-postgresql", "an", 0), db("an-2", R, "aurora-postgresql", "an", 0)),
        List.of(cluster("an", List.of("an-1", "an-2"), "an-1", null, null), cluster("orders", List.of(), null, 0.5, 16.0)),
        List.of(cache("sessions", 2, 1)),
        List.of(usage("orders", "rds", metrics(60.0, null)), usage("orders", "rds", metrics(10.0, null)),
            usage("orders", "aurora", metrics(5.0, null)), usage("sessions", "elasticache", metrics(1.0, 10L))));
  }

  static List<SnapshotCheck.Problem> errors(Snapshot s) {
    return SnapshotCheck.check(s).stream().filter(SnapshotCheck.Problem::error).toList();
  }

  static List<SnapshotCheck.Problem> warnings(Snapshot s) {
    return SnapshotCheck.check(s).stream().filter(p -> !p.error()).toList();
  }

  @Test
  void aConsistentEstateHasNoProblem() {
    assertEquals(List.of(), SnapshotCheck.check(valid()),
        "the same DB name in two regions, an instance and a cluster sharing a name: all as AWS allows");
  }

  @Test
  void aDbInstanceClusterOrCacheListedTwiceInOneRegionIsAnError() {
    Snapshot s = valid();
    List<DbInstance> dbs = new ArrayList<>(s.dbInstances());
    dbs.add(dbs.get(0));
    List<CacheCluster> caches = new ArrayList<>(s.cacheClusters());
    caches.add(caches.get(0));
    List<DbCluster> clusters = new ArrayList<>(s.dbClusters());
    clusters.add(clusters.get(1));
    var errors = errors(s.withDataStores(dbs, clusters, caches));
    assertEquals(List.of("$.dbInstances[4].id", "$.dbClusters[2].id", "$.cacheClusters[1].id"),
        errors.stream().map(SnapshotCheck.Problem::path).toList());
    assertEquals("'orders' in 'ap-northeast-1' is listed twice (also $.dbInstances[0]); it would be counted twice",
        errors.get(0).message());
  }

  @Test
  void aDatastoreUsageRecordListedTwiceIsAnErrorUnlessTheNameLivesInTwoRegions() {
    Snapshot s = valid();
    List<Usage> usage = new ArrayList<>(s.usage());
    usage.add(usage("sessions", "elasticache", metrics(1.0, 10L)));
    var errors = errors(s.withUsage(usage));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("$.usage[" + (usage.size() - 1) + "].resourceId", errors.get(0).path());
    assertEquals("'sessions' (kind elasticache) is listed twice (also $.usage[4]); it would be counted twice",
        errors.get(0).message());
  }

  @Test
  void negativeSizesAndCountsAreErrors() {
    var errors = errors(estate(List.of(db("orders", R, "mysql", null, -5)),
        List.of(cluster("an", List.of(), null, 8.0, 2.0)), List.of(cache("sessions", -1, 1)),
        List.of(usage("orders", "rds", metrics(-1.0, null)), usage("sessions", "elasticache", metrics(1.0, -3L)))));
    assertEquals(List.of("$.dbInstances[0].allocatedStorageGib", "$.dbClusters[0].serverlessMinAcu",
            "$.cacheClusters[0].shards", "$.usage[1].datastore.storageUsedGib", "$.usage[2].datastore.cacheHits"),
        errors.stream().map(SnapshotCheck.Problem::path).toList());
    assertEquals("-5 is negative; a count or amount cannot be", errors.get(0).message());
    assertEquals("capacity range 8..2 ACUs has its minimum above its maximum", errors.get(1).message());
  }

  @Test
  void aWriterOutsideItsClusterIsAnError() {
    var errors = errors(estate(List.of(db("an-1", R, "aurora-postgresql", "an", 0)),
        List.of(cluster("an", List.of("an-1"), "an-9", null, null)), List.of(), List.of()));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("$.dbClusters[0].writerId", errors.get(0).path());
  }

  @Test
  void aMemberNamingAnUnknownClusterAndUsageOfAnUnknownDataStoreAreWarnings() {
    var warnings = warnings(estate(List.of(db("an-1", R, "aurora-postgresql", "gone", 0), db("an-2", R, "aurora-postgresql", "an", 0)),
        List.of(cluster("an", List.of("an-2", "an-3"), "an-2", null, null)), List.of(cache("sessions", 1, 0)),
        List.of(usage("old-db", "rds", metrics(1.0, null)), usage("an", "aurora", metrics(1.0, null)),
            usage("old-cache", "elasticache", metrics(1.0, 1L)), usage("an-1", "aurora", metrics(1.0, null)))));
    assertEquals(List.of("$.dbInstances[0].clusterId", "$.dbClusters[0].members[1]", "$.usage[1].resourceId",
        "$.usage[3].resourceId", "$.usage[4].resourceId"), warnings.stream().map(SnapshotCheck.Problem::path).toList());
    assertEquals("DB instance an-1 names cluster 'gone', which is not in the snapshot (created or deleted during"
        + " collection?)", warnings.get(0).message());
    assertEquals("rds usage for old-db, which is not in the snapshot (removed during the window?); not used",
        warnings.get(2).message());
    assertTrue(warnings.get(4).message().startsWith("aurora usage for an-1,"), "an instance's id is not a cluster's");
  }

  @Test
  void aMultiAzDbClusterMemberIsNotAnAuroraMemberAndNamesNoListedCluster() {
    Snapshot s = estate(List.of(db("tx-1", R, "mysql", "tx-cluster", 100), db("an-1", R, "aurora-postgresql", "an", 0)),
        List.of(cluster("an", List.of("an-1"), "an-1", null, null)), List.of(), List.of());
    assertEquals(List.of(), SnapshotCheck.check(s));
  }

  @Test
  void aReservedDbInstanceIdMayRepeatInAnotherRegionButNotInTheSame() {
    Snapshot s = valid();
    Commitment east = new Commitment("reserved-db-instance", "prod-mysql-ri", "us-east-1", "db.m6g.large", "mysql", 1,
        null, null, java.math.BigDecimal.ZERO, new java.math.BigDecimal("0.05"), "multi-az", "active");
    Commitment west = new Commitment("reserved-db-instance", "prod-mysql-ri", "eu-west-1", "db.m6g.large", "mysql", 1,
        null, null, java.math.BigDecimal.ZERO, new java.math.BigDecimal("0.05"), "multi-az", "active");
    List<Commitment> two = new ArrayList<>(s.commitments());
    two.add(east);
    two.add(west);
    Snapshot twoRegions = new Snapshot(s.schema(), s.account(), s.collectedAt(), s.window(), s.regions(), s.instances(),
        s.volumes(), s.autoScalingGroups(), s.loadBalancers(), s.distributions(), s.buckets(), s.vpcs(), two, s.usage(),
        s.billing(), s.gaps(), s.coverage(), s.webAcls(), s.collection(), s.dbInstances(), s.dbClusters(), s.cacheClusters());
    assertEquals(List.of(), errors(twoRegions));
    two.add(east);
    Snapshot twice = new Snapshot(s.schema(), s.account(), s.collectedAt(), s.window(), s.regions(), s.instances(),
        s.volumes(), s.autoScalingGroups(), s.loadBalancers(), s.distributions(), s.buckets(), s.vpcs(), two, s.usage(),
        s.billing(), s.gaps(), s.coverage(), s.webAcls(), s.collection(), s.dbInstances(), s.dbClusters(), s.cacheClusters());
    var errors = errors(twice);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).message().startsWith("'prod-mysql-ri' in 'us-east-1' is listed twice"), errors.get(0).message());
  }

  @Test
  void theReaderRefusesADuplicatedDbInstanceWithItsPath() {
    Snapshot s = valid();
    List<DbInstance> dbs = new ArrayList<>(s.dbInstances());
    dbs.add(dbs.get(2));
    String json = SnapshotJson.toJson(s.withDataStores(dbs, s.dbClusters(), s.cacheClusters()));
    var e = org.junit.jupiter.api.Assertions.assertThrows(SnapshotFormatException.class,
        () -> SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "snap.json"));
    assertTrue(e.getMessage().matches("snap\\.json:\\d+:\\d+: \\$\\.dbInstances\\[4\\]\\.id: 'an-1' in 'ap-northeast-1' is listed"
        + " twice .*"), e.getMessage());
  }
}
