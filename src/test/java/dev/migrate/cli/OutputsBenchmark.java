package dev.migrate.cli;

import dev.migrate.app.Costing;
import dev.migrate.app.Planning;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.pricing.PriceBook;
import dev.migrate.report.AssessmentJson;
import dev.migrate.report.CostLinesCsv;
import dev.migrate.report.ReportModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CPU time and allocation of writing the two outputs that grow with the estate, the assessment JSON and the cost
 * lines CSV, on {@link AssessBenchmark}'s estate (read once from its merged snapshot, planned and costed without a
 * what-if). Each output is written to a stream that counts and discards the bytes, through the 64 KiB buffer the
 * output files have, on one thread, three times: the first pass pays for class loading and JIT compilation as a
 * user's run does, the others show the steady cost. Thread CPU time and the thread's allocation are the JVM's own
 * counts, so they do not depend on the load of the machine as wall time does.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=OutputsBenchmark} (properties {@code assess.accounts}, {@code assess.xmx},
 * {@code assess.jfr} as for {@link AssessBenchmark}; {@code -Dassess.accounts=10} for a 20,000-instance estate). It prints, it does not
 * assert timings.
 */
class OutputsBenchmark {
  @Test
  void writingTheJsonAndTheCsv() throws Exception {
    Path root = Path.of("target", "bench", AssessBenchmark.ACCOUNTS == 100 ? "assess-estate"
        : "assess-estate-" + AssessBenchmark.ACCOUNTS).toAbsolutePath();
    AssessBenchmark.ensure(root);
    String xmx = System.getProperty("assess.xmx", "4g");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-Xmx" + xmx));
    if (Boolean.getBoolean("assess.jfr")) {
      cmd.add("-XX:StartFlightRecording=filename=" + root.resolve("outputs.jfr") + ",settings=profile");
    }
    cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Child.class.getName(), root.resolve("merged.json").toString()));
    Path log = root.resolve("outputs.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      System.out.println("OutputsBenchmark: " + l);
    }
    System.out.println("OutputsBenchmark: exit " + code + ", -Xmx" + xmx);
  }

  /** The measured JVM: builds the report model, then writes each output three times, one line each. */
  public static final class Child {
    static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What writes one output. */
    interface Output {
      void write(ReportModel m, OutputStream out) throws IOException;
    }

    public static void main(String[] args) throws Exception {
      Snapshot s = SnapshotJson.read(Path.of(args[0]));
      Topology index = Topology.of(s);
      MigrationPlan plan = Planning.plan(index, Planning.PlanRequest.defaults());
      Assessment a = Costing.assess(index, plan, PriceBook.bundled(), CostOptions.defaults(), Clock.systemUTC());
      ReportModel m = ReportModel.of(a);
      System.out.printf(Locale.ROOT, "estate: %,d instances, %,d mappings, %,d cost lines%n", s.instances().size(),
          m.mappings().size(), m.costLines().size());
      for (int pass = 1; pass <= 3; pass++) {
        measure(pass, "assessment JSON", m, AssessmentJson::write);
        measure(pass, "cost lines CSV", m, CostLinesCsv::write);
      }
    }

    static void measure(int pass, String name, ReportModel m, Output output) throws IOException {
      long[] bytes = new long[1];
      OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) {
          bytes[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes[0] += len;
        }
      };
      long id = Thread.currentThread().getId();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long alloc0 = THREADS.getThreadAllocatedBytes(id);
      long t0 = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(sink, 1 << 16)) {
        output.write(m, out);
      }
      long wall = (System.nanoTime() - t0) / 1_000_000;
      long cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
      long alloc = THREADS.getThreadAllocatedBytes(id) - alloc0;
      System.out.printf(Locale.ROOT, "pass %d: %-16s %,8d ms thread CPU %,8d ms wall %,8d MiB allocated %,14d bytes"
          + " (%,d MiB)%n", pass, name, cpu, wall, alloc >> 20, bytes[0], bytes[0] >> 20);
    }
  }
}
