package dev.migrate.rules;

import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.MigrationPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesGoldenTest {
  private final RuleEngine engine = new RuleEngine(RuleLoader.builtIn());

  @Test
  void smallEstateMapsAsRecorded() throws Exception {
    MigrationPlan plan = engine.plan(TestEstate.small(), PlanOptions.DEFAULTS);
    Golden.check("rules/small-estate.txt", PlanText.render(plan));
  }

  @Test
  void smallEstateAsIsMapsAsRecorded() throws Exception {
    MigrationPlan plan = engine.plan(TestEstate.small(), new PlanOptions(Map.of("ap-northeast-1", "asia-east1"), "as-is", null, null));
    Golden.check("rules/small-estate-as-is-taiwan.txt", PlanText.render(plan));
  }

  @Test
  void everyItemOfTheSmallEstateIsMapped() {
    Snapshot s = TestEstate.small();
    MigrationPlan plan = engine.plan(s, PlanOptions.DEFAULTS);
    assertTrue(plan.unmapped().isEmpty(), () -> "unmapped: " + plan.unmapped());
    int items = s.instances().size() + s.volumes().size() + s.autoScalingGroups().size() + s.loadBalancers().size()
        + s.distributions().size() + s.buckets().size();
    assertEquals(items, plan.mappings().size());
  }

  @Test
  void planIsDeterministic() {
    Snapshot s = TestEstate.small();
    assertEquals(PlanText.render(engine.plan(s, PlanOptions.DEFAULTS)), PlanText.render(engine.plan(s, PlanOptions.DEFAULTS)));
  }
}
