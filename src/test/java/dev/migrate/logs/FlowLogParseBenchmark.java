package dev.migrate.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * VPC Flow Log reading throughput against plain decompression, as {@link LogParseBenchmark} measures the
 * access-log parser. Run with {@code mvn -o -Pbench test -Dtest=FlowLogParseBenchmark} (optionally
 * {@code -Dbench.mb=1024}). Generates a gzip default-format flow log of {@code bench.mb} MiB uncompressed into
 * {@code /tmp/migrate-bench/} once (reused afterwards): 2,000 interfaces, 20,000 address pairs, a day of records;
 * then times, best of two runs each: {@code zcat FILE > /dev/null}; Java's GZIPInputStream alone; the reading on
 * one thread; and two such files on two threads. Prints figures, asserts nothing.
 */
class FlowLogParseBenchmark {
  @Test
  void readerAgainstZcat() throws Exception {
    long mib = Long.getLong("bench.mb", 1024);
    Path file = Path.of("/tmp/migrate-bench/vpc-flow-" + mib + "m.log.gz");
    long lines = ensure(file, mib << 20);
    long raw = mib << 20;
    System.out.printf(Locale.ROOT, "%nFlowLogParseBenchmark: %s (%,d bytes gzip, ~%,d MiB uncompressed, %,d lines), %d cores%n",
        file, Files.size(file), mib, lines, Runtime.getRuntime().availableProcessors());

    double[] zcatCpu = {Double.MAX_VALUE};
    double zcat = best(() -> {
      Process p = new ProcessBuilder("bash", "-c", "zcat '" + file + "' > /dev/null; times")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String[] t = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\n");
      if (p.waitFor() != 0) {
        throw new IOException("zcat failed");
      }
      String[] cpu = t[t.length - 1].trim().split("\\s+");
      zcatCpu[0] = Math.min(zcatCpu[0], bashSeconds(cpu[0]) + bashSeconds(cpu[1]));
    });
    print("zcat FILE > /dev/null", zcat, raw, -1, zcat);
    System.out.printf(Locale.ROOT, "  %-32s %7.2f s CPU%n", "zcat", zcatCpu[0]);

    double inflate = best(() -> {
      byte[] buf = new byte[1 << 20];
      try (InputStream in = Decompression.open(Files.newInputStream(file))) {
        while (in.read(buf) >= 0) {
          // decompress only
        }
      }
    });
    print("java GZIPInputStream only", inflate, raw, -1, zcat);

    FlowLogReport[] last = new FlowLogReport[1];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] oneCpu = {Double.MAX_VALUE};
    double one = best(() -> {
      long c0 = mx.getCurrentThreadCpuTime(); // one thread: the reading runs on this thread
      last[0] = FlowLogAnalyzer.analyze(List.of(LogSource.of(file)), "files", null, 1, m -> {});
      oneCpu[0] = Math.min(oneCpu[0], (mx.getCurrentThreadCpuTime() - c0) / 1e9);
    });
    print("reading, 1 file, 1 thread", one, last[0].bytesRead(), last[0].flowLogs().counts().records(), zcat);
    System.out.printf(Locale.ROOT, "  %-32s %7.2f s CPU  %5.2fx zcat CPU (the machine is shared: CPU time is the fairer ratio)%n",
        "reading, 1 thread", oneCpu[0], oneCpu[0] / zcatCpu[0]);

    double two = best(() -> last[0] = FlowLogAnalyzer.analyze(List.of(LogSource.of(file), LogSource.of(file)),
        "files", null, 2, m -> {}));
    print("reading, 2 files, 2 threads", two, last[0].bytesRead(), last[0].flowLogs().counts().records(), 2 * zcat);
    System.out.printf(Locale.ROOT, "  (ratio for 2 files is against 2 x zcat of one file: the work of one core each)%n");
    System.out.printf(Locale.ROOT, "  counts: %s; pairs: %,d%n", last[0].flowLogs().counts(),
        last[0].flowLogs().pairs().size());
  }

  /** bash "times" format: 0m1.234s */
  private static double bashSeconds(String t) {
    int m = t.indexOf('m');
    return Integer.parseInt(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
  }

  interface Work {
    void run() throws Exception;
  }

  private static double best(Work w) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      long t0 = System.nanoTime();
      w.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  private static void print(String what, double seconds, long bytes, long lines, double zcatSeconds) {
    System.out.printf(Locale.ROOT, "  %-32s %7.2f s  %8.1f MB/s  %s  %5.2fx zcat%n", what, seconds,
        bytes / seconds / 1e6, lines < 0 ? "                  " : String.format(Locale.ROOT, "%,12.0f lines/s", lines / seconds),
        seconds / zcatSeconds);
  }

  /** Writes the generated log once; returns its record count (from a side file). */
  private static long ensure(Path file, long rawBytes) throws IOException {
    Path count = Path.of(file + ".lines");
    if (Files.exists(file) && Files.exists(count)) {
      return Long.parseLong(Files.readString(count).trim());
    }
    Files.createDirectories(file.getParent());
    Path tmp = Path.of(file + ".tmp");
    Random rnd = new Random(17);
    long written = 0;
    long n = 0;
    long t0 = 1_764_547_200L; // 2025-12-01T00:00:00Z
    int[] ports = {443, 80, 3306, 6379, 11211, 9200, 8080, 22, 53, 5432};
    StringBuilder sb = new StringBuilder(256);
    try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 20)) {
      out.write((FlowLogFormat.DEFAULT_FIELDS + "\n").getBytes(StandardCharsets.US_ASCII));
      while (written < rawBytes) {
        sb.setLength(0);
        int pair = rnd.nextInt(20_000);
        int eni = pair % 2_000;
        long start = t0 + (n * 86_400L) / 8_000_000L;
        int kind = rnd.nextInt(100);
        sb.append("2 123456789012 eni-0").append(String.format(Locale.ROOT, "%016x", 0x5eed0000L + eni)).append(' ');
        if (kind < 2) {
          sb.append("- - - - - - - ").append(start).append(' ').append(start + 600).append(" - NODATA");
        } else {
          sb.append("10.").append(pair >> 12).append('.').append((pair >> 4) & 0xFF).append('.').append(10 + (pair & 0xF))
              .append(" 10.").append(1 + (pair % 3)).append('.').append(pair % 250).append('.').append(20 + pair % 200)
              .append(' ').append(32_768 + rnd.nextInt(28_000)).append(' ').append(ports[pair % ports.length])
              .append(" 6 ").append(1 + rnd.nextInt(5_000)).append(' ').append(40 + rnd.nextInt(5_000_000)).append(' ')
              .append(start).append(' ').append(start + 60 + rnd.nextInt(540))
              .append(kind < 6 ? " REJECT OK" : " ACCEPT OK");
        }
        sb.append('\n');
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(b);
        written += b.length;
        n++;
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(count, Long.toString(n));
    return n;
  }
}
