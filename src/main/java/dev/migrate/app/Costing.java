package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostModel;
import dev.migrate.cost.CostOptions;
import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.MigrationPlan;
import com.google.cloud.billing.v1.CloudCatalogClient;
import com.google.cloud.compute.v1.MachineTypesClient;
import dev.migrate.pricing.AwsPriceListSource;
import dev.migrate.pricing.FetchedPrice;
import dev.migrate.pricing.GcpCatalogSource;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceRefresh;
import dev.migrate.pricing.PriceSources;
import dev.migrate.pricing.PriceBook;
import dev.migrate.pricing.PriceBookException;
import dev.migrate.pricing.Tier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.pricing.PricingClient;
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

  /** Prices the snapshot and its plan. */
  public static Assessment assess(Snapshot snapshot, MigrationPlan plan, PriceBook book, CostOptions options, Clock clock) {
    try {
      return new CostModel(book).assess(snapshot, plan, options, clock);
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "cost model: " + e.getMessage());
    }
  }

  /**
   * What {@code migrate prices refresh} fetches.
   *
   * @param oldBook          folder of the book to refresh, or null for the bundled one
   * @param outRoot          folder the new {@code pricebook-<date>} folder is written into
   * @param gcpProject       Google Cloud project to list machine types in (null: skip Google Cloud)
   * @param awsRegions       AWS regions to fetch (empty: the regions of the old book)
   * @param gcpRegions       Google Cloud regions to fetch (empty: the regions of the old book)
   * @param skipAws          do not call AWS
   * @param awsEndpoint      AWS Price List endpoint override, or null
   * @param billingEndpoint  Cloud Billing Catalog endpoint override, or null
   * @param computeEndpoint  Compute Engine endpoint override, or null
   */
  public record RefreshRequest(Path oldBook, Path outRoot, String gcpProject, List<String> awsRegions,
      List<String> gcpRegions, boolean skipAws, java.net.URI awsEndpoint, String billingEndpoint, String computeEndpoint) {}

  /**
   * What a refresh wrote.
   *
   * @param dir        the new book folder
   * @param date       its date
   * @param keys       priced keys in it
   * @param added      keys that are new
   * @param changed    keys whose price changed
   * @param unchanged  keys fetched with the same price
   */
  public record RefreshSummary(Path dir, java.time.LocalDate date, int keys, long added, long changed, long unchanged) {}

  /** Fetches live prices, writes a new dated book and its diff; progress to {@code err}. */
  public static RefreshSummary refresh(RefreshRequest r, Clock clock, PrintWriter err) {
    PriceBook old = priceBook(r.oldBook());
    java.time.LocalDate date = java.time.LocalDate.now(clock);
    List<FetchedPrice> fetched = new ArrayList<>();
    List<PriceBook.Source> sources = new ArrayList<>();
    try {
      if (!r.skipAws()) {
        List<String> regions = r.awsRegions().isEmpty() ? regionsOf(old, "aws/ec2/") : r.awsRegions();
        try (PricingClient client = PriceSources.aws(r.awsEndpoint())) {
          AwsPriceListSource aws = new AwsPriceListSource(client);
          for (String region : regions) {
            err.println("migrate: AWS Price List: EC2 on-demand Linux in " + region);
            err.flush();
            fetched.addAll(aws.ec2OnDemandLinux(region));
          }
        }
        sources.add(new PriceBook.Source("AWS-PRICE-LIST", "AWS Price List Query API (pricing:GetProducts), AmazonEC2",
            r.awsEndpoint() == null ? "https://api.pricing.us-east-1.amazonaws.com" : r.awsEndpoint().toString(), null, date));
      }
      if (r.gcpProject() != null) {
        List<String> regions = r.gcpRegions().isEmpty() ? regionsOf(old, "gcp/compute/") : r.gcpRegions();
        err.println("migrate: Cloud Billing Catalog and Compute Engine machine types in " + String.join(", ", regions));
        err.flush();
        try (CloudCatalogClient catalog = PriceSources.catalog(r.billingEndpoint());
            MachineTypesClient compute = PriceSources.compute(r.computeEndpoint())) {
          fetched.addAll(new GcpCatalogSource(catalog, compute, r.gcpProject()).machineTypes(new TreeSet<>(regions)));
        }
        sources.add(new PriceBook.Source("GCP-BILLING-CATALOG", "Cloud Billing Catalog API " + GcpCatalogSource.COMPUTE_SERVICE
            + " + Compute Engine API machineTypes (project " + r.gcpProject() + ")",
            r.billingEndpoint() == null ? "https://cloudbilling.googleapis.com" : r.billingEndpoint(), null, date));
      }
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw new Failure(Failure.Kind.REMOTE, "AWS Price List API: " + firstLine(e.getMessage())
          + " (check credentials with pricing:GetProducts, or --aws-endpoint)", e);
    } catch (com.google.api.gax.rpc.ApiException e) {
      throw new Failure(Failure.Kind.REMOTE, "Google Cloud price APIs: " + firstLine(e.getMessage())
          + " (check Application Default Credentials and --gcp-project)", e);
    } catch (java.io.IOException e) {
      throw new Failure(Failure.Kind.REMOTE, "Google Cloud price APIs: cannot create the client: " + firstLine(e.getMessage()), e);
    } catch (PriceBookException e) {
      throw new Failure(Failure.Kind.REMOTE, e.getMessage(), e);
    }
    if (fetched.isEmpty()) {
      throw new Failure(Failure.Kind.REMOTE, "the price APIs returned no prices: nothing to refresh");
    }
    try {
      PriceRefresh.Result res = PriceRefresh.refresh(old, fetched, date, sources, r.outRoot());
      return new RefreshSummary(res.dir(), res.book().date(), res.book().size(), res.count("added"),
          res.count("changed"), res.count("unchanged"));
    } catch (java.io.IOException e) {
      throw new Failure(Failure.Kind.OUTPUT, r.outRoot() + ": cannot write the new price book: " + e.getMessage(), e);
    }
  }

  private static List<String> regionsOf(PriceBook book, String prefix) {
    TreeSet<String> regions = new TreeSet<>();
    book.startingWith(prefix).forEach(p -> regions.add(p.key().region()));
    regions.remove("all");
    return new ArrayList<>(regions);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
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
