package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RightsizingTest {
  private static final Catalog CATALOG = Catalog.builtIn();
  private final RuleEngine engine = new RuleEngine(RuleLoader.builtIn());

  private Mapping map(TestEstate e, String id, PlanOptions options) {
    MigrationPlan plan = engine.plan(e.snapshot(), options);
    return plan.mappingOf(id).orElseThrow(() -> new AssertionError(plan.unmapped()));
  }

  private static String machine(Mapping m) {
    return ((Target.ComputeEngineVm) m.target()).machineType();
  }

  @Test
  void catalogueCoversTheCurrentFamiliesWithVcpuAndMemory() {
    Set<String> series = Catalog.SERIES.stream().filter(s -> !CATALOG.series(s).isEmpty()).collect(Collectors.toSet());
    assertEquals(Set.copyOf(Catalog.SERIES), series);
    Catalog.MachineType n2 = CATALOG.machine("n2-standard-4").orElseThrow();
    assertEquals(4, n2.vcpu());
    assertEquals(16.0, n2.memoryGib());
    assertEquals("arm64", CATALOG.machine("c4a-standard-8").orElseThrow().arch());
    assertEquals("arm64", CATALOG.machine("t2a-standard-4").orElseThrow().arch());
    assertEquals(0.25, CATALOG.machine("e2-micro").orElseThrow().billedVcpu());
    assertEquals("asia-northeast1", CATALOG.regionMap().get("ap-northeast-1"));
    assertTrue(CATALOG.armAvailable("c4a", "asia-northeast1"));
    assertTrue(!CATALOG.armAvailable("t2a", "asia-northeast2") && !CATALOG.armAvailable("c4a", "asia-northeast2"));
  }

  @Test
  void gkeAllocatableFollowsTheReservationTable() {
    // 4 vCPU: 60m + 10m + 2 x 5m = 80m reserved; 16 GiB: 1 + 0.8 + 0.8 = 2.6 GiB plus 100 MiB eviction.
    assertEquals(3.92, Rightsizer.allocatableCpu(4), 1e-9);
    assertEquals(16 - 2.6 - 100.0 / 1024, Rightsizer.allocatableMemoryGib(16), 1e-9);
    assertEquals(2 - 0.07, Rightsizer.allocatableCpu(2), 1e-9);
  }

  @Test
  void asIsKeepsVcpuAndMemory() {
    TestEstate e = new TestEstate().linux("i-1", "m5.xlarge", null, Map.of()).cpu("i-1", 5, 10.0);
    Mapping m = map(e, "i-1", new PlanOptions(Map.of(), "as-is", null, null));
    assertEquals("n2-standard-4", machine(m));
    assertEquals("as-is", m.sizing().get("strategy"));
    assertTrue(m.warnings().isEmpty(), m.warnings().toString());
  }

  @Test
  void measuredUsesPercentileTimesHeadroom() {
    TestEstate e = new TestEstate().linux("i-1", "c5.4xlarge", null, Map.of()).cpu("i-1", 40, 50.0);
    // c5.4xlarge: 16 vCPU, 32 GiB. p95 40% x 1.3 = 8.32 vCPU; memory 50% x 1.2 = 19.2 GiB.
    Mapping m = map(e, "i-1", PlanOptions.DEFAULTS);
    assertEquals("8.32", m.sizing().get("neededVcpu"));
    assertEquals("19.2", m.sizing().get("neededMemoryGib"));
    assertEquals("c3-highcpu-22", machine(m), "c5 maps to C3 highcpu; 22 vCPU is the smallest C3 above 8.32");
    // maximum instead of p95 (fixture max = 1.5 x p95 = 60%), headroom 1.0: 9.6 vCPU
    Mapping max = map(e, "i-1", new PlanOptions(Map.of(), null, 100, 1.0));
    assertEquals("9.6", max.sizing().get("neededVcpu"));
    assertEquals("max", max.sizing().get("cpuPercentile"));
  }

  @Test
  void memoryIsSizedAsIsWhenNotMeasuredAndSaysSo() {
    TestEstate e = new TestEstate().linux("i-1", "m5.xlarge", null, Map.of()).cpu("i-1", 10, null);
    Mapping m = map(e, "i-1", PlanOptions.DEFAULTS);
    assertEquals("16", m.sizing().get("neededMemoryGib"));
    assertEquals(List.of("memory not measured (no CloudWatch agent): sized as-is"), m.warnings());
    assertEquals("n2-highmem-2", machine(m), "1.3 vCPU needed, but all 16 GiB kept");
  }

  @Test
  void cpuNotMeasuredIsSizedAsIs() {
    TestEstate e = new TestEstate().linux("i-1", "m5.xlarge", null, Map.of());
    Mapping m = map(e, "i-1", PlanOptions.DEFAULTS);
    assertEquals("n2-standard-4", machine(m));
    assertTrue(m.warnings().contains("CPU not measured: sized as-is"));
  }

  @Test
  void tinyBurstableLoadsFitSharedCoreE2() {
    TestEstate e = new TestEstate().linux("i-1", "t3.small", null, Map.of()).cpu("i-1", 3, 40.0);
    assertEquals("e2-micro", machine(map(e, "i-1", PlanOptions.DEFAULTS)));
  }

  @Test
  void fleetNodePoolHoldsAllReplicasWithHaMinimum() {
    String tg = "arn:tg";
    TestEstate e = new TestEstate();
    for (int i = 1; i <= 10; i++) {
      e.linux("i-" + i, "c5.2xlarge", "web", Map.of()).cpu("i-" + i, 50, 40.0);
    }
    e.asg("web", 10, java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "i-" + i).toList(), List.of(tg), Map.of())
        .alb("alb", "internet-facing", tg, 80, List.of("i-1"));
    Mapping m = map(e, "web", PlanOptions.DEFAULTS);
    Target.GkeWorkload w = (Target.GkeWorkload) m.target();
    assertEquals(10, w.replicas());
    // per pod: 8 vCPU x 50% x 1.3 = 5.2 vCPU; 16 GiB x 40% x 1.2 = 7.68 GiB
    assertEquals(5.2, w.podCpu(), 1e-9);
    assertEquals(7.68, w.podMemoryGib(), 1e-9);
    Catalog.MachineType node = CATALOG.machine(w.machineType()).orElseThrow();
    int perNode = (int) Math.min(Math.floor(Rightsizer.allocatableCpu(node.vcpu()) / w.podCpu()),
        Math.floor(Rightsizer.allocatableMemoryGib(node.memoryGib()) / w.podMemoryGib()));
    assertTrue(perNode * w.nodeCount() >= 10, "pool holds every replica");
    assertTrue(w.nodeCount() >= 3);
  }

  @Test
  void regionOverrideMovesEverything() {
    TestEstate e = new TestEstate().linux("i-1", "m5.large", null, Map.of());
    Mapping m = map(e, "i-1", new PlanOptions(Map.of("ap-northeast-1", "asia-east1"), null, null, null));
    assertEquals("asia-east1", m.target().gcpRegion());
  }

  @Test
  void unknownRegionIsUnmappedWithTheOptionToPass() {
    TestEstate e = new TestEstate().instance("i-1", "m5.large", "running", "linux", "x86_64", "us-gov-west-1", null, Map.of());
    MigrationPlan plan = engine.plan(e.snapshot(), PlanOptions.DEFAULTS);
    assertEquals(1, plan.unmapped().size());
    assertTrue(plan.unmapped().get(0).reason().contains("pass --region-map us-gov-west-1=<gcp-region>"),
        plan.unmapped().get(0).reason());
  }

  @Test
  void unknownInstanceTypeIsUnmappedWithTheReason() {
    TestEstate e = new TestEstate().linux("i-1", "zz9.huge", null, Map.of());
    MigrationPlan plan = engine.plan(e.snapshot(), PlanOptions.DEFAULTS);
    assertEquals("rule 'ec2-standalone' matched but: instance type 'zz9.huge' of i-1 is not in the EC2 catalogue "
        + "(catalog/ec2_instance_types.csv)", plan.unmapped().get(0).reason());
  }

  @Test
  void noMatchNamesTheClosestRule() {
    RuleSet only = RuleLoader.load(List.of(new RuleLoader.Source("x.yaml", """
        apiVersion: migrate.rules/v1
        rules:
          - id: big-ones
            match:
              kind: ec2-instance
              all:
                - {attr: vcpu, op: ge, value: 8}
            target: {type: compute-engine}
            effort: rehost
        """)), "x");
    MigrationPlan plan = new RuleEngine(only).plan(new TestEstate().linux("i-1", "m5.large", null, Map.of()).snapshot(),
        PlanOptions.DEFAULTS);
    assertEquals("no rule matched; closest is 'big-ones', which needs vcpu ge 8 (is 2)", plan.unmapped().get(0).reason());
  }
}
