package dev.migrate.rules;

import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample estate (sample-data/tableapp/snapshot.json, built on the 'sample' branch)
 * mapped with the shipped rules: item -> target, rule, size. Skipped where the sample is not
 * in the tree yet.
 */
class SampleEstateGoldenTest {
  private static final Path SAMPLE = Path.of("sample-data/tableapp/snapshot.json");

  private static Snapshot sample() {
    return SnapshotJson.read(SAMPLE);
  }

  @Test
  void sampleEstateMapsAsRecorded() throws Exception {
    MigrationPlan plan = new RuleEngine(RuleLoader.builtIn()).plan(sample(), PlanOptions.DEFAULTS);
    Golden.check("rules/tableapp.txt", PlanText.render(plan));
  }

  @Test
  void sampleEstateHasNoUnmappedItem() {
    MigrationPlan plan = new RuleEngine(RuleLoader.builtIn()).plan(sample(), PlanOptions.DEFAULTS);
    assertEquals(java.util.List.of(), plan.unmapped());
  }
}
