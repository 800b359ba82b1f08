package dev.migrate.report;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostSide;
import dev.migrate.cost.Phase;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes the workbook of a synthetic 100,000-instance estate (100,000 mappings, 200,000 cost
 * lines) and prints the time and the peak heap. Run with
 * {@code mvn -o -Pbench test -Dtest=WorkbookBenchmark}; it prints, it does not assert timings.
 * Target on the 2-core build machine: under 20 s and under 1 GiB heap.
 */
class WorkbookBenchmark {
  static final int INSTANCES = 100_000;

  static Assessment large() {
    Assessment base = Fixtures.tableapp();
    String[] types = {"m5.large", "m5.xlarge", "c5.large", "r5.large", "t3.medium"};
    String[] machine = {"e2-standard-2", "e2-standard-4", "e2-highcpu-2", "e2-highmem-2", "e2-medium"};
    String[] prices = {"0.124", "0.248", "0.107", "0.152", "0.0544"};
    String[] gcpPrices = {"0.08592", "0.17184", "0.06344", "0.1112", "0.04364"};
    var instances = new ArrayList<Ec2Instance>(INSTANCES);
    var mappings = new ArrayList<Mapping>(INSTANCES);
    var cur = new ArrayList<CostLine>(INSTANCES);
    var tgt = new ArrayList<CostLine>(INSTANCES);
    BigDecimal hours = new BigDecimal("730");
    for (int n = 0; n < INSTANCES; n++) {
      int k = n % types.length;
      String id = String.format("i-%017x", 0x1000000L + n);
      String name = "app" + (n % 500) + "-" + n;
      String app = "app" + (n % 500);
      instances.add(new Ec2Instance(id, Fixtures.REGION, Fixtures.REGION + "a", types[k], "running", "linux", "x86_64",
          Instant.parse("2025-01-01T00:00:00Z"), null, null, "vpc-0abc1234", null, List.of(), false,
          Map.of("Name", name, "app", app)));
      mappings.add(new Mapping(id, ItemKind.EC2_INSTANCE, name, Fixtures.REGION,
          new Target.ComputeEngineVm(machine[k], "x86_64", "linux", true, Fixtures.GCP_REGION), "ec2-to-gce",
          "general-purpose instance without a fleet: lift and shift", Effort.REHOST, null, null,
          Map.of("cpuP95Pct", "35.0")));
      BigDecimal p = new BigDecimal(prices[k]);
      BigDecimal g = new BigDecimal(gcpPrices[k]);
      cur.add(new CostLine(Phase.CURRENT, id, name, app, "Amazon EC2", "instance hours " + types[k], hours, "hour",
          "aws/ec2/" + types[k] + "/" + Fixtures.REGION, p, "price book", Fixtures.AWS_PRICES, hours.multiply(p),
          CostLine.Driver.COMPUTE_ON_DEMAND, types[k]));
      tgt.add(new CostLine(Phase.TARGET, id, name, app, "Compute Engine", "vm hours " + machine[k], hours, "hour",
          "gcp/compute/" + machine[k] + "/" + Fixtures.GCP_REGION, g, "price book", Fixtures.GCP_PRICES,
          hours.multiply(g), CostLine.Driver.COMPUTE_ON_DEMAND, machine[k]));
    }
    Snapshot s = base.snapshot();
    Snapshot big = SnapshotBuilder.from(s).instances(instances).volumes(List.of()).autoScalingGroups(List.of())
        .loadBalancers(List.of()).distributions(List.of()).buckets(List.of()).vpcs(List.of())
        .commitments(List.of()).usage(List.of()).coverage(null).webAcls(List.of()).collection(null).build();
    CostSide current = CostSide.of(Phase.CURRENT, cur);
    CostSide target = CostSide.of(Phase.TARGET, tgt);
    return new Assessment(big, new MigrationPlan(mappings, List.of(), Map.of(Fixtures.REGION, Fixtures.GCP_REGION),
        "built-in"), current, target, List.of(), null, Fixtures.requests(current.monthlyUsd(), target.monthlyUsd()),
        List.of(Fixtures.timeline(current.monthlyUsd(), target.monthlyUsd())), base.assumptions(),
        base.priceBookDate(), base.generatedAt(), List.of());
  }

  @Test
  void writes100kInstanceWorkbook() throws Exception {
    Assessment a = large();
    ReportModel m = ReportModel.of(a);
    System.gc();
    long baseline = heapUsed();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    Path file = Files.createTempFile("workbook-benchmark", ".xlsx");
    var threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    try (OutputStream out = Files.newOutputStream(file)) {
      WorkbookWriter.write(m, out);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("WorkbookBenchmark: %,d instances, %,d mappings, %,d cost lines%n", INSTANCES,
        m.mappings().size(), m.costLines().size());
    System.out.printf("WorkbookBenchmark: wrote %,d bytes in %,d ms wall, %,d ms CPU of the writing thread"
        + " (wall time depends on the load of the shared machine: load average %.1f)%n", Files.size(file), ms, cpuMs,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf("WorkbookBenchmark: heap before %,d MiB (the assessment itself), peak during write %,d MiB "
        + "(sum of pool peaks, an upper bound), max %,d MiB%n", baseline >> 20, peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    Files.delete(file);
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
