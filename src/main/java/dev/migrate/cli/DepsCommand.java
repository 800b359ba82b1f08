package dev.migrate.cli;

import dev.migrate.app.Choices;
import dev.migrate.app.Dependencies;
import dev.migrate.app.Failure;
import dev.migrate.io.Terminal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate deps}: the dependency graph measured by VPC Flow Logs. */
@Command(
    name = "deps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Shows which items talk to which, measured by the VPC Flow Logs in a snapshot ('migrate logs' reads them): "
            + "bytes and connections per pair and port, application groups and top talkers; or exports the graph as "
            + "Graphviz DOT or JSON for other tools."},
    footer = {"", "Examples:",
        "  migrate deps --snapshot snap.json",
        "  migrate deps --snapshot snap.json --format dot --out deps.dot   (then: dot -Tsvg deps.dot > deps.svg)",
        "  migrate deps --snapshot snap.json --on-premises 192.168.0.0/16 --group-min-share 0.05"},
    optionListHeading = "%nOptions:%n")
public final class DepsCommand implements Callable<Integer> {
  static final class Source {
    @Option(names = "--sample", required = true, description = "The bundled sample estate (sample-data/tableapp).")
    boolean sample;

    @Option(names = "--snapshot", required = true, paramLabel = "PATH", description = "A snapshot file.")
    Path snapshot;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Estate (one of these):%n")
  Source source;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, dot or json (default: ${DEFAULT-VALUE}).")
  Choices.DepsFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here (replaced atomically) instead of stdout.")
  Path out;

  @Option(names = "--on-premises", paramLabel = "CIDR", split = ",",
      description = "IPv4 ranges reached over VPN or Direct Connect (repeat or comma-separate), e.g. 192.168.0.0/16.")
  List<String> onPremises;

  @Option(names = "--group-min-share", paramLabel = "SHARE",
      description = "A link joins two items into one group when it carries at least this share (0..1) of the "
          + "busier item's traffic with other items (default: 0.01).")
  Double groupMinShare;

  @Option(names = "--group-min-bytes", paramLabel = "BYTES",
      description = "... and at least this many bytes over the window (default: 0).")
  Long groupMinBytes;

  @Option(names = "--app-tag", paramLabel = "KEY", description = "Tag that names the application (default: app).")
  String appTag;

  @Option(names = "--top", paramLabel = "N", defaultValue = "15",
      description = "Rows of the text's top talkers and busiest pairs (default: ${DEFAULT-VALUE}).")
  int top;

  @ParentCommand
  MigrateCommand parent;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new Failure(Failure.Kind.USAGE, "--top must be at least 1");
    }
    String text = Dependencies.run(new Dependencies.Request(source.snapshot, source.sample, format, out, groupMinShare,
            groupMinBytes, onPremises, appTag, top),
        w -> parent.err().println("migrate: warning: " + Terminal.safe(w)));
    parent.out().print(format == Choices.DepsFormat.TEXT || out != null ? Terminal.safeLines(text) : text);
    parent.out().flush();
    return ExitCode.OK;
  }
}
