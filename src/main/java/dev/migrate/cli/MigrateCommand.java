package dev.migrate.cli;

import java.io.PrintStream;
import java.time.Clock;
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
        AssessCommand.class,
        PricesCommand.class,
        RulesCommand.class,
        CollectCommand.class,
        LogsCommand.class,
        WhatifCommand.class,
        DepsCommand.class,
    })
public final class MigrateCommand implements java.util.concurrent.Callable<Integer> {
  @Spec
  CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  MigrateCommand(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Results go here. */
  PrintStream out() {
    return out;
  }

  /** Progress, warnings and errors go here. */
  PrintStream err() {
    return err;
  }

  /** The clock every stage uses, injected so that tests are deterministic. */
  Clock clock() {
    return clock;
  }

  /** No command given: the usage goes to stderr and the run fails, so a script that forgot the command notices. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
