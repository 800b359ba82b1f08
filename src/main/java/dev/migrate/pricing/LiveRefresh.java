package dev.migrate.pricing;

import com.google.cloud.billing.v1.CloudCatalogClient;
import com.google.cloud.compute.v1.MachineTypesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * {@code migrate prices refresh}: reads every family of the refresh table ({@link RefreshFamilies}) from the live
 * price APIs, then {@link PriceRefresh} writes the new dated book and its diff. Remote failures become
 * {@link RemoteException} with one line.
 */
public final class LiveRefresh {
  /** AWS region codes (us-east-1, us-gov-west-1), as opposed to price geographies and "all". */
  private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
  /** Google Cloud region codes (us-central1). */
  private static final Pattern GCP_REGION = Pattern.compile("[a-z]+-[a-z]+\\d+");

  private LiveRefresh() {}

  /**
   * @param oldBook          folder of the book to refresh, or null for the bundled one
   * @param outRoot          folder the new {@code pricebook-<date>} folder is written into
   * @param gcpProject       Google Cloud project machine types are listed in; null: skip Google Cloud
   * @param awsRegions       AWS regions to fetch (empty: the regions of the old book)
   * @param gcpRegions       Google Cloud regions to fetch (empty: the regions of the old book)
   * @param skipAws          do not call AWS
   * @param awsEndpoint      AWS Price List endpoint override, or null
   * @param billingEndpoint  Cloud Billing Catalog endpoint override, or null
   * @param computeEndpoint  Compute Engine endpoint override, or null
   */
  public record Request(Path oldBook, Path outRoot, String gcpProject, List<String> awsRegions, List<String> gcpRegions,
      boolean skipAws, URI awsEndpoint, String billingEndpoint, String computeEndpoint) {
    public Request {
      awsRegions = awsRegions == null ? List.of() : List.copyOf(awsRegions);
      gcpRegions = gcpRegions == null ? List.of() : List.copyOf(gcpRegions);
    }
  }

  /** What was written; counts are keys. */
  public record Summary(Path dir, LocalDate date, int keys, long added, long changed, long unchanged, long notRefreshed) {}

  /** A price API refused or failed; the message is one line. */
  public static final class RemoteException extends RuntimeException {
    RemoteException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static Summary run(PriceBook old, Request r, Clock clock, Consumer<String> progress) throws IOException {
    RefreshFamilies table = RefreshFamilies.bundled();
    LocalDate date = LocalDate.now(clock);
    int hours = old.manifest().hoursPerMonth() == null ? 730 : old.manifest().hoursPerMonth();
    List<FetchedPrice> fetched = new ArrayList<>();
    Map<String, String> reasons = new TreeMap<>();
    List<PriceBook.Source> sources = new ArrayList<>();
    List<String> awsRegions = r.awsRegions().isEmpty() ? regionsOf(old, "aws", AWS_REGION) : r.awsRegions();
    List<String> gcpRegions = r.gcpRegions().isEmpty() ? regionsOf(old, "gcp", GCP_REGION) : r.gcpRegions();
    // Google keys of the old book in multi-regions, dual-regions and destinations are refreshed too
    // (their "regions" are not region codes, so --gcp-region cannot name them)
    TreeSet<String> allowed = new TreeSet<>(gcpRegions);
    old.prices().stream().map(Price::key).filter(k -> k.provider().equals("gcp")).map(PriceKey::region)
        .filter(g -> !GCP_REGION.matcher(g).matches()).forEach(allowed::add);
    try {
      if (!r.skipAws()) {
        progress.accept("AWS Price List: " + table.aws().size() + " families in " + String.join(", ", awsRegions));
        try (PricingClient client = PriceSources.aws(r.awsEndpoint())) {
          PriceCollector.Result res = new AwsPriceListSource(client, table, hours).fetch(table.aws(), awsRegions, progress);
          fetched.addAll(res.prices());
          reasons.putAll(res.reasons());
        }
        TreeSet<String> codes = new TreeSet<>();
        table.aws().forEach(f -> codes.add(f.serviceCode()));
        sources.add(new PriceBook.Source("AWS-PRICE-LIST", "AWS Price List Query API (pricing:GetProducts), " + String.join(", ", codes),
            r.awsEndpoint() == null ? "https://api.pricing.us-east-1.amazonaws.com" : r.awsEndpoint().toString(), null, date));
      }
      if (r.gcpProject() != null) {
        progress.accept("Cloud Billing Catalog: " + table.gcp().size() + " families and machine types in " + String.join(", ", gcpRegions));
        try (CloudCatalogClient catalog = PriceSources.catalog(r.billingEndpoint());
            MachineTypesClient compute = PriceSources.compute(r.computeEndpoint())) {
          GcpCatalogSource gcp = new GcpCatalogSource(catalog, compute, r.gcpProject(), table, hours);
          PriceCollector.Result res = gcp.families(table.gcp(), allowed, progress);
          fetched.addAll(res.prices());
          reasons.putAll(res.reasons());
          fetched.addAll(gcp.machineTypes(new TreeSet<>(gcpRegions), progress));
        }
        TreeSet<String> services = new TreeSet<>();
        table.gcp().forEach(f -> services.add("services/" + f.service()));
        sources.add(new PriceBook.Source("GCP-BILLING-CATALOG", "Cloud Billing Catalog API " + String.join(", ", services)
            + " + Compute Engine API machineTypes (project " + r.gcpProject() + ")",
            r.billingEndpoint() == null ? "https://cloudbilling.googleapis.com" : r.billingEndpoint(), null, date));
      }
    } catch (SdkException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.startsWith("Unable to load credentials")) {
        // The SDK lists every provider it tried in one very long line; say what to do instead.
        throw new RemoteException("AWS Price List API: no AWS credentials found (any AWS identity may read prices: "
            + "set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; --skip-aws refreshes Google Cloud only)", e);
      }
      throw new RemoteException("AWS Price List API: " + firstLine(message)
          + " (check credentials allowing pricing:GetProducts, or --aws-endpoint)", e);
    } catch (com.google.api.gax.rpc.ApiException e) {
      throw new RemoteException("Google Cloud price APIs: " + firstLine(e.getMessage())
          + " (check Application Default Credentials and --gcp-project)", e);
    } catch (IOException e) {
      throw new RemoteException("Google Cloud price APIs: cannot create the client: " + firstLine(e.getMessage()), e);
    } catch (PriceBookException e) {
      throw new RemoteException(e.getMessage(), e);
    }
    if (fetched.isEmpty()) {
      throw new RemoteException("the price APIs returned no prices: nothing to refresh", null);
    }
    PriceRefresh.Result res = PriceRefresh.refresh(old, fetched, key -> {
      String why = reasons.get(key.toString());
      if (why != null) {
        return why;
      }
      boolean aws = key.provider().equals("aws");
      if (aws && r.skipAws()) {
        return "AWS not fetched (--skip-aws)";
      }
      if (!aws && r.gcpProject() == null) {
        return "Google Cloud not fetched (no --gcp-project)";
      }
      Optional<String> family = table.familyOf(key);
      if (family.isEmpty()) {
        return "no refresh family for this key; kept with its own source";
      }
      if (table.regionScoped(family.get()) && !(aws ? awsRegions : allowed).contains(key.region())) {
        return "region not fetched (" + family.get() + ")";
      }
      return "no " + family.get() + " price for this key in the source";
    }, date, sources, r.outRoot());
    return new Summary(res.dir(), res.book().date(), res.book().size(), res.count(PriceRefresh.ADDED),
        res.count(PriceRefresh.CHANGED), res.count(PriceRefresh.UNCHANGED), res.count(PriceRefresh.NOT_REFRESHED));
  }

  /** Region codes of a provider's keys in the book, sorted. */
  private static List<String> regionsOf(PriceBook book, String provider, Pattern regionCode) {
    TreeSet<String> regions = new TreeSet<>();
    book.prices().forEach(p -> {
      if (p.key().provider().equals(provider) && regionCode.matcher(p.key().region()).matches()) {
        regions.add(p.key().region());
      }
    });
    return new ArrayList<>(regions);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
