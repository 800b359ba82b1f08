package dev.migrate.acceptance;

import dev.migrate.app.Costing;
import dev.migrate.app.Planning;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.inventory.Snapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The real sample estate run through the same facades as {@code migrate assess}. */
final class SampleEstate {
  static final Path SNAPSHOT = Path.of("sample-data/tableapp/snapshot.json");
  static final Path LOGS = Path.of("sample-data/tableapp/logs");
  static final Path SCENARIOS = Path.of("sample-data/scenarios");
  /**
   * Fixed so that generatedAt (and anything dated from it) is the same on every run: a week after the
   * snapshot was collected, on or after the date of the newest price book rows (none may be dated after
   * the assessment that uses them).
   */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

  private SampleEstate() {}

  static Snapshot snapshot() {
    return Planning.readSnapshot(SNAPSHOT);
  }

  /** snapshot -> shipped rules -> bundled price book with default cost options. */
  static Assessment assess(Snapshot s) {
    return Costing.assess(s, Planning.plan(s, Planning.PlanRequest.defaults()), Costing.priceBook(null),
        CostOptions.defaults(), CLOCK);
  }
}
