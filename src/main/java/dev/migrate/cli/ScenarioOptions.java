package dev.migrate.cli;

import dev.migrate.app.Assessing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The what-if scenario options shared by {@code assess} and {@code whatif}. */
public final class ScenarioOptions {
  @Option(names = "--scenario", paramLabel = "FILE",
      description = "A what-if scenario file (repeatable); the format is in sample-data/scenarios/README.md.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a value in every scenario, e.g. --set traffic.growthPerMonthPct=5 (repeatable).")
  List<String> sets = new ArrayList<>();

  boolean none() {
    return files.isEmpty();
  }

  /** The scenarios to run; {@code sample} runs the shipped ones when no file is given. */
  Assessing.Scenarios toScenarios(boolean sample) {
    return new Assessing.Scenarios(files, sets, sample && files.isEmpty());
  }

  /** The scenario files after a proposed plan (the shipped samples are not added to a proposal). */
  Assessing.Scenarios toScenarios(Assessing.Proposal proposal) {
    return new Assessing.Scenarios(files, sets, false, proposal);
  }
}
