package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.Timeline;
import dev.migrate.io.InputError;
import dev.migrate.cost.hybrid.Comparison;
import dev.migrate.cost.hybrid.HybridModel;
import dev.migrate.cost.hybrid.Scenario;
import dev.migrate.cost.hybrid.ScenarioException;
import dev.migrate.cost.hybrid.ScenarioReader;
import dev.migrate.cost.hybrid.TimelineEngine;
import dev.migrate.cost.hybrid.WavePlanner;
import dev.migrate.pricing.PriceBook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The what-if facade: scenario files over a base assessment, one timeline per scenario, and the
 * side-by-side comparison. Scenario problems become one {@link Failure} naming every
 * {@code file:line:col} (or {@code --set} option) at once.
 */
public final class WhatIf {
  /** Scenarios shipped in {@code sample-data/scenarios/} and bundled in the jar under the same path. */
  public static final List<String> SAMPLE_SCENARIOS =
      List.of("lift-and-shift-fast", "gke-replatform-waves", "replatform-3y-doubled");

  private WhatIf() {}

  /**
   * Runs each scenario file, with the same {@code key.path=value} overrides applied to each; link,
   * transfer and compute factor prices come from {@code book}, the book the base was priced with.
   */
  public static List<Timeline> run(Assessment base, PriceBook book, List<Path> scenarioFiles, List<String> sets) {
    if (scenarioFiles.isEmpty()) {
      throw new Failure(Failure.Kind.USAGE, "no scenario given: pass --scenario FILE (one or more), e.g. "
          + "--scenario sample-data/scenarios/gke-replatform-waves.yaml");
    }
    List<Scenario> scenarios;
    try {
      scenarios = ScenarioReader.readAll(scenarioFiles, sets);
    } catch (ScenarioException e) {
      throw failure(e);
    }
    return project(base, book, scenarios);
  }

  /** Runs the bundled sample scenarios (for {@code --sample} without {@code --scenario}). */
  public static List<Timeline> runSample(Assessment base, PriceBook book, List<String> sets) {
    List<Scenario> scenarios = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    for (String name : SAMPLE_SCENARIOS) {
      String resource = "/sample-data/scenarios/" + name + ".yaml";
      try (InputStream in = WhatIf.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("bundled scenario " + resource + " is missing from the jar");
        }
        scenarios.add(ScenarioReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, sets));
      } catch (ScenarioException e) {
        errors.addAll(e.errors());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!errors.isEmpty()) {
      throw failure(new ScenarioException(errors));
    }
    return project(base, book, scenarios);
  }

  /** The base assessment with the timelines attached (what the workbook's Scenarios sheet reads). */
  public static Assessment withTimelines(Assessment base, List<Timeline> timelines) {
    return new Assessment(base.snapshot(), base.plan(), base.current(), base.target(), base.missingPrices(),
        base.reconciliation(), base.requests(), timelines, base.assumptions(), base.priceBookDate(),
        base.generatedAt(), base.warnings(), base.commitmentCoverage(), base.trafficCurve(),
        base.options(), base.billCoverage(), base.topology());
  }

  /** The comparison table for the terminal. */
  public static String compare(List<Timeline> timelines) {
    return Comparison.render(timelines);
  }

  /** Most waves {@code --propose-waves} proposes. */
  public static final int MAX_PROPOSED_WAVES = WavePlanner.MAX_WAVES;
  /**
   * Waves of the plan {@code assess} runs without a scenario: storage and edge, then the application groups in
   * three waves (the shipped replatform scenario's shape with its batch, web and data waves).
   */
  public static final int DEFAULT_WAVES = 4;

  /** Name of the scenario a proposal writes, and of its file ({@code proposed-waves.yaml}). */
  public static final String PROPOSED = "proposed-waves";

  /**
   * Waves proposed for an estate, as a scenario ready to run.
   *
   * @param proposal  the waves and notes (and the scenario file's text on demand)
   * @param scenario  the plan as a scenario, with the run's {@code --set} overrides: its waves' units are handed over
   *                  as values, so an estate of any size runs (the file, which lists them, may be larger than a
   *                  scenario file may be)
   * @param model     the estate indexed for the what-if (reused to project it)
   */
  public record Proposed(WavePlanner.Proposal proposal, Scenario scenario, HybridModel model) {}

  /**
   * Proposes {@code waves} waves (measured application groups and traffic where the snapshot has flow logs,
   * else application tags and tiers), or null when the estate has nothing to move.
   *
   * @param maxUnits  the limit of move units per wave, or null for the default
   */
  public static Proposed propose(Assessment base, PriceBook book, int waves, Integer maxUnits, List<String> sets) {
    HybridModel model = HybridModel.of(base, book);
    if (model.unitCount() == 0) {
      return null;
    }
    WavePlanner.Proposal p = WavePlanner.propose(model, waves, maxUnits, PROPOSED);
    try {
      return new Proposed(p, p.scenario(sets), model);
    } catch (ScenarioException e) {
      throw failure(e);
    }
  }

  /** Projects the proposed plan first, then the scenario files (if any), over the model the proposal indexed. */
  public static List<Timeline> run(Proposed proposed, List<Path> scenarioFiles, List<String> sets) {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(proposed.scenario());
    if (!scenarioFiles.isEmpty()) {
      try {
        scenarios.addAll(ScenarioReader.readAll(scenarioFiles, sets));
      } catch (ScenarioException e) {
        throw failure(e);
      }
    }
    return project(proposed.model(), scenarios);
  }

  private static List<Timeline> project(Assessment base, PriceBook book, List<Scenario> scenarios) {
    return project(HybridModel.of(base, book), scenarios);
  }

  private static List<Timeline> project(HybridModel model, List<Scenario> scenarios) {
    List<Timeline> out = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    for (Scenario s : scenarios) {
      try {
        out.add(TimelineEngine.project(model, s));
      } catch (ScenarioException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw failure(new ScenarioException(errors));
    }
    return out;
  }

  private static Failure failure(ScenarioException e) {
    // distinct: a --set error is found once per scenario it applies to
    List<String> parts = e.errors().stream().map(InputError::toString).distinct().toList();
    return new Failure(Failure.Kind.INVALID_INPUT, (parts.size() == 1 ? "scenario error: " : parts.size()
        + " scenario errors: ") + String.join("; ", parts), e);
  }
}
