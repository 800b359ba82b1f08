package dev.migrate.cost.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostSide;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.plan.MigrationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped scenarios select something in every wave of the sample estate, and the estate's
 * VPCs do not clash with the scenarios' planned ranges. Runs once the sample snapshot is in the
 * repository (it is built on another branch); the costs are exercised by the other tests.
 */
class SampleEstateScenariosTest {
  private static final Path SAMPLE = Path.of("sample-data/tableapp/snapshot.json");

  @Test
  void everyWaveOfEveryShippedScenarioSelectsPartOfTheSampleEstate() throws Exception {
    Snapshot s = SnapshotJson.read(SAMPLE);
    // The shipped rules' plan: waves select tiers, which come from the plan's mappings.
    MigrationPlan plan = dev.migrate.app.Planning.plan(s, dev.migrate.app.Planning.PlanRequest.defaults());
    Assessment a = new Assessment(s, plan,
        CostSide.of(Phase.CURRENT, List.of()), CostSide.of(Phase.TARGET, List.of()), List.of(), null, null, List.of(),
        List.of(), LocalDate.parse("2026-07-30"), Instant.parse("2026-11-25T00:00:00Z"), List.of());
    HybridModel model = HybridModel.of(a);
    List<Path> files;
    try (Stream<Path> f = Files.list(Path.of("sample-data/scenarios"))) {
      files = f.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Scenario sc : ScenarioReader.readAll(files, List.of())) {
      Timeline t = TimelineEngine.project(model, sc); // throws when a wave selects nothing
      assertTrue(t.warnings().stream().noneMatch(w -> w.startsWith("BLOCKER:")), t.warnings().toString());
      assertTrue(t.warnings().stream().noneMatch(w -> w.contains("selected by no wave")), t.warnings().toString());
      assertEquals(sc.months(), t.months().size());
    }
  }
}
