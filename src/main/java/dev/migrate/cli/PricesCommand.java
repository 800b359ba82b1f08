package dev.migrate.cli;

import dev.migrate.app.Costing;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate prices}: show the dated price book (and refresh it from the live price APIs). */
@Command(name = "prices", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Shows the dated offline price book.",
    subcommands = {PricesCommand.Show.class})
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
}
