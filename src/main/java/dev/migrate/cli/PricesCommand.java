package dev.migrate.cli;

import dev.migrate.app.Costing;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate prices}: show the dated price book (and refresh it from the live price APIs). */
@Command(name = "prices", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Shows the dated offline price book, or refreshes it from the live price APIs.",
    subcommands = {PricesCommand.Show.class, PricesCommand.Refresh.class})
public final class PricesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code migrate prices show [PREFIX]}. */
  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Prints the price book's date, sources and key counts, and the prices whose key starts with PREFIX.")
  static final class Show implements Callable<Integer> {
    @Option(names = "--price-book", paramLabel = "DIR", description = "Price book folder (default: the bundled book).")
    Path dir;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PREFIX",
        description = "Key prefix, e.g. aws/ec2/m5.large or gcp/cdn/cache-egress.")
    String prefix;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      Costing.show(Costing.priceBook(dir), prefix, out);
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code migrate prices refresh}. */
  @Command(name = "refresh", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Fetches the book's price families from the AWS Price List API (EC2 Linux/Windows, EBS, ELB,",
          "CloudFront, S3, data transfer) and, with --gcp-project, the Cloud Billing Catalog and Compute Engine APIs",
          "(machine types, disks, egress, load balancing, CDN, Cloud Storage, VPN, GKE); writes OUT/pricebook-<date>/",
          "with every key it could not read carried over unchanged, and OUT/pricebook-<date>/diff.csv against the old",
          "book (added / changed / unchanged / removed tier / not refreshed, per key and tier). Never needed for an",
          "offline assessment."})
  static final class Refresh implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write pricebook-<date>/ into.")
    Path out;

    @Option(names = "--price-book", paramLabel = "DIR", description = "Book to refresh (default: the bundled book).")
    Path old;

    @Option(names = "--gcp-project", paramLabel = "ID",
        description = "Google Cloud project to list machine types in; without it Google Cloud is not refreshed.")
    String gcpProject;

    @Option(names = "--aws-region", paramLabel = "REGION", split = ",", description = "AWS regions (default: those in the book).")
    List<String> awsRegions = new ArrayList<>();

    @Option(names = "--gcp-region", paramLabel = "REGION", split = ",", description = "Google Cloud regions (default: those in the book).")
    List<String> gcpRegions = new ArrayList<>();

    @Option(names = "--skip-aws", description = "Do not call the AWS Price List API.")
    boolean skipAws;

    @Option(names = "--aws-endpoint", paramLabel = "URL", description = "AWS Price List endpoint override (proxies, tests).")
    URI awsEndpoint;

    @Option(names = "--billing-endpoint", paramLabel = "URL", description = "Cloud Billing Catalog endpoint override.")
    String billingEndpoint;

    @Option(names = "--compute-endpoint", paramLabel = "URL", description = "Compute Engine API endpoint override.")
    String computeEndpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      var r = Costing.refresh(new Costing.RefreshRequest(old, out, gcpProject, awsRegions, gcpRegions,
          skipAws, awsEndpoint, billingEndpoint, computeEndpoint), Clock.systemUTC(), err);
      var o = spec.commandLine().getOut();
      o.println("wrote " + r.dir() + " (price book " + r.date() + ", " + r.keys() + " keys)");
      o.println("diff against the old book: " + r.added() + " added, " + r.changed() + " changed, "
          + r.unchanged() + " unchanged, " + r.notRefreshed() + " not refreshed (kept) -> " + r.dir().resolve("diff.csv"));
      o.flush();
      return ExitCode.OK;
    }
  }
}
