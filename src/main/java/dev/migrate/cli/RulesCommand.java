package dev.migrate.cli;

import dev.migrate.app.Planning;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrate rules}: validate rule files and explain where an item goes. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check rule files and explain the mapping of one item.",
    subcommands = {RulesCommand.Validate.class, RulesCommand.Explain.class})
public final class RulesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code migrate rules validate [DIR]}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {"Validate rule files; prints every error as file:line:col: message.",
          "Exit code 3 when a rule file is invalid."})
  static final class Validate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR",
        description = "Directory of *.yaml rule files (default: the shipped rules).")
    Path dir;

    @Option(names = "--extend", description = "Also check DIR together with the shipped rules, as 'assess --rules DIR' uses them.")
    boolean extend;

    @Override
    public Integer call() {
      Planning.RulesSummary s = Planning.validate(dir, extend);
      spec.commandLine().getOut().printf("rules OK: %d rules in %d files (%s)%n", s.rules(), s.files().size(), s.origin());
      return ExitCode.OK;
    }
  }

  /** {@code migrate rules explain ID --snapshot PATH}. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Show which rules matched an item, which won, why, and the resulting target and size.")
  static final class Explain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID",
        description = "Item id: instance id, volume id, group name, load balancer id, distribution id or bucket name.")
    String id;

    @Option(names = "--snapshot", required = true, paramLabel = "PATH", description = "Snapshot JSON file.")
    Path snapshot;

    @Option(names = "--rules", paramLabel = "DIR", description = "Directory of rule files that extends the shipped rules.")
    Path rules;

    @Option(names = "--replace-rules", description = "Use only the rules of --rules DIR, not the shipped ones.")
    boolean replace;

    @Option(names = "--region-map", paramLabel = "AWS=GCP", split = ",",
        description = "Override the region mapping, e.g. ap-northeast-1=asia-east1 (repeatable).")
    List<String> regionMap;

    @Option(names = "--rightsizing", paramLabel = "STRATEGY", description = "as-is or measured (default: measured).")
    String rightsizing;

    @Option(names = "--percentile", paramLabel = "P", description = "CPU percentile for measured sizing: 95 or 100 (default 95).")
    Integer percentile;

    @Option(names = "--headroom", paramLabel = "FACTOR", description = "CPU headroom factor for measured sizing (default 1.3).")
    Double headroom;

    @Override
    public Integer call() {
      if (replace && rules == null) {
        throw new UserError(ExitCode.USAGE, "--replace-rules needs --rules DIR");
      }
      Planning.PlanRequest request = new Planning.PlanRequest(rules, replace, Planning.parseRegionMap(regionMap),
          rightsizing, percentile, headroom);
      spec.commandLine().getOut().print(Planning.explain(snapshot, id, request));
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
