package dev.migrate.cost;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.pricing.PriceBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prices 100,000 items (40,000 instances, 40,000 volumes, 10,000 load balancers, 10,000 buckets,
 * with usage and a plan) after start-up, and prints the time. Run: mvn -o -Pbench test -Dtest=CostBenchmark
 */
class CostBenchmark {
  @Test
  void price100kItems() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    PriceBook book = PriceBook.bundled();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    long loadCpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
    Snapshot s = estate();
    MigrationPlan plan = plan(s);
    CostModel model = new CostModel(book);
    CostOptions once = CostOptions.builder().growthMultiples(List.of()).build();
    model.assess(s, plan, once, CostModelHandCheckedTest.CLOCK); // warm-up
    int items = s.instances().size() + s.volumes().size() + s.loadBalancers().size() + s.buckets().size();
    // The build machine is shared: thread CPU time is printed beside wall time, as it does not count waiting for a core.
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    Assessment a = null;
    for (int run = 0; run < 5; run++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      a = model.assess(s, plan, once, CostModelHandCheckedTest.CLOCK);
      best = Math.min(best, System.nanoTime() - start);
      bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
    }
    long startGrowth = System.nanoTime();
    model.assess(s, plan, CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
    long growthMs = (System.nanoTime() - startGrowth) / 1_000_000;
    double ms = best / 1e6;
    System.out.printf(Locale.ROOT, "CostBenchmark: price book load %d ms wall, %d ms CPU (%d keys, first use, includes class loading)%n",
        loadMs, loadCpuMs, book.size());
    System.out.printf(Locale.ROOT, "CostBenchmark: %d items priced (CURRENT + TARGET, %d lines) in %.1f ms = %.0f items/s%n",
        items, a.current().lines().size() + a.target().lines().size(), ms, items / (ms / 1000));
    System.out.printf(Locale.ROOT, "CostBenchmark: thread CPU time %.1f ms = %.0f items/s (load average %.1f)%n",
        bestCpu / 1e6, items / (bestCpu / 1e9), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "CostBenchmark: with the x1/x2/x5 growth re-pricing: %d ms%n", growthMs);
  }

  static Snapshot estate() {
    String[] types = {"m5.large", "m5.xlarge", "c5.large", "r5.large", "t3.medium"};
    String[] regions = {"us-east-1", "ap-northeast-1", "eu-west-1", "ap-southeast-1"};
    List<Ec2Instance> instances = new ArrayList<>();
    List<EbsVolume> volumes = new ArrayList<>();
    List<LoadBalancer> lbs = new ArrayList<>();
    List<S3Bucket> buckets = new ArrayList<>();
    List<Usage> usage = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      String id = String.format(Locale.ROOT, "i-%08d", i);
      String region = regions[i % regions.length];
      instances.add(new Ec2Instance(id, region, region + "a", types[i % types.length], i % 10 == 0 ? "stopped" : "running",
          "linux", "x86_64", null, null, null, null, null, List.of(), false, Map.of("app", "app" + (i % 50))));
      volumes.add(new EbsVolume(String.format(Locale.ROOT, "vol-%08d", i), region, null, i % 3 == 0 ? "gp2" : "gp3",
          100, 3000 + (i % 4) * 1000, 125, "in-use", id, Map.of()));
    }
    for (int i = 0; i < 10_000; i++) {
      String id = String.format(Locale.ROOT, "lb-%06d", i);
      String region = regions[i % regions.length];
      lbs.add(new LoadBalancer(id, id, region, LoadBalancerType.APPLICATION, "internet-facing", id + ".elb.amazonaws.com",
          null, List.of(), null, List.of(), List.of(), List.of(), null, Map.of()));
      usage.add(new Usage(id, "elb", "cloudwatch", null, null, null, null, null, null, null, 1_000_000L, 50.0, 20.0,
          null, null, null, null, List.of()));
      String b = String.format(Locale.ROOT, "bucket-%06d", i);
      buckets.add(new S3Bucket(b, region, null, List.of(new S3Bucket.StorageClassUsage("STANDARD", 10L << 30, null)), null, Map.of()));
    }
    var end = CostModelHandCheckedTest.CLOCK.instant();
    return SnapshotBuilder.snapshot(new Account("111122223333", null), end,
            new Window(end.minus(Duration.ofDays(30)), end, 30))
        .regions(List.of(regions)).instances(instances).volumes(volumes).loadBalancers(lbs).buckets(buckets)
        .usage(usage).billing(Billing.EMPTY).build();
  }

  static MigrationPlan plan(Snapshot s) {
    Map<String, String> regionMap = Map.of("us-east-1", "us-east4", "ap-northeast-1", "asia-northeast1",
        "eu-west-1", "europe-west1", "ap-southeast-1", "asia-southeast1");
    List<Mapping> m = new ArrayList<>();
    for (Ec2Instance i : s.instances()) {
      m.add(SmallEstate.map(i.id(), ItemKind.EC2_INSTANCE, i.id(), i.region(),
          new Target.ComputeEngineVm("n2-standard-2", "x86_64", "linux", i.running(), regionMap.get(i.region()))));
    }
    for (EbsVolume v : s.volumes()) {
      m.add(SmallEstate.map(v.id(), ItemKind.EBS_VOLUME, v.id(), v.region(),
          new Target.PersistentDisk("pd-balanced", v.sizeGib(), null, null, regionMap.get(v.region()))));
    }
    for (LoadBalancer lb : s.loadBalancers()) {
      m.add(SmallEstate.map(lb.id(), ItemKind.LOAD_BALANCER, lb.name(), lb.region(),
          new Target.CloudLoadBalancer("regional-external-application", 1, false, regionMap.get(lb.region()))));
    }
    for (S3Bucket b : s.buckets()) {
      m.add(SmallEstate.map(b.name(), ItemKind.S3_BUCKET, b.name(), b.region(), new Target.CloudStorage(regionMap.get(b.region()),
          List.of(new Target.ClassMapping("STANDARD", "STANDARD", 10)), regionMap.get(b.region()))));
    }
    return new MigrationPlan(m, List.of(), regionMap, "benchmark");
  }
}
