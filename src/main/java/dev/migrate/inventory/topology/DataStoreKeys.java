package dev.migrate.inventory.topology;

import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.MemberAccount;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keys of managed databases and caches that stay apart when one name lives in two regions. RDS and ElastiCache
 * identifiers are unique within a region only, while every stage after reading keys items by id (the plan's
 * mappings, cost lines, the what-if's move units, usage lookups). A DB instance, Aurora cluster or cache whose id
 * names items of its kind in more than one region is therefore keyed {@code region/id} (for example
 * {@code eu-west-1/orders}; a slash is never part of an RDS or ElastiCache identifier), and so are the references to
 * it: Aurora members and writers, a member's cluster, a same-region replica source, usage records, network
 * interfaces, and the resource ids of member accounts. Ids that name one item keep their id, so a snapshot without
 * such a clash is returned as it is.
 *
 * <p>A usage record of a clashing id is told apart by its {@code region}; one without a region cannot be told apart
 * and is left under the bare id, which then names no item (its figures are not measured for either).
 */
final class DataStoreKeys {
  private DataStoreKeys() {}

  /** The key of a data store whose id names items in several regions. */
  static String key(String region, String id) {
    return region + "/" + id;
  }

  /** The snapshot with clashing data store ids keyed by region (the same snapshot when none clash). */
  static Snapshot qualify(Snapshot s) {
    Set<String> dbs = inSeveralRegions(s.dbInstances(), DbInstance::id, DbInstance::region);
    Set<String> clusters = inSeveralRegions(s.dbClusters(), DbCluster::id, DbCluster::region);
    Set<String> caches = inSeveralRegions(s.cacheClusters(), CacheCluster::id, CacheCluster::region);
    if (dbs.isEmpty() && clusters.isEmpty() && caches.isEmpty()) {
      return s;
    }
    List<DbInstance> instances = new ArrayList<>(s.dbInstances().size());
    for (DbInstance d : s.dbInstances()) {
      String r = d.region();
      String source = d.readReplicaSourceId();
      // A source in another region is named by its ARN, which is unique; a bare id is in the replica's region.
      String qualifiedSource = source == null || source.startsWith("arn:") ? source : q(dbs, r, source);
      instances.add(new DbInstance(q(dbs, r, d.id()), d.arn(), r, d.availabilityZone(), d.engine(),
          d.engineVersion(), d.instanceClass(), d.storageType(), d.allocatedStorageGib(), d.provisionedIops(),
          d.multiAz(), d.clusterId() == null ? null : q(clusters, r, d.clusterId()), qualifiedSource,
          d.backupRetentionDays(), d.encrypted(), d.endpoint(), d.status(), d.licenseModel(), d.tags()));
    }
    List<DbCluster> dbClusters = new ArrayList<>(s.dbClusters().size());
    for (DbCluster c : s.dbClusters()) {
      String r = c.region();
      dbClusters.add(new DbCluster(q(clusters, r, c.id()), c.arn(), r, c.engine(), c.engineVersion(), c.engineMode(),
          c.members().stream().map(m -> q(dbs, r, m)).toList(), c.writerId() == null ? null : q(dbs, r, c.writerId()),
          c.serverlessMinAcu(), c.serverlessMaxAcu(), c.storageType(), c.multiAz(), c.globalClusterId(),
          c.backtrackWindowHours(), c.backupRetentionDays(), c.encrypted(), c.endpoint(), c.status(), c.tags()));
    }
    List<CacheCluster> cacheClusters = new ArrayList<>(s.cacheClusters().size());
    for (CacheCluster c : s.cacheClusters()) {
      cacheClusters.add(new CacheCluster(q(caches, c.region(), c.id()), c.arn(), c.region(), c.engine(),
          c.engineVersion(), c.nodeType(), c.shards(), c.replicasPerShard(), c.clusterMode(), c.automaticFailover(),
          c.serverless(), c.serverlessMaxDataGib(), c.memberClusters(), c.availabilityZones(),
          c.snapshotRetentionDays(), c.encryptedAtRest(), c.transitEncryption(), c.endpoint(), c.status(),
          c.globalReplicationGroupId(), c.tags()));
    }
    List<Usage> usage = new ArrayList<>(s.usage().size());
    for (Usage u : s.usage()) {
      Set<String> clash = switch (u.kind()) {
        case "rds" -> dbs;
        case "aurora" -> clusters;
        case "elasticache" -> caches;
        default -> Set.of();
      };
      boolean qualified = u.region() != null && clash.contains(u.resourceId());
      usage.add(qualified ? u.withResourceId(key(u.region(), u.resourceId())) : u);
    }
    List<NetworkInterface> interfaces = new ArrayList<>(s.networkInterfaces().size());
    for (NetworkInterface n : s.networkInterfaces()) {
      Set<String> clash = "rds".equals(n.attachedKind()) ? dbs : "elasticache".equals(n.attachedKind()) ? caches
          : Set.of();
      String id = n.attachedResourceId();
      interfaces.add(id == null || !clash.contains(id) ? n : new NetworkInterface(n.id(), n.region(), n.vpcId(),
          n.subnetId(), n.interfaceType(), n.privateIps(), n.publicIps(), n.attachedKind(), key(n.region(), id),
          n.description()));
    }
    List<MemberAccount> members = new ArrayList<>(s.members().size());
    if (!s.members().isEmpty()) {
      // The regions each clashing id lives in, for the members that list it.
      Map<String, List<String>> regionsOf = new HashMap<>();
      s.dbInstances().stream().filter(d -> dbs.contains(d.id()))
          .forEach(d -> addRegion(regionsOf, d.id(), d.region()));
      s.dbClusters().stream().filter(c -> clusters.contains(c.id()))
          .forEach(c -> addRegion(regionsOf, c.id(), c.region()));
      s.cacheClusters().stream().filter(c -> caches.contains(c.id()))
          .forEach(c -> addRegion(regionsOf, c.id(), c.region()));
      for (MemberAccount m : s.members()) {
        members.add(member(m, regionsOf));
      }
    }
    Snapshot out = s.withDataStores(instances, dbClusters, cacheClusters).withUsage(usage)
        .withNetworkInterfaces(interfaces);
    return new Snapshot(out.schema(), out.account(), out.collectedAt(), out.window(), out.regions(), out.instances(),
        out.volumes(), out.autoScalingGroups(), out.loadBalancers(), out.distributions(), out.buckets(), out.vpcs(),
        out.commitments(), out.usage(), out.billing(), out.gaps(), out.coverage(), out.webAcls(), out.collection(),
        out.dbInstances(), out.dbClusters(), out.cacheClusters(), out.networkInterfaces(), out.flowLogs(), members);
  }

  /**
   * A member's resource ids with each clashing id replaced by its keys in the regions the member was collected in
   * (all of them when the member names no regions).
   */
  private static MemberAccount member(MemberAccount m, Map<String, List<String>> regionsOf) {
    List<String> ids = new ArrayList<>(m.resourceIds().size());
    boolean changed = false;
    for (String id : m.resourceIds()) {
      List<String> regions = regionsOf.get(id);
      if (regions == null) {
        ids.add(id);
        continue;
      }
      changed = true;
      for (String r : regions) {
        if (m.regions().isEmpty() || m.regions().contains(r)) {
          ids.add(key(r, id));
        }
      }
    }
    return changed ? new MemberAccount(m.account(), m.name(), m.collectedAt(), m.regions(), m.billing(), ids) : m;
  }

  private static void addRegion(Map<String, List<String>> regionsOf, String id, String region) {
    List<String> list = regionsOf.computeIfAbsent(id, k -> new ArrayList<>());
    if (!list.contains(region)) {
      list.add(region);
    }
  }

  /** The key of an id in a region: qualified when the id clashes across regions. */
  private static String q(Set<String> clash, String region, String id) {
    return clash.contains(id) ? key(region, id) : id;
  }

  private static <T> Set<String> inSeveralRegions(List<T> items, Function<T, String> id, Function<T, String> region) {
    Map<String, String> regionOf = new HashMap<>();
    Set<String> out = new HashSet<>();
    for (T t : items) {
      String prev = regionOf.putIfAbsent(id.apply(t), region.apply(t));
      if (prev != null && !prev.equals(region.apply(t))) {
        out.add(id.apply(t));
      }
    }
    return out;
  }
}
