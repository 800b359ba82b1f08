package dev.migrate.rules;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The attributes a rule condition can test, per item kind, with their types. This table is
 * the schema the validator checks conditions against and the reference {@code rules/README.md}
 * documents. Values: strings, numbers (Double), booleans, or lists of strings / numbers; null
 * means "not known / not measured" and fails every operator except {@code exists: false}.
 */
public final class Attributes {
  /** Value types. */
  public enum Type {
    STRING, NUMBER, BOOLEAN, STRING_LIST, NUMBER_LIST;

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One attribute: name, type, a sentence for people, and how to read it from an item. */
  public record Attribute(String name, Type type, String doc, Function<Facts, Object> getter) {}

  private static final Map<ItemKind, Map<String, Attribute>> BY_KIND = build();

  private Attributes() {}

  /** Attributes of a kind in documentation order (without the dynamic {@code tag:KEY}). */
  public static List<Attribute> of(ItemKind kind) {
    return List.copyOf(BY_KIND.get(kind).values());
  }

  /** An attribute by name, including {@code tag:KEY}; null when the kind has no such attribute. */
  static Attribute find(ItemKind kind, String name) {
    if (name.startsWith("tag:") && name.length() > 4) {
      String key = name.substring(4);
      return new Attribute(name, Type.STRING, "value of tag " + key, f -> tag(f.tags, key));
    }
    return BY_KIND.get(kind).get(name);
  }

  private static Map<ItemKind, Map<String, Attribute>> build() {
    Map<ItemKind, Map<String, Attribute>> all = new EnumMap<>(ItemKind.class);
    for (ItemKind k : ItemKind.values()) {
      Map<String, Attribute> m = new LinkedHashMap<>();
      put(m, "id", Type.STRING, "inventory id (instance id, volume id, group name, LB id, distribution id, bucket)", f -> f.id);
      put(m, "name", Type.STRING, "Name tag or resource name", f -> f.name);
      put(m, "region", Type.STRING, "AWS region (global for CloudFront)", f -> f.region);
      all.put(k, m);
    }

    Map<String, Attribute> i = all.get(ItemKind.EC2_INSTANCE);
    put(i, "instanceType", Type.STRING, "EC2 instance type, e.g. m5.large", f -> f.instance().instanceType());
    put(i, "instanceFamily", Type.STRING, "EC2 family, e.g. m5", f -> f.instance().family());
    put(i, "state", Type.STRING, "running, stopped, terminated, ...", f -> f.instance().state());
    put(i, "platform", Type.STRING, "linux or windows", f -> f.instance().platform());
    put(i, "architecture", Type.STRING, "x86_64 or arm64", f -> f.instance().architecture());
    put(i, "lifecycle", Type.STRING, "on-demand, spot or scheduled", f -> f.instance().lifecycle());
    put(i, "tenancy", Type.STRING, "default, dedicated or host", f -> f.instance().tenancy());
    put(i, "vcpu", Type.NUMBER, "vCPUs of the instance type (EC2 catalogue)", f -> instVcpu(f.instance()));
    put(i, "memoryGib", Type.NUMBER, "memory of the instance type, GiB (EC2 catalogue)", f -> instMem(f.instance()));
    put(i, "accelerators", Type.NUMBER, "GPUs and Inferentia/Trainium chips of the instance type (EC2 catalogue)",
        f -> Catalogs.BUILT_IN.instanceType(f.instance().instanceType()).map(t -> (double) t.accelerators()).orElse(null));
    put(i, "inAutoScalingGroup", Type.BOOLEAN, "member of an auto scaling group", f -> f.instance().autoScalingGroup() != null);
    put(i, "autoScalingGroup", Type.STRING, "name of its auto scaling group", f -> f.instance().autoScalingGroup());
    put(i, "behindLoadBalancer", Type.BOOLEAN, "registered with a load balancer (directly or through its group)",
        f -> f.index.instanceBehindLoadBalancer(f.id));
    put(i, "ports", Type.NUMBER_LIST, "ports load balancers send traffic to on it", f -> ports(f.index.ports(f.id)));
    put(i, "volumeCount", Type.NUMBER, "EBS volumes attached", f -> (double) f.index.volumesOf(f.id).size());
    put(i, "detailedMonitoring", Type.BOOLEAN, "CloudWatch 1-minute monitoring on", f -> f.instance().detailedMonitoring());
    usageAttributes(i);

    Map<String, Attribute> g = all.get(ItemKind.AUTO_SCALING_GROUP);
    put(g, "memberCount", Type.NUMBER, "member instances in the snapshot", f -> (double) members(f).size());
    put(g, "desiredCapacity", Type.NUMBER, "desired capacity", f -> (double) f.asg().desiredCapacity());
    put(g, "minSize", Type.NUMBER, "minimum size", f -> (double) f.asg().minSize());
    put(g, "maxSize", Type.NUMBER, "maximum size", f -> (double) f.asg().maxSize());
    put(g, "behindLoadBalancer", Type.BOOLEAN, "registers into a load balancer or target group",
        f -> f.index.groupBehindLoadBalancer(f.id));
    put(g, "instanceType", Type.STRING, "most common member instance type", f -> commonMember(f, Ec2Instance::instanceType));
    put(g, "instanceFamily", Type.STRING, "most common member family", f -> commonMember(f, Ec2Instance::family));
    put(g, "architecture", Type.STRING, "most common member architecture", f -> commonMember(f, Ec2Instance::architecture));
    put(g, "platform", Type.STRING, "most common member platform", f -> commonMember(f, Ec2Instance::platform));
    put(g, "ports", Type.NUMBER_LIST, "ports load balancers send traffic to on its members", f -> {
      TreeSet<Integer> p = new TreeSet<>();
      for (Ec2Instance m : members(f)) {
        p.addAll(f.index.ports(m.id()));
      }
      return ports(p);
    });
    put(g, "cpuP95Pct", Type.NUMBER, "mean of the members' CPU p95, percent (null when none measured)",
        f -> memberMean(f, Usage::cpuP95Pct));
    put(g, "memP95Pct", Type.NUMBER, "mean of the members' memory p95, percent (null without the CloudWatch agent)",
        f -> memberMean(f, Usage::memP95Pct));
    put(g, "requestsPerSecond", Type.NUMBER, "mean requests/s of the load balancers in front (window average)",
        f -> lbRate(f, false));
    put(g, "peakRequestsPerSecond", Type.NUMBER, "highest requests/s of the load balancers in front", f -> lbRate(f, true));

    Map<String, Attribute> v = all.get(ItemKind.EBS_VOLUME);
    put(v, "volumeType", Type.STRING, "gp2, gp3, io1, io2, st1, sc1 or standard", f -> f.volume().volumeType());
    put(v, "sizeGib", Type.NUMBER, "provisioned size, GiB", f -> (double) f.volume().sizeGib());
    put(v, "iops", Type.NUMBER, "provisioned IOPS", f -> f.volume().iops() == null ? null : f.volume().iops().doubleValue());
    put(v, "throughputMibps", Type.NUMBER, "provisioned throughput, MiB/s",
        f -> f.volume().throughputMibps() == null ? null : f.volume().throughputMibps().doubleValue());
    put(v, "state", Type.STRING, "in-use, available, ...", f -> f.volume().state());
    put(v, "attached", Type.BOOLEAN, "attached to an instance in the snapshot", f -> f.host() != null);
    put(v, "hostState", Type.STRING, "state of the instance it is attached to", f -> {
      Ec2Instance h = f.host();
      return h == null ? null : h.state();
    });
    put(v, "hostInAutoScalingGroup", Type.BOOLEAN, "its instance is an auto scaling group member", f -> {
      Ec2Instance h = f.host();
      return h != null && h.autoScalingGroup() != null;
    });
    put(v, "hostTarget", Type.STRING, "where its instance (or the instance's group) goes: gke-deployment, "
        + "gke-statefulset, gke-cronjob, gke-daemonset, compute-engine, memorystore, retire, or none", Attributes::hostTarget);
    put(v, "largestOnHost", Type.BOOLEAN, "the largest volume of its instance (ties: lowest id), taken as the data volume",
        Attributes::largestOnHost);

    Map<String, Attribute> l = all.get(ItemKind.LOAD_BALANCER);
    put(l, "type", Type.STRING, "classic, application or network", f -> f.lb().type().wire());
    put(l, "scheme", Type.STRING, "internet-facing or internal", f -> f.lb().scheme());
    put(l, "listenerProtocols", Type.STRING_LIST, "listener protocols, e.g. HTTP, HTTPS, TCP",
        f -> List.copyOf(new TreeSet<>(f.lb().listeners().stream().map(LoadBalancer.Listener::protocol).toList())));
    put(l, "ports", Type.NUMBER_LIST, "listener ports",
        f -> ports(new TreeSet<>(f.lb().listeners().stream().map(LoadBalancer.Listener::port).toList())));
    put(l, "backendCount", Type.NUMBER, "backend instances", f -> (double) f.lb().backendInstanceIds().size());
    put(l, "backsAutoScalingGroup", Type.BOOLEAN, "an auto scaling group registers into it",
        f -> !f.index.groupsOf(f.id).isEmpty());
    put(l, "requestsPerSecond", Type.NUMBER, "requests/s, window average", f -> rate(f, f.id, false));
    put(l, "peakRequestsPerSecond", Type.NUMBER, "highest requests/s seen", f -> rate(f, f.id, true));

    Map<String, Attribute> d = all.get(ItemKind.CLOUDFRONT_DISTRIBUTION);
    put(d, "enabled", Type.BOOLEAN, "serves traffic", f -> f.distribution().enabled());
    put(d, "priceClass", Type.STRING, "PriceClass_All, PriceClass_200 or PriceClass_100", f -> f.distribution().priceClass());
    put(d, "originKinds", Type.STRING_LIST, "kinds of its origins: s3, elb, mediastore, custom",
        f -> List.copyOf(new TreeSet<>(f.distribution().origins().stream().map(Distribution.Origin::kind).toList())));
    put(d, "hasEdgeFunctions", Type.BOOLEAN, "any behaviour runs Lambda@Edge or CloudFront Functions",
        f -> f.distribution().allBehaviors().stream().anyMatch(b -> !b.functions().isEmpty()));
    put(d, "hasWebAcl", Type.BOOLEAN, "an AWS WAF web ACL is attached", f -> f.distribution().webAclId() != null);
    put(d, "geoRestriction", Type.STRING, "none, whitelist or blacklist", f -> f.distribution().geoRestriction());
    put(d, "fieldLevelEncryption", Type.BOOLEAN, "field-level encryption is used", f -> f.distribution().fieldLevelEncryption());
    put(d, "signedUrls", Type.BOOLEAN, "any behaviour restricts viewers with signed URLs or cookies",
        f -> f.distribution().allBehaviors().stream().anyMatch(Distribution.CacheBehavior::signedUrls));
    put(d, "requestsPerSecond", Type.NUMBER, "requests/s, window average", f -> rate(f, f.id, false));
    put(d, "peakRequestsPerSecond", Type.NUMBER, "highest requests/s seen", f -> rate(f, f.id, true));
    put(d, "cacheHitRatio", Type.NUMBER, "share of requests served from cache, 0..1", f -> {
      Usage u = f.index.usage(f.id);
      return u == null ? null : u.cacheHitRatio();
    });

    Map<String, Attribute> b = all.get(ItemKind.S3_BUCKET);
    put(b, "totalGib", Type.NUMBER, "GiB stored over all classes", f -> f.bucket().totalBytes() / (double) (1L << 30));
    put(b, "storageClasses", Type.STRING_LIST, "S3 storage classes holding data, e.g. STANDARD, GLACIER",
        f -> f.bucket().storage().stream().filter(c -> c.bytes() > 0).map(S3Bucket.StorageClassUsage::storageClass)
            .sorted().distinct().toList());
    put(b, "objects", Type.NUMBER, "object count", f -> f.bucket().totalObjects() == null ? null : f.bucket().totalObjects().doubleValue());

    databases(all.get(ItemKind.RDS_INSTANCE), all.get(ItemKind.AURORA_CLUSTER));
    caches(all.get(ItemKind.ELASTICACHE_CLUSTER));

    Map<ItemKind, Map<String, Attribute>> frozen = new EnumMap<>(ItemKind.class);
    all.forEach((k, m) -> frozen.put(k, Collections.unmodifiableMap(m)));
    return frozen;
  }

  /** A tag's value: the exact key first, else the first key equal ignoring case (Role, role, ROLE). */
  static String tag(Map<String, String> tags, String key) {
    return Topology.tag(tags, key);
  }

  private static void databases(Map<String, Attribute> r, Map<String, Attribute> a) {
    put(r, "engine", Type.STRING, "RDS engine: mysql, mariadb, postgres, sqlserver-se, oracle-ee, db2-se, ...", f -> f.db().engine());
    put(r, "engineFamily", Type.STRING, "engine without its edition: mysql, mariadb, postgres, sqlserver, oracle or db2",
        f -> Datastores.engineFamily(f.db().engine()));
    put(r, "engineVersion", Type.STRING, "engine version, e.g. 8.0.39", f -> f.db().engineVersion());
    put(r, "engineMajorVersion", Type.STRING, "major version as the targets name it: 8.0 (MySQL), 10.11 (MariaDB), 16 "
        + "(PostgreSQL; 9.6 before 10), 2019 (SQL Server), 19 (Oracle), 11.5 (Db2)",
        f -> Datastores.majorVersion(Datastores.engineFamily(f.db().engine()), f.db().engineVersion()));
    put(r, "instanceClass", Type.STRING, "DB instance class, e.g. db.m6g.large", f -> f.db().instanceClass());
    put(r, "vcpu", Type.NUMBER, "vCPUs of the class (RDS class catalogue)",
        f -> Catalogs.BUILT_IN.dbClass(f.db().instanceClass()).map(c -> (double) c.vcpu()).orElse(null));
    put(r, "memoryGib", Type.NUMBER, "memory of the class, GiB (RDS class catalogue)",
        f -> Catalogs.BUILT_IN.dbClass(f.db().instanceClass()).map(Catalog.DbShape::memoryGib).orElse(null));
    put(r, "storageGib", Type.NUMBER, "allocated storage, GiB", f -> (double) f.db().allocatedStorageGib());
    put(r, "storageType", Type.STRING, "gp2, gp3, io1, io2 or standard", f -> f.db().storageType());
    put(r, "provisionedIops", Type.NUMBER, "provisioned IOPS (io1/io2, gp3 above its baseline)",
        f -> f.db().provisionedIops() == null ? null : f.db().provisionedIops().doubleValue());
    put(r, "multiAz", Type.BOOLEAN, "Multi-AZ deployment (a standby in another zone)", f -> f.db().multiAz());
    put(r, "readReplica", Type.BOOLEAN, "replicates from another DB instance", f -> f.db().readReplica());
    put(r, "multiAzCluster", Type.STRING, "the Multi-AZ DB cluster it belongs to (a writer and two readable standbys), "
        + "or null", f -> f.db().clusterId());
    put(r, "crossRegionReplica", Type.BOOLEAN, "a read replica of an instance in another region",
        f -> Datastores.crossRegionReplica(f.db()));
    put(r, "backupRetentionDays", Type.NUMBER, "automated backup retention, days (0 = off)",
        f -> (double) f.db().backupRetentionDays());
    put(r, "encrypted", Type.BOOLEAN, "storage encrypted at rest", f -> f.db().encrypted());
    put(r, "licenseModel", Type.STRING, "license-included, bring-your-own-license, general-public-license, ...",
        f -> f.db().licenseModel());
    put(r, "status", Type.STRING, "available, stopped, ...", f -> f.db().status());
    put(r, "cpuP95Pct", Type.NUMBER, "CPU 95th percentile, percent", f -> Datastores.usage(f.index, Datastores.RDS, f.id, Usage::cpuP95Pct));
    put(r, "cpuMaxPct", Type.NUMBER, "CPU maximum, percent", f -> Datastores.usage(f.index, Datastores.RDS, f.id, Usage::cpuMaxPct));
    put(r, "freeableMemoryMinGib", Type.NUMBER, "lowest FreeableMemory, GiB",
        f -> Datastores.metric(f.index, Datastores.RDS, f.id, DatastoreMetrics::freeableMemoryMinGib));
    put(r, "connectionsMax", Type.NUMBER, "highest DatabaseConnections",
        f -> Datastores.metric(f.index, Datastores.RDS, f.id, DatastoreMetrics::connectionsMax));
    put(r, "storageUsedGib", Type.NUMBER, "data stored: allocated minus FreeStorageSpace, GiB",
        f -> Datastores.metric(f.index, Datastores.RDS, f.id, DatastoreMetrics::storageUsedGib));

    put(a, "engine", Type.STRING, "aurora-mysql or aurora-postgresql", f -> f.cluster().engine());
    put(a, "engineFamily", Type.STRING, "mysql or postgres", f -> Datastores.engineFamily(f.cluster().engine()));
    put(a, "engineVersion", Type.STRING, "engine version, e.g. 15.4 or 8.0.mysql_aurora.3.05.2", f -> f.cluster().engineVersion());
    put(a, "engineMajorVersion", Type.STRING, "major version of the engine it is compatible with: 8.0, 5.7 (MySQL), 15 (PostgreSQL)",
        f -> Datastores.majorVersion(Datastores.engineFamily(f.cluster().engine()), f.cluster().engineVersion()));
    put(a, "engineMode", Type.STRING, "provisioned or serverless (v1); Serverless v2 is provisioned", f -> f.cluster().engineMode());
    put(a, "writerClass", Type.STRING, "instance class of the writer, e.g. db.r6g.xlarge or db.serverless", f -> {
      DbInstance w = Datastores.writer(f.cluster(), f.index);
      return w == null ? null : w.instanceClass();
    });
    put(a, "writerVcpu", Type.NUMBER, "vCPUs of the writer's class (RDS class catalogue)", f -> writerShape(f, true));
    put(a, "writerMemoryGib", Type.NUMBER, "memory of the writer's class, GiB (RDS class catalogue)", f -> writerShape(f, false));
    put(a, "readers", Type.NUMBER, "reader instances (members other than the writer)",
        f -> (double) Datastores.readers(f.cluster(), f.index));
    put(a, "serverless", Type.BOOLEAN, "Aurora Serverless (v2 capacity range, or v1)", f -> Datastores.serverless(f.cluster()));
    put(a, "minAcu", Type.NUMBER, "Serverless v2 minimum capacity, ACUs", f -> f.cluster().serverlessMinAcu());
    put(a, "maxAcu", Type.NUMBER, "Serverless v2 maximum capacity, ACUs", f -> f.cluster().serverlessMaxAcu());
    put(a, "capacityAcuMax", Type.NUMBER, "highest measured Serverless v2 capacity, ACUs",
        f -> Datastores.metric(f.index, Datastores.AURORA, f.id, DatastoreMetrics::capacityAcuMax));
    put(a, "globalDatabase", Type.BOOLEAN, "member of an Aurora Global Database", f -> f.cluster().globalClusterId() != null);
    put(a, "backtrack", Type.BOOLEAN, "Backtrack is on (a window above 0 hours)", f -> f.cluster().backtrackWindowHours() > 0);
    put(a, "multiAz", Type.BOOLEAN, "members in more than one zone", f -> f.cluster().multiAz());
    put(a, "storageType", Type.STRING, "aurora (standard) or aurora-iopt1 (I/O-Optimized)", f -> f.cluster().storageType());
    put(a, "backupRetentionDays", Type.NUMBER, "automated backup retention, days", f -> (double) f.cluster().backupRetentionDays());
    put(a, "encrypted", Type.BOOLEAN, "storage encrypted at rest", f -> f.cluster().encrypted());
    put(a, "storageUsedGib", Type.NUMBER, "cluster volume used (VolumeBytesUsed), GiB",
        f -> Datastores.metric(f.index, Datastores.AURORA, f.id, DatastoreMetrics::storageUsedGib));
    put(a, "cpuP95Pct", Type.NUMBER, "CPU 95th percentile of the writer (else of the cluster), percent",
        f -> Datastores.clusterUsage(f.index, f.cluster(), Usage::cpuP95Pct));
    put(a, "freeableMemoryMinGib", Type.NUMBER, "lowest FreeableMemory of the writer (else of the cluster), GiB",
        f -> Datastores.clusterMetric(f.index, f.cluster(), DatastoreMetrics::freeableMemoryMinGib));
    put(a, "connectionsMax", Type.NUMBER, "highest DatabaseConnections of the writer (else of the cluster)",
        f -> Datastores.clusterMetric(f.index, f.cluster(), DatastoreMetrics::connectionsMax));
  }

  private static Double writerShape(Facts f, boolean vcpu) {
    DbInstance w = Datastores.writer(f.cluster(), f.index);
    return w == null ? null : Catalogs.BUILT_IN.dbClass(w.instanceClass())
        .map(c -> vcpu ? (double) c.vcpu() : c.memoryGib()).orElse(null);
  }

  private static void caches(Map<String, Attribute> c) {
    put(c, "engine", Type.STRING, "redis, valkey or memcached", f -> f.cache().engine());
    put(c, "engineVersion", Type.STRING, "engine version, e.g. 7.1", f -> f.cache().engineVersion());
    put(c, "engineMajorVersion", Type.STRING, "major and minor version, e.g. 7.1 or 1.6",
        f -> Datastores.majorVersion(Datastores.engineFamily(f.cache().engine()), f.cache().engineVersion()));
    put(c, "nodeType", Type.STRING, "node type, e.g. cache.r6g.large (none for a serverless cache)", f -> f.cache().nodeType());
    put(c, "vcpu", Type.NUMBER, "vCPUs of the node type (ElastiCache node catalogue)",
        f -> Catalogs.BUILT_IN.cacheNodeType(f.cache().nodeType()).map(t -> (double) t.vcpu()).orElse(null));
    put(c, "nodeMemoryGib", Type.NUMBER, "memory for data of one node, GiB (ElastiCache node catalogue)",
        f -> Catalogs.BUILT_IN.cacheNodeType(f.cache().nodeType()).map(Catalog.DbShape::memoryGib).orElse(null));
    put(c, "shards", Type.NUMBER, "node groups (1 when cluster mode is off; Memcached: nodes)", f -> (double) f.cache().shards());
    put(c, "replicasPerShard", Type.NUMBER, "replicas in each node group", f -> (double) f.cache().replicasPerShard());
    put(c, "nodes", Type.NUMBER, "nodes billed (every shard's primary and replicas)", f -> (double) f.cache().nodeCount());
    put(c, "clusterMode", Type.BOOLEAN, "Redis/Valkey cluster mode enabled", f -> f.cache().clusterMode());
    put(c, "automaticFailover", Type.BOOLEAN, "Multi-AZ automatic failover enabled", f -> f.cache().automaticFailover());
    put(c, "totalMemoryGib", Type.NUMBER, "memory for data over the shards (node memory x shards), GiB",
        f -> Datastores.totalMemoryGib(Catalogs.BUILT_IN, f.cache()));
    put(c, "dataGib", Type.NUMBER, "data stored (BytesUsedForCache), GiB",
        f -> Datastores.metric(f.index, Datastores.CACHE, f.id, DatastoreMetrics::storageUsedGib));
    put(c, "serverless", Type.BOOLEAN, "an ElastiCache Serverless cache", f -> f.cache().serverless());
    put(c, "hitRatio", Type.NUMBER, "cache hits over hits and misses, 0..1", f -> Datastores.hitRatio(f.index, f.cache()));
    put(c, "memoryUsedMaxPct", Type.NUMBER, "highest DatabaseMemoryUsagePercentage, percent",
        f -> Datastores.metric(f.index, Datastores.CACHE, f.id, DatastoreMetrics::memoryUsedMaxPct));
    put(c, "cpuP95Pct", Type.NUMBER, "CPU 95th percentile, percent", f -> Datastores.usage(f.index, Datastores.CACHE, f.id, Usage::cpuP95Pct));
    put(c, "connectionsMax", Type.NUMBER, "highest CurrConnections",
        f -> Datastores.metric(f.index, Datastores.CACHE, f.id, DatastoreMetrics::connectionsMax));
    put(c, "globalDatastore", Type.BOOLEAN, "member of an ElastiCache Global Datastore",
        f -> f.cache().globalReplicationGroupId() != null);
    put(c, "transitEncryption", Type.BOOLEAN, "in-transit encryption (TLS)", f -> f.cache().transitEncryption());
  }

  private static void usageAttributes(Map<String, Attribute> m) {
    put(m, "cpuAvgPct", Type.NUMBER, "CPU average over the window, percent", f -> usage(f, Usage::cpuAvgPct));
    put(m, "cpuP95Pct", Type.NUMBER, "CPU 95th percentile, percent", f -> usage(f, Usage::cpuP95Pct));
    put(m, "cpuMaxPct", Type.NUMBER, "CPU maximum, percent", f -> usage(f, Usage::cpuMaxPct));
    put(m, "memP95Pct", Type.NUMBER, "memory 95th percentile, percent (null without the CloudWatch agent)",
        f -> usage(f, Usage::memP95Pct));
    put(m, "memoryMeasured", Type.BOOLEAN, "memory was measured (CloudWatch agent)",
        f -> usage(f, Usage::memP95Pct) != null);
  }

  private static void put(Map<String, Attribute> m, String name, Type type, String doc, Function<Facts, Object> getter) {
    m.put(name, new Attribute(name, type, doc, getter));
  }

  private static Double usage(Facts f, Function<Usage, Double> metric) {
    Usage u = f.index.usage(f.id);
    return u == null ? null : metric.apply(u);
  }

  private static Double instVcpu(Ec2Instance i) {
    return Catalogs.BUILT_IN.instanceType(i.instanceType()).map(t -> (double) t.vcpu()).orElse(null);
  }

  private static Double instMem(Ec2Instance i) {
    return Catalogs.BUILT_IN.instanceType(i.instanceType()).map(Catalog.InstanceType::memoryGib).orElse(null);
  }

  private static List<Ec2Instance> members(Facts f) {
    return f.index.members(f.id);
  }

  private static String commonMember(Facts f, Function<Ec2Instance, String> what) {
    Map<String, Integer> counts = new HashMap<>();
    String best = null;
    for (Ec2Instance m : members(f)) {
      String value = what.apply(m);
      int c = counts.merge(value, 1, Integer::sum);
      if (best == null || c > counts.get(best) || (c == counts.get(best) && value.compareTo(best) < 0)) {
        best = value;
      }
    }
    return best;
  }

  private static Double memberMean(Facts f, Function<Usage, Double> metric) {
    double sum = 0;
    int n = 0;
    for (Ec2Instance m : members(f)) {
      Usage u = f.index.usage(m.id());
      Double value = u == null ? null : metric.apply(u);
      if (value != null) {
        sum += value;
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  private static Double rate(Facts f, String id, boolean peak) {
    Usage u = f.index.usage(id);
    if (u == null) {
      return null;
    }
    if (peak) {
      return u.peakRequestsPerSecond();
    }
    return u.requests() == null ? null : u.requests() / (f.index.snapshot().window().hours() * 3600.0);
  }

  private static Double lbRate(Facts f, boolean peak) {
    Double sum = null;
    for (LoadBalancer lb : f.index.loadBalancersOfGroup(f.id)) {
      Double r = rate(f, lb.id(), peak);
      if (r != null) {
        sum = (sum == null ? 0 : sum) + r;
      }
    }
    return sum;
  }

  private static List<Double> ports(java.util.SortedSet<Integer> ports) {
    List<Double> out = new ArrayList<>();
    if (ports != null) {
      ports.forEach(p -> out.add(p.doubleValue()));
    }
    return out;
  }

  /** Where a volume's instance goes, following a fold into its group. */
  static String hostTarget(Facts f) {
    Ec2Instance h = f.host();
    if (h == null) {
      return "none";
    }
    Mapping m = f.mapped.get(h.id());
    if (m != null && m.target() instanceof Target.Retire r && r.foldedInto() != null) {
      Mapping into = f.mapped.get(r.foldedInto());
      if (into != null) {
        m = into;
      }
    }
    return m == null ? "none" : targetLabel(m.target());
  }

  static String targetLabel(Target t) {
    if (t instanceof Target.GkeWorkload w) {
      // the kinds rules name, without building a string for each volume that asks
      return switch (w.workloadKind()) {
        case "Deployment" -> "gke-deployment";
        case "StatefulSet" -> "gke-statefulset";
        case "CronJob" -> "gke-cronjob";
        case "DaemonSet" -> "gke-daemonset";
        default -> "gke-" + w.workloadKind().toLowerCase(Locale.ROOT);
      };
    }
    if (t instanceof Target.ComputeEngineVm) {
      return "compute-engine";
    }
    if (t instanceof Target.Memorystore) {
      return "memorystore";
    }
    if (t instanceof Target.Retire) {
      return "retire";
    }
    return "other";
  }

  private static boolean largestOnHost(Facts f) {
    Ec2Instance h = f.host();
    if (h == null) {
      return false;
    }
    EbsVolume best = null;
    for (EbsVolume v : f.index.volumesOf(h.id())) {
      if (best == null || v.sizeGib() > best.sizeGib() || (v.sizeGib() == best.sizeGib() && v.id().compareTo(best.id()) < 0)) {
        best = v;
      }
    }
    return best != null && best.id().equals(f.id);
  }
}
