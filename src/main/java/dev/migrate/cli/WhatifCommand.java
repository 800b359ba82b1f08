package dev.migrate.cli;

import dev.migrate.app.Assessing;
import dev.migrate.app.Failure;
import dev.migrate.app.WhatIf;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
        "  migrate whatif --sample --propose-waves 4    (writes reports/proposed-waves.yaml and runs it)",
        "  migrate whatif --snapshot snap.json --scenario a.yaml --scenario b.yaml --set traffic.growthPerMonthPct=5"},
    optionListHeading = "%nOptions:%n")
public final class WhatifCommand implements Callable<Integer> {

  @Mixin
  ScenarioOptions scenarios;

  @Option(names = "--propose-waves", paramLabel = "N",
      description = "Propose N waves (1-" + WhatIf.MAX_PROPOSED_WAVES + "): storage and edge first, then the application "
          + "groups (measured from the snapshot's flow logs, else the app tag), each kept in one wave and ordered to "
          + "cross the fewest bytes; writes proposed-waves.yaml to --out and runs it before any --scenario.")
  Integer proposeWaves;

  @Option(names = "--max-wave-units", paramLabel = "N",
      description = "With --propose-waves: most move units a wave may take (default: 1.5 x an even share).")
  Integer maxWaveUnits;

  @Mixin
  EstateOptions estate;

  @ParentCommand
  MigrateCommand parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Assessing.Request request = estate.toRequest(spec);
    if (maxWaveUnits != null && proposeWaves == null) {
      throw new Failure(Failure.Kind.USAGE, "--max-wave-units limits proposed waves: add --propose-waves N");
    }
    if (proposeWaves != null) {
      if (proposeWaves < 1 || proposeWaves > WhatIf.MAX_PROPOSED_WAVES) {
        throw new Failure(Failure.Kind.USAGE, "--propose-waves " + proposeWaves + ": give a number of waves from 1 to "
            + WhatIf.MAX_PROPOSED_WAVES + ", e.g. --propose-waves 4");
      }
      if (maxWaveUnits != null && maxWaveUnits < 1) {
        throw new Failure(Failure.Kind.USAGE, "--max-wave-units " + maxWaveUnits + ": give at least 1 move unit a wave");
      }
      new Assessing(parent.clock()).run(request,
          scenarios.toScenarios(new Assessing.Proposal(proposeWaves, maxWaveUnits, true)), parent.out(), parent.err());
      return ExitCode.OK;
    }
    if (scenarios.none() && !estate.sample()) {
      throw new Failure(Failure.Kind.USAGE, "give at least one --scenario FILE (examples: sample-data/scenarios/*.yaml)"
          + " or --propose-waves N");
    }
    new Assessing(parent.clock()).run(request, scenarios.toScenarios(estate.sample()), parent.out(), parent.err());
    return ExitCode.OK;
  }
}
