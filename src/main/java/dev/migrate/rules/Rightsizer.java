package dev.migrate.rules;

import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Usage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses Compute Engine machine types for a need (vCPU, memory), by strategy: as-is (same
 * vCPU and memory as the EC2 type) or measured (CPU percentile x headroom; memory p95 x memory
 * headroom when the CloudWatch agent measured it, else as-is with a warning).
 */
final class Rightsizer {
  /** Sizing parameters after run options, rule values and defaults are resolved. */
  record Params(String strategy, int percentile, double headroom, double memoryHeadroom, int minNodes,
      List<String> series) {
    static Params resolve(Rule.Sizing rule, PlanOptions run) {
      return new Params(
          first(run.strategy(), rule.strategy(), PlanOptions.DEFAULT_STRATEGY),
          first(run.percentile(), rule.percentile(), PlanOptions.DEFAULT_PERCENTILE),
          first(run.headroom(), rule.headroom(), PlanOptions.DEFAULT_HEADROOM),
          first(null, rule.memoryHeadroom(), PlanOptions.DEFAULT_MEMORY_HEADROOM),
          first(null, rule.minNodes(), PlanOptions.DEFAULT_MIN_NODES),
          rule.series());
    }

    @SafeVarargs
    private static <T> T first(T... values) {
      for (T v : values) {
        if (v != null) {
          return v;
        }
      }
      throw new AssertionError();
    }
  }

  /** What a workload needs, summed over its instances, and how that was worked out. */
  record Need(double vcpu, double memoryGib, int instances, int cpuMeasured, int memoryMeasured, String family,
      String arch, List<String> warnings) {}

  /** Series to choose from and the warnings choosing them gave. */
  record Series(List<String> series, List<String> warnings) {}

  /** A node pool for a GKE workload. */
  record Pool(Catalog.MachineType machine, int nodes, double podCpu, double podMemoryGib, double allocatableCpu,
      double allocatableMemoryGib) {}

  /** Sizing could not be done; the item goes to the unmapped list with this reason. */
  static final class SizingException extends RuntimeException {
    SizingException(String message) {
      super(message);
    }
  }

  private final Catalog catalog;

  Rightsizer(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The need of one or more instances (a fleet is the sum of its members). */
  Need need(List<Ec2Instance> instances, java.util.function.Function<String, Usage> usage, Params p, boolean forceAsIs) {
    if (instances.isEmpty()) {
      throw new SizingException("no member instances in the snapshot to size from");
    }
    boolean measured = "measured".equals(p.strategy()) && !forceAsIs;
    double vcpu = 0;
    double mem = 0;
    int cpuMeasured = 0;
    int memMeasured = 0;
    Map<String, Integer> families = new TreeMap<>();
    Map<String, Integer> arches = new TreeMap<>();
    for (Ec2Instance i : instances) {
      Catalog.InstanceType t = catalog.instanceType(i.instanceType()).orElseThrow(() -> new SizingException(
          "instance type '" + i.instanceType() + "' of " + i.id() + " is not in the EC2 catalogue (catalog/ec2_instance_types.csv)"));
      families.merge(t.family(), 1, Integer::sum);
      arches.merge(i.architecture(), 1, Integer::sum);
      Usage u = usage.apply(i.id());
      Double cpuPct = u == null ? null : (p.percentile() == 100 ? u.cpuMaxPct() : u.cpuP95Pct());
      if (measured && cpuPct != null) {
        vcpu += t.vcpu() * cpuPct / 100.0 * p.headroom();
        cpuMeasured++;
      } else {
        vcpu += t.vcpu();
      }
      Double memPct = u == null ? null : u.memP95Pct();
      if (measured && memPct != null) {
        // Capped at today's memory: databases and caches fill memory by design, so a high
        // memory p95 alone is no reason to grow the machine.
        mem += Math.min(t.memoryGib(), t.memoryGib() * memPct / 100.0 * p.memoryHeadroom());
        memMeasured++;
      } else {
        mem += t.memoryGib();
      }
    }
    List<String> warnings = new ArrayList<>();
    int n = instances.size();
    if (measured && cpuMeasured < n) {
      warnings.add(n == 1 ? "CPU not measured: sized as-is"
          : (n - cpuMeasured) + " of " + n + " instances have no CPU measurement: counted as-is");
    }
    if (measured && memMeasured < n) {
      warnings.add("memory not measured (no CloudWatch agent): sized as-is"
          + (n == 1 || memMeasured == 0 ? "" : " for " + (n - memMeasured) + " of " + n + " instances"));
    }
    return new Need(vcpu, mem, n, cpuMeasured, memMeasured, most(families), most(arches), List.copyOf(warnings));
  }

  private static String most(Map<String, Integer> counts) {
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * Series to choose from, in preference order. Arm needs: the Arm series offered in the region,
   * else x86 with a warning. Explicit series (rule sizing) come first.
   */
  List<String> series(Need need, String gcpRegion, Params p, List<String> warnings) {
    List<String> preferred = new ArrayList<>(p.series());
    preferred.addAll(catalog.seriesFor(need.family()));
    boolean arm = "arm64".equals(need.arch());
    Set<String> out = new LinkedHashSet<>();
    if (arm) {
      for (String s : preferred) {
        if (catalog.isArmSeries(s)) {
          out.add(s);
        }
      }
      out.add("c4a");
      out.add("t2a");
      out.removeIf(s -> !catalog.armAvailable(s, gcpRegion));
      if (!out.isEmpty()) {
        return List.copyOf(out);
      }
      warnings.add("no Arm machine types (T2A/C4A) in " + gcpRegion + ": sized on x86; rebuild images for x86_64");
    }
    for (String s : preferred) {
      if (!catalog.isArmSeries(s)) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      if (!arm) {
        warnings.add("EC2 family '" + need.family() + "' has no equivalent in the machine-type catalogue: sized on N2/E2");
      }
      out.add("n2");
      out.add("e2");
    }
    return List.copyOf(out);
  }

  /** The smallest machine type (billed vCPU, then memory) of the first series that fits the need. */
  Catalog.MachineType vm(Need need, List<String> series, boolean asIs) {
    for (String s : series) {
      for (Catalog.MachineType m : catalog.series(s)) {
        double cpu = asIs ? m.vcpu() : m.billedVcpu();
        if (cpu + 1e-9 >= need.vcpu() && m.memoryGib() + 1e-9 >= need.memoryGib()) {
          return m;
        }
      }
    }
    throw new SizingException(String.format(Locale.ROOT,
        "no machine type in %s has %.2f vCPU and %.2f GiB", String.join("/", series), need.vcpu(), need.memoryGib()));
  }

  /**
   * A node pool for {@code replicas} pods sharing the need: the machine type that holds them
   * on the fewest provisioned vCPUs (then GiB), with at least {@code minNodes} nodes when there
   * are that many replicas to spread over zones (a one-replica StatefulSet gets one node).
   */
  Pool pool(Need need, int replicas, List<String> series, int minNodes) {
    double podCpu = ceil3(need.vcpu() / replicas);
    double podMem = ceil3(need.memoryGib() / replicas);
    for (String s : series) {
      // the best so far, compared as better() compares pools (a pool is made for the winner only)
      Catalog.MachineType best = null;
      int bestNodes = 0;
      double bestCpu = 0;
      double bestMem = 0;
      for (Catalog.MachineType m : catalog.series(s)) {
        if (m.sharedCpu()) {
          continue;
        }
        double cpu = allocatableCpu(m.vcpu());
        double mem = allocatableMemoryGib(m.memoryGib());
        if (podCpu > cpu || podMem > mem) {
          continue;
        }
        int perNode = (int) Math.min(Math.floor(cpu / podCpu), Math.floor(mem / podMem));
        int nodes = Math.max(Math.min(minNodes, replicas), (replicas + perNode - 1) / perNode);
        if (best == null || better(m, nodes, best, bestNodes)) {
          best = m;
          bestNodes = nodes;
          bestCpu = cpu;
          bestMem = mem;
        }
      }
      if (best != null) {
        return new Pool(best, bestNodes, podCpu, podMem, round3(bestCpu), round3(bestMem));
      }
    }
    throw new SizingException(String.format(Locale.ROOT,
        "no node machine type in %s holds a pod of %.3f vCPU and %.3f GiB", String.join("/", series), podCpu, podMem));
  }

  /** Fewer provisioned vCPUs, then GiB, then nodes. */
  private static boolean better(Catalog.MachineType a, int aNodes, Catalog.MachineType b, int bNodes) {
    double ca = aNodes * a.vcpu();
    double cb = bNodes * b.vcpu();
    if (ca != cb) {
      return ca < cb;
    }
    double ma = aNodes * a.memoryGib();
    double mb = bNodes * b.memoryGib();
    if (ma != mb) {
      return ma < mb;
    }
    return aNodes < bNodes;
  }

  /**
   * CPU GKE leaves to pods on a Standard node, vCPU: it reserves 6% of the first core, 1% of the
   * next, 0.5% of the next 2 and 0.25% of any core above 4
   * (cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes#cpu_reservations).
   */
  static double allocatableCpu(int vcpu) {
    double reserved = 0.06 * Math.min(vcpu, 1) + 0.01 * clamp(vcpu - 1, 1) + 0.005 * clamp(vcpu - 2, 2)
        + 0.0025 * Math.max(vcpu - 4, 0);
    return vcpu - reserved;
  }

  /**
   * Memory GKE leaves to pods on a Standard node, GiB: it reserves 25% of the first 4 GiB, 20% of
   * the next 4, 10% of the next 8, 6% of the next 112 and 2% above 128 GiB (255 MiB below 1 GiB),
   * plus the 100 MiB eviction threshold
   * (cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes#memory_reservations).
   */
  static double allocatableMemoryGib(double gib) {
    double reserved;
    if (gib < 1) {
      reserved = 255.0 / 1024;
    } else {
      reserved = 0.25 * Math.min(gib, 4) + 0.20 * clamp(gib - 4, 4) + 0.10 * clamp(gib - 8, 8)
          + 0.06 * clamp(gib - 16, 112) + 0.02 * Math.max(gib - 128, 0);
    }
    return gib - reserved - 100.0 / 1024;
  }

  private static double clamp(double v, double max) {
    return Math.max(0, Math.min(v, max));
  }

  static double ceil3(double v) {
    return Math.ceil(v * 1000 - 1e-6) / 1000;
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
