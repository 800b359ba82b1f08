package dev.migrate.app;

import dev.migrate.collect.AwsCollector;
import dev.migrate.collect.CollectException;
import dev.migrate.collect.CollectOptions;
import dev.migrate.collect.CollectResult;
import dev.migrate.collect.Progress;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Facade of the collect stage: scans AWS into a snapshot, shows progress and gaps on stderr. */
public final class Collection {
  private final Clock clock;

  public Collection(Clock clock) {
    this.clock = clock;
  }

  /**
   * Scans the account. Gaps are printed as warning lines on {@code progress} and kept in the
   * snapshot; they never fail this call (see {@link #requireNoGaps}).
   *
   * @throws Failure USAGE for bad options or missing credentials
   */
  public Snapshot collect(CollectRequest req, PrintStream progress) {
    return collect(req, null, progress);
  }

  /**
   * Scans the account, with the bill from AWS Data Exports when {@code billExport} is given (a folder,
   * file or s3:// prefix; read before the scan so a bad export fails at once, and Cost Explorer's cost
   * query is then not made).
   */
  public Snapshot collect(CollectRequest req, String billExport, PrintStream progress) {
    CollectOptions options = options(req);
    dev.migrate.inventory.Billing bill = billExport == null ? null
        : BillExport.read(billExport, req.profile(), req.endpointUrl(), clock, progress);
    long started = System.nanoTime();
    CollectResult result;
    try (Display display = new Display(progress, interactive(progress))) {
      AwsCollector collector = new AwsCollector(options, clock);
      result = (bill == null ? collector : collector.withoutCostExplorerBill()).collect(display);
    } catch (CollectException e) {
      String who = req.profile() == null ? "" : "--aws-profile " + req.profile() + ": ";
      throw new Failure(e.remote() ? Failure.Kind.REMOTE : Failure.Kind.USAGE, who + e.getMessage(), e);
    }
    Snapshot s = bill == null ? result.snapshot() : result.snapshot().withBilling(bill);
    progress.println(summary(result, (System.nanoTime() - started) / 1e9));
    if (!result.incomplete().isEmpty() && !req.allowPartial()) {
      throw new Failure(Failure.Kind.REMOTE, incompleteMessage(result, options));
    }
    String coverage = coverageLine(s.coverage());
    if (coverage != null) {
      progress.println(coverage);
    }
    return s;
  }

  /**
   * The summary line: what was collected, calls and how many needed retries, gaps and how many
   * of them faults left after retries (the others are refusals such as AccessDenied).
   */
  static String summary(CollectResult result, double seconds) {
    Snapshot s = result.snapshot();
    var c = s.collection();
    String retried = c == null || c.retriedCalls() == 0 ? ""
        : String.format(Locale.ROOT, " (%d retried, %d requests)", c.retriedCalls(), c.attempts());
    String after = c == null || c.gapsAfterRetries() == 0 ? "" : " (" + c.gapsAfterRetries() + " after retries)";
    return String.format(Locale.ROOT, "migrate: collected %d instances, %d load balancers, %d distributions, %d buckets,"
            + " %d DB instances, %d caches in %d regions with %d API calls%s in %.1f s; %d gaps%s%s",
        s.instances().size(), s.loadBalancers().size(), s.distributions().size(), s.buckets().size(),
        s.dbInstances().size(), s.cacheClusters().size(),
        s.regions().size(), result.calls().totalCalls(), retried, seconds, s.gaps().size(), after,
        c != null && c.resumed() ? "; resumed" : "");
  }

  /** Exit code 4's message: what inventory is missing and the two ways on. */
  static String incompleteMessage(CollectResult result, CollectOptions options) {
    StringBuilder b = new StringBuilder("incomplete collection: could not read after retries: ");
    int shown = 0;
    for (Gap g : result.incomplete()) {
      if (shown == 5) {
        b.append(", and ").append(result.incomplete().size() - shown).append(" more");
        break;
      }
      b.append(shown == 0 ? "" : ", ").append(g.service()).append(' ').append(g.region()).append(' ')
          .append(g.missing()).append(" (").append(g.errorCode()).append(')');
      shown++;
    }
    b.append("; no snapshot written, it would show a smaller account. Run the same command with --resume to collect"
        + " only what is missing");
    if (result.progressKept()) {
      b.append(" (progress kept in ").append(options.progressFile()).append(')');
    }
    return b.append(", or add --allow-partial to write the snapshot with these gaps").toString();
  }

  /**
   * One line on how much of the bill commitments already cover (they lower today's real cost),
   * or null when no coverage was readable. Percentages are shown to one decimal place.
   */
  static String coverageLine(Coverage c) {
    if (c == null) {
      return null;
    }
    String months = c.fromMonth().equals(c.toMonth()) ? c.fromMonth().toString() : c.fromMonth() + ".." + c.toMonth();
    StringBuilder b = new StringBuilder("migrate: commitments in " + months + ": ");
    Coverage.ReservedInstances ri = c.reservedInstances();
    b.append("reserved instances cover ").append(ri == null ? "(not readable)"
        : ri.coveragePct() == null ? "no EC2 running hours" : percent(ri.coveragePct()) + " of EC2 running hours");
    Coverage.SavingsPlans sp = c.savingsPlans();
    b.append(", savings plans ").append(sp == null ? "(not readable)"
        : sp.coveragePct() == null ? "no eligible spend" : percent(sp.coveragePct()) + " of eligible spend");
    if (sp != null && sp.utilizationPct() != null) {
      b.append(" (").append(percent(sp.utilizationPct())).append(" of the commitment used)");
    }
    return b.toString();
  }

  private static String percent(java.math.BigDecimal pct) {
    return pct.setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** Collects and writes the snapshot atomically; with {@code --strict}, gaps then fail the run. */
  public Collected collectToFile(CollectRequest req, PrintStream progress) {
    return collectToFile(req, null, progress);
  }

  /** As {@link #collectToFile(CollectRequest, PrintStream)}, with the bill from AWS Data Exports when given. */
  public Collected collectToFile(CollectRequest req, String billExport, PrintStream progress) {
    Snapshot s = collect(req, billExport, progress);
    Path out = req.out() != null ? req.out() : defaultOut(s);
    try {
      SnapshotJson.write(s, out);
    } catch (IOException e) {
      throw new Failure(Failure.Kind.OUTPUT, out + ": cannot write the snapshot: " + e.getMessage()
          + " (check the directory exists and is writable, or pass --out)", e);
    }
    requireNoGaps(req, s, out);
    return new Collected(s, out);
  }

  /** A collected snapshot and the file it was written to (so callers need not read it back). */
  public record Collected(Snapshot snapshot, Path file) {}

  /** {@code reports/snapshot-<account>-<date>.json}, date in UTC. */
  private Path defaultOut(Snapshot s) {
    return Path.of("reports", "snapshot-" + s.account().id() + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        + ".json");
  }

  /** With {@code strict}, a snapshot with gaps is a FINDINGS failure (the snapshot is still written by the caller). */
  private static void requireNoGaps(CollectRequest req, Snapshot s, Path written) {
    if (req.strict() && !s.gaps().isEmpty()) {
      Gap g = s.gaps().get(0);
      throw new Failure(Failure.Kind.FINDINGS, s.gaps().size() + " gap(s) in the snapshot"
          + (written == null ? "" : " " + written) + ", first: " + g.service() + " " + g.region() + " "
          + g.errorCode() + " (" + g.missing() + "); --strict makes gaps fail the run");
    }
  }

  static CollectOptions options(CollectRequest req) {
    URI endpoint = null;
    if (req.endpointUrl() != null) {
      try {
        endpoint = new URI(req.endpointUrl());
      } catch (URISyntaxException e) {
        endpoint = null;
      }
      if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null
          || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
        throw new Failure(Failure.Kind.USAGE, "--endpoint-url " + req.endpointUrl()
            + ": not an http(s) URL such as http://127.0.0.1:4566");
      }
    }
    for (String r : req.regions()) {
      if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
        throw new Failure(Failure.Kind.USAGE, "--regions: '" + r + "' is not a region name such as eu-west-1");
      }
    }
    try {
      return new CollectOptions(req.profile(), req.regions(), req.days(), endpoint, req.maxRps(), req.parallelism(),
          req.redactTags(), CollectOptions.DEFAULT_ATTEMPTS, CollectOptions.DEFAULT_THROTTLE_ATTEMPTS,
          req.retryBackoff(), CollectOptions.DEFAULT_CALL_TIME, req.progressFile(), req.resume());
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.USAGE, "collect options: " + e.getMessage());
    }
  }

  private static boolean interactive(PrintStream progress) {
    // A progress bar only on a terminal: never in CI logs, pipes or tests (no console there).
    return System.console() != null && System.getenv("CI") == null && System.getenv("MIGRATE_NO_PROGRESS") == null;
  }

  /** A progress bar on a terminal; elsewhere only warning lines. */
  private static final class Display implements Progress, AutoCloseable {
    private final PrintStream out;
    private final ProgressBar bar;
    private final AtomicInteger planned = new AtomicInteger();

    Display(PrintStream out, boolean interactive) {
      this.out = out;
      this.bar = interactive ? new ProgressBarBuilder().setTaskName("collect").setInitialMax(1)
          .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(250).hideEta().build() : null;
    }

    @Override
    public void planned(int more) {
      int total = planned.addAndGet(more);
      if (bar != null) {
        bar.maxHint(total);
      }
    }

    @Override
    public void done(String service, String region, int items) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(service + " " + region);
      }
    }

    @Override
    public synchronized void gap(Gap g) {
      out.println("migrate: warning: " + g.service() + " " + g.region() + ": " + g.errorCode() + ": "
          + g.missing() + " not collected" + (g.message() == null ? "" : " (" + dev.migrate.io.Terminal.safe(g.message()) + ")"));
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
