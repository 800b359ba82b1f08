package dev.migrate.cli;

import dev.migrate.app.Assessing;
import dev.migrate.app.Failure;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code migrate whatif}: several hybrid-phase scenarios over one assessment, side by side. */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Replays the hybrid phase of the migration month by month under one or more scenarios (timeline, waves, "
            + "commitments, traffic growth, cache hit ratio, link) and compares them side by side: a table on the "
            + "terminal, and the workbook's Timeline and Scenarios sheets.",
        "The scenario format is documented in sample-data/scenarios/README.md."},
    footer = {"", "Examples:",
        "  migrate whatif --sample                      (the three shipped scenarios)",
        "  migrate whatif --snapshot snap.json --scenario a.yaml --scenario b.yaml --set traffic.growthPerMonthPct=5"},
    optionListHeading = "%nOptions:%n")
public final class WhatifCommand implements Callable<Integer> {

  @Mixin
  ScenarioOptions scenarios;

  @Mixin
  EstateOptions estate;

  @ParentCommand
  MigrateCommand parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Assessing.Request request = estate.toRequest(spec);
    if (scenarios.none() && !estate.sample()) {
      throw new Failure(Failure.Kind.USAGE, "give at least one --scenario FILE (examples: sample-data/scenarios/*.yaml)");
    }
    new Assessing(parent.clock()).run(request, scenarios.toScenarios(estate.sample()), parent.out(), parent.err());
    return ExitCode.OK;
  }
}
