package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostModel;
import dev.migrate.cost.CostOptions;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.pricing.LiveRefresh;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceBook;
import dev.migrate.pricing.PriceBookException;
import dev.migrate.pricing.Tier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Facade of the cost stage for the commands: price book loading, assessment, price book display. */
public final class Costing {
  private Costing() {}

  /** The bundled price book, or the one in {@code dir} when given. */
  public static PriceBook priceBook(Path dir) {
    try {
      if (dir == null) {
        return PriceBook.bundled();
      }
      if (!Files.isDirectory(dir)) {
        throw new Failure(Failure.Kind.USAGE, "--price-book " + dir + ": not a folder (give the folder that holds pricebook.yaml)");
      }
      return PriceBook.load(dir);
    } catch (PriceBookException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage() + " (fix the price book or run 'migrate prices refresh')", e);
    }
  }

  /**
   * {@code base} with {@code name=value} settings applied in turn (e.g. {@code --cost-option
   * aws-free-tier=false}); the names are {@link CostOptions#NAMES}. A bad setting is a usage
   * failure naming it.
   */
  public static CostOptions options(CostOptions base, List<String> settings) {
    CostOptions o = base;
    for (String s : settings) {
      o = apply(o, s);
    }
    return o;
  }

  private static CostOptions apply(CostOptions o, String s) {
    int eq = s.indexOf('=');
    if (eq <= 0) {
      throw new Failure(Failure.Kind.USAGE, "--cost-option " + s + ": expected name=value (names: "
          + String.join(", ", CostOptions.NAMES) + ")");
    }
    try {
      return o.with(s.substring(0, eq).trim(), s.substring(eq + 1));
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.USAGE, "--cost-option " + s + ": " + e.getMessage());
    }
  }

  /** Prices the snapshot and its plan. */
  public static Assessment assess(Snapshot snapshot, MigrationPlan plan, PriceBook book, CostOptions options, Clock clock) {
    return assess(Topology.of(snapshot), plan, book, options, clock);
  }

  /** Prices a snapshot already indexed (the run's one index, which the assessment carries on) and its plan. */
  public static Assessment assess(Topology topology, MigrationPlan plan, PriceBook book, CostOptions options,
      Clock clock) {
    try {
      return new CostModel(book).assess(topology, plan, options, clock);
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "cost model: " + e.getMessage());
    }
  }

  /**
   * What {@code migrate prices refresh} fetches (see {@link LiveRefresh.Request} for each field).
   */
  public record RefreshRequest(Path oldBook, Path outRoot, String gcpProject, List<String> awsRegions,
      List<String> gcpRegions, boolean skipAws, java.net.URI awsEndpoint, String billingEndpoint, String computeEndpoint) {}

  /** What a refresh wrote: the new folder, its date and key count, and the diff's counts. */
  public record RefreshSummary(Path dir, java.time.LocalDate date, int keys, long added, long changed, long unchanged,
      long notRefreshed) {}

  /** Fetches live prices, writes a new dated book and its diff; progress to {@code err}. */
  public static RefreshSummary refresh(RefreshRequest q, Clock clock, PrintWriter err) {
    if (q.skipAws() && q.gcpProject() == null) {
      throw new Failure(Failure.Kind.USAGE, "--skip-aws without --gcp-project leaves nothing to refresh: "
          + "give --gcp-project ID to refresh the Google Cloud prices");
    }
    PriceBook old = priceBook(q.oldBook());
    var r = new LiveRefresh.Request(q.oldBook(), q.outRoot(), q.gcpProject(), q.awsRegions(), q.gcpRegions(), q.skipAws(),
        q.awsEndpoint(), q.billingEndpoint(), q.computeEndpoint());
    try {
      var s = LiveRefresh.run(old, r, clock, line -> {
        err.println("migrate: " + line);
        err.flush();
      });
      return new RefreshSummary(s.dir(), s.date(), s.keys(), s.added(), s.changed(), s.unchanged(), s.notRefreshed());
    } catch (LiveRefresh.RemoteException e) {
      throw new Failure(Failure.Kind.REMOTE, e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new Failure(Failure.Kind.OUTPUT, r.outRoot() + ": cannot write the new price book: " + e.getMessage(), e);
    }
  }

  /** Prints the book's date, sources and counts, and the prices whose key starts with {@code prefix} (if given). */
  public static void show(PriceBook book, String prefix, PrintWriter out) {
    out.println("price book " + book.date() + " (" + book.location() + ")");
    out.println("  " + book.size() + " keys, " + book.rowCount() + " rows");
    book.manifest().sources().forEach(s -> out.println("  source " + s.id() + ": " + s.title()
        + (s.revision() == null ? "" : " @" + s.revision()) + (s.date() == null ? "" : " (" + s.date() + ")")));
    book.countsByService().forEach((k, v) -> out.println(String.format(Locale.ROOT, "  %-24s %6d keys", k, v)));
    if (prefix != null) {
      List<Price> prices = book.startingWith(prefix);
      if (prices.isEmpty()) {
        throw new Failure(Failure.Kind.USAGE, "no price key starts with '" + prefix + "' (keys look like aws/ec2/m5.large:linux/us-east-1)");
      }
      for (Price p : prices) {
        for (Tier t : p.tiers()) {
          out.println(p.key() + (p.tiered() ? " [" + t.bounds() + "]" : "") + "  " + t.usd().toPlainString() + " USD/" + p.unit()
              + "  as of " + t.asOf() + "  " + t.source());
        }
      }
    }
  }
}
