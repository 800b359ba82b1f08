package dev.migrate.collect;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Completeness;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.WebAcl;
import dev.migrate.inventory.Window;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Scans one AWS account read-only and returns a {@link Snapshot}. Regions and services run in
 * parallel on a bounded pool; every fault becomes a {@link Gap} and the rest is collected.
 */
public final class AwsCollector {
  private final CollectOptions options;
  private final Clock clock;
  private final AwsCredentialsProvider credentials;
  private final String homeRegionOverride;
  /** False when the bill comes from elsewhere (AWS Data Exports): Cost Explorer's cost query is not made. */
  private boolean costExplorerBill = true;
  /** Where the bill's part of the scan reads it from; null for the account's own Cost Explorer. */
  private BillPart billPart;
  /** Filters the account's own Cost Explorer bill to this account (a management account's sees every member). */
  private String ownBillAccount;
  /** The account id when the caller already knows it (an organization's member): sts:GetCallerIdentity is not asked. */
  private String knownAccountId;

  public AwsCollector(CollectOptions options, Clock clock) {
    this(options, clock, null, null);
  }

  /** For tests: fixed credentials and home region instead of the profile chain. */
  AwsCollector(CollectOptions options, Clock clock, AwsCredentialsProvider credentials, String homeRegion) {
    this.options = options;
    this.clock = clock;
    this.credentials = credentials;
    this.homeRegionOverride = homeRegion;
  }

  /** Skips Cost Explorer's monthly cost query: the caller reads the bill from AWS Data Exports instead. */
  public AwsCollector withoutCostExplorerBill() {
    costExplorerBill = false;
    return this;
  }

  /** Reads the bill through {@code part} (an organization's consolidated bill) instead of the account's Cost Explorer. */
  AwsCollector withBill(BillPart part) {
    billPart = part;
    return this;
  }

  /**
   * Reads the bill from the account's own Cost Explorer filtered to {@code accountId} (dimension LINKED_ACCOUNT): an
   * organization's management account sees the cost of every member there, and only its own part is its bill.
   */
  AwsCollector withOwnBillOnly(String accountId) {
    ownBillAccount = accountId;
    return this;
  }

  /** The account the credentials are known to belong to: the scan does not ask sts:GetCallerIdentity. */
  AwsCollector withAccountId(String accountId) {
    knownAccountId = accountId;
    return this;
  }

  /** The bill's part of a scan: reads the months into the sink and returns how many. */
  @FunctionalInterface
  interface BillPart {
    int collect(LocalDate today, Sink sink);
  }

  public CollectResult collect(Progress progress) {
    AwsCredentialsProvider creds = credentials != null ? credentials : Clients.credentialsFor(options.profile());
    try {
      // Fail before any scan when there are no credentials at all; the values are never kept or printed.
      creds.resolveCredentials();
    } catch (SdkClientException | IllegalArgumentException | IllegalStateException e) {
      String which = options.profile() == null ? "the default credential chain" : "profile '" + options.profile() + "'";
      throw new CollectException("no AWS credentials from " + which + ": " + Faults.message(e)
          + " (check ~/.aws/config, run 'aws sso login' for SSO profiles, or set AWS_PROFILE)", e);
    }
    CallLog log = new CallLog();
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    interceptors.add(log);
    if (options.maxRps() > 0) {
      interceptors.add(new RateLimit(options.maxRps()));
    }
    Sink sink = new Sink(progress);
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
      Thread t = new Thread(r, "migrate-collect");
      t.setDaemon(true);
      return t;
    });
    String home = homeRegionOverride != null ? homeRegionOverride : Clients.profileRegion(options.profile());
    ExecutorService detailPool = Executors.newFixedThreadPool(options.parallelism(), r -> {
      Thread t = new Thread(r, "migrate-collect-detail");
      t.setDaemon(true);
      return t;
    });
    try (Clients clients = new Clients(options, creds, interceptors, home)) {
      Run run = new Run(clients, sink, progress);
      Snapshot snapshot = run.scan(home, pool, new Fanout(detailPool));
      CallStats stats = log.stats(clients.retryStats());
      boolean complete = run.pending.get() == 0;
      if (complete) {
        run.checkpoint.delete();
      } else {
        run.checkpoint.close();
      }
      snapshot = snapshot.withCollection(new Completeness(stats.totalCalls(), stats.totalAttempts(),
          stats.totalRetried(), stats.retries(), sink.faultGaps.size(), run.incomplete.isEmpty(),
          run.checkpoint.resumed()));
      List<Gap> incomplete = Sink.sorted(run.incomplete, GAP_ORDER);
      return new CollectResult(snapshot, stats, incomplete, !complete && options.progressFile() != null);
    } finally {
      pool.shutdownNow();
      detailPool.shutdownNow();
    }
  }

  private static final Comparator<Gap> GAP_ORDER = Comparator.comparing(Gap::service).thenComparing(Gap::region)
      .thenComparing(Gap::missing).thenComparing(Gap::errorCode);

  /** One scan: the clients, what was found, the progress file and what is still missing. */
  private final class Run {
    final Clients clients;
    final Sink sink;
    final Progress progress;
    /** Inventory lists missing after retries for another reason than a refusal. */
    final java.util.Queue<Gap> incomplete = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Parts that ended with a gap left by a fault: what a {@code --resume} is for. */
    final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    Checkpoint checkpoint = Checkpoint.none();

    Run(Clients clients, Sink sink, Progress progress) {
      this.clients = clients;
      this.sink = sink;
      this.progress = progress;
    }

    /**
     * One part of the scan (one service in one region): skipped when a resumed progress file
     * has it; otherwise collected into its own sink, merged, and recorded when it ended
     * without a gap. {@code critical} parts are inventory lists: failing them for another
     * reason than a refusal makes the collection incomplete.
     */
    void part(String key, String service, String region, boolean critical, java.util.function.Function<RuntimeException, String> missing,
        java.util.function.ToIntFunction<Sink> body) {
      Checkpoint.Part done = checkpoint.done(key);
      if (done != null) {
        done.replay(sink);
        progress.done(service, region, 0);
        return;
      }
      Sink part = sink.child();
      int n = 0;
      try {
        n = body.applyAsInt(part);
      } catch (RuntimeException e) {
        String what = missing.apply(e);
        part.gap(service, region, what, e);
        if (critical && Faults.kind(e) != Faults.Kind.REFUSED) {
          incomplete.add(Faults.gap(service, region, what, e));
        }
      }
      sink.merge(part);
      if (part.gaps.isEmpty()) {
        checkpoint.record(key, part);
      } else if (!part.faultGaps.isEmpty()) {
        pending.incrementAndGet();
      }
      progress.done(service, region, n);
    }

    void part(String key, String service, String region, boolean critical, String missing, java.util.function.ToIntFunction<Sink> body) {
      part(key, service, region, critical, e -> missing, body);
    }

    /** The whole scan, step by step: who the account is, what it holds, what it did, then the snapshot. */
    Snapshot scan(String home, ExecutorService pool, Fanout fanout) {
      progress.planned(2);
      String accountId = accountId(home);
      Period period = openCheckpoint(accountId);
      List<String> regions = regions(clients, home, sink, incomplete);
      progress.done("ec2", home, regions.size());
      // Phase 1a: instances per region (which also tells whether a region answers at all), with
      // the global services alongside. Phase 1b: the other regional services of the regions that answered.
      Set<String> disabled = ConcurrentHashMap.newKeySet();
      runAll(pool, probeTasks(regions, disabled, period, fanout), progress);
      runAll(pool, regionalTasks(regions, disabled, fanout), progress);
      // Phase 2: CloudWatch usage, per region where resources (or bucket metrics) live, and the web ACLs.
      runAll(pool, usageTasks(disabled, period.window(), fanout), progress);
      return assemble(accountId, regions, period.window());
    }

    /** The account id; without it nothing else answers either, so its failure stops the scan. */
    private String accountId(String home) {
      if (knownAccountId != null) {
        progress.done("sts", home, 1);
        return knownAccountId;
      }
      try {
        String id = AccountCollector.accountId(clients.sts());
        progress.done("sts", home, 1);
        return id;
      } catch (RuntimeException e) {
        // Bad credentials, no network, a wrong endpoint: stop here rather than write an empty
        // snapshot of an "unknown" account.
        throw new CollectException("cannot read the account id (sts:GetCallerIdentity in " + home + "): "
            + Faults.code(e) + ": " + Faults.message(e) + "; nothing was collected (check the credentials, the network"
            + (options.endpointUrl() == null ? "" : " and --endpoint-url " + options.endpointUrl()) + ")", e, true);
      }
    }

    /**
     * The window and "today" of this collection, and the progress file opened for them. The window
     * ends at today's 00:00 UTC so every day in it is complete; a resumed collection keeps the
     * first run's window, so old and new parts fit together.
     */
    private Period openCheckpoint(String accountId) {
      Instant now = clock.instant();
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      Instant end = now.truncatedTo(ChronoUnit.DAYS);
      if (options.progressFile() != null) {
        if (options.resume()) {
          Checkpoint.Header old = Checkpoint.readHeader(options.progressFile());
          end = old.windowEnd();
          today = old.today();
        }
        checkpoint = Checkpoint.open(options.progressFile(), new Checkpoint.Header(Checkpoint.FORMAT, accountId,
            List.copyOf(new TreeSet<>(options.regions())), options.days(), end, today, options.redactTags()),
            options.resume());
      }
      return new Period(Window.ofDays(end, options.days()), today);
    }

    /** EC2 instances per region (a region that rejects the credentials is noted in {@code disabled}) and the global services. */
    private List<Runnable> probeTasks(List<String> regions, Set<String> disabled, Period period, Fanout fanout) {
      boolean redact = options.redactTags();
      List<Runnable> probe = new ArrayList<>();
      for (String region : regions) {
        probe.add(() -> part("ec2/" + region + "/instances", "ec2", region, true, e -> {
          if (Faults.regionDisabled(e)) {
            disabled.add(region);
            return "every resource in the region (region not enabled for the account?)";
          }
          return "EC2 instances";
        }, p -> new Ec2Collector(clients.ec2(region), region, redact, p).instances()));
      }
      probe.add(() -> part("cloudfront/distributions", "cloudfront", "global", true, "CloudFront distributions",
          p -> CloudFrontCollector.collect(clients.cloudFront(), redact, p, fanout)));
      probe.add(() -> part("s3/buckets", "s3", "global", true, "S3 buckets",
          p -> S3Collector.collect(clients.s3(Clients.HOME), p)));
      if (costExplorerBill && billPart != null) {
        probe.add(() -> part("ce/cost", "ce", "global", false, "monthly cost by service (Cost Explorer of the management account)",
            p -> billPart.collect(period.today(), p)));
      } else if (costExplorerBill) {
        probe.add(() -> part("ce/cost", "ce", "global", false, "monthly cost by service (Cost Explorer"
                + (ownBillAccount == null ? ")" : ", filtered to the account)"),
            p -> CostCollector.collect(clients.costExplorer(), period.today(), ownBillAccount, p)));
      }
      probe.add(() -> part("ce/coverage", "ce", "global", false, "reserved instance and savings plan coverage (Cost Explorer)",
          p -> CoverageCollector.collect(clients.costExplorer(), period.window(), period.today(), p)));
      probe.add(() -> part("iam/alias", "iam", "global", false, "account alias", p -> {
        p.alias = AccountCollector.alias(clients.iam());
        return p.alias == null ? 0 : 1;
      }));
      probe.add(() -> part("savingsplans/plans", "savingsplans", "global", false, "savings plans",
          p -> CommitmentsCollector.savingsPlans(clients.savingsPlans(), p)));
      return probe;
    }

    /**
     * The other regional services of the regions that answered. Inventory lists (load balancers,
     * DB instances, Aurora clusters, caches) are critical: a fault that outlasts its retries makes
     * the collection incomplete. Reservations, volumes, VPCs and groups are not.
     */
    private List<Runnable> regionalTasks(List<String> regions, Set<String> disabled, Fanout fanout) {
      boolean redact = options.redactTags();
      List<Runnable> tasks = new ArrayList<>();
      for (String region : regions) {
        if (disabled.contains(region)) {
          continue;
        }
        tasks.add(() -> part("ec2/" + region + "/volumes", "ec2", region, false, "EBS volumes",
            p -> new Ec2Collector(clients.ec2(region), region, redact, p).volumes()));
        tasks.add(() -> part("ec2/" + region + "/vpcs", "ec2", region, false, "VPCs",
            p -> new Ec2Collector(clients.ec2(region), region, redact, p).vpcs()));
        tasks.add(() -> part("ec2/" + region + "/network-interfaces", "ec2", region, false,
            "network interfaces (flows cannot be attributed to resources)",
            p -> new Ec2Collector(clients.ec2(region), region, redact, p).networkInterfaces()));
        tasks.add(() -> part("ec2/" + region + "/flow-logs", "ec2", region, false,
            "VPC Flow Logs settings (logs check cannot tell which VPCs lack them)",
            p -> new Ec2Collector(clients.ec2(region), region, redact, p).flowLogs()));
        tasks.add(() -> part("ec2/" + region + "/reserved-instances", "ec2", region, false, "reserved instances",
            p -> CommitmentsCollector.reservedInstances(clients.ec2(region), region, p)));
        tasks.add(() -> part("autoscaling/" + region + "/groups", "autoscaling", region, false, "auto scaling groups",
            p -> AutoScalingCollector.collect(clients.autoScaling(region), region, redact, p)));
        tasks.add(() -> part("elb/" + region + "/classic", "elb", region, true, "classic load balancers",
            p -> ClassicElbCollector.collect(clients.elb(region), region, redact, p, fanout)));
        tasks.add(() -> part("elbv2/" + region + "/load-balancers", "elbv2", region, true,
            "application and network load balancers",
            p -> ElbV2Collector.collect(clients.elbv2(region), region, redact, p, fanout)));
        tasks.add(() -> part("rds/" + region + "/db-instances", "rds", region, true, "RDS DB instances",
            p -> RdsCollector.instances(clients.rds(region), region, redact, p)));
        tasks.add(() -> part("rds/" + region + "/db-clusters", "rds", region, true, "Aurora DB clusters",
            p -> RdsCollector.clusters(clients.rds(region), region, redact, p)));
        tasks.add(() -> part("rds/" + region + "/reserved-db-instances", "rds", region, false, "reserved DB instances",
            p -> RdsCollector.reserved(clients.rds(region), region, p)));
        tasks.add(() -> part("elasticache/" + region + "/caches", "elasticache", region, true,
            "ElastiCache replication groups and cache clusters",
            p -> ElastiCacheCollector.caches(clients.elastiCache(region), region, redact, p, fanout)));
        tasks.add(() -> part("elasticache/" + region + "/serverless-caches", "elasticache", region, true,
            "ElastiCache serverless caches",
            p -> ElastiCacheCollector.serverless(clients.elastiCache(region), region, redact, p, fanout)));
        tasks.add(() -> part("elasticache/" + region + "/reserved-cache-nodes", "elasticache", region, false,
            "reserved cache nodes", p -> ElastiCacheCollector.reserved(clients.elastiCache(region), region, p)));
      }
      return tasks;
    }

    /** CloudWatch usage per region where resources live, and each distinct web ACL of the distributions. */
    private List<Runnable> usageTasks(Set<String> disabled, Window window, Fanout fanout) {
      Map<String, List<Ec2Instance>> instancesByRegion = group(sink.instances, Ec2Instance::region);
      Map<String, List<LoadBalancer>> lbsByRegion = group(sink.loadBalancers, LoadBalancer::region);
      Map<String, List<S3Bucket>> bucketsByRegion = group(sink.buckets, S3Bucket::region);
      bucketsByRegion.remove("unknown");
      Map<String, List<DbInstance>> dbsByRegion = group(sink.dbInstances, DbInstance::region);
      Map<String, List<DbCluster>> clustersByRegion = group(sink.dbClusters, DbCluster::region);
      Map<String, List<CacheCluster>> cachesByRegion = group(sink.cacheClusters, CacheCluster::region);
      TreeSet<String> metricRegions = new TreeSet<>();
      List.of(instancesByRegion, lbsByRegion, bucketsByRegion, dbsByRegion, clustersByRegion, cachesByRegion)
          .forEach(m -> metricRegions.addAll(m.keySet()));
      List<Distribution> dists = List.copyOf(sink.distributions);
      if (!dists.isEmpty()) {
        metricRegions.add(Clients.HOME);
      }
      metricRegions.removeAll(disabled);
      List<Runnable> tasks = new ArrayList<>();
      for (String region : metricRegions) {
        List<Ec2Instance> instances = sorted(instancesByRegion.getOrDefault(region, List.of()), Comparator.comparing(Ec2Instance::id));
        List<LoadBalancer> lbs = sorted(lbsByRegion.getOrDefault(region, List.of()), Comparator.comparing(LoadBalancer::id));
        List<S3Bucket> buckets = bucketsByRegion.getOrDefault(region, List.of());
        List<Distribution> regionDists = region.equals(Clients.HOME) ? sorted(dists, Comparator.comparing(Distribution::id)) : List.of();
        List<DbInstance> dbs = sorted(dbsByRegion.getOrDefault(region, List.of()), Comparator.comparing(DbInstance::id));
        List<DbCluster> clusters = sorted(clustersByRegion.getOrDefault(region, List.of()), Comparator.comparing(DbCluster::id));
        List<CacheCluster> caches = sorted(cachesByRegion.getOrDefault(region, List.of()), Comparator.comparing(CacheCluster::id));
        // The key names the resources asked about: a resumed run whose inventory differs asks again.
        List<String> owners = new ArrayList<>();
        instances.forEach(i -> owners.add(i.id()));
        lbs.forEach(l -> owners.add(l.id()));
        buckets.forEach(b -> owners.add(b.name()));
        regionDists.forEach(d -> owners.add(d.id()));
        dbs.forEach(d -> owners.add("rds:" + d.id()));
        clusters.forEach(c -> owners.add("aurora:" + c.id()));
        caches.forEach(c -> owners.add("elasticache:" + c.id() + "=" + String.join(",", c.memberClusters())));
        tasks.add(() -> part("cloudwatch/" + region + "/usage/" + fingerprint(owners), "cloudwatch", region, false,
            "usage metrics", p -> {
          MetricsCollector m = new MetricsCollector(clients.cloudWatch(region), region, window, p);
          m.instances(instances);
          m.loadBalancers(lbs);
          m.distributions(regionDists);
          m.buckets(buckets);
          m.dbInstances(dbs);
          m.dbClusters(clusters);
          m.caches(caches);
          m.collect(p.storage);
          return m.plannedQueries();
        }));
      }
      if (dists.stream().anyMatch(d -> d.webAclId() != null)) {
        // After phase 1: the distributions name their web ACLs; each distinct one is read once.
        List<String> acls = new ArrayList<>();
        dists.forEach(d -> acls.add(d.id() + "=" + d.webAclId()));
        tasks.add(() -> part("wafv2/web-acls/" + fingerprint(acls), "wafv2", "global", false, "AWS WAF web ACLs",
            p -> WafCollector.collect(clients.wafv2(), dists, p)));
      }
      return tasks;
    }

    /** What the sink holds, joined (instances to their groups, buckets to their sizes) and sorted by id. */
    private Snapshot assemble(String accountId, List<String> regions, Window window) {
      Map<String, String> asgOf = new HashMap<>();
      sink.groups.forEach(g -> g.instanceIds().forEach(id -> asgOf.put(id, g.name())));
      List<Ec2Instance> instances = sink.instances.stream()
          .map(i -> i.autoScalingGroup() != null || !asgOf.containsKey(i.id()) ? i : withAsg(i, asgOf.get(i.id())))
          .sorted(Comparator.comparing(Ec2Instance::id)).toList();
      List<S3Bucket> buckets = sink.buckets.stream().map(b -> {
        MetricsCollector.S3Storage st = sink.storage.get(b.name());
        return st == null ? b : new S3Bucket(b.name(), b.region(), b.createdAt(), st.classes(), st.objects(), b.tags());
      }).sorted(Comparator.comparing(S3Bucket::name)).toList();
      List<Billing.Month> months = Sink.sorted(sink.months, Comparator.comparing(Billing.Month::month));
      List<LoadBalancer> lbs = Sink.sorted(sink.loadBalancers,
          Comparator.comparing(LoadBalancer::id).thenComparing(LoadBalancer::region));
      List<DbInstance> dbs = Sink.sorted(sink.dbInstances,
          Comparator.comparing(DbInstance::id).thenComparing(DbInstance::region));
      List<CacheCluster> caches = Sink.sorted(sink.cacheClusters,
          Comparator.comparing(CacheCluster::id).thenComparing(CacheCluster::region));
      List<dev.migrate.inventory.NetworkInterface> enis = EniAttribution.attribute(List.copyOf(sink.networkInterfaces),
          lbs, dbs, caches);
      List<Vpc> vpcs = withFlowLogs(Sink.sorted(sink.vpcs, Comparator.comparing(Vpc::id)), enis);
      return new Snapshot(Snapshot.SCHEMA_V1, new Account(accountId, sink.alias), clock.instant(), window, regions,
          instances,
          Sink.sorted(sink.volumes, Comparator.comparing(EbsVolume::id)),
          Sink.sorted(sink.groups, Comparator.comparing(AutoScalingGroup::name).thenComparing(AutoScalingGroup::region)),
          lbs,
          Sink.sorted(sink.distributions, Comparator.comparing(Distribution::id)),
          buckets,
          vpcs,
          Sink.sorted(sink.commitments, Comparator.comparing(Commitment::kind).thenComparing(Commitment::id)),
          // An RDS instance and an Aurora cluster may share an identifier: the kind keeps the order stable.
          Sink.sorted(sink.usage, Comparator.comparing(Usage::resourceId).thenComparing(Usage::kind)),
          new Billing("USD", months, months.isEmpty() ? null : Billing.SOURCE_COST_EXPLORER),
          Sink.sorted(sink.gaps, GAP_ORDER),
          sink.coverage,
          Sink.sorted(sink.webAcls, Comparator.comparing(WebAcl::arn)),
          null,
          dbs,
          Sink.sorted(sink.dbClusters, Comparator.comparing(DbCluster::id).thenComparing(DbCluster::region)),
          caches,
          enis, null, null);
    }

    /**
     * Each VPC with the flow logs that cover it: set on the VPC itself, or on a subnet or interface that one of
     * its network interfaces names. A region whose flow logs could not be read leaves its VPCs' list null.
     */
    private List<Vpc> withFlowLogs(List<Vpc> vpcs, List<dev.migrate.inventory.NetworkInterface> enis) {
      Set<String> read = new java.util.HashSet<>(sink.flowLogRegions);
      Map<String, String> vpcOf = new HashMap<>(); // region|subnet or interface id -> VPC id
      for (var n : enis) {
        if (n.vpcId() != null) {
          vpcOf.put(n.region() + "|" + n.id(), n.vpcId());
          if (n.subnetId() != null) {
            vpcOf.put(n.region() + "|" + n.subnetId(), n.vpcId());
          }
        }
      }
      Map<String, List<Vpc.FlowLog>> byVpc = new HashMap<>();
      for (Sink.RegionalFlowLog f : sink.flowLogs) {
        String resource = f.flowLog().resourceId();
        String vpc = resource != null && resource.startsWith("vpc-") ? resource
            : vpcOf.get(f.region() + "|" + resource);
        if (vpc != null) {
          byVpc.computeIfAbsent(f.region() + "|" + vpc, k -> new ArrayList<>()).add(f.flowLog());
        }
      }
      List<Vpc> out = new ArrayList<>(vpcs.size());
      for (Vpc v : vpcs) {
        List<Vpc.FlowLog> logs = null;
        if (read.contains(v.region())) {
          logs = new ArrayList<>(byVpc.getOrDefault(v.region() + "|" + v.id(), List.of()));
          logs.sort(Comparator.comparing(Vpc.FlowLog::id));
        }
        out.add(new Vpc(v.id(), v.region(), v.cidrBlocks(), v.isDefault(), logs, v.ownerId()));
      }
      return out;
    }
  }

  /** The look-back window of a collection and the day it counts as today (for the bill's months). */
  private record Period(Window window, LocalDate today) {}

  /** Regions to scan: the requested ones (disabled ones become gaps) or every enabled one. */
  private List<String> regions(Clients clients, String home, Sink sink, java.util.Queue<Gap> incomplete) {
    SortedMap<String, Boolean> known = null;
    try {
      known = AccountCollector.regions(clients.ec2(home));
    } catch (RuntimeException e) {
      String missing = "region list (scanning " + (options.regions().isEmpty() ? home + " only" : "the requested regions") + ")";
      sink.gap("ec2", home, missing, e);
      if (options.regions().isEmpty() && Faults.kind(e) != Faults.Kind.REFUSED) {
        // Every other region of the account would be silently left out.
        incomplete.add(Faults.gap("ec2", home, missing, e));
      }
    }
    if (options.regions().isEmpty()) {
      if (known == null) {
        return List.of(home);
      }
      return known.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
    List<String> out = new ArrayList<>();
    for (String r : new TreeSet<>(options.regions())) {
      if (known != null && !known.containsKey(r)) {
        sink.gap(new Gap("ec2", r, "UnknownRegion", "every resource in the region",
            "the account does not know region " + r));
      } else if (known != null && !known.get(r)) {
        sink.gap(new Gap("ec2", r, "OptInRequired", "every resource in the region",
            "region " + r + " is not enabled for the account (opt-in region)"));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static void runAll(ExecutorService pool, List<Runnable> tasks, Progress progress) {
    progress.planned(tasks.size());
    List<Future<?>> futures = new ArrayList<>();
    tasks.forEach(t -> futures.add(pool.submit(t)));
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("collection interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("collector failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /** A short stable digest of a set of names (SHA-256 of the sorted names, first 12 hex digits). */
  static String fingerprint(java.util.Collection<String> names) {
    try {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      new TreeSet<>(names).forEach(n -> md.update((n + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static <T> Map<String, List<T>> group(java.util.Collection<T> items, java.util.function.Function<T, String> key) {
    Map<String, List<T>> m = new HashMap<>();
    items.forEach(i -> m.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
    return m;
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> by) {
    return list.stream().sorted(by).toList();
  }

  private static Ec2Instance withAsg(Ec2Instance i, String asg) {
    return new Ec2Instance(i.id(), i.region(), i.availabilityZone(), i.instanceType(), i.state(), i.platform(),
        i.architecture(), i.launchTime(), i.lifecycle(), i.tenancy(), i.vpcId(), asg, i.volumeIds(),
        i.detailedMonitoring(), i.tags(), i.publicIp());
  }
}
