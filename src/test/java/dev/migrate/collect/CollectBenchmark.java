package dev.migrate.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.migrate.inventory.Snapshot;
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
}
