package dev.migrate.cli;

import dev.migrate.app.Assessing;
import dev.migrate.app.Failure;
import dev.migrate.app.WhatIf;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate assess}: snapshot -> rules -> costs -> workbook, JSON, CSV and a summary. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Maps every item of an AWS estate to Google Cloud, prices today's AWS spend and the Google Cloud "
            + "spend after the move, and writes the management workbook, the assessment JSON and the cost lines CSV.",
        "The estate comes from the bundled sample (--sample), a snapshot file (--snapshot) or a fresh "
            + "collection from AWS (--aws-profile). Several accounts are assessed together as one estate from a folder "
            + "of snapshots or several --snapshot options; --account picks one of them."},
    footer = {"", "Examples:",
        "  migrate assess --sample",
        "  migrate assess --snapshot reports/snapshot-123456789012-2026-11-25.json --out /tmp/report",
        "  migrate assess --snapshot estate/                  (every account's snapshot in the folder)",
        "  migrate assess --snapshot estate/ --account 222222222222",
        "  migrate assess --aws-profile prod --regions ap-northeast-1,us-east-1 --target-pricing cud-1y"},
    optionListHeading = "%nOptions:%n")
public final class AssessCommand implements Callable<Integer> {

  @Mixin
  EstateOptions estate;

  @Mixin
  ScenarioOptions scenarios;

  @ParentCommand
  MigrateCommand parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!scenarios.sets.isEmpty() && scenarios.none()) {
      throw new Failure(Failure.Kind.USAGE, "--set overrides scenario values and needs --scenario FILE");
    }
    // Without a scenario, the proposed plan runs, so that the Summary's hybrid months are always filled.
    Assessing.Scenarios run = scenarios.none()
        ? scenarios.toScenarios(new Assessing.Proposal(WhatIf.DEFAULT_WAVES, null, false))
        : scenarios.toScenarios(false);
    new Assessing(parent.clock()).run(estate.toRequest(spec), run, parent.out(), parent.err());
    return ExitCode.OK;
  }
}
