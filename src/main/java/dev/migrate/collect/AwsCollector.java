package dev.migrate.collect;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Commitment;
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
      Snapshot snapshot = scan(clients, home, sink, pool, new Fanout(detailPool), progress);
      return new CollectResult(snapshot, log.stats());
    } finally {
      pool.shutdownNow();
      detailPool.shutdownNow();
    }
  }

  private Snapshot scan(Clients clients, String home, Sink sink, ExecutorService pool, Fanout fanout,
      Progress progress) {
    Instant now = clock.instant();
    // The window ends at today's 00:00 UTC so every day in it is complete.
    Instant end = now.truncatedTo(ChronoUnit.DAYS);
    Window window = Window.ofDays(end, options.days());
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

    progress.planned(2);
    String accountId = "unknown";
    try {
      accountId = AccountCollector.accountId(clients.sts());
    } catch (RuntimeException e) {
      sink.gap("sts", home, "account id", e);
    }
    progress.done("sts", home, 1);
    List<String> regions = regions(clients, home, sink);
    progress.done("ec2", home, regions.size());

    // Phase 1a: instances per region (which also tells whether a region answers at all), with
    // the global services alongside. Phase 1b: the other regional services of the regions that answered.
    Set<String> disabled = ConcurrentHashMap.newKeySet();
    List<Runnable> probe = new ArrayList<>();
    for (String region : regions) {
      probe.add(() -> {
        int n = 0;
        try {
          n = new Ec2Collector(clients.ec2(region), region, options.redactTags(), sink).instances();
        } catch (RuntimeException e) {
          if (Faults.regionDisabled(e)) {
            disabled.add(region);
            sink.gap("ec2", region, "every resource in the region (region not enabled for the account?)", e);
          } else {
            sink.gap("ec2", region, "EC2 instances", e);
          }
        }
        progress.done("ec2", region, n);
      });
    }
    probe.add(() -> unit(sink, progress, "cloudfront", "global", "CloudFront distributions",
        () -> CloudFrontCollector.collect(clients.cloudFront(), options.redactTags(), sink, fanout)));
    probe.add(() -> unit(sink, progress, "s3", "global", "S3 buckets",
        () -> S3Collector.collect(clients.s3(Clients.HOME), sink)));
    probe.add(() -> unit(sink, progress, "ce", "global", "monthly cost by service (Cost Explorer)",
        () -> CostCollector.collect(clients.costExplorer(), today, sink)));
    probe.add(() -> unit(sink, progress, "ce", "global", "reserved instance and savings plan coverage (Cost Explorer)",
        () -> CoverageCollector.collect(clients.costExplorer(), window, today, sink)));
    probe.add(() -> unit(sink, progress, "iam", "global", "account alias", () -> {
      sink.alias = AccountCollector.alias(clients.iam());
      return sink.alias == null ? 0 : 1;
    }));
    probe.add(() -> unit(sink, progress, "savingsplans", "global", "savings plans",
        () -> CommitmentsCollector.savingsPlans(clients.savingsPlans(), sink)));
    runAll(pool, probe, progress);

    List<Runnable> tasks = new ArrayList<>();
    for (String region : regions) {
      if (disabled.contains(region)) {
        continue;
      }
      Ec2Collector ec2 = new Ec2Collector(clients.ec2(region), region, options.redactTags(), sink);
      tasks.add(() -> unit(sink, progress, "ec2", region, "EBS volumes", ec2::volumes));
      tasks.add(() -> unit(sink, progress, "ec2", region, "VPCs", ec2::vpcs));
      tasks.add(() -> unit(sink, progress, "ec2", region, "reserved instances",
          () -> CommitmentsCollector.reservedInstances(clients.ec2(region), region, sink)));
      tasks.add(() -> unit(sink, progress, "autoscaling", region, "auto scaling groups",
          () -> AutoScalingCollector.collect(clients.autoScaling(region), region, options.redactTags(), sink)));
      tasks.add(() -> unit(sink, progress, "elb", region, "classic load balancers",
          () -> ClassicElbCollector.collect(clients.elb(region), region, options.redactTags(), sink, fanout)));
      tasks.add(() -> unit(sink, progress, "elbv2", region, "application and network load balancers",
          () -> ElbV2Collector.collect(clients.elbv2(region), region, options.redactTags(), sink, fanout)));
    }
    runAll(pool, tasks, progress);

    // Phase 2: CloudWatch usage, per region where resources (or bucket metrics) live.
    Map<String, List<Ec2Instance>> instancesByRegion = group(sink.instances, Ec2Instance::region);
    Map<String, List<LoadBalancer>> lbsByRegion = group(sink.loadBalancers, LoadBalancer::region);
    Map<String, List<S3Bucket>> bucketsByRegion = group(sink.buckets, S3Bucket::region);
    bucketsByRegion.remove("unknown");
    TreeSet<String> metricRegions = new TreeSet<>();
    metricRegions.addAll(instancesByRegion.keySet());
    metricRegions.addAll(lbsByRegion.keySet());
    metricRegions.addAll(bucketsByRegion.keySet());
    List<Distribution> dists = List.copyOf(sink.distributions);
    if (!dists.isEmpty()) {
      metricRegions.add(Clients.HOME);
    }
    metricRegions.removeAll(disabled);
    Map<String, MetricsCollector.S3Storage> storage = new ConcurrentHashMap<>();
    List<Runnable> metricTasks = new ArrayList<>();
    for (String region : metricRegions) {
      metricTasks.add(() -> unit(sink, progress, "cloudwatch", region, "usage metrics", () -> {
        MetricsCollector m = new MetricsCollector(clients.cloudWatch(region), region, window, sink);
        m.instances(sorted(instancesByRegion.getOrDefault(region, List.of()), Comparator.comparing(Ec2Instance::id)));
        m.loadBalancers(sorted(lbsByRegion.getOrDefault(region, List.of()), Comparator.comparing(LoadBalancer::id)));
        if (region.equals(Clients.HOME)) {
          m.distributions(sorted(dists, Comparator.comparing(Distribution::id)));
        }
        m.buckets(bucketsByRegion.getOrDefault(region, List.of()));
        Map<String, MetricsCollector.S3Storage> local = new HashMap<>();
        m.collect(local);
        storage.putAll(local);
        return m.plannedQueries();
      }));
    }
    if (dists.stream().anyMatch(d -> d.webAclId() != null)) {
      // After phase 1: the distributions name their web ACLs; each distinct one is read once.
      metricTasks.add(() -> unit(sink, progress, "wafv2", "global", "AWS WAF web ACLs",
          () -> WafCollector.collect(clients.wafv2(), dists, sink)));
    }
    runAll(pool, metricTasks, progress);

    Map<String, String> asgOf = new HashMap<>();
    sink.groups.forEach(g -> g.instanceIds().forEach(id -> asgOf.put(id, g.name())));
    List<Ec2Instance> instances = sink.instances.stream()
        .map(i -> i.autoScalingGroup() != null || !asgOf.containsKey(i.id()) ? i : withAsg(i, asgOf.get(i.id())))
        .sorted(Comparator.comparing(Ec2Instance::id)).toList();
    List<S3Bucket> buckets = sink.buckets.stream().map(b -> {
      MetricsCollector.S3Storage s = storage.get(b.name());
      return s == null ? b : new S3Bucket(b.name(), b.region(), b.createdAt(), s.classes(), s.objects(), b.tags());
    }).sorted(Comparator.comparing(S3Bucket::name)).toList();
    List<Billing.Month> months = Sink.sorted(sink.months, Comparator.comparing(Billing.Month::month));
    return new Snapshot(Snapshot.SCHEMA_V1, new Account(accountId, sink.alias), clock.instant(), window, regions,
        instances,
        Sink.sorted(sink.volumes, Comparator.comparing(EbsVolume::id)),
        Sink.sorted(sink.groups, Comparator.comparing(AutoScalingGroup::name).thenComparing(AutoScalingGroup::region)),
        Sink.sorted(sink.loadBalancers, Comparator.comparing(LoadBalancer::id).thenComparing(LoadBalancer::region)),
        Sink.sorted(sink.distributions, Comparator.comparing(Distribution::id)),
        buckets,
        Sink.sorted(sink.vpcs, Comparator.comparing(Vpc::id)),
        Sink.sorted(sink.commitments, Comparator.comparing(Commitment::kind).thenComparing(Commitment::id)),
        Sink.sorted(sink.usage, Comparator.comparing(Usage::resourceId)),
        new Billing("USD", months),
        Sink.sorted(sink.gaps, Comparator.comparing(Gap::service).thenComparing(Gap::region)
            .thenComparing(Gap::missing).thenComparing(Gap::errorCode)),
        sink.coverage,
        Sink.sorted(sink.webAcls, Comparator.comparing(WebAcl::arn)));
  }

  /** Regions to scan: the requested ones (disabled ones become gaps) or every enabled one. */
  private List<String> regions(Clients clients, String home, Sink sink) {
    SortedMap<String, Boolean> known = null;
    try {
      known = AccountCollector.regions(clients.ec2(home));
    } catch (RuntimeException e) {
      sink.gap("ec2", home, "region list (scanning " + (options.regions().isEmpty() ? home + " only" : "the requested regions") + ")", e);
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

  private static void unit(Sink sink, Progress progress, String service, String region, String missing, IntSupplier body) {
    int n = 0;
    try {
      n = body.getAsInt();
    } catch (RuntimeException e) {
      sink.gap(service, region, missing, e);
    }
    progress.done(service, region, n);
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
        i.detailedMonitoring(), i.tags());
  }
}
