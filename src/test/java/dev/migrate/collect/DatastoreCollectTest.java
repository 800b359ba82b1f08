package dev.migrate.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RDS, Aurora and ElastiCache of the stub account (us-east-1; eu-west-1 has none), collected
 * through the real SDK clients from Query-protocol XML: an RDS MySQL Multi-AZ primary with a
 * read replica, a PostgreSQL instance, an Aurora PostgreSQL cluster (writer and reader) and a
 * Serverless v2 cluster, a Redis replication group in cluster mode (2 shards x 1 replica), a
 * Memcached cluster of 3 nodes and a Valkey serverless cache, with their reservations and metrics.
 */
class DatastoreCollectTest {
  static final double GIB = 1L << 30;
  static Fixtures fx;
  static CollectResult result;
  static Snapshot s;

  @BeforeAll
  static void collect() {
    fx = new Fixtures();
    result = fx.collect();
    s = result.snapshot();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void findsEveryDbInstanceAcrossTwoPagesWithItsFacts() {
    assertEquals(List.of("analytics-aurora-1", "analytics-aurora-2", "billing-pg", "events-sls-1", "orders-mysql",
        "orders-mysql-replica"), s.dbInstances().stream().map(DbInstance::id).toList());
    assertEquals(2, result.calls().calls().get("rds:DescribeDBInstances") - 1, "2 pages in us-east-1, 1 in eu-west-1");
    DbInstance mysql = s.dbInstance("orders-mysql").orElseThrow();
    assertEquals("mysql", mysql.engine());
    assertEquals("8.0.39", mysql.engineVersion());
    assertEquals("db.m6g.large", mysql.instanceClass());
    assertEquals("gp3", mysql.storageType());
    assertEquals(200, mysql.allocatedStorageGib());
    assertEquals(3000, mysql.provisionedIops());
    assertTrue(mysql.multiAz());
    assertFalse(mysql.readReplica());
    assertNull(mysql.clusterId());
    assertEquals(7, mysql.backupRetentionDays());
    assertTrue(mysql.encrypted());
    assertEquals("us-east-1a", mysql.availabilityZone());
    assertEquals("orders-mysql.c1a2b3c4d5e6.us-east-1.rds.amazonaws.com", mysql.endpoint());
    assertEquals("available", mysql.status());
    assertEquals("general-public-license", mysql.licenseModel());
    assertEquals("arn:aws:rds:us-east-1:123456789012:db:orders-mysql", mysql.arn());
    assertEquals(Map.of("app", "orders", "env", "prod"), mysql.tags());
    DbInstance replica = s.dbInstance("orders-mysql-replica").orElseThrow();
    assertTrue(replica.readReplica());
    assertEquals("orders-mysql", replica.readReplicaSourceId());
    assertFalse(replica.multiAz());
    DbInstance pg = s.dbInstance("billing-pg").orElseThrow();
    assertEquals("postgres", pg.engine());
    assertEquals("io1", pg.storageType());
    assertEquals(500, pg.allocatedStorageGib());
    assertEquals(10000, pg.provisionedIops());
    assertFalse(pg.encrypted());
    assertEquals(Map.of(), pg.tags());
  }

  @Test
  void auroraMembersNameTheirClusterAndCarryNoStorageOfTheirOwn() {
    DbInstance writer = s.dbInstance("analytics-aurora-1").orElseThrow();
    assertTrue(writer.auroraMember());
    assertEquals("analytics-aurora", writer.clusterId());
    assertEquals(0, writer.allocatedStorageGib(), "AWS reports a nominal 1 GiB; the cluster volume holds the data");
    assertEquals("db.serverless", s.dbInstance("events-sls-1").orElseThrow().instanceClass());
    for (DbInstance d : s.dbInstances()) {
      if (d.clusterId() != null) {
        assertTrue(s.dbCluster(d.clusterId()).orElseThrow().members().contains(d.id()), d.id());
      }
    }
  }

  @Test
  void readsAuroraClustersWithWriterServerlessRangeAndGlobalDatabase() {
    assertEquals(List.of("analytics-aurora", "events-sls"), s.dbClusters().stream().map(DbCluster::id).toList());
    DbCluster a = s.dbCluster("analytics-aurora").orElseThrow();
    assertEquals("aurora-postgresql", a.engine());
    assertEquals("15.4", a.engineVersion());
    assertEquals("provisioned", a.engineMode());
    assertEquals(List.of("analytics-aurora-1", "analytics-aurora-2"), a.members());
    assertEquals("analytics-aurora-1", a.writerId());
    assertFalse(a.serverlessV2());
    assertEquals("aurora-iopt1", a.storageType());
    assertTrue(a.multiAz());
    assertEquals("analytics-global", a.globalClusterId());
    assertEquals(0.0, a.backtrackWindowHours());
    assertEquals(7, a.backupRetentionDays());
    assertEquals("analytics-aurora.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com", a.endpoint());
    assertEquals(Map.of("env", "prod"), a.tags());
    DbCluster sls = s.dbCluster("events-sls").orElseThrow();
    assertTrue(sls.serverlessV2());
    assertEquals(0.5, sls.serverlessMinAcu());
    assertEquals(16.0, sls.serverlessMaxAcu());
    assertEquals("aurora", sls.storageType(), "standard Aurora storage when the response names none");
    assertNull(sls.globalClusterId());
  }

  @Test
  void readsTheRedisReplicationGroupAsOneCacheWithShardsAndReplicas() {
    assertEquals(List.of("pages-memcached", "product-cache", "sessions"),
        s.cacheClusters().stream().map(CacheCluster::id).toList(), "group members are not caches of their own");
    CacheCluster g = s.cacheCluster("sessions").orElseThrow();
    assertEquals("redis", g.engine());
    assertEquals("7.1.0", g.engineVersion(), "from the member cache clusters");
    assertEquals("cache.r6g.large", g.nodeType());
    assertEquals(2, g.shards());
    assertEquals(1, g.replicasPerShard());
    assertEquals(4, g.nodeCount());
    assertTrue(g.clusterMode());
    assertTrue(g.automaticFailover());
    assertFalse(g.serverless());
    assertEquals(List.of("sessions-0001-001", "sessions-0001-002", "sessions-0002-001", "sessions-0002-002"),
        g.memberClusters());
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), g.availabilityZones());
    assertEquals(1, g.snapshotRetentionDays());
    assertTrue(g.encryptedAtRest());
    assertTrue(g.transitEncryption());
    assertEquals("clustercfg.sessions.a1b2c3.use1.cache.amazonaws.com", g.endpoint(), "the configuration endpoint");
    assertNull(g.globalReplicationGroupId());
    assertEquals(Map.of("app", "web", "env", "prod"), g.tags(), "from ListTagsForResource");
  }

  @Test
  void readsMemcachedAndServerlessCaches() {
    CacheCluster m = s.cacheCluster("pages-memcached").orElseThrow();
    assertEquals("memcached", m.engine());
    assertEquals("1.6.22", m.engineVersion());
    assertEquals(3, m.shards(), "Memcached: one shard per node");
    assertEquals(0, m.replicasPerShard());
    assertEquals(3, m.nodeCount());
    assertFalse(m.clusterMode());
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), m.availabilityZones(), "from the nodes, not 'Multiple'");
    assertEquals("pages-memcached.a1b2c3.cfg.use1.cache.amazonaws.com", m.endpoint());
    assertEquals(List.of("pages-memcached"), m.memberClusters());
    assertFalse(m.encryptedAtRest());
    CacheCluster sl = s.cacheCluster("product-cache").orElseThrow();
    assertTrue(sl.serverless());
    assertEquals("valkey", sl.engine());
    assertEquals("8.0", sl.engineVersion());
    assertNull(sl.nodeType());
    assertEquals(0, sl.nodeCount());
    assertEquals(100.0, sl.serverlessMaxDataGib());
    assertEquals(3, sl.snapshotRetentionDays());
    assertEquals("product-cache-a1b2c3.serverless.use1.cache.amazonaws.com", sl.endpoint());
    assertEquals(3, result.calls().calls().get("elasticache:ListTagsForResource"), "one per cache in us-east-1");
  }

  @Test
  void readsActiveReservedDbInstancesAndCacheNodes() {
    Commitment db = commitment("reserved-db-instance");
    assertEquals("ri-orders-mysql-2026", db.id(), "the retired reservation is left out");
    assertEquals("us-east-1", db.region());
    assertEquals("db.m6g.large", db.instanceType());
    assertEquals("mysql", db.platform());
    assertEquals("multi-az", db.offering());
    assertEquals(1, db.count());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), db.start());
    assertEquals(Instant.parse("2027-03-01T00:00:00Z"), db.end());
    assertEquals(0, new BigDecimal("1200").compareTo(db.upfrontUsd()));
    assertEquals(0, new BigDecimal("0.05").compareTo(db.hourlyUsd()), "usage price 0 plus the hourly recurring charge");
    assertEquals("active", db.state());
    Commitment node = commitment("reserved-cache-node");
    assertEquals("rcn-sessions-2026", node.id());
    assertEquals("cache.r6g.large", node.instanceType());
    assertEquals("redis", node.platform());
    assertEquals(4, node.count());
    assertEquals(Instant.parse("2029-01-31T00:00:00Z"), node.end(), "a 3-year term of 94,608,000 s");
    assertEquals(0, BigDecimal.ZERO.compareTo(node.upfrontUsd()));
    assertEquals(0, new BigDecimal("0.143").compareTo(node.hourlyUsd()));
    assertEquals("No Upfront", node.offering());
  }

  @Test
  void reducesRdsMetricsPerDbInstance() {
    Usage u = usage("orders-mysql", "rds");
    assertEquals("us-east-1", u.region(), "a DB instance's name is unique within its region only");
    assertEquals(30.0, u.cpuAvgPct());
    assertEquals(90.0, u.cpuMaxPct());
    assertEquals(65.0, u.cpuP95Pct());
    assertEquals(2, u.daily().size());
    var d = u.datastore();
    assertEquals(2.0, d.freeableMemoryMinGib());
    assertEquals(120.5, d.connectionsAvg());
    assertEquals(300.0, d.connectionsMax());
    assertEquals(250.0, d.readIopsAvg());
    assertEquals(800.0, d.readIopsP95());
    assertEquals(150.0, d.writeIopsAvg());
    assertEquals(400.0, d.writeIopsP95());
    assertEquals(60.0, d.storageUsedGib(), "200 GiB allocated, 140 GiB free on the last day");
    // NetworkReceiveThroughput is bytes per second: each day's average times 86,400 s.
    assertEquals(2 * 100_000.0 * 86_400 / GIB, u.networkInGib(), 1e-9);
    assertEquals(500_000.0 * 86_400 / GIB, u.networkOutGib(), 1e-9);
    assertNull(d.cacheHits());
    Usage replica = usage("orders-mysql-replica", "rds");
    assertEquals(11.0, replica.cpuAvgPct());
    assertNull(replica.datastore().freeableMemoryMinGib(), "not measured is null, never zero");
    assertNull(replica.datastore().storageUsedGib());
    assertNull(replica.networkInGib());
    assertTrue(s.usage().stream().noneMatch(x -> x.resourceId().equals("billing-pg")), "no metric at all: no record");
    Usage writer = usage("analytics-aurora-1", "rds");
    assertEquals(4.0, writer.datastore().freeableMemoryMinGib());
    assertNull(writer.datastore().storageUsedGib(), "an Aurora member's storage is measured on its cluster");
  }

  @Test
  void reducesAuroraMetricsPerCluster() {
    Usage a = usage("analytics-aurora", "aurora");
    assertEquals("us-east-1", a.region());
    assertEquals(60.0, a.datastore().storageUsedGib(), "the last day's VolumeBytesUsed");
    assertNull(a.datastore().capacityAcuAvg());
    assertNull(a.cpuAvgPct());
    Usage sls = usage("events-sls", "aurora");
    assertEquals(10.0, sls.datastore().storageUsedGib());
    assertEquals(2.5, sls.datastore().capacityAcuAvg());
    assertEquals(8.0, sls.datastore().capacityAcuMax());
  }

  @Test
  void reducesElastiCacheMetricsOverTheMembersOfEachCache() {
    Usage g = usage("sessions", "elasticache");
    assertEquals("us-east-1", g.region());
    assertEquals(18.0, g.cpuAvgPct(), "mean of the members' EngineCPUUtilization");
    assertEquals(60.0, g.cpuP95Pct(), "the busiest member's p95");
    assertEquals(85.0, g.cpuMaxPct());
    var d = g.datastore();
    assertEquals(2_000_000L, d.cacheHits());
    assertEquals(500_000L, d.cacheMisses());
    assertEquals(0.8, g.cacheHitRatio());
    assertEquals(140.0, d.connectionsAvg());
    assertEquals(280.0, d.connectionsMax());
    assertEquals(72.5, d.memoryUsedMaxPct());
    assertEquals(5.0, d.storageUsedGib(), "(2+2+3+3) GiB over 2 copies of each shard");
    assertEquals(3.0, g.networkInGib());
    assertEquals(2.0, g.networkOutGib());
    Usage m = usage("pages-memcached", "elasticache");
    assertEquals(15.0, m.cpuAvgPct());
    assertEquals(35.0, m.cpuP95Pct());
    assertEquals(0.75, m.cacheHitRatio(), "GetHits / (GetHits + GetMisses)");
    assertNull(m.datastore().memoryUsedMaxPct(), "Memcached has no DatabaseMemoryUsagePercentage");
    assertEquals(1.5, m.datastore().storageUsedGib());
    assertNull(m.networkInGib());
    Usage sl = usage("product-cache", "elasticache");
    assertNull(sl.cpuAvgPct());
    assertEquals(0.999, sl.cacheHitRatio());
    assertEquals(0.5, sl.datastore().storageUsedGib());
    assertEquals(25.0, sl.datastore().connectionsAvg());
  }

  @Test
  void asksCloudWatchForDatastoreMetricsInTheRegionsOneBatch() {
    assertEquals(List.of(), s.gaps(), () -> "gaps: " + s.gaps());
    var bodies = fx.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains("Action=GetMetricData&")
            && Journal.region(e.getRequest()).equals("us-east-1"))
        .map(e -> java.net.URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8)).toList();
    assertEquals(1, bodies.size());
    String b = bodies.get(0);
    assertTrue(b.contains("=AWS/RDS&") && b.contains("=DBInstanceIdentifier&") && b.contains("=orders-mysql&"), b);
    assertTrue(b.contains("=DBClusterIdentifier&") && b.contains("=ServerlessDatabaseCapacity&"), b);
    assertTrue(b.contains("=AWS/ElastiCache&") && b.contains("=CacheClusterId&") && b.contains("=sessions-0002-002&"), b);
    assertTrue(b.contains("=GetHits&") && b.contains("=EngineCPUUtilization&") && b.contains("=clusterId&"), b);
  }

  @Test
  void theSnapshotWithDataStoresMatchesTheSchemaAndRoundTrips() throws Exception {
    String json = SnapshotJson.toJson(s);
    assertEquals(json, SnapshotJson.toJson(SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "mem")));
    try (var in = DatastoreCollectTest.class.getResourceAsStream("/schema/snapshot-v1.schema.json")) {
      var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
          .getSchema(in);
      assertEquals(java.util.Set.of(), schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)));
    }
  }

  @Test
  void anOlderSnapshotWithoutDataStoresStillReads() throws Exception {
    String json = SnapshotJson.toJson(s);
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) SnapshotJson.mapper().readTree(json);
    tree.remove(List.of("dbInstances", "dbClusters", "cacheClusters"));
    tree.get("usage").forEach(u -> ((com.fasterxml.jackson.databind.node.ObjectNode) u).remove("datastore"));
    Snapshot old = SnapshotJson.read(new ByteArrayInputStream(tree.toString().getBytes(StandardCharsets.UTF_8)), "old.json");
    assertEquals(List.of(), old.dbInstances());
    assertEquals(List.of(), old.dbClusters());
    assertEquals(List.of(), old.cacheClusters());
    assertEquals(s.instances(), old.instances());
  }

  @Test
  void accessDeniedOnRdsIsAGapPerListAndTheRunGoesOn() {
    try (Fixtures f = new Fixtures()) {
      f.server.stubFor(post(urlPathEqualTo("/")).atPriority(1)
          .withHeader("Authorization", matching(".*/[a-z0-9-]+/rds/aws4_request.*"))
          .withRequestBody(containing("Action=Describe"))
          .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
              .withBodyFile("faults/rds-access-denied.xml")));
      CollectResult r = f.collect();
      Snapshot denied = r.snapshot();
      List<Gap> gaps = denied.gaps();
      assertEquals(6, gaps.size(), () -> "three lists in two regions: " + gaps);
      Gap g = gaps.stream().filter(x -> x.region().equals("us-east-1") && x.missing().equals("RDS DB instances"))
          .findFirst().orElseThrow(() -> new AssertionError(gaps.toString()));
      assertEquals("rds", g.service());
      assertEquals("AccessDenied", g.errorCode());
      assertTrue(g.message().contains("rds:DescribeDBInstances"), g.message());
      assertEquals(List.of(), r.incomplete(), "a refusal does not make the collection incomplete");
      assertEquals(List.of(), denied.dbInstances());
      assertEquals(List.of(), denied.dbClusters());
      assertEquals(3, denied.cacheClusters().size(), "ElastiCache is still read");
      assertEquals(5, denied.instances().size());
      assertEquals(2, r.calls().attempts().get("rds:DescribeDBInstances"), "one per region: a refusal is not retried");
    }
  }

  @Test
  void anAuroraClusterListDownAfterRetriesMakesTheCollectionIncomplete() {
    try (Fixtures f = new Fixtures()) {
      f.server.stubFor(post(urlPathEqualTo("/")).atPriority(1)
          .withHeader("Authorization", matching(".*/us-east-1/rds/aws4_request.*"))
          .withRequestBody(containing("Action=DescribeDBClusters&"))
          .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/xml")
              .withBody("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Receiver</Type>"
                  + "<Code>ServiceUnavailable</Code><Message>Service unavailable, try again.</Message></Error>"
                  + "<RequestId>x</RequestId></ErrorResponse>")));
      CollectResult r = f.collect();
      assertEquals(List.of(new Gap("rds", "us-east-1", "ServiceUnavailable", "Aurora DB clusters",
          "Service unavailable, try again.")), r.incomplete(), "the cluster list is inventory");
      assertFalse(r.snapshot().collection().inventoryComplete());
      assertEquals(List.of(), r.snapshot().dbClusters());
      assertEquals(6, r.snapshot().dbInstances().size(), "the other RDS lists are still read");
      assertEquals(3, r.calls().attempts().get("rds:DescribeDBClusters") - 1, "3 attempts in us-east-1, 1 in eu-west-1");
    }
  }

  @Test
  void deniedCacheTagsAreOneGapAndTheCachesAreKept() {
    try (Fixtures f = new Fixtures()) {
      f.server.stubFor(post(urlPathEqualTo("/")).atPriority(1)
          .withHeader("Authorization", matching(".*/us-east-1/elasticache/aws4_request.*"))
          .withRequestBody(containing("Action=ListTagsForResource&"))
          .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
              .withBody("<ErrorResponse xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\"><Error><Type>Sender</Type>"
                  + "<Code>AccessDenied</Code><Message>not authorized to perform: elasticache:ListTagsForResource</Message>"
                  + "</Error><RequestId>x</RequestId></ErrorResponse>")));
      CollectResult r = f.collect();
      Snapshot denied = r.snapshot();
      assertEquals(List.of("ElastiCache serverless cache tags", "ElastiCache tags"),
          denied.gaps().stream().map(Gap::missing).toList(), () -> "one gap per part: " + denied.gaps());
      Gap g = denied.gaps().get(1);
      assertEquals("elasticache", g.service());
      assertEquals("AccessDenied", g.errorCode());
      assertEquals(List.of(), r.incomplete());
      assertEquals(3, denied.cacheClusters().size());
      assertEquals(Map.of(), denied.cacheCluster("sessions").orElseThrow().tags());
      assertTrue(r.calls().attempts().get("elasticache:ListTagsForResource") <= 3,
          "not retried; caches asked at the same time may each meet the refusal once");
    }
  }

  private static Commitment commitment(String kind) {
    List<Commitment> found = s.commitments().stream().filter(c -> c.kind().equals(kind)).toList();
    assertEquals(1, found.size(), () -> kind + ": " + found);
    return found.get(0);
  }

  private static Usage usage(String id, String kind) {
    return s.usage().stream().filter(u -> u.resourceId().equals(id) && u.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " usage for " + id));
  }
}
