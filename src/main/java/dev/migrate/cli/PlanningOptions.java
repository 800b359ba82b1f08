package dev.migrate.cli;

import dev.migrate.app.Choices;
import dev.migrate.app.Failure;
import dev.migrate.app.Planning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How items are mapped and sized: which rules, which regions, which sizing. Shared by
 * {@code assess}, {@code whatif} (through {@link EstateOptions}) and {@code rules explain}:
 * add {@code @Mixin PlanningOptions planning;}.
 */
public final class PlanningOptions {
  @Option(names = "--rules", paramLabel = "DIR",
      description = "Your own rules folder; it extends the shipped rules (a rule with a shipped id replaces it).")
  Path rules;

  @Option(names = "--rules-only",
      description = "Use only the rules in --rules, not the shipped catalogue.")
  boolean rulesOnly;

  /** The earlier name of {@code --rules-only} on {@code rules explain}, still accepted. */
  @Option(names = "--replace-rules", hidden = true)
  void replaceRules(boolean on) {
    rulesOnly = on;
  }

  @Option(names = "--region-map", paramLabel = "AWS=GCP", split = ",",
      description = "Override the Google Cloud region for an AWS region, e.g. ap-northeast-1=asia-east1 (repeatable).")
  List<String> regionMap = new ArrayList<>();

  @Option(names = "--rightsizing", paramLabel = "STRATEGY",
      description = "as-is (same vCPU and memory) or measured (usage percentile x headroom; default).")
  Choices.Rightsizing rightsizing;

  @Option(names = "--percentile", paramLabel = "P",
      description = "Usage percentile for measured rightsizing: 95 (default) or 100 (the maximum).")
  Integer percentile;

  @Option(names = "--headroom", paramLabel = "X",
      description = "CPU headroom factor over the measured percentile (default 1.3).")
  Double headroom;

  /** Checks the combination and builds the planning request. */
  Planning.PlanRequest toRequest() {
    if (rulesOnly && rules == null) {
      throw new Failure(Failure.Kind.USAGE, "--rules-only needs --rules DIR");
    }
    return new Planning.PlanRequest(rules, rulesOnly, Planning.parseRegionMap(regionMap), rightsizing, percentile,
        headroom);
  }
}
