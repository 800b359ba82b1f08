package dev.migrate.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Collects a synthetic AWS Organization (the management account and its members, each with the same
 * instances, load balancers and distributions in one region) from a local stub, through the role in each
 * member, and prints the API calls against the fewest the APIs allow (goal at most 1.05x) and the wall time
 * against the floor the per-account rate cap sets. Prints figures; asserts nothing about time.
 *
 * <p>Run: {@code mvn -o -q -Pbench test -Dtest=OrganizationCollectBenchmark} with the sizes as properties:
 * {@code -Dorg.accounts=200} (accounts in all, the management one included), {@code -Dorg.instances=500}
 * (per account), {@code -Dorg.maxRps=50} (the {@code --max-rps} of each account), {@code -Dorg.parallelAccounts=4}.
 */
class OrganizationCollectBenchmark {
  @Test
  void collectsAnOrganization() {
    int accounts = Integer.getInteger("org.accounts", 200);
    int instances = Integer.getInteger("org.instances", 500);
    double maxRps = Double.parseDouble(System.getProperty("org.maxRps", "50"));
    int parallelAccounts = Integer.getInteger("org.parallelAccounts", 4);
    int loadBalancers = 5;
    int distributions = 2;
    int days = 14;
    SyntheticAccount account = new SyntheticAccount(SyntheticAccount.regionList(1), instances, loadBalancers, distributions, days);
    SyntheticOrganization org = new SyntheticOrganization(account, accounts - 1);
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .extensions(org).disableRequestJournal().containerThreads(60).jettyAcceptors(1));
    server.start();
    try {
      server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
      CollectOptions options = CollectOptions.defaults(null).withEndpoint(URI.create("http://127.0.0.1:" + server.port()))
          .withDays(days).withMaxRps(maxRps)
          .withRetries(CollectOptions.DEFAULT_ATTEMPTS, CollectOptions.DEFAULT_THROTTLE_ATTEMPTS, Duration.ofMillis(10));
      Clock clock = Clock.fixed(Instant.parse("2026-11-15T06:00:00Z"), ZoneOffset.UTC);
      Map<String, LongAdder> calls = new ConcurrentHashMap<>();
      AtomicLong collected = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicLong instancesSeen = new AtomicLong();
      AtomicLong gaps = new AtomicLong();
      AtomicLong slowestAccountCalls = new AtomicLong();
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      OrganizationCollector.Result result;
      try (OrganizationCollector collector = new OrganizationCollector(options, clock,
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")), "us-east-1")) {
        OrganizationCollector.Organization o = collector.organization();
        result = collector.collect(o, o.accounts(), OrganizationCollector.DEFAULT_ROLE, null, parallelAccounts,
            new OrganizationCollector.Listener() {
              @Override
              public Progress progress(OrganizationCollector.Member m) {
                return Progress.NONE;
              }

              @Override
              public void collected(OrganizationCollector.Member m, CollectResult r, String bill) {
                collected.incrementAndGet();
                instancesSeen.addAndGet(r.snapshot().instances().size());
                gaps.addAndGet(r.snapshot().gaps().size());
                slowestAccountCalls.accumulateAndGet(r.calls().totalCalls(), Math::max);
                r.calls().calls().forEach((a, n) -> calls.computeIfAbsent(a, k -> new LongAdder()).add(n));
              }

              @Override
              public void failed(OrganizationCollector.Member m, String errorCode, String message) {
                failed.incrementAndGet();
                System.out.println("  failed " + m.id() + ": " + errorCode + ": " + message);
              }
            });
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      Map<String, Long> orgCalls = result.calls().calls();
      long accountCalls = calls.values().stream().mapToLong(LongAdder::sum).sum();
      orgCalls.forEach((a, n) -> calls.computeIfAbsent(a, k -> new LongAdder()).add(n));
      long total = calls.values().stream().mapToLong(LongAdder::sum).sum();

      // The fewest calls: per account what one account needs, less sts:GetCallerIdentity (the organization names
      // the account) and less the by-service cost query (the management account's by-account query answers it);
      // for the organization one GetCallerIdentity, one DescribeOrganization, ListAccounts in pages of 20, one
      // AssumeRole per member and one by-account cost query.
      Map<String, Long> perAccount = new TreeMap<>(account.minimumCalls(5, 3, 2));
      perAccount.remove("sts:GetCallerIdentity");
      perAccount.merge("ce:GetCostAndUsage", -1L, Long::sum);
      Map<String, Long> minimum = new TreeMap<>();
      perAccount.forEach((a, n) -> minimum.put(a, n * accounts));
      minimum.merge("sts:GetCallerIdentity", 1L, Long::sum);
      minimum.merge("organizations:DescribeOrganization", 1L, Long::sum);
      minimum.merge("organizations:ListAccounts", (long) Math.max(1, (accounts + 19) / 20), Long::sum);
      minimum.merge("sts:AssumeRole", (long) (accounts - 1), Long::sum);
      minimum.merge("ce:GetCostAndUsage", 1L, Long::sum);
      long min = minimum.values().stream().mapToLong(Long::longValue).sum();
      long minPerAccount = perAccount.values().stream().mapToLong(Long::longValue).sum();
      // The floor: each account's calls are capped at maxRps and parallelAccounts accounts run at once; the
      // organization's own calls (AssumeRole, the bill) have their own cap of maxRps.
      double floor = Math.max(accountCalls / (maxRps * Math.min(parallelAccounts, accounts)),
          Math.max(slowestAccountCalls.get() / maxRps, result.calls().totalCalls() / maxRps));

      System.out.printf(Locale.ROOT, "%nOrganizationCollectBenchmark: %d accounts x %d instances (+%d load balancers, %d distributions"
              + " each), 1 region; %d collected, %d failed, %d instances, %d gaps; bills %s%n", accounts, instances, loadBalancers,
          distributions, collected.get(), failed.get(), instancesSeen.get(), gaps.get(), result.billSource());
      System.out.printf(Locale.ROOT, "  API calls          %d (organization %d, accounts %d; stub served %d requests, %d with member keys)%n",
          total, result.calls().totalCalls(), accountCalls, org.requests.get(), org.memberRequests.get());
      System.out.printf(Locale.ROOT, "  minimum calls      %d (%d per account); actual / minimum = %.3fx (goal <= 1.05x)%n", min,
          minPerAccount, total / (double) min);
      System.out.printf(Locale.ROOT, "  wall time          %.2f s; rate floor %.2f s (--max-rps %.0f per account, %d accounts at once)"
          + " = %.2fx the floor%n", seconds, floor, maxRps, parallelAccounts, seconds / floor);
      System.out.printf(Locale.ROOT, "  CPU time           %.2f s (%d cores, load average %.1f; collector and stub share this JVM)%n",
          cpuSeconds, os.getAvailableProcessors(), os.getSystemLoadAverage());
      System.out.printf(Locale.ROOT, "  %-52s %8s %8s%n", "action", "calls", "minimum");
      new TreeMap<>(calls).forEach((a, n) -> System.out.printf(Locale.ROOT, "  %-52s %8d %8d%n", a, n.sum(),
          minimum.getOrDefault(a, 0L)));
      minimum.keySet().stream().filter(a -> !calls.containsKey(a)).forEach(a -> System.out.printf(Locale.ROOT,
          "  %-52s %8d %8d%n", a, 0, minimum.get(a)));
    } finally {
      server.stop();
    }
  }
}
