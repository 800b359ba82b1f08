package dev.migrate.cli;

import dev.migrate.app.Costing;
import dev.migrate.app.Planning;
import dev.migrate.app.WhatIf;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.pricing.PriceBook;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * CPU time and allocation of each stage between reading and writing (index, plan, costs with their growth points,
 * the proposed plan and its timeline) on {@link AssessBenchmark}'s estate, read once from its merged snapshot. The
 * stages run in a fresh JVM, twice: the first pass pays for class loading and JIT compilation as a user's run
 * does, the second shows the steady cost. Allocation is counted per thread by the JVM, so it is exact and does not
 * depend on the load of the machine; CPU time is the process's (GC threads included) and the stage thread's.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=ModelStagesBenchmark} (properties {@code assess.accounts},
 * {@code assess.xmx} as for {@link AssessBenchmark}). It prints, it does not assert timings.
 */
class ModelStagesBenchmark {
  @Test
  void stagesOfTheModel() throws Exception {
    Path root = Path.of("target", "bench", AssessBenchmark.ACCOUNTS == 100 ? "assess-estate"
        : "assess-estate-" + AssessBenchmark.ACCOUNTS).toAbsolutePath();
    AssessBenchmark.ensure(root);
    String xmx = System.getProperty("assess.xmx", "4g");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-Xmx" + xmx, "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Child.class.getName(),
        root.resolve("merged.json").toString()));
    Path log = root.resolve("stages.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      System.out.println("ModelStagesBenchmark: " + l);
    }
    System.out.println("ModelStagesBenchmark: exit " + code + ", -Xmx" + xmx);
  }

  /** The measured JVM: reads the snapshot, then runs the stages twice, printing one line per stage. */
  public static final class Child {
    static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
      Snapshot s = SnapshotJson.read(Path.of(args[0]));
      System.out.printf(Locale.ROOT, "snapshot: %,d instances, %,d volumes, %,d load balancers%n",
          s.instances().size(), s.volumes().size(), s.loadBalancers().size());
      PriceBook book = PriceBook.bundled();
      Clock clock = Clock.systemUTC();
      for (int pass = 1; pass <= 2; pass++) {
        long[] sum = new long[3];
        Topology index = measure(pass, "index", sum, () -> Topology.of(s));
        MigrationPlan plan = measure(pass, "plan", sum, () -> Planning.plan(index, Planning.PlanRequest.defaults()));
        CostOptions base = CostOptions.defaults().toBuilder().growthMultiples(List.of()).build();
        measure(pass, "cost (no growth points)", null, () -> Costing.assess(index, plan, book, base, clock));
        Assessment a = measure(pass, "cost", sum, () -> Costing.assess(index, plan, book, CostOptions.defaults(),
            clock));
        WhatIf.Proposed proposed = measure(pass, "what-if model + proposal", sum,
            () -> WhatIf.propose(a, book, WhatIf.DEFAULT_WAVES, null, List.of()));
        List<Timeline> timelines = measure(pass, "proposed timeline", sum,
            () -> proposed == null || proposed.scenario() == null ? List.<Timeline>of()
                : WhatIf.run(proposed, List.of(), List.of()));
        System.out.printf(Locale.ROOT, "pass %d: %-28s %,8d ms process CPU %,8d ms thread CPU %,8d MiB allocated"
            + " (%d timelines)%n", pass, "all stages", sum[0], sum[1], sum[2] >> 20, timelines.size());
      }
    }

    static <T> T measure(int pass, String stage, long[] sum, Supplier<T> work) {
      long cpu0 = OS.getProcessCpuTime();
      long thread0 = THREADS.getCurrentThreadCpuTime();
      long alloc0 = allocated();
      T out = work.get();
      long cpu = (OS.getProcessCpuTime() - cpu0) / 1_000_000;
      long thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1_000_000;
      long alloc = allocated() - alloc0;
      System.out.printf(Locale.ROOT, "pass %d: %-28s %,8d ms process CPU %,8d ms thread CPU %,8d MiB allocated%n",
          pass, stage, cpu, thread, alloc >> 20);
      if (sum != null) {
        sum[0] += cpu;
        sum[1] += thread;
        sum[2] += alloc;
      }
      return out;
    }

    /** Bytes allocated by every live thread so far (the stages may use worker threads). */
    static long allocated() {
      long total = 0;
      for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
        total += Math.max(0, b);
      }
      return total;
    }
  }
}
