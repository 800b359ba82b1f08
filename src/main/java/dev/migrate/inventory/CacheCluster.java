package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Amazon ElastiCache cache as a team thinks of it: a Redis OSS or Valkey replication group, a
 * Memcached cluster, a standalone Redis cache cluster, or a serverless cache.
 *
 * @param id                     replication group id, cache cluster id (Memcached, standalone Redis)
 *                               or serverless cache name
 * @param arn                    ARN, or null
 * @param region                 AWS region
 * @param engine                 redis, valkey or memcached
 * @param engineVersion          engine version, e.g. 7.1
 * @param nodeType               node type, e.g. cache.r6g.large; null for a serverless cache
 * @param shards                 node groups (1 when cluster mode is off; Memcached: nodes)
 * @param replicasPerShard       replicas in each node group (0 for Memcached)
 * @param clusterMode            Redis/Valkey cluster mode enabled
 * @param automaticFailover      Multi-AZ automatic failover enabled
 * @param serverless             a serverless cache (no nodes; billed on data stored and ECPUs)
 * @param serverlessMaxDataGib   serverless data storage limit, GiB, or null
 * @param memberClusters         cache cluster (node) ids, sorted
 * @param availabilityZones      zones of the nodes, sorted
 * @param snapshotRetentionDays  automatic backup retention, days
 * @param encryptedAtRest        at-rest encryption
 * @param transitEncryption      in-transit encryption (TLS)
 * @param endpoint               primary or configuration endpoint address, or null
 * @param status                 status, e.g. available
 * @param globalReplicationGroupId the global datastore it belongs to, or null
 * @param tags                   tags, sorted by key
 */
public record CacheCluster(
    @JsonProperty(required = true) String id,
    String arn,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) String engine,
    String engineVersion,
    String nodeType,
    int shards,
    int replicasPerShard,
    boolean clusterMode,
    boolean automaticFailover,
    boolean serverless,
    Double serverlessMaxDataGib,
    List<String> memberClusters,
    List<String> availabilityZones,
    int snapshotRetentionDays,
    boolean encryptedAtRest,
    boolean transitEncryption,
    String endpoint,
    String status,
    String globalReplicationGroupId,
    Map<String, String> tags) {

  public CacheCluster {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(engine, "engine");
    memberClusters = memberClusters == null ? List.of() : List.copyOf(new java.util.TreeSet<>(memberClusters));
    availabilityZones = availabilityZones == null ? List.of() : List.copyOf(new java.util.TreeSet<>(availabilityZones));
    tags = Lists.sorted(tags);
  }

  /** Nodes billed: every shard's primary and replicas (Memcached: its nodes); 0 for serverless. */
  public int nodeCount() {
    return serverless ? 0 : shards * (1 + replicasPerShard);
  }
}
