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
 * Parser throughput against plain decompression. Run with
 * {@code mvn -o -Pbench test -Dtest=LogParseBenchmark} (optionally {@code -Dbench.mb=1024}).
 * Generates a gzip ALB log of {@code bench.mb} MiB uncompressed into
 * {@code /tmp/migrate-bench/} once (reused afterwards), then times, best of two runs each:
 * {@code zcat FILE > /dev/null}; Java's GZIPInputStream alone; the full analysis on one thread;
 * and the analysis of two such files on two threads. Prints figures, asserts nothing.
 */
class LogParseBenchmark {
  private static final String[] PATHS = new String[50_000];
  private static final String[] AGENTS = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      "curl/8.4.0", "okhttp/4.12.0"};

  static {
    for (int i = 0; i < PATHS.length; i++) {
      PATHS[i] = switch (i % 5) {
        case 0 -> "/api/v1/tables/" + i + "/reservations";
        case 1 -> "/static/js/app." + Integer.toHexString(i * 7919) + ".js";
        case 2 -> "/images/restaurants/" + i + "/cover.jpg";
        case 3 -> "/search";
        default -> "/r/" + i;
      };
    }
  }

  @Test
  void parserAgainstZcat() throws Exception {
    long mib = Long.getLong("bench.mb", 1024);
    Path file = Path.of("/tmp/migrate-bench/alb-" + mib + "m.log.gz");
    long lines = ensure(file, mib << 20);
    long raw = mib << 20;
    System.out.printf(Locale.ROOT, "%nLogParseBenchmark: %s (%,d bytes gzip, ~%,d MiB uncompressed, %,d lines), %d cores%n",
        file, Files.size(file), mib, lines, Runtime.getRuntime().availableProcessors());

    double[] zcatCpu = {Double.MAX_VALUE};
    double zcat = best(() -> {
      // bash's "times" prints the children's user and system CPU time on its second line.
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

    LogAnalyzer analyzer = new LogAnalyzer();
    LogReport[] last = new LogReport[1];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] oneCpu = {Double.MAX_VALUE};
    double one = best(() -> {
      long c0 = mx.getCurrentThreadCpuTime(); // one thread: the analysis runs on this thread
      last[0] = analyzer.analyze(List.of(LogSource.of(file)), new LogAnalyzer.Options(1, 10, 1000), m -> {});
      oneCpu[0] = Math.min(oneCpu[0], (mx.getCurrentThreadCpuTime() - c0) / 1e9);
    });
    print("analysis, 1 file, 1 thread", one, last[0].bytesRead(), last[0].lines(), zcat);
    System.out.printf(Locale.ROOT, "  %-32s %7.2f s CPU  %5.2fx zcat CPU (the machine is shared: CPU time is the fairer ratio)%n",
        "analysis, 1 thread", oneCpu[0], oneCpu[0] / zcatCpu[0]);

    double two = best(() -> last[0] = analyzer.analyze(List.of(LogSource.of(file), LogSource.of(file)),
        new LogAnalyzer.Options(2, 10, 1000), m -> {}));
    print("analysis, 2 files, 2 threads", two, last[0].bytesRead(), last[0].lines(), 2 * zcat);
    System.out.printf(Locale.ROOT, "  (ratio for 2 files is against 2 x zcat of one file: the work of one core each)%n");
    System.out.printf(Locale.ROOT, "  bad lines: %d; resources: %d; top path: %s%n", last[0].badLines(),
        last[0].resources().size(), last[0].resources().get(0).topPathsByRequests().get(0));
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

  /** Writes the generated log once; returns its line count (from a side file). */
  private static long ensure(Path file, long rawBytes) throws IOException {
    Path count = Path.of(file + ".lines");
    if (Files.exists(file) && Files.exists(count)) {
      return Long.parseLong(Files.readString(count).trim());
    }
    Files.createDirectories(file.getParent());
    Path tmp = Path.of(file + ".tmp");
    Random rnd = new Random(7);
    long written = 0;
    long n = 0;
    long t0 = 1_764_547_200L; // 2025-12-01T00:00:00Z
    StringBuilder sb = new StringBuilder(1024);
    try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 20)) {
      while (written < rawBytes) {
        sb.setLength(0);
        long ts = t0 + (n * 86_400L) / 3_000_000L;
        int micros = rnd.nextInt(1_000_000);
        int pi = (int) Math.min(PATHS.length - 1, Math.abs(rnd.nextGaussian()) * 4000);
        int status = rnd.nextInt(100) < 95 ? 200 : rnd.nextBoolean() ? 404 : 503;
        java.time.Instant t = java.time.Instant.ofEpochSecond(ts);
        sb.append(rnd.nextInt(10) < 8 ? "https " : "h2 ").append(t.toString(), 0, 19).append('.')
            .append(String.format(Locale.ROOT, "%06d", micros)).append("Z app/tableapp-web/50dc6c495c0c9188 ")
            .append(rnd.nextInt(223) + 1).append('.').append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256))
            .append('.').append(rnd.nextInt(256)).append(':').append(1024 + rnd.nextInt(60000)).append(" 10.0.")
            .append(rnd.nextInt(4)).append('.').append(rnd.nextInt(256)).append(":8080 0.00").append(rnd.nextInt(10))
            .append(" 0.0").append(10 + rnd.nextInt(90)).append(" 0.000 ").append(status).append(' ').append(status)
            .append(' ').append(200 + rnd.nextInt(800)).append(' ').append(500 + rnd.nextInt(200_000))
            .append(" \"GET https://www.tableapp.example:443").append(PATHS[pi]);
        if (pi % 5 == 3) {
          sb.append("?q=").append(rnd.nextInt(1000));
        }
        sb.append(" HTTP/1.1\" \"").append(AGENTS[rnd.nextInt(AGENTS.length)])
            .append("\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:")
            .append("targetgroup/tableapp-web/73e2d6bc24d8a067 \"Root=1-").append(Long.toHexString(ts))
            .append('-').append(Long.toHexString(rnd.nextLong())).append("\" \"www.tableapp.example\" ")
            .append("\"arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012\" 1 ")
            .append(t.toString(), 0, 19).append(".000000Z \"forward\" \"-\" \"-\" \"10.0.1.10:8080\" \"")
            .append(status).append("\" \"-\" \"-\" TID_").append(Long.toHexString(rnd.nextLong())).append('\n');
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
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
