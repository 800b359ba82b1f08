package dev.migrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.Timeline;
import dev.migrate.cost.hybrid.Estates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfTest {

  @Test
  void bundledSampleScenariosRunAndAttachToTheAssessment() {
    Assessment base = Estates.tableapp();
    List<Timeline> timelines = WhatIf.runSample(base, dev.migrate.pricing.PriceBook.bundled(), List.of());
    assertEquals(List.of("lift-and-shift-fast", "gke-replatform-waves", "replatform-3y-doubled"),
        timelines.stream().map(Timeline::scenario).toList());
    Assessment with = WhatIf.withTimelines(base, timelines);
    assertEquals(3, with.timelines().size());
    assertEquals(base.current(), with.current());
    assertTrue(WhatIf.compare(timelines).startsWith("What-if comparison: 3 scenarios"));
  }

  @Test
  void scenarioProblemsBecomeOneFailureNamingEveryPlace(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.yaml");
    Files.writeString(a, "waves: [{name: x, month: 0, select: {tiers: [db]}}]\n");
    Path b = dir.resolve("b.yaml");
    Files.writeString(b, "timeline: {months: 1}\n");
    Failure f = assertThrows(Failure.class, () -> WhatIf.run(Estates.tableapp(), dev.migrate.pricing.PriceBook.bundled(), List.of(a, b), List.of()));
    assertEquals(Failure.Kind.INVALID_INPUT, f.kind());
    assertTrue(f.getMessage().contains(b + ":1:20: 'months' is 1, must be between 2 and 120"), f.getMessage());
    Failure g = assertThrows(Failure.class, () -> WhatIf.run(Estates.tableapp(), dev.migrate.pricing.PriceBook.bundled(), List.of(a), List.of()));
    assertTrue(g.getMessage().startsWith("scenario error: " + a + ":1:9: wave 'x' selects nothing in this estate"),
        g.getMessage());
    Failure h = assertThrows(Failure.class, () -> WhatIf.run(Estates.tableapp(), dev.migrate.pricing.PriceBook.bundled(), List.of(), List.of()));
    assertEquals(Failure.Kind.USAGE, h.kind());
    assertTrue(!f.getMessage().contains("\n"), "one line");
  }

  @Test
  void aBadOverrideIsReportedOnceThoughEveryScenarioHasIt() {
    Failure f = assertThrows(Failure.class,
        () -> WhatIf.runSample(Estates.tableapp(), dev.migrate.pricing.PriceBook.bundled(), List.of("traffic.growthPerMonthPct=abc")));
    assertEquals("scenario error: --set traffic.growthPerMonthPct=abc: 'growthPerMonthPct' must be a number, got 'abc'",
        f.getMessage());
  }
}
