package dev.migrate.cli;

import dev.migrate.app.Assessing;
import dev.migrate.inventory.Snapshot;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Reading alone of the {@link AssessBenchmark} estate (100 account snapshot files, 200,000 instances): what
 * {@code assess --snapshot DIR} does before it plans anything (parse, check, merge). It runs in a fresh JVM and
 * prints the CPU time of the process (the files are read on several threads) and of the calling thread, the bytes
 * allocated on the heap by every thread (the heap's growth between collections, summed), the time in GC, and the
 * heap the merged snapshot retains (heap in use after a full collection with the snapshot held, less the heap in use
 * before reading). These figures, unlike wall times, mean something on a machine that others use too.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=ReadBenchmark}. System properties: {@code read.accounts} (read only the
 * first N account files, default all 100), {@code read.input=merged} (the one merged file instead of the folder),
 * {@code read.xmx} (default 2g), {@code read.histogram=N} (print the N largest classes of the heap the snapshot
 * retains), {@code read.jfr=true} (a flight recording beside the files). It prints, it does not assert.
 */
class ReadBenchmark {
  @Test
  void readsA200kInstanceEstate() throws Exception {
    Path root = Path.of("target", "bench", "assess-estate").toAbsolutePath();
    AssessBenchmark.ensure(root);
    int accounts = Integer.getInteger("read.accounts", AssessBenchmark.ACCOUNTS);
    Path input = System.getProperty("read.input", "folder").equals("merged") ? root.resolve("merged.json")
        : folderOf(root, accounts);
    String xmx = System.getProperty("read.xmx", "2g");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-Xmx" + xmx));
    if (Boolean.getBoolean("read.jfr")) {
      cmd.add("-XX:StartFlightRecording=filename=" + root.resolve("read.jfr") + ",settings=profile");
    }
    cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Child.class.getName(), input.toString(), System.getProperty("read.histogram", "0")));
    Path log = root.resolve("read.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    System.out.printf(Locale.ROOT, "ReadBenchmark: %s, -Xmx%s, exit %d%n", input.getFileName(), xmx, code);
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (l.startsWith(Child.PREFIX) || code != 0) {
        System.out.println("ReadBenchmark: " + l);
      }
    }
  }

  /** A folder of the first {@code n} account files (links to them), or the whole folder. */
  private static Path folderOf(Path root, int n) throws IOException {
    Path all = root.resolve("accounts");
    if (n >= AssessBenchmark.ACCOUNTS) {
      return all;
    }
    Path dir = root.resolve("accounts-" + n);
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(all)) {
        for (Path f : files.sorted().limit(n).toList()) {
          Files.createSymbolicLink(dir.resolve(f.getFileName()), f);
        }
      }
    }
    return dir;
  }

  /** The measured JVM: reads the snapshots as assess does, then prints its figures. */
  public static final class Child {
    static final String PREFIX = "measured: ";

    public static void main(String[] args) throws Exception {
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      var memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long heap0 = memory.getHeapMemoryUsage().getUsed();
      long gc0 = gcMillis();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long process0 = os.getProcessCpuTime();
      HeapGrowth growth = new HeapGrowth();
      long t0 = System.nanoTime();
      AtomicLong warnings = new AtomicLong();
      Snapshot s = new Assessing(Clock.systemUTC()).snapshot(new Assessing.Source(false, List.of(Path.of(args[0])),
          null, null, null, null), new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
              if (b == '\n') {
                warnings.incrementAndGet();
              }
            }
          }, true));
      long wall = (System.nanoTime() - t0) / 1_000_000;
      long cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
      long process = (os.getProcessCpuTime() - process0) / 1_000_000;
      Thread.sleep(500); // collections' notifications come on a service thread, a moment after them
      long alloc = growth.total();
      long gc = gcMillis() - gc0;
      System.gc();
      System.gc();
      long retained = memory.getHeapMemoryUsage().getUsed() - heap0;
      System.out.printf(Locale.ROOT, "%s%,d instances, %,d volumes, %,d usage records, %d members, %,d warning lines%n",
          PREFIX, s.instances().size(), s.volumes().size(), s.usage().size(), s.members().size(), warnings.get());
      System.out.printf(Locale.ROOT, "%sprocess CPU %,d ms (calling thread %,d ms, GC %,d ms, wall %,d ms); "
          + "allocated %,d MiB (all threads); retained heap %,d MiB%n", PREFIX, process, cpu, gc, wall, alloc >> 20,
          retained >> 20);
      int top = Integer.parseInt(args[1]);
      if (top > 0) {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
            new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
            new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(top + 2L).forEach(l -> System.out.println(PREFIX + l));
      }
      System.out.println(PREFIX + "held " + s.account().id());
    }

    /**
     * Bytes allocated on the heap by every thread since it was made: what the heap grew by between collections
     * (collections only shrink it), summed, plus its growth since the last one. Threads that have ended (a pool's)
     * count too, which a thread's own allocation counter cannot give.
     */
    static final class HeapGrowth {
      private long grown;
      private long afterLast;

      HeapGrowth() {
        afterLast = heapUsed();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
          ((javax.management.NotificationEmitter) gc).addNotificationListener((n, h) -> {
            if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
              var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                  (javax.management.openmbean.CompositeData) n.getUserData()).getGcInfo();
              synchronized (this) {
                grown += Math.max(0, sum(info.getMemoryUsageBeforeGc()) - afterLast);
                afterLast = sum(info.getMemoryUsageAfterGc());
              }
            }
          }, null, null);
        }
      }

      synchronized long total() {
        return grown + Math.max(0, heapUsed() - afterLast);
      }

      private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      }

      /** Bytes in use in the heap's pools (not metaspace or code). */
      private static long sum(java.util.Map<String, java.lang.management.MemoryUsage> pools) {
        long used = 0;
        for (var p : ManagementFactory.getMemoryPoolMXBeans()) {
          if (p.getType() == java.lang.management.MemoryType.HEAP && pools.containsKey(p.getName())) {
            used += pools.get(p.getName()).getUsed();
          }
        }
        return used;
      }
    }

    private static long gcMillis() {
      long ms = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ms += Math.max(0, gc.getCollectionTime());
      }
      return ms;
    }
  }
}
