package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code migrate} command; it only holds the subcommands. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Tells what moving an AWS estate to Google Cloud does to its bill and its architecture.",
    subcommands = {
        PricesCommand.class,
        RulesCommand.class,
        CollectCommand.class,
        LogsCommand.class,
    })
public final class MigrateCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
