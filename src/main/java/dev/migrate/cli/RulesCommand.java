package dev.migrate.cli;

import dev.migrate.app.Planning;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    PlanningOptions planning;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(Planning.explain(snapshot, id, planning.toRequest()));
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
