package dev.migrate.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks what the JSON binding cannot: that a snapshot agrees with itself. A snapshot read from
 * a file may have been edited by hand, merged badly or written by another tool, and each of these
 * would otherwise give a silently wrong figure (an instance listed twice is priced twice).
 *
 * <p>Errors are what AWS never produces: an id twice in one list, a percentage outside 0..100,
 * a negative count, a window whose {@code days} contradicts its start and end, an account id that
 * is not 12 digits. Warnings are what AWS does produce while resources come and go during a
 * collection: a usage record, a volume attachment or an instance's group naming a resource that is
 * not in the snapshot (terminated or deleted between two API calls). Those references are not used.
 */
final class SnapshotCheck {
  private SnapshotCheck() {}

  /** Usage kinds of managed databases and caches, checked against their own lists. */
  private static final Set<String> DATASTORE_KINDS = Set.of("rds", "aurora", "elasticache");

  /** One finding at a JSON path of the file. */
  record Problem(String path, String message, boolean error) {}

  static List<Problem> check(Snapshot s) {
    return check(s, true);
  }

  /**
   * The errors a merge of checked snapshots can bring: ids and names listed twice once the accounts' lists are put
   * together, and what the merged snapshot names itself (account, window). The figures and references of each
   * account were checked when its file was read and a merge does not change them, so they are not checked again
   * (over a 200,000-instance estate that was a second pass through every figure and every daily point).
   */
  static List<Problem> checkMerged(Snapshot s) {
    return check(s, false);
  }

  private static List<Problem> check(Snapshot s, boolean figures) {
    var out = new ArrayList<Problem>();
    if (!s.account().id().matches("\\d{12}")) {
      out.add(error("$.account.id", "account id '" + s.account().id() + "' is not an AWS account id (12 digits)"));
    }
    Window w = s.window();
    long hours = Duration.between(w.start(), w.end()).toHours();
    if (Math.abs(w.days() * 24L - hours) >= 24) {
      out.add(error("$.window.days", "days " + w.days() + " disagrees with start " + w.start() + " and end " + w.end()
          + " (" + hours / 24 + " days apart)"));
    }
    unique(out, "instances", s.instances(), Ec2Instance::id, "id");
    unique(out, "volumes", s.volumes(), EbsVolume::id, "id");
    unique(out, "autoScalingGroups", s.autoScalingGroups(), AutoScalingGroup::name, "name");
    unique(out, "loadBalancers", s.loadBalancers(), LoadBalancer::id, "id");
    unique(out, "distributions", s.distributions(), Distribution::id, "id");
    unique(out, "buckets", s.buckets(), S3Bucket::name, "name");
    unique(out, "vpcs", s.vpcs(), Vpc::id, "id");
    // A reserved DB instance's id is chosen by its buyer and unique within a region only.
    unique(out, "commitments", s.commitments(), c -> c.region() == null ? c.id() : c.id() + "' in '" + c.region(), "id");
    usageUnique(out, s);
    unique(out, "webAcls", s.webAcls(), WebAcl::arn, "arn");
    // RDS and ElastiCache identifiers are unique within a region: the same name may live in two regions.
    unique(out, "dbInstances", s.dbInstances(), d -> d.id() + "' in '" + d.region(), "id");
    unique(out, "dbClusters", s.dbClusters(), c -> c.id() + "' in '" + c.region(), "id");
    unique(out, "cacheClusters", s.cacheClusters(), c -> c.id() + "' in '" + c.region(), "id");
    network(out, s, figures);
    // A service listed twice in a month would be compared twice with the cost model (both copies
    // fell out of "AWS today"): Cost Explorer and Data Exports give one amount per service and month.
    for (int m = 0; m < s.billing().months().size(); m++) {
      Billing.Month month = s.billing().months().get(m);
      unique(out, "billing.months[" + m + "].services", month.services(), Billing.ServiceCost::service, "service");
    }

    if (!figures) {
      dataStoreLinks(out, s);
      return out;
    }
    for (int i = 0; i < s.volumes().size(); i++) {
      EbsVolume v = s.volumes().get(i);
      atLeastZero(out, "volumes", i, ".iops", v.iops());
      atLeastZero(out, "volumes", i, ".throughputMibps", v.throughputMibps());
    }
    for (int i = 0; i < s.autoScalingGroups().size(); i++) {
      AutoScalingGroup g = s.autoScalingGroups().get(i);
      atLeastZero(out, "autoScalingGroups", i, ".minSize", g.minSize());
      atLeastZero(out, "autoScalingGroups", i, ".maxSize", g.maxSize());
      atLeastZero(out, "autoScalingGroups", i, ".desiredCapacity", g.desiredCapacity());
    }
    for (int i = 0; i < s.commitments().size(); i++) {
      Commitment c = s.commitments().get(i);
      atLeastZero(out, "commitments", i, ".count", c.count());
      atLeastZero(out, "commitments", i, ".upfrontUsd", c.upfrontUsd());
      atLeastZero(out, "commitments", i, ".hourlyUsd", c.hourlyUsd());
    }
    for (int i = 0; i < s.buckets().size(); i++) {
      atLeastZero(out, "buckets", i, ".totalObjects", s.buckets().get(i).totalObjects());
    }
    for (int i = 0; i < s.usage().size(); i++) {
      usage(out, i, s.usage().get(i));
    }
    dataStores(out, s);
    references(out, s);
    dataStoreReferences(out, s);
    return out;
  }

  /**
   * One usage record per resource and kind. Kinds differ in their namespaces (an Aurora cluster,
   * an RDS instance and a bucket may share a name), and a DB instance or cache named alike in two
   * regions has two records of the same kind: neither is an error.
   */
  private static void usageUnique(List<Problem> out, Snapshot s) {
    Set<String> inSeveralRegions = new HashSet<>();
    severalRegions(inSeveralRegions, "rds", s.dbInstances(), DbInstance::id, DbInstance::region);
    severalRegions(inSeveralRegions, "aurora", s.dbClusters(), DbCluster::id, DbCluster::region);
    severalRegions(inSeveralRegions, "elasticache", s.cacheClusters(), CacheCluster::id, CacheCluster::region);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < s.usage().size(); i++) {
      Usage u = s.usage().get(i);
      String key = u.kind() + "/" + u.resourceId();
      Integer first = seen.putIfAbsent(key, i);
      if (first != null && !inSeveralRegions.contains(key)) {
        out.add(error("$.usage[" + i + "].resourceId", "'" + u.resourceId() + "' (kind " + u.kind()
            + ") is listed twice (also $.usage[" + first + "]); it would be counted twice"));
      }
    }
  }

  private static <T> void severalRegions(Set<String> out, String kind, List<T> items, Function<T, String> id,
      Function<T, String> region) {
    Map<String, String> regionOf = new HashMap<>();
    for (T t : items) {
      String prev = regionOf.putIfAbsent(id.apply(t), region.apply(t));
      if (prev != null && !prev.equals(region.apply(t))) {
        out.add(kind + "/" + id.apply(t));
      }
    }
  }

  /** Ranges of managed databases and caches, and their usage figures. */
  private static void dataStores(List<Problem> out, Snapshot s) {
    for (int i = 0; i < s.dbInstances().size(); i++) {
      DbInstance d = s.dbInstances().get(i);
      atLeastZero(out, "dbInstances", i, ".allocatedStorageGib", d.allocatedStorageGib());
      atLeastZero(out, "dbInstances", i, ".provisionedIops", d.provisionedIops());
      atLeastZero(out, "dbInstances", i, ".backupRetentionDays", d.backupRetentionDays());
    }
    for (int i = 0; i < s.dbClusters().size(); i++) {
      DbCluster c = s.dbClusters().get(i);
      atLeastZero(out, "dbClusters", i, ".serverlessMinAcu", c.serverlessMinAcu());
      atLeastZero(out, "dbClusters", i, ".serverlessMaxAcu", c.serverlessMaxAcu());
      atLeastZero(out, "dbClusters", i, ".backtrackWindowHours", c.backtrackWindowHours());
      atLeastZero(out, "dbClusters", i, ".backupRetentionDays", c.backupRetentionDays());
      if (c.serverlessMinAcu() != null && c.serverlessMaxAcu() != null && c.serverlessMinAcu() > c.serverlessMaxAcu()) {
        out.add(error(at("dbClusters", i) + ".serverlessMinAcu", "capacity range " + plain(c.serverlessMinAcu()) + ".."
            + plain(c.serverlessMaxAcu()) + " ACUs has its minimum above its maximum"));
      }
      writer(out, i, c);
    }
    for (int i = 0; i < s.cacheClusters().size(); i++) {
      CacheCluster c = s.cacheClusters().get(i);
      atLeastZero(out, "cacheClusters", i, ".shards", c.shards());
      atLeastZero(out, "cacheClusters", i, ".replicasPerShard", c.replicasPerShard());
      atLeastZero(out, "cacheClusters", i, ".serverlessMaxDataGib", c.serverlessMaxDataGib());
      atLeastZero(out, "cacheClusters", i, ".snapshotRetentionDays", c.snapshotRetentionDays());
    }
    for (int i = 0; i < s.usage().size(); i++) {
      DatastoreMetrics m = s.usage().get(i).datastore();
      if (m == null) {
        continue;
      }
      atLeastZero(out, "usage", i, ".datastore.freeableMemoryMinGib", m.freeableMemoryMinGib());
      percent(out, "usage", i, ".datastore.memoryUsedMaxPct", m.memoryUsedMaxPct());
      atLeastZero(out, "usage", i, ".datastore.connectionsAvg", m.connectionsAvg());
      atLeastZero(out, "usage", i, ".datastore.connectionsMax", m.connectionsMax());
      atLeastZero(out, "usage", i, ".datastore.readIopsAvg", m.readIopsAvg());
      atLeastZero(out, "usage", i, ".datastore.readIopsP95", m.readIopsP95());
      atLeastZero(out, "usage", i, ".datastore.writeIopsAvg", m.writeIopsAvg());
      atLeastZero(out, "usage", i, ".datastore.writeIopsP95", m.writeIopsP95());
      atLeastZero(out, "usage", i, ".datastore.storageUsedGib", m.storageUsedGib());
      atLeastZero(out, "usage", i, ".datastore.cacheHits", m.cacheHits());
      atLeastZero(out, "usage", i, ".datastore.cacheMisses", m.cacheMisses());
      atLeastZero(out, "usage", i, ".datastore.capacityAcuAvg", m.capacityAcuAvg());
      atLeastZero(out, "usage", i, ".datastore.capacityAcuMax", m.capacityAcuMax());
    }
  }

  /** A merged snapshot's clusters still name one of their members as writer. */
  private static void dataStoreLinks(List<Problem> out, Snapshot s) {
    for (int i = 0; i < s.dbClusters().size(); i++) {
      writer(out, i, s.dbClusters().get(i));
    }
  }

  private static void writer(List<Problem> out, int i, DbCluster c) {
    if (c.writerId() != null && !c.members().contains(c.writerId())) {
      out.add(error(at("dbClusters", i) + ".writerId", "writer '" + c.writerId() + "' is not one of the cluster's members "
          + c.members()));
    }
  }

  /**
   * Links of managed databases and caches: warnings, like the other references (a cluster or
   * instance may be created or deleted between two API calls). A member's cluster is only checked
   * when clusters were collected at all.
   */
  private static void dataStoreReferences(List<Problem> out, Snapshot s) {
    Set<String> dbs = new HashSet<>();
    s.dbInstances().forEach(d -> dbs.add(d.id()));
    Set<String> clusters = new HashSet<>();
    s.dbClusters().forEach(c -> clusters.add(c.id()));
    Set<String> caches = new HashSet<>();
    s.cacheClusters().forEach(c -> caches.add(c.id()));
    for (int i = 0; i < s.dbInstances().size(); i++) {
      DbInstance d = s.dbInstances().get(i);
      // Only Aurora members: a Multi-AZ DB cluster of RDS for MySQL/PostgreSQL is not listed as a cluster.
      if (d.auroraMember() && d.clusterId() != null && !clusters.isEmpty() && !clusters.contains(d.clusterId())) {
        out.add(warning("$.dbInstances[" + i + "].clusterId", "DB instance " + d.id() + " names cluster '" + d.clusterId()
            + "', which is not in the snapshot (created or deleted during collection?)"));
      }
    }
    for (int i = 0; i < s.dbClusters().size(); i++) {
      DbCluster c = s.dbClusters().get(i);
      for (int j = 0; j < c.members().size(); j++) {
        if (!dbs.isEmpty() && !dbs.contains(c.members().get(j))) {
          out.add(warning("$.dbClusters[" + i + "].members[" + j + "]", "cluster " + c.id() + " names member '"
              + c.members().get(j) + "', which is not in the snapshot (created or deleted during collection?)"));
        }
      }
    }
    Map<String, Set<String>> known = Map.of("rds", dbs, "aurora", clusters, "elasticache", caches);
    for (int i = 0; i < s.usage().size(); i++) {
      Usage u = s.usage().get(i);
      Set<String> ids = known.get(u.kind());
      if (ids != null && !ids.contains(u.resourceId())) {
        out.add(warning("$.usage[" + i + "].resourceId", u.kind() + " usage for " + u.resourceId()
            + ", which is not in the snapshot (removed during the window?); not used"));
      }
    }
  }

  private static void usage(List<Problem> out, int i, Usage u) {
    percent(out, "usage", i, ".cpuAvgPct", u.cpuAvgPct());
    percent(out, "usage", i, ".cpuP95Pct", u.cpuP95Pct());
    percent(out, "usage", i, ".cpuMaxPct", u.cpuMaxPct());
    percent(out, "usage", i, ".memAvgPct", u.memAvgPct());
    percent(out, "usage", i, ".memP95Pct", u.memP95Pct());
    atLeastZero(out, "usage", i, ".networkInGib", u.networkInGib());
    atLeastZero(out, "usage", i, ".networkOutGib", u.networkOutGib());
    atLeastZero(out, "usage", i, ".requests", u.requests());
    atLeastZero(out, "usage", i, ".bytesOutGib", u.bytesOutGib());
    atLeastZero(out, "usage", i, ".lcuHours", u.lcuHours());
    atLeastZero(out, "usage", i, ".peakRequestsPerSecond", u.peakRequestsPerSecond());
    if (u.cacheHitRatio() != null && !(u.cacheHitRatio() >= 0 && u.cacheHitRatio() <= 1)) {
      out.add(error(at("usage", i) + ".cacheHitRatio", "cacheHitRatio " + u.cacheHitRatio()
          + " is out of range 0..1 (a share of requests)"));
    }
    u.requestsByGeography().forEach((k, v) -> {
      if (negative(v)) {
        atLeastZero(out, at("usage", i) + ".requestsByGeography." + k, v);
      }
    });
    u.bytesByGeographyGib().forEach((k, v) -> {
      if (negative(v)) {
        atLeastZero(out, at("usage", i) + ".bytesByGeographyGib." + k, v);
      }
    });
    if (u.daily() instanceof DailyPoints points) {
      daily(out, i, points);
      return;
    }
    for (int j = 0; j < u.daily().size(); j++) {
      Usage.Daily d = u.daily().get(j);
      if (d == null) {
        out.add(error(at("usage", i) + ".daily[" + j + "]", "null where a daily point (an object with its date) is "
            + "expected"));
        continue;
      }
      dailyAtLeastZero(out, i, j, ".requests", d.requests());
      dailyAtLeastZero(out, i, j, ".bytesOutGib", d.bytesOutGib());
      dailyPercent(out, i, j, ".cpuAvgPct", d.cpuAvgPct());
      dailyPercent(out, i, j, ".cpuMaxPct", d.cpuMaxPct());
      dailyAtLeastZero(out, i, j, ".peakRequestsPerSecond", d.peakRequestsPerSecond());
    }
  }

  /**
   * The same checks on points kept by column, read from the columns: making each point again (a date and boxed
   * figures per day, 6 million points at 200,000 instances) only to compare numbers was most of what checking cost.
   */
  private static void daily(List<Problem> out, int i, DailyPoints p) {
    for (int j = 0; j < p.size(); j++) {
      if (p.requests(j) < 0 && p.requests(j) != DailyPoints.NO_LONG) {
        dailyAtLeastZero(out, i, j, ".requests", p.requests(j));
      }
      if (p.bytesOutGib(j) < 0) {
        dailyAtLeastZero(out, i, j, ".bytesOutGib", p.bytesOutGib(j));
      }
      if (p.cpuAvgPct(j) < 0 || p.cpuAvgPct(j) > 100) {
        dailyPercent(out, i, j, ".cpuAvgPct", p.cpuAvgPct(j));
      }
      if (p.cpuMaxPct(j) < 0 || p.cpuMaxPct(j) > 100) {
        dailyPercent(out, i, j, ".cpuMaxPct", p.cpuMaxPct(j));
      }
      if (p.peakRequestsPerSecond(j) < 0) {
        dailyAtLeastZero(out, i, j, ".peakRequestsPerSecond", p.peakRequestsPerSecond(j));
      }
    }
  }

  private static void dailyAtLeastZero(List<Problem> out, int i, int j, String field, Number v) {
    if (negative(v)) {
      atLeastZero(out, at("usage", i) + ".daily[" + j + "]" + field, v);
    }
  }

  private static void dailyPercent(List<Problem> out, int i, int j, String field, Double v) {
    if (v != null && !(v >= 0 && v <= 100)) {
      percent(out, at("usage", i) + ".daily[" + j + "]" + field, v);
    }
  }

  /** References between lists: warnings, because AWS lists resources one API call at a time. */
  private static void references(List<Problem> out, Snapshot s) {
    Set<String> instances = new HashSet<>();
    s.instances().forEach(i -> instances.add(i.id()));
    Set<String> groups = new HashSet<>();
    s.autoScalingGroups().forEach(g -> groups.add(g.name()));
    Set<String> resources = new HashSet<>(instances);
    s.volumes().forEach(v -> resources.add(v.id()));
    s.loadBalancers().forEach(lb -> {
      resources.add(lb.id());
      resources.add(lb.name());
    });
    s.distributions().forEach(d -> resources.add(d.id()));
    s.buckets().forEach(b -> resources.add(b.name()));
    for (int i = 0; i < s.instances().size(); i++) {
      Ec2Instance x = s.instances().get(i);
      if (x.autoScalingGroup() != null && !groups.isEmpty() && !groups.contains(x.autoScalingGroup())) {
        out.add(warning("$.instances[" + i + "].autoScalingGroup", "instance " + x.id() + " names auto scaling group '"
            + x.autoScalingGroup() + "', which is not in the snapshot (deleted during collection?)"));
      }
    }
    for (int i = 0; i < s.volumes().size(); i++) {
      EbsVolume v = s.volumes().get(i);
      if (v.attachedTo() != null && !instances.contains(v.attachedTo())) {
        out.add(warning("$.volumes[" + i + "].attachedTo", "volume " + v.id() + " is attached to " + v.attachedTo()
            + ", which is not in the snapshot (terminated during collection?)"));
      }
    }
    for (int i = 0; i < s.usage().size(); i++) {
      Usage u = s.usage().get(i);
      if (!DATASTORE_KINDS.contains(u.kind()) && !resources.contains(u.resourceId())) {
        out.add(warning("$.usage[" + i + "].resourceId", "usage for " + u.resourceId() + ", which is not in the snapshot"
            + " (removed during the window?); not used"));
      }
    }
  }

  /**
   * Network interfaces and flow logs: listed once, figures that AWS cannot produce are errors (a negative
   * count, a busiest hour above the whole window, a port beyond 65535, an end before the start); an address
   * two interfaces of one VPC claim, or an instance interface whose instance is gone, are warnings (flows to
   * it cannot be attributed with certainty).
   */
  private static void network(List<Problem> out, Snapshot s, boolean figures) {
    unique(out, "networkInterfaces", s.networkInterfaces(), NetworkInterface::id, "id");
    if (figures) {
      interfaces(out, s);
    }
    FlowLogs f = s.flowLogs();
    if (f == null) {
      return;
    }
    if (f.end().isBefore(f.start())) {
      out.add(error("$.flowLogs.end", "end " + f.end() + " is before start " + f.start()));
    }
    FlowLogs.Counts c = f.counts();
    long[] counts = {c.records(), c.accepted(), c.rejected(), c.noData(), c.skipData(), c.ipv6(), c.translated(),
        c.malformed()};
    String[] names = {"records", "accepted", "rejected", "noData", "skipData", "ipv6", "translated", "malformed"};
    for (int k = 0; k < counts.length; k++) {
      atLeastZero(out, "$.flowLogs.counts." + names[k], counts[k]);
    }
    unique(out, "flowLogs.pairs", f.pairs(), p -> p.srcAddr() + " -> " + p.dstAddr() + " port " + p.port() + " "
        + p.protocol(), "srcAddr");
    if (!figures) {
      return;
    }
    for (int i = 0; i < f.pairs().size(); i++) {
      FlowLogs.Pair p = f.pairs().get(i);
      atLeastZero(out, "flowLogs.pairs", i, ".bytes", p.bytes());
      atLeastZero(out, "flowLogs.pairs", i, ".packets", p.packets());
      atLeastZero(out, "flowLogs.pairs", i, ".flows", p.flows());
      atLeastZero(out, "flowLogs.pairs", i, ".peakHourBytes", p.peakHourBytes());
      if (p.peakHourBytes() > p.bytes()) {
        out.add(error(at("flowLogs.pairs", i) + ".peakHourBytes", "busiest hour " + p.peakHourBytes()
            + " bytes is more than the window's " + p.bytes() + " bytes"));
      }
      if (p.port() < 0 || p.port() > 65535) {
        out.add(error(at("flowLogs.pairs", i) + ".port", "port " + p.port() + " is out of range 0..65535"));
      }
    }
  }

  /** Warnings of network interfaces: an instance that is gone, an address two interfaces of one VPC claim. */
  private static void interfaces(List<Problem> out, Snapshot s) {
    Set<String> instances = new HashSet<>();
    s.instances().forEach(i -> instances.add(i.id()));
    Map<String, Integer> addressOwner = new HashMap<>();
    for (int i = 0; i < s.networkInterfaces().size(); i++) {
      NetworkInterface n = s.networkInterfaces().get(i);
      if ("ec2".equals(n.attachedKind()) && n.attachedResourceId() != null && !instances.isEmpty()
          && !instances.contains(n.attachedResourceId())) {
        out.add(warning(at("networkInterfaces", i) + ".attachedResourceId", "interface " + n.id() + " is attached to "
            + n.attachedResourceId() + ", which is not in the snapshot (terminated during collection?)"));
      }
      for (String ip : n.privateIps()) {
        Integer first = addressOwner.putIfAbsent(n.vpcId() + "|" + ip, i);
        if (first != null) {
          out.add(warning(at("networkInterfaces", i) + ".privateIps", "address " + ip + " of interface " + n.id()
              + " is also claimed by " + s.networkInterfaces().get(first).id() + " in the same VPC; flows to it are"
              + " attributed to the first"));
        }
      }
    }
  }

  private static <T> void unique(List<Problem> out, String list, List<T> items, Function<T, String> key, String field) {
    Map<String, Integer> seen = new HashMap<>(items.size() * 2);
    for (int i = 0; i < items.size(); i++) {
      String k = key.apply(items.get(i));
      Integer first = seen.putIfAbsent(k, i);
      if (first != null) {
        out.add(error("$." + list + "[" + i + "]." + field, "'" + k + "' is listed twice (also $." + list + "[" + first
            + "]); it would be counted twice"));
      }
    }
  }

  /** {@code $.list[i]}: a path is made only for a problem, not for every figure checked. */
  private static String at(String list, int i) {
    return "$." + list + "[" + i + "]";
  }

  private static void percent(List<Problem> out, String list, int i, String field, Double v) {
    if (v != null && !(v >= 0 && v <= 100)) {
      percent(out, at(list, i) + field, v);
    }
  }

  private static void atLeastZero(List<Problem> out, String list, int i, String field, Number v) {
    if (negative(v)) {
      atLeastZero(out, at(list, i) + field, v);
    }
  }

  private static boolean negative(Number v) {
    return v != null && (v instanceof BigDecimal b ? b.signum() < 0 : v.doubleValue() < 0);
  }

  private static void percent(List<Problem> out, String path, Double v) {
    if (v != null && !(v >= 0 && v <= 100)) {
      out.add(error(path, plain(v) + " is out of range 0..100 (percent)"));
    }
  }

  private static void atLeastZero(List<Problem> out, String path, Number v) {
    if (negative(v)) {
      out.add(error(path, plain(v) + " is negative; a count or amount cannot be"));
    }
  }

  private static String plain(Number v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
  }

  private static Problem error(String path, String message) {
    return new Problem(path, message, true);
  }

  private static Problem warning(String path, String message) {
    return new Problem(path, message, false);
  }
}
