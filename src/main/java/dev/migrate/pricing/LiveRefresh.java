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
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * {@code migrate prices refresh}: calls the live price APIs, then {@link PriceRefresh} writes the
 * new dated book and its diff. Remote failures become {@link RemoteException} with one line.
 */
public final class LiveRefresh {
  private LiveRefresh() {}

  /**
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
  public record Request(Path oldBook, Path outRoot, String gcpProject, List<String> awsRegions, List<String> gcpRegions,
      boolean skipAws, URI awsEndpoint, String billingEndpoint, String computeEndpoint) {
    public Request {
      awsRegions = awsRegions == null ? List.of() : List.copyOf(awsRegions);
      gcpRegions = gcpRegions == null ? List.of() : List.copyOf(gcpRegions);
    }
  }

  /** What was written. */
  public record Summary(Path dir, LocalDate date, int keys, long added, long changed, long unchanged) {}

  /** A price API refused or failed; the message is one line. */
  public static final class RemoteException extends RuntimeException {
    RemoteException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static Summary run(PriceBook old, Request r, Clock clock, Consumer<String> progress) throws IOException {
    LocalDate date = LocalDate.now(clock);
    List<FetchedPrice> fetched = new ArrayList<>();
    List<PriceBook.Source> sources = new ArrayList<>();
    try {
      if (!r.skipAws()) {
        List<String> regions = r.awsRegions().isEmpty() ? regionsOf(old, "aws/ec2/") : r.awsRegions();
        try (PricingClient client = PriceSources.aws(r.awsEndpoint())) {
          AwsPriceListSource aws = new AwsPriceListSource(client);
          for (String region : regions) {
            progress.accept("AWS Price List: EC2 on-demand Linux and Windows in " + region);
            fetched.addAll(aws.ec2OnDemandLinux(region));
            fetched.addAll(aws.ec2OnDemandWindows(region));
          }
        }
        sources.add(new PriceBook.Source("AWS-PRICE-LIST", "AWS Price List Query API (pricing:GetProducts), AmazonEC2",
            r.awsEndpoint() == null ? "https://api.pricing.us-east-1.amazonaws.com" : r.awsEndpoint().toString(), null, date));
      }
      if (r.gcpProject() != null) {
        List<String> regions = r.gcpRegions().isEmpty() ? regionsOf(old, "gcp/compute/") : r.gcpRegions();
        progress.accept("Cloud Billing Catalog and Compute Engine machine types in " + String.join(", ", regions));
        try (CloudCatalogClient catalog = PriceSources.catalog(r.billingEndpoint());
            MachineTypesClient compute = PriceSources.compute(r.computeEndpoint())) {
          fetched.addAll(new GcpCatalogSource(catalog, compute, r.gcpProject()).machineTypes(new TreeSet<>(regions)));
        }
        sources.add(new PriceBook.Source("GCP-BILLING-CATALOG", "Cloud Billing Catalog API " + GcpCatalogSource.COMPUTE_SERVICE
            + " + Compute Engine API machineTypes (project " + r.gcpProject() + ")",
            r.billingEndpoint() == null ? "https://cloudbilling.googleapis.com" : r.billingEndpoint(), null, date));
      }
    } catch (SdkException e) {
      throw new RemoteException("AWS Price List API: " + firstLine(e.getMessage())
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
    PriceRefresh.Result res = PriceRefresh.refresh(old, fetched, date, sources, r.outRoot());
    return new Summary(res.dir(), res.book().date(), res.book().size(), res.count("added"), res.count("changed"),
        res.count("unchanged"));
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
}
