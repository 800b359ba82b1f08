package dev.migrate.collect;

import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Commitment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheNode;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.RecurringCharge;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ReservedCacheNode;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * ElastiCache caches of one region as a team thinks of them: one {@link CacheCluster} per Redis OSS
 * or Valkey replication group, per Memcached cluster, per standalone Redis cache cluster (in no
 * replication group) and per serverless cache; and the active reserved cache nodes. The Describe
 * calls carry no tags: ListTagsForResource is asked once per cache (a refusal is one gap and the
 * caches are kept without tags).
 */
final class ElastiCacheCollector {
  static final List<String> ACTIONS = List.of(
      "elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters",
      "elasticache:DescribeServerlessCaches", "elasticache:DescribeReservedCacheNodes",
      "elasticache:ListTagsForResource");
  /** The largest page DescribeReplicationGroups/DescribeCacheClusters/DescribeReservedCacheNodes serve (API reference: MaxRecords 20..100). */
  static final int PAGE = 100;
  /** DescribeServerlessCaches MaxResults ceiling (API reference: up to 50). */
  static final int SERVERLESS_PAGE = 50;

  private ElastiCacheCollector() {}

  /**
   * Replication groups and the cache clusters outside them. DescribeCacheClusters (with node
   * details) is read first: it gives the engine version and zones of every group member too.
   */
  static int caches(ElastiCacheClient ec, String region, boolean redact, Sink sink, Fanout fanout) {
    Map<String, software.amazon.awssdk.services.elasticache.model.CacheCluster> byId = new HashMap<>();
    List<software.amazon.awssdk.services.elasticache.model.CacheCluster> standalone = new ArrayList<>();
    for (var page : ec.describeCacheClustersPaginator(r -> r.showCacheNodeInfo(true).maxRecords(PAGE))) {
      for (var c : page.cacheClusters()) {
        byId.put(c.cacheClusterId(), c);
        if (c.replicationGroupId() == null || c.replicationGroupId().isBlank()) {
          standalone.add(c);
        }
      }
    }
    List<ReplicationGroup> groups = new ArrayList<>();
    for (var page : ec.describeReplicationGroupsPaginator(r -> r.maxRecords(PAGE))) {
      groups.addAll(page.replicationGroups());
    }
    List<CacheCluster> found = new ArrayList<>();
    groups.forEach(g -> found.add(fromGroup(g, region, byId)));
    standalone.forEach(c -> found.add(fromCluster(c, region)));
    sink.cacheClusters.addAll(withTags(ec, region, redact, sink, fanout, found, "ElastiCache tags"));
    return found.size();
  }

  /** Serverless caches: no nodes, billed on data stored and ElastiCache Processing Units. */
  static int serverless(ElastiCacheClient ec, String region, boolean redact, Sink sink, Fanout fanout) {
    List<CacheCluster> found = new ArrayList<>();
    for (var page : ec.describeServerlessCachesPaginator(r -> r.maxResults(SERVERLESS_PAGE))) {
      for (ServerlessCache s : page.serverlessCaches()) {
        found.add(fromServerless(s, region));
      }
    }
    sink.cacheClusters.addAll(withTags(ec, region, redact, sink, fanout, found, "ElastiCache serverless cache tags"));
    return found.size();
  }

  /** Active reserved cache nodes: {@code instanceType} is the node type, {@code platform} the engine. */
  static int reserved(ElastiCacheClient ec, String region, Sink sink) {
    int n = 0;
    for (var page : ec.describeReservedCacheNodesPaginator(r -> r.maxRecords(PAGE))) {
      for (ReservedCacheNode rn : page.reservedCacheNodes()) {
        if (!"active".equals(rn.state())) {
          continue; // payment-pending, payment-failed and retired reservations lower nothing
        }
        BigDecimal hourly = RdsCollector.decimal(rn.usagePrice());
        for (RecurringCharge c : rn.recurringCharges()) {
          if (c.recurringChargeAmount() != null && "Hourly".equalsIgnoreCase(c.recurringChargeFrequency())) {
            hourly = hourly.add(RdsCollector.decimal(c.recurringChargeAmount()));
          }
        }
        // Duration is the term in seconds.
        var end = rn.startTime() == null || rn.duration() == null ? null : rn.startTime().plusSeconds(rn.duration());
        sink.commitments.add(new Commitment("reserved-cache-node", rn.reservedCacheNodeId(), region,
            rn.cacheNodeType(), rn.productDescription(), rn.cacheNodeCount() == null ? 0 : rn.cacheNodeCount(),
            rn.startTime(), end, RdsCollector.decimal(rn.fixedPrice()), hourly, rn.offeringType(), rn.state()));
        n++;
      }
    }
    return n;
  }

  static CacheCluster fromGroup(ReplicationGroup g, String region,
      Map<String, software.amazon.awssdk.services.elasticache.model.CacheCluster> clusters) {
    List<String> members = new ArrayList<>(g.memberClusters());
    var first = members.stream().map(clusters::get).filter(java.util.Objects::nonNull).findFirst();
    String engine = g.engine() != null ? g.engine() : first.map(c -> c.engine()).orElse("redis");
    TreeSet<String> zones = new TreeSet<>();
    int replicas = 0;
    String primary = null;
    for (NodeGroup ng : g.nodeGroups()) {
      // Each node group (shard) has one primary; the other members are its replicas.
      replicas = Math.max(replicas, Math.max(0, ng.nodeGroupMembers().size() - 1));
      if (primary == null && ng.primaryEndpoint() != null) {
        primary = ng.primaryEndpoint().address();
      }
      for (NodeGroupMember m : ng.nodeGroupMembers()) {
        if (m.preferredAvailabilityZone() != null) {
          zones.add(m.preferredAvailabilityZone());
        }
      }
    }
    int shards = Math.max(1, g.nodeGroups().size());
    if (g.nodeGroups().stream().allMatch(ng -> ng.nodeGroupMembers().isEmpty()) && !members.isEmpty()) {
      // Cluster-mode groups may list node groups without members: every member cluster is one node.
      replicas = Math.max(0, members.size() / shards - 1);
    }
    for (String m : members) {
      var c = clusters.get(m);
      if (c != null && c.preferredAvailabilityZone() != null && !"Multiple".equals(c.preferredAvailabilityZone())) {
        zones.add(c.preferredAvailabilityZone());
      }
    }
    boolean clusterMode = Boolean.TRUE.equals(g.clusterEnabled()) || "enabled".equals(g.clusterModeAsString());
    String endpoint = g.configurationEndpoint() != null ? g.configurationEndpoint().address() : primary;
    String global = g.globalReplicationGroupInfo() == null ? null
        : g.globalReplicationGroupInfo().globalReplicationGroupId();
    return new CacheCluster(g.replicationGroupId(), g.arn(), region, engine,
        first.map(c -> c.engineVersion()).orElse(null), g.cacheNodeType(), shards, replicas, clusterMode,
        "enabled".equals(g.automaticFailoverAsString()), false, null, members, List.copyOf(zones),
        g.snapshotRetentionLimit() == null ? 0 : g.snapshotRetentionLimit(),
        Boolean.TRUE.equals(g.atRestEncryptionEnabled()), Boolean.TRUE.equals(g.transitEncryptionEnabled()),
        endpoint, g.status(), global, Map.of());
  }

  /** A Memcached cluster (shards = its nodes) or a standalone Redis/Valkey cache cluster (one node). */
  static CacheCluster fromCluster(software.amazon.awssdk.services.elasticache.model.CacheCluster c, String region) {
    boolean memcached = "memcached".equals(c.engine());
    TreeSet<String> zones = new TreeSet<>();
    String nodeEndpoint = null;
    for (CacheNode n : c.cacheNodes()) {
      if (n.customerAvailabilityZone() != null) {
        zones.add(n.customerAvailabilityZone());
      }
      if (nodeEndpoint == null && n.endpoint() != null) {
        nodeEndpoint = n.endpoint().address();
      }
    }
    if (zones.isEmpty() && c.preferredAvailabilityZone() != null && !"Multiple".equals(c.preferredAvailabilityZone())) {
      zones.add(c.preferredAvailabilityZone());
    }
    int nodes = c.numCacheNodes() == null ? Math.max(1, c.cacheNodes().size()) : c.numCacheNodes();
    String endpoint = c.configurationEndpoint() != null ? c.configurationEndpoint().address() : nodeEndpoint;
    return new CacheCluster(c.cacheClusterId(), c.arn(), region, c.engine(), c.engineVersion(), c.cacheNodeType(),
        memcached ? nodes : 1, 0, false, false, false, null, List.of(c.cacheClusterId()), List.copyOf(zones),
        c.snapshotRetentionLimit() == null ? 0 : c.snapshotRetentionLimit(),
        Boolean.TRUE.equals(c.atRestEncryptionEnabled()), Boolean.TRUE.equals(c.transitEncryptionEnabled()),
        endpoint, c.cacheClusterStatus(), null, Map.of());
  }

  static CacheCluster fromServerless(ServerlessCache s, String region) {
    var limits = s.cacheUsageLimits();
    // CacheUsageLimits.DataStorage.Maximum is in the unit it names (GB, the only unit the API has).
    Double maxData = limits == null || limits.dataStorage() == null || limits.dataStorage().maximum() == null ? null
        : limits.dataStorage().maximum().doubleValue();
    String version = s.fullEngineVersion() != null ? s.fullEngineVersion() : s.majorEngineVersion();
    // Serverless caches always encrypt data at rest and in transit (ElastiCache user guide,
    // "Data security in Amazon ElastiCache"); the API has no field for either.
    return new CacheCluster(s.serverlessCacheName(), s.arn(), region, s.engine(), version, null, 0, 0, false, false,
        true, maxData, List.of(), List.of(), s.snapshotRetentionLimit() == null ? 0 : s.snapshotRetentionLimit(),
        true, true, s.endpoint() == null ? null : s.endpoint().address(), s.status(), null, Map.of());
  }

  /** The caches with their tags from ListTagsForResource; a failed call leaves that cache's tags empty. */
  private static List<CacheCluster> withTags(ElastiCacheClient ec, String region, boolean redact, Sink sink,
      Fanout fanout, List<CacheCluster> caches, String missing) {
    // One refusal per part: the serverless caches are their own part, so their tags are their own gap.
    Attempt tagCall = new Attempt(sink, "elasticache", region, missing);
    return fanout.map(caches, c -> {
      if (c.arn() == null) {
        return c;
      }
      Map<String, String> tags = tagCall.get(c.id(), () -> Tags.of(
          ec.listTagsForResource(r -> r.resourceName(c.arn())).tagList(), Tag::key, Tag::value, redact), null);
      return Optional.ofNullable(tags).map(t -> withTags(c, t)).orElse(c);
    });
  }

  private static CacheCluster withTags(CacheCluster c, Map<String, String> tags) {
    return new CacheCluster(c.id(), c.arn(), c.region(), c.engine(), c.engineVersion(), c.nodeType(), c.shards(),
        c.replicasPerShard(), c.clusterMode(), c.automaticFailover(), c.serverless(), c.serverlessMaxDataGib(),
        c.memberClusters(), c.availabilityZones(), c.snapshotRetentionDays(), c.encryptedAtRest(),
        c.transitEncryption(), c.endpoint(), c.status(), c.globalReplicationGroupId(), tags);
  }
}
