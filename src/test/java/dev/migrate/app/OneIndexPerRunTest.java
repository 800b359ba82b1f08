package dev.migrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.pricing.PriceBook;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot is indexed once per run: the plan and the cost model take the index, the assessment carries it,
 * and the what-if keeps it, and what they compute from it is what they compute from the snapshot alone.
 */
class OneIndexPerRunTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void theAssessmentCarriesTheIndexThePlanWasMadeFromAndTheWhatIfKeepsIt() {
    Snapshot s = Assessing.bundledSample();
    Topology index = Topology.of(s);
    PriceBook book = PriceBook.bundled();
    MigrationPlan plan = Planning.plan(index, Planning.PlanRequest.defaults());
    Assessment a = Costing.assess(index, plan, book, CostOptions.defaults(), CLOCK);
    assertSame(index, a.topology());
    assertSame(s, a.snapshot());

    List<Timeline> timelines = WhatIf.runSample(a, book, List.of());
    assertSame(index, WhatIf.withTimelines(a, timelines).topology());
  }

  @Test
  void planAndCostsFromTheIndexAreThoseFromTheSnapshot() {
    Snapshot s = Assessing.bundledSample();
    PriceBook book = PriceBook.bundled();
    MigrationPlan fromSnapshot = Planning.plan(s, Planning.PlanRequest.defaults());
    Topology index = Topology.of(s);
    MigrationPlan fromIndex = Planning.plan(index, Planning.PlanRequest.defaults());
    assertEquals(fromSnapshot, fromIndex);
    Assessment a = Costing.assess(s, fromSnapshot, book, CostOptions.defaults(), CLOCK);
    Assessment b = Costing.assess(index, fromIndex, book, CostOptions.defaults(), CLOCK);
    assertEquals(a.current(), b.current());
    assertEquals(a.target(), b.target());
    assertEquals(a.warnings(), b.warnings());
  }

  @Test
  void anIndexOfAnotherSnapshotIsRefused() {
    Snapshot s = Assessing.bundledSample();
    Assessment a = Costing.assess(s, Planning.plan(s, Planning.PlanRequest.defaults()), PriceBook.bundled(),
        CostOptions.defaults(), CLOCK);
    Topology other = Topology.of(Assessing.bundledSample());
    assertThrows(IllegalArgumentException.class, () -> new Assessment(a.snapshot(), a.plan(), a.current(), a.target(),
        a.missingPrices(), a.reconciliation(), a.requests(), a.timelines(), a.assumptions(), a.priceBookDate(),
        a.generatedAt(), a.warnings(), a.commitmentCoverage(), a.trafficCurve(), a.options(), a.billCoverage(),
        other));
  }
}
