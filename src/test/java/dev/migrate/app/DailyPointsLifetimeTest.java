package dev.migrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.inventory.Snapshot;
import dev.migrate.pricing.PriceBook;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An assessment does not keep the usage records' daily points once the snapshot is read and checked (no stage after
 * reading uses them, and on a large estate they are most of the usage's memory), and dropping them changes nothing
 * the plan and the cost model compute.
 */
class DailyPointsLifetimeTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void theRunsAssessmentHoldsNoDailyPointsAndTheSameFigures() {
    Snapshot read = Assessing.bundledSample();
    assertTrue(read.usage().stream().anyMatch(u -> !u.daily().isEmpty()), "the sample has daily points");

    var request = new Assessing.Request(new Assessing.Source(true, null, null), Planning.PlanRequest.defaults(), null,
        new Assessing.CostChoices(null, null, null, List.of()), dir, EnumSet.of(Reporting.Format.JSON), false);
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    Assessment run = new Assessing(CLOCK).run(request, new Assessing.Scenarios(List.of(), List.of(), false),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertTrue(run.snapshot().usage().stream().allMatch(u -> u.daily().isEmpty()), "daily points kept");
    assertEquals(read.usage().size(), run.snapshot().usage().size());
    Assessment full = Costing.assess(read, Planning.plan(read, Planning.PlanRequest.defaults()), PriceBook.bundled(),
        CostOptions.defaults(), CLOCK);
    assertEquals(full.plan(), run.plan());
    assertEquals(full.current(), run.current());
    assertEquals(full.target(), run.target());
    assertEquals(full.warnings(), run.warnings());
    assertEquals(full.missingPrices(), run.missingPrices());
  }
}
