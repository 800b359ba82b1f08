package dev.migrate.collect;

import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * CloudWatch usage of one region's resources, per day over the window, reduced to the
 * summaries of {@link Usage}: all queries of the region go into GetMetricData calls of at
 * most {@value #MAX_QUERIES} queries each, the API's limit.
 */
final class MetricsCollector {
  static final List<String> ACTIONS = List.of("cloudwatch:GetMetricData", "cloudwatch:ListMetrics");
  /** GetMetricData accepts at most 500 MetricDataQuery structures per call (API reference). */
  static final int MAX_QUERIES = 500;
  static final int DAY_SECONDS = 86_400;
  static final double GIB = 1L << 30;

  /** S3 StorageType dimension (AWS/S3 BucketSizeBytes) to storage class. Source: Amazon S3 user guide, "Metrics and dimensions". */
  static final Map<String, String> STORAGE_CLASS = storageClasses();

  private final CloudWatchClient cw;
  private final String region;
  private final Window window;
  private final Sink sink;
  private final List<Query> queries = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  /**
   * Managed databases and caches by query owner ({@code rds/ID}, {@code aurora/ID},
   * {@code elasticache/ID}: a DB instance and an Aurora cluster may share an identifier).
   */
  private final Map<String, Object> datastores = new HashMap<>();

  /** One metric series to fetch; {@code owner} and {@code field} say where its values go. */
  record Query(String id, String owner, String field, String namespace, String metric, Map<String, String> dims,
      String stat, int periodSeconds) {}

  MetricsCollector(CloudWatchClient cw, String region, Window window, Sink sink) {
    this.cw = cw;
    this.region = region;
    this.window = window;
    this.sink = sink;
  }

  private void add(String owner, String field, String namespace, String metric, Map<String, String> dims,
      String stat, int period) {
    String base = (field + "_" + owner).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    String id = base.length() > 200 ? base.substring(0, 200) : base;
    for (int n = 2; !ids.add(id); n++) {
      id = base + "_" + n;
    }
    queries.add(new Query(id, owner, field, namespace, metric, dims, stat, period));
  }

  private int windowPeriod() {
    return window.days() * DAY_SECONDS;
  }

  /** Plans EC2 queries: CPU average/max per day, CPU p95 over the window, network per day, memory if CWAgent reports it. */
  void instances(List<Ec2Instance> instances) {
    if (instances.isEmpty()) {
      return;
    }
    Map<String, Map<String, String>> memDims = agentMemoryDimensions();
    for (Ec2Instance i : instances) {
      if ("terminated".equals(i.state())) {
        continue;
      }
      Map<String, String> d = Map.of("InstanceId", i.id());
      add(i.id(), "cpuavg", "AWS/EC2", "CPUUtilization", d, "Average", DAY_SECONDS);
      add(i.id(), "cpumax", "AWS/EC2", "CPUUtilization", d, "Maximum", DAY_SECONDS);
      add(i.id(), "cpup95", "AWS/EC2", "CPUUtilization", d, "p95", windowPeriod());
      add(i.id(), "netin", "AWS/EC2", "NetworkIn", d, "Sum", DAY_SECONDS);
      add(i.id(), "netout", "AWS/EC2", "NetworkOut", d, "Sum", DAY_SECONDS);
      Map<String, String> mem = memDims.get(i.id());
      if (mem != null) {
        add(i.id(), "memavg", "CWAgent", "mem_used_percent", mem, "Average", windowPeriod());
        add(i.id(), "memp95", "CWAgent", "mem_used_percent", mem, "p95", windowPeriod());
      }
    }
  }

  /** Plans load balancer queries. */
  void loadBalancers(List<LoadBalancer> lbs) {
    for (LoadBalancer lb : lbs) {
      if (lb.type() == LoadBalancerType.CLASSIC) {
        Map<String, String> d = Map.of("LoadBalancerName", lb.name());
        add(lb.id(), "req", "AWS/ELB", "RequestCount", d, "Sum", DAY_SECONDS);
        continue;
      }
      // The LoadBalancer dimension is the ARN's resource part after "loadbalancer/": app/name/id or net/name/id.
      String dim = lb.id().substring(lb.id().indexOf(":loadbalancer/") + ":loadbalancer/".length());
      Map<String, String> d = Map.of("LoadBalancer", dim);
      String ns = lb.type() == LoadBalancerType.APPLICATION ? "AWS/ApplicationELB" : "AWS/NetworkELB";
      if (lb.type() == LoadBalancerType.APPLICATION) {
        add(lb.id(), "req", ns, "RequestCount", d, "Sum", DAY_SECONDS);
      }
      add(lb.id(), "bytes", ns, "ProcessedBytes", d, "Sum", DAY_SECONDS);
      add(lb.id(), "lcu", ns, "ConsumedLCUs", d, "Average", DAY_SECONDS);
    }
  }

  /** Plans CloudFront queries; only meaningful in us-east-1, where CloudFront publishes with Region=Global. */
  void distributions(List<Distribution> distributions) {
    for (Distribution dist : distributions) {
      Map<String, String> d = Map.of("DistributionId", dist.id(), "Region", "Global");
      add(dist.id(), "req", "AWS/CloudFront", "Requests", d, "Sum", DAY_SECONDS);
      add(dist.id(), "bytes", "AWS/CloudFront", "BytesDownloaded", d, "Sum", DAY_SECONDS);
    }
  }

  /** Plans S3 storage queries for the buckets of this region: one per storage type CloudWatch knows for it. */
  void buckets(List<S3Bucket> buckets) {
    if (buckets.isEmpty()) {
      return;
    }
    Set<String> names = new HashSet<>();
    buckets.forEach(b -> names.add(b.name()));
    List<Metric> sizes = new Attempt(sink, "cloudwatch", region, "S3 bucket sizes (storage types)").get(() -> {
      List<Metric> found = new ArrayList<>();
      for (var page : cw.listMetricsPaginator(r -> r.namespace("AWS/S3").metricName("BucketSizeBytes"))) {
        found.addAll(page.metrics());
      }
      return found;
    }, List.of());
    sizes.stream().map(MetricsCollector::dims)
        .filter(d -> names.contains(d.get("BucketName")) && d.containsKey("StorageType"))
        .sorted(java.util.Comparator.comparing((Map<String, String> d) -> d.get("BucketName"))
            .thenComparing(d -> d.get("StorageType")))
        .forEach(d -> add(d.get("BucketName"), "s3size_" + d.get("StorageType"), "AWS/S3", "BucketSizeBytes",
            Map.of("BucketName", d.get("BucketName"), "StorageType", d.get("StorageType")), "Average", DAY_SECONDS));
    for (S3Bucket b : buckets.stream().sorted(java.util.Comparator.comparing(S3Bucket::name)).toList()) {
      add(b.name(), "s3objects", "AWS/S3", "NumberOfObjects",
          Map.of("BucketName", b.name(), "StorageType", "AllStorageTypes"), "Average", DAY_SECONDS);
    }
  }

  /**
   * Plans RDS queries per DB instance (Aurora members included): CPU average/max per day and p95
   * over the window, FreeableMemory minimum, DatabaseConnections average/max, Read/WriteIOPS
   * average and p95, FreeStorageSpace per day (not for Aurora members: the cluster volume holds
   * the data), and network throughput per day.
   */
  void dbInstances(List<DbInstance> dbs) {
    for (DbInstance d : dbs) {
      String o = "rds/" + d.id();
      datastores.put(o, d);
      Map<String, String> dim = Map.of("DBInstanceIdentifier", d.id());
      add(o, "cpuavg", "AWS/RDS", "CPUUtilization", dim, "Average", DAY_SECONDS);
      add(o, "cpumax", "AWS/RDS", "CPUUtilization", dim, "Maximum", DAY_SECONDS);
      add(o, "cpup95", "AWS/RDS", "CPUUtilization", dim, "p95", windowPeriod());
      add(o, "freemem", "AWS/RDS", "FreeableMemory", dim, "Minimum", windowPeriod());
      add(o, "connavg", "AWS/RDS", "DatabaseConnections", dim, "Average", windowPeriod());
      add(o, "connmax", "AWS/RDS", "DatabaseConnections", dim, "Maximum", windowPeriod());
      add(o, "riopsavg", "AWS/RDS", "ReadIOPS", dim, "Average", windowPeriod());
      add(o, "riopsp95", "AWS/RDS", "ReadIOPS", dim, "p95", windowPeriod());
      add(o, "wiopsavg", "AWS/RDS", "WriteIOPS", dim, "Average", windowPeriod());
      add(o, "wiopsp95", "AWS/RDS", "WriteIOPS", dim, "p95", windowPeriod());
      if (!d.auroraMember()) {
        add(o, "freestorage", "AWS/RDS", "FreeStorageSpace", dim, "Average", DAY_SECONDS);
      }
      add(o, "netin", "AWS/RDS", "NetworkReceiveThroughput", dim, "Average", DAY_SECONDS);
      add(o, "netout", "AWS/RDS", "NetworkTransmitThroughput", dim, "Average", DAY_SECONDS);
    }
  }

  /** Plans Aurora cluster queries: VolumeBytesUsed per day; ServerlessDatabaseCapacity for Serverless v2. */
  void dbClusters(List<DbCluster> clusters) {
    for (DbCluster c : clusters) {
      String o = "aurora/" + c.id();
      datastores.put(o, c);
      Map<String, String> dim = Map.of("DBClusterIdentifier", c.id());
      add(o, "volume", "AWS/RDS", "VolumeBytesUsed", dim, "Average", DAY_SECONDS);
      if (c.serverlessV2()) {
        add(o, "acuavg", "AWS/RDS", "ServerlessDatabaseCapacity", dim, "Average", windowPeriod());
        add(o, "acumax", "AWS/RDS", "ServerlessDatabaseCapacity", dim, "Maximum", windowPeriod());
      }
    }
  }

  /**
   * Plans ElastiCache queries per member cache cluster (dimension CacheClusterId: every node of a
   * Memcached cluster, one node of a replication group), reduced to the cache afterwards; a
   * serverless cache is asked by its name (dimension clusterId). Memcached names its engine CPU
   * CPUUtilization and its hits GetHits/GetMisses, and has no DatabaseMemoryUsagePercentage.
   */
  void caches(List<CacheCluster> caches) {
    for (CacheCluster c : caches) {
      String o = "elasticache/" + c.id();
      datastores.put(o, c);
      boolean memcached = "memcached".equals(c.engine());
      List<String> members = c.serverless() ? List.of(c.id()) : c.memberClusters();
      for (String m : members) {
        Map<String, String> dim = c.serverless() ? Map.of("clusterId", m) : Map.of("CacheClusterId", m);
        if (!c.serverless()) {
          String cpu = memcached ? "CPUUtilization" : "EngineCPUUtilization";
          add(o, "cpuavg:" + m, "AWS/ElastiCache", cpu, dim, "Average", windowPeriod());
          add(o, "cpumax:" + m, "AWS/ElastiCache", cpu, dim, "Maximum", windowPeriod());
          add(o, "cpup95:" + m, "AWS/ElastiCache", cpu, dim, "p95", windowPeriod());
        }
        add(o, "hits:" + m, "AWS/ElastiCache", memcached ? "GetHits" : "CacheHits", dim, "Sum", windowPeriod());
        add(o, "misses:" + m, "AWS/ElastiCache", memcached ? "GetMisses" : "CacheMisses", dim, "Sum", windowPeriod());
        add(o, "connavg:" + m, "AWS/ElastiCache", "CurrConnections", dim, "Average", windowPeriod());
        add(o, "connmax:" + m, "AWS/ElastiCache", "CurrConnections", dim, "Maximum", windowPeriod());
        if (!memcached && !c.serverless()) {
          add(o, "memmax:" + m, "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", dim, "Maximum", windowPeriod());
        }
        add(o, "bytes:" + m, "AWS/ElastiCache", "BytesUsedForCache", dim, "Average", DAY_SECONDS);
        add(o, "netin:" + m, "AWS/ElastiCache", "NetworkBytesIn", dim, "Sum", DAY_SECONDS);
        add(o, "netout:" + m, "AWS/ElastiCache", "NetworkBytesOut", dim, "Sum", DAY_SECONDS);
      }
    }
  }

  private Map<String, Map<String, String>> agentMemoryDimensions() {
    Map<String, Map<String, String>> out = new HashMap<>();
    new Attempt(sink, "cloudwatch", region, "memory metrics (CWAgent)").get(() -> {
      for (var page : cw.listMetricsPaginator(r -> r.namespace("CWAgent").metricName("mem_used_percent"))) {
        for (Metric m : page.metrics()) {
          Map<String, String> d = dims(m);
          if (d.containsKey("InstanceId")) {
            // Keep the series with the fewest dimensions: the per-instance one.
            out.merge(d.get("InstanceId"), d, (a, b) -> a.size() <= b.size() ? a : b);
          }
        }
      }
      return Boolean.TRUE;
    }, Boolean.FALSE);
    return out;
  }

  private static Map<String, String> dims(Metric m) {
    Map<String, String> d = new TreeMap<>();
    m.dimensions().forEach(x -> d.put(x.name(), x.value()));
    return d;
  }

  int plannedQueries() {
    return queries.size();
  }

  /**
   * Fetches every planned query and returns values per query id, oldest first. A batch that
   * fails after its retries is split until the failing queries are alone ({@link Batches}); only
   * those series are gaps. A refusal (denied, region not enabled) is one gap for every resource
   * not yet read.
   */
  Map<String, SortedMap<Instant, Double>> fetch() {
    Map<String, SortedMap<Instant, Double>> values = new HashMap<>();
    boolean[] refused = {false};
    for (int from = 0; from < queries.size() && !refused[0]; from += MAX_QUERIES) {
      List<Query> chunk = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES));
      List<Query> rest = queries.subList(from, queries.size());
      Batches.run(List.copyOf(chunk), b -> refused[0] ? Map.<String, SortedMap<Instant, Double>>of() : fetchBatch(b),
          (b, got) -> values.putAll(got), (b, e) -> {
            if (Faults.kind(e) == Faults.Kind.REFUSED) {
              if (!refused[0]) {
                refused[0] = true;
                sink.gap("cloudwatch", region, "usage metrics of " + owners(rest) + " resources", e);
              }
            } else if (b.size() == 1) {
              Query q = b.get(0);
              sink.gap("cloudwatch", region, "usage metric " + describe(q) + " (" + q.namespace() + " "
                  + q.metric() + " " + q.stat() + ")", e);
            } else {
              sink.gap("cloudwatch", region, "usage metrics of " + owners(b) + " resources", e);
            }
          });
    }
    return values;
  }

  /**
   * A query's field and resource for a person: "cpup95 of i-0a1", "cpup95 of rds orders-mysql",
   * "cpup95 of elasticache sessions node sessions-0001-001".
   */
  private static String describe(Query q) {
    int colon = q.field().indexOf(':');
    String field = colon < 0 ? q.field() : q.field().substring(0, colon);
    String node = colon < 0 ? "" : " node " + q.field().substring(colon + 1);
    int slash = q.owner().indexOf('/');
    boolean datastore = slash > 0 && List.of("rds", "aurora", "elasticache").contains(q.owner().substring(0, slash));
    String owner = datastore ? q.owner().substring(0, slash) + " " + q.owner().substring(slash + 1) : q.owner();
    return field + " of " + owner + (node.equals(" node " + owner.substring(owner.indexOf(' ') + 1)) ? "" : node);
  }

  private static long owners(List<Query> qs) {
    return qs.stream().map(Query::owner).distinct().count();
  }

  /** One GetMetricData batch with all its pages; nothing of it is kept unless every page was read. */
  private Map<String, SortedMap<Instant, Double>> fetchBatch(List<Query> batch) {
    List<MetricDataQuery> q = batch.stream().map(MetricsCollector::toSdk).toList();
    Set<String> asked = new HashSet<>();
    batch.forEach(x -> asked.add(x.id()));
    Map<String, SortedMap<Instant, Double>> values = new HashMap<>();
    String token = null;
    do {
      String t = token;
      GetMetricDataResponse resp = cw.getMetricData(r -> r.metricDataQueries(q)
          .startTime(window.start()).endTime(window.end()).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(t));
      for (MetricDataResult res : resp.metricDataResults()) {
        if (!asked.contains(res.id())) {
          continue; // not a query of this batch (a stub or emulator answering more than asked)
        }
        SortedMap<Instant, Double> series = values.computeIfAbsent(res.id(), k -> new TreeMap<>());
        for (int k = 0; k < Math.min(res.timestamps().size(), res.values().size()); k++) {
          series.put(res.timestamps().get(k), res.values().get(k));
        }
      }
      token = resp.nextToken();
    } while (token != null && !token.isEmpty());
    return values;
  }

  private static MetricDataQuery toSdk(Query q) {
    List<Dimension> dims = new ArrayList<>();
    new TreeMap<>(q.dims()).forEach((k, v) -> dims.add(Dimension.builder().name(k).value(v).build()));
    return MetricDataQuery.builder().id(q.id()).returnData(true)
        .metricStat(s -> s.metric(m -> m.namespace(q.namespace()).metricName(q.metric()).dimensions(dims))
            .period(q.periodSeconds()).stat(q.stat()))
        .build();
  }

  /** Fetches and reduces: usage records go to the sink, S3 sizes to {@code storage}. */
  void collect(Map<String, S3Storage> storage) {
    Map<String, SortedMap<Instant, Double>> values = fetch();
    // owner -> field -> series, in plan order
    Map<String, Map<String, SortedMap<Instant, Double>>> byOwner = new LinkedHashMap<>();
    Map<String, String> kinds = new HashMap<>();
    for (Query q : queries) {
      SortedMap<Instant, Double> s = values.get(q.id());
      byOwner.computeIfAbsent(q.owner(), k -> new LinkedHashMap<>()).put(q.field(), s == null ? new TreeMap<>() : s);
      kinds.put(q.owner(), q.namespace());
    }
    byOwner.forEach((owner, fields) -> {
      String ns = kinds.get(owner);
      Object datastore = datastores.get(owner);
      if (datastore != null) {
        Usage u = datastoreUsage(datastore, fields);
        if (u != null) {
          sink.usage.add(u);
        }
      } else if (ns.equals("AWS/S3")) {
        storage.put(owner, s3(fields));
      } else {
        Usage u = usage(owner, ns, fields);
        if (u != null) {
          sink.usage.add(u);
        }
      }
    });
  }

  /** Bytes per storage class (last day's value) and the object count. */
  record S3Storage(List<S3Bucket.StorageClassUsage> classes, Long objects) {}

  private static S3Storage s3(Map<String, SortedMap<Instant, Double>> fields) {
    Map<String, Long> bytes = new TreeMap<>();
    Long objects = null;
    for (var e : fields.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      double last = e.getValue().get(e.getValue().lastKey());
      if (e.getKey().equals("s3objects")) {
        objects = Math.round(last);
      } else {
        String type = e.getKey().substring("s3size_".length());
        bytes.merge(storageClass(type), Math.round(last), Long::sum);
      }
    }
    List<S3Bucket.StorageClassUsage> classes = new ArrayList<>();
    bytes.forEach((c, b) -> classes.add(new S3Bucket.StorageClassUsage(c, b, null)));
    return new S3Storage(classes, objects);
  }

  static String storageClass(String storageType) {
    String c = STORAGE_CLASS.get(storageType);
    return c != null ? c : storageType.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private Usage usage(String owner, String ns, Map<String, SortedMap<Instant, Double>> f) {
    boolean any = f.values().stream().anyMatch(s -> !s.isEmpty());
    if (!any) {
      return null;
    }
    String kind = switch (ns) {
      case "AWS/EC2", "CWAgent" -> "ec2";
      case "AWS/CloudFront" -> "cloudfront";
      default -> "elb";
    };
    TreeMap<LocalDate, Usage.Daily> daily = new TreeMap<>();
    SortedMap<Instant, Double> cpuAvg = f.getOrDefault("cpuavg", new TreeMap<>());
    SortedMap<Instant, Double> cpuMax = f.getOrDefault("cpumax", new TreeMap<>());
    SortedMap<Instant, Double> req = f.getOrDefault("req", new TreeMap<>());
    SortedMap<Instant, Double> bytes = f.getOrDefault("bytes", new TreeMap<>());
    Set<LocalDate> days = new java.util.TreeSet<>();
    for (var s : List.of(cpuAvg, cpuMax, req, bytes)) {
      s.keySet().forEach(t -> days.add(LocalDate.ofInstant(t, ZoneOffset.UTC)));
    }
    for (LocalDate d : days) {
      daily.put(d, new Usage.Daily(d, toLong(onDay(req, d)), gib(onDay(bytes, d)), onDay(cpuAvg, d), onDay(cpuMax, d),
          null));
    }
    Double lcu = f.containsKey("lcu") && !f.get("lcu").isEmpty()
        // ConsumedLCUs is the LCUs in use; a day's average times 24 h is that day's LCU-hours (how ELB bills).
        ? f.get("lcu").values().stream().mapToDouble(v -> v * 24).sum() : null;
    return new Usage(owner, kind, "cloudwatch",
        mean(cpuAvg), single(f.get("cpup95")), max(cpuMax),
        single(f.get("memavg")), single(f.get("memp95")),
        gib(sum(f.get("netin"))), gib(sum(f.get("netout"))),
        toLong(sum(req)), gib(sum(bytes)), lcu, null, null, Map.of(), Map.of(), List.copyOf(daily.values()));
  }

  /** A managed database's or cache's usage, or null when CloudWatch had no value for it at all. */
  private static Usage datastoreUsage(Object what, Map<String, SortedMap<Instant, Double>> f) {
    if (f.values().stream().allMatch(SortedMap::isEmpty)) {
      return null;
    }
    if (what instanceof DbInstance d) {
      return rdsUsage(d, f);
    }
    if (what instanceof DbCluster c) {
      return new Usage(c.id(), "aurora", "cloudwatch", null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, List.of(), new DatastoreMetrics(null, null, null, null, null, null, null,
              null, gib(last(f.get("volume"))), null, null, single(f.get("acuavg")), single(f.get("acumax"))))
          .withRegion(c.region()); // a cluster's name is unique within its region only
    }
    return cacheUsage((CacheCluster) what, f);
  }

  private static Usage rdsUsage(DbInstance d, Map<String, SortedMap<Instant, Double>> f) {
    SortedMap<Instant, Double> cpuAvg = f.getOrDefault("cpuavg", new TreeMap<>());
    SortedMap<Instant, Double> cpuMax = f.getOrDefault("cpumax", new TreeMap<>());
    Set<LocalDate> days = new java.util.TreeSet<>();
    for (var s : List.of(cpuAvg, cpuMax)) {
      s.keySet().forEach(t -> days.add(LocalDate.ofInstant(t, ZoneOffset.UTC)));
    }
    List<Usage.Daily> daily = new ArrayList<>();
    days.forEach(day -> daily.add(new Usage.Daily(day, null, null, onDay(cpuAvg, day), onDay(cpuMax, day), null)));
    // FreeStorageSpace is bytes free; the latest day's average against the allocated size gives what is stored.
    Double free = last(f.get("freestorage"));
    Double used = free == null || d.allocatedStorageGib() == 0 ? null
        : Math.max(0, d.allocatedStorageGib() - free / GIB);
    Double mem = single(f.get("freemem"));
    DatastoreMetrics ds = new DatastoreMetrics(mem == null ? null : mem / GIB, null, single(f.get("connavg")),
        single(f.get("connmax")), single(f.get("riopsavg")), single(f.get("riopsp95")), single(f.get("wiopsavg")),
        single(f.get("wiopsp95")), used, null, null, null, null);
    return new Usage(d.id(), "rds", "cloudwatch", mean(cpuAvg), single(f.get("cpup95")), max(cpuMax), null, null,
        gib(throughputTotal(f.get("netin"))), gib(throughputTotal(f.get("netout"))), null, null, null, null, null,
        null, null, daily, ds, d.region()); // a DB instance's name is unique within its region only
  }

  /**
   * A cache's usage from its member cache clusters: CPU average is the members' mean, CPU p95 and
   * maximum the busiest member's; hits, misses and network bytes are summed; connections are
   * summed over the members (the average and an upper bound of the peak of the whole cache);
   * memory use is the fullest member's; data stored is the members' sum over the copies each shard
   * keeps (1 + replicas: a replica holds its primary's data).
   */
  private static Usage cacheUsage(CacheCluster c, Map<String, SortedMap<Instant, Double>> f) {
    Double hits = perMember(f, "hits", MetricsCollector::single, Double::sum);
    Double misses = perMember(f, "misses", MetricsCollector::single, Double::sum);
    Double bytes = perMember(f, "bytes", MetricsCollector::last, Double::sum);
    Double cpuSum = perMember(f, "cpuavg", MetricsCollector::single, Double::sum);
    long cpuMembers = f.entrySet().stream().filter(e -> e.getKey().startsWith("cpuavg:") && !e.getValue().isEmpty()).count();
    DatastoreMetrics ds = new DatastoreMetrics(null, perMember(f, "memmax", MetricsCollector::single, Math::max),
        perMember(f, "connavg", MetricsCollector::single, Double::sum),
        perMember(f, "connmax", MetricsCollector::single, Double::sum), null, null, null, null,
        bytes == null ? null : bytes / (1 + c.replicasPerShard()) / GIB, toLong(hits), toLong(misses), null, null);
    return new Usage(c.id(), "elasticache", "cloudwatch", cpuSum == null ? null : cpuSum / cpuMembers,
        perMember(f, "cpup95", MetricsCollector::single, Math::max),
        perMember(f, "cpumax", MetricsCollector::single, Math::max), null, null,
        gib(perMember(f, "netin", MetricsCollector::sum, Double::sum)),
        gib(perMember(f, "netout", MetricsCollector::sum, Double::sum)), null, null, null, null, ds.hitRatio(),
        null, null, List.of(), ds, c.region()); // a cache's name is unique within its region only
  }

  /** {@code field}'s value per member ({@code field:member}) combined over the members; null when none has one. */
  private static Double perMember(Map<String, SortedMap<Instant, Double>> f, String field,
      java.util.function.Function<SortedMap<Instant, Double>, Double> value, java.util.function.BinaryOperator<Double> combine) {
    Double out = null;
    for (var e : f.entrySet()) {
      if (e.getKey().startsWith(field + ":")) {
        Double v = value.apply(e.getValue());
        if (v != null) {
          out = out == null ? v : combine.apply(out, v);
        }
      }
    }
    return out;
  }

  /** Bytes over the window from daily averages in bytes per second (each day is 86,400 s). */
  private static Double throughputTotal(SortedMap<Instant, Double> perSecond) {
    Double s = sum(perSecond);
    return s == null ? null : s * DAY_SECONDS;
  }

  /** The latest value of a daily series (a level such as bytes stored, not a flow). */
  private static Double last(SortedMap<Instant, Double> s) {
    return s == null || s.isEmpty() ? null : s.get(s.lastKey());
  }

  private static Double onDay(SortedMap<Instant, Double> s, LocalDate d) {
    Instant from = d.atStartOfDay(ZoneOffset.UTC).toInstant();
    var sub = s.subMap(from, from.plusSeconds(DAY_SECONDS));
    return sub.isEmpty() ? null : sub.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Mean of the daily averages: every day weighs the same (each is an average over 24 hours). */
  private static Double mean(SortedMap<Instant, Double> s) {
    return s == null || s.isEmpty() ? null : s.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static Double max(SortedMap<Instant, Double> s) {
    return s == null || s.isEmpty() ? null : s.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  private static Double sum(SortedMap<Instant, Double> s) {
    return s == null || s.isEmpty() ? null : s.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** A window-period statistic: one value (the last if CloudWatch split the period). */
  private static Double single(SortedMap<Instant, Double> s) {
    return s == null || s.isEmpty() ? null : s.get(s.lastKey());
  }

  private static Double gib(Double bytes) {
    return bytes == null ? null : bytes / GIB;
  }

  private static Long toLong(Double d) {
    return d == null ? null : Math.round(d);
  }

  private static Map<String, String> storageClasses() {
    Map<String, String> m = new HashMap<>();
    m.put("StandardStorage", "STANDARD");
    m.put("StandardIAStorage", "STANDARD_IA");
    m.put("StandardIASizeOverhead", "STANDARD_IA");
    m.put("StandardIAObjectOverhead", "STANDARD_IA");
    m.put("OneZoneIAStorage", "ONEZONE_IA");
    m.put("OneZoneIASizeOverhead", "ONEZONE_IA");
    m.put("ReducedRedundancyStorage", "REDUCED_REDUNDANCY");
    m.put("IntelligentTieringFAStorage", "INTELLIGENT_TIERING");
    m.put("IntelligentTieringIAStorage", "INTELLIGENT_TIERING");
    m.put("IntelligentTieringAAStorage", "INTELLIGENT_TIERING");
    m.put("IntelligentTieringAIAStorage", "INTELLIGENT_TIERING");
    m.put("IntelligentTieringDAAStorage", "INTELLIGENT_TIERING");
    m.put("GlacierInstantRetrievalStorage", "GLACIER_IR");
    m.put("GlacierIRSizeOverhead", "GLACIER_IR");
    m.put("GlacierStorage", "GLACIER");
    m.put("GlacierStagingStorage", "GLACIER");
    m.put("GlacierObjectOverhead", "GLACIER");
    // The 8 KiB per archived object kept for names and metadata is billed at S3 Standard rates.
    m.put("GlacierS3ObjectOverhead", "STANDARD");
    m.put("DeepArchiveStorage", "DEEP_ARCHIVE");
    m.put("DeepArchiveObjectOverhead", "DEEP_ARCHIVE");
    m.put("DeepArchiveStagingStorage", "DEEP_ARCHIVE");
    m.put("DeepArchiveS3ObjectOverhead", "STANDARD");
    m.put("ExpressOneZone", "EXPRESS_ONEZONE");
    return Map.copyOf(m);
  }
}
