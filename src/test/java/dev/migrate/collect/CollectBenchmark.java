package dev.migrate.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Collects a synthetic account (10,000 instances, 500 load balancers, 100 distributions (every 10th behind one of 3 web ACLs) over
 * two regions) from a stub server and prints wall time, API calls, calls per resource and the
 * minimum the APIs' page sizes and batch limits allow. Prints figures; asserts nothing about time.
 *
 * <p>Run: {@code mvn -o -q -Pbench test -Dtest=CollectBenchmark}
 *
 * <p>{@link #collectsALargeAccountUnderFaults} collects a smaller synthetic account twice with the
 * production retry settings, fault-free and with a seeded share of faults
 * ({@code -Dfaults.rate=0.2 -Dfaults.seed=20}, the defaults), and prints calls, retries, wall
 * times and whether the snapshots differ.
 */
class CollectBenchmark {
  @Test
  void collectsALargeAccount() {
    int days = 14;
    SyntheticAccount account = new SyntheticAccount(SyntheticAccount.regionList(2), 5_000, 250, 100, days);
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .extensions(account).disableRequestJournal().containerThreads(40).jettyAcceptors(1));
    server.start();
    try {
      server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
      CollectOptions options = CollectOptions.defaults(null).withEndpoint(URI.create("http://127.0.0.1:" + server.port()))
          .withDays(days).withRetries(CollectOptions.DEFAULT_ATTEMPTS, CollectOptions.DEFAULT_THROTTLE_ATTEMPTS, Duration.ofMillis(10));
      AwsCollector collector = new AwsCollector(options, Clock.fixed(Instant.parse("2026-11-15T06:00:00Z"), ZoneOffset.UTC),
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")), "us-east-1");
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      CollectResult result = collector.collect(Progress.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      Snapshot s = result.snapshot();
      long resources = s.instances().size() + s.loadBalancers().size() + s.distributions().size();
      // Per instance: CPU avg, max, p95, NetworkIn, NetworkOut; per ALB: requests, bytes, LCUs; per distribution: requests, bytes.
      Map<String, Long> minimum = account.minimumCalls(5, 3, 2);
      long min = minimum.values().stream().mapToLong(Long::longValue).sum();
      long calls = result.calls().totalCalls();
      System.out.printf(Locale.ROOT, "%nCollectBenchmark: %d instances, %d load balancers, %d distributions, %d usage records, %d gaps%n",
          s.instances().size(), s.loadBalancers().size(), s.distributions().size(), s.usage().size(), s.gaps().size());
      System.out.printf(Locale.ROOT, "  wall time          %.2f s (parallelism %d; %d cores, load average %.1f)%n", seconds,
          options.parallelism(), os.getAvailableProcessors(), os.getSystemLoadAverage());
      System.out.printf(Locale.ROOT, "  CPU time           %.2f s (collector and stub server share this JVM)%n", cpuSeconds);
      System.out.printf(Locale.ROOT, "  API calls          %d (HTTP requests %d, server saw %d)%n", calls,
          result.calls().totalAttempts(), account.requests.get());
      System.out.printf(Locale.ROOT, "  calls per resource %.4f%n", calls / (double) resources);
      System.out.printf(Locale.ROOT, "  minimum calls      %d; actual is %.1f%% above it (budget 10%%)%n", min,
          100.0 * (calls - min) / min);
      System.out.printf(Locale.ROOT, "  %-52s %8s %8s%n", "action", "calls", "minimum");
      result.calls().calls().forEach((a, n) -> System.out.printf(Locale.ROOT, "  %-52s %8d %8d%n", a, n,
          minimum.getOrDefault(a, 0L)));
    } finally {
      server.stop();
    }
  }

  @Test
  void collectsALargeAccountUnderFaults() {
    double rate = Double.parseDouble(System.getProperty("faults.rate", "0.2"));
    long seed = Long.parseLong(System.getProperty("faults.seed", "20"));
    int days = 14;
    // 2,000 instances, 100 load balancers, 40 distributions over two regions: about 500 calls.
    Run clean = run(days, null);
    FaultInjector faults = new FaultInjector(rate, seed);
    Run faulty = run(days, faults);
    String a = SnapshotJson.toJson(clean.snapshot().withCollection(null));
    String b = SnapshotJson.toJson(faulty.snapshot().withCollection(null));
    Snapshot s = faulty.snapshot();
    System.out.printf(Locale.ROOT, "%nCollectBenchmark under faults: %d instances, %d load balancers, %d distributions,"
        + " %d usage records; %.0f%% of requests faulted (seed %d)%n", s.instances().size(), s.loadBalancers().size(),
        s.distributions().size(), s.usage().size(), rate * 100, seed);
    System.out.printf(Locale.ROOT, "  %-22s %10s %10s%n", "", "fault-free", "faults");
    System.out.printf(Locale.ROOT, "  %-22s %10d %10d%n", "API calls", clean.calls().totalCalls(), faulty.calls().totalCalls());
    System.out.printf(Locale.ROOT, "  %-22s %10d %10d%n", "HTTP requests", clean.calls().totalAttempts(),
        faulty.calls().totalAttempts());
    System.out.printf(Locale.ROOT, "  %-22s %10d %10d%n", "retried calls", clean.calls().totalRetried(),
        faulty.calls().totalRetried());
    System.out.printf(Locale.ROOT, "  %-22s %10.2f %10.2f  (%.2fx; goal <= 2x)%n", "wall time (s)", clean.seconds(),
        faulty.seconds(), faulty.seconds() / clean.seconds());
    System.out.printf(Locale.ROOT, "  faults injected        %d %s%n", faults.total(), faults.injected);
    System.out.printf(Locale.ROOT, "  retries by fault       %s; exhausted %s%n", faulty.calls().retries(),
        faulty.calls().exhausted());
    System.out.printf(Locale.ROOT, "  gaps                   %d fault-free, %d under faults%n", clean.snapshot().gaps().size(),
        s.gaps().size());
    System.out.printf(Locale.ROOT, "  snapshot difference    %s%n", a.equals(b) ? "none (identical JSON apart from the"
        + " collection figures)" : diffLines(a, b) + " lines differ; gaps: " + s.gaps());
  }

  private record Run(Snapshot snapshot, CallStats calls, double seconds) {
  }

  private static Run run(int days, FaultInjector faults) {
    SyntheticAccount account = new SyntheticAccount(SyntheticAccount.regionList(2), 1_000, 50, 40, days);
    WireMockConfiguration config = WireMockConfiguration.options().dynamicPort().disableRequestJournal()
        .containerThreads(40).jettyAcceptors(1);
    if (faults != null) {
      config.extensions(account, faults);
    } else {
      config.extensions(account);
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    try {
      server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
      // The production retry settings (8 attempts, 10 when throttled, 100 ms base back-off).
      CollectOptions options = CollectOptions.defaults(null).withEndpoint(URI.create("http://127.0.0.1:" + server.port()))
          .withDays(days);
      AwsCollector collector = new AwsCollector(options, Clock.fixed(Instant.parse("2026-11-15T06:00:00Z"), ZoneOffset.UTC),
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")), "us-east-1");
      long start = System.nanoTime();
      CollectResult result = collector.collect(Progress.NONE);
      return new Run(result.snapshot(), result.calls(), (System.nanoTime() - start) / 1e9);
    } finally {
      server.stop();
    }
  }

  private static long diffLines(String a, String b) {
    java.util.List<String> x = a.lines().toList();
    java.util.List<String> y = b.lines().toList();
    long n = Math.abs(x.size() - y.size());
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      if (!x.get(i).equals(y.get(i))) {
        n++;
      }
    }
    return n;
  }
}
