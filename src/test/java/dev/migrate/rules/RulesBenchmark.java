package dev.migrate.rules;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Maps 100,000 synthetic items with the shipped rules and prints items/s and milliseconds.
 * Run: mvn -o -Pbench test -Dtest=RulesBenchmark. Prints figures, asserts nothing about time.
 */
class RulesBenchmark {
  static Snapshot estate() {
    TestEstate e = new TestEstate();
    String[] types = {"m5.large", "c5.xlarge", "r5.large", "t3.medium", "m6g.large", "m6i.2xlarge"};
    String[] roles = {"web", "api", "redis", "cron", "worker", "search"};
    int item = 0;
    // 2,000 fleets of 10 members behind 2,000 ALBs, each member with one volume: 44,000 items
    for (int g = 0; g < 2000; g++) {
      String asg = String.format(Locale.ROOT, "fleet-%04d", g);
      String tg = "arn:tg/" + asg;
      List<String> members = new ArrayList<>();
      for (int m = 0; m < 10; m++) {
        String id = String.format(Locale.ROOT, "i-f%04d%02d", g, m);
        String vol = "vol-" + id.substring(2);
        members.add(id);
        e.linux(id, types[g % types.length], asg, Map.of("Name", asg + "-" + m, "Role", roles[g % roles.length]), vol)
            .volume(vol, "gp3", 30, 3000, id).cpu(id, 10 + (g * 7 + m) % 60, m % 2 == 0 ? 50.0 : null);
      }
      e.asg(asg, 10, members, List.of(tg), Map.of("Role", roles[g % roles.length]))
          .alb("alb-" + asg, "internet-facing", tg, 80, members);
    }
    item += 44_000;
    // 20,000 standalone instances with 1.3 volumes on average: 46,000 items
    String[] volumeTypes = {"gp2", "gp3", "io1", "io2", "st1", "sc1"};
    for (int i = 0; i < 20_000; i++) {
      String id = String.format(Locale.ROOT, "i-s%05d", i);
      String v1 = "vol-s" + i;
      e.instance(id, types[i % types.length], i % 17 == 0 ? "stopped" : "running", i % 23 == 0 ? "windows" : "linux",
          types[i % types.length].startsWith("m6g") ? "arm64" : "x86_64", "ap-northeast-1", null,
          Map.of("Name", "host-" + roles[i % roles.length] + "-" + i), v1);
      e.volume(v1, volumeTypes[i % volumeTypes.length], 50 + i % 500, 3000, id).cpu(id, 5 + i % 80, i % 3 == 0 ? 60.0 : null);
      if (i % 3 == 0) {
        e.volume("vol-x" + i, "gp3", 100, 3000, null);
      }
    }
    item += 20_000 + 20_000 + 6_667;
    // 500 distributions and the rest buckets
    for (int d = 0; d < 500; d++) {
      e.distribution(String.format(Locale.ROOT, "E%05d", d), d % 50 != 0, d % 2 == 0 ? "s3" : "elb",
          d % 2 == 0 ? "b" + d + ".s3.amazonaws.com" : "alb-fleet-0001.elb.amazonaws.com", d % 5 == 0 ? "waf" : null,
          d % 7 == 0 ? "blacklist" : "none", false, d % 3 == 0,
          d % 4 == 0 ? List.of(new Distribution.EdgeFunction("lambda-edge", "viewer-request", "arn:fn" + d)) : List.of(),
          "PriceClass_All");
    }
    item += 500;
    for (int b = 0; item < 100_000; b++, item++) {
      e.bucket(String.format(Locale.ROOT, "bucket-%05d", b), Map.of("STANDARD", 10L + b % 100, "GLACIER", (long) b % 7));
    }
    return e.snapshot();
  }

  static int items(Snapshot s) {
    return s.instances().size() + s.volumes().size() + s.autoScalingGroups().size() + s.loadBalancers().size()
        + s.distributions().size() + s.buckets().size();
  }

  @Test
  void map100kItems() {
    long t0 = System.nanoTime();
    RuleEngine engine = new RuleEngine(RuleLoader.builtIn());
    long t1 = System.nanoTime();
    Snapshot s = estate();
    int n = items(s);
    // warm-up: JIT the hot paths on the same estate, as a long-running process would be
    for (int i = 0; i < 3; i++) {
      engine.plan(s, PlanOptions.DEFAULTS);
    }
    int runs = 5;
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    MigrationPlan plan = null;
    for (int i = 0; i < runs; i++) {
      long cpu = mx.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      plan = engine.plan(s, PlanOptions.DEFAULTS);
      best = Math.min(best, System.nanoTime() - start);
      bestCpu = Math.min(bestCpu, mx.getCurrentThreadCpuTime() - cpu);
    }
    // Wall time depends on what else runs on the machine; the thread's CPU time is what the
    // engine itself costs. Both are printed, with the load average for context.
    System.out.printf(Locale.ROOT, "RulesBenchmark: rules loaded in %.0f ms; %d items (%d mapped, %d unmapped); "
            + "best of %d runs: %.0f ms wall = %.0f items/s, %.0f ms CPU = %.0f items/s (load average %.1f, %d cores)%n",
        (t1 - t0) / 1e6, n, plan.mappings().size(), plan.unmapped().size(), runs, best / 1e6, n / (best / 1e9),
        bestCpu / 1e6, n / (bestCpu / 1e9),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }
}
