package dev.migrate.cost.hybrid;

import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.Timeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped scenarios over the tableapp-shaped estate, compared side by side; the terminal
 * output is a golden file ({@code -Dgolden.update=true} rewrites it, a mismatch prints a diff).
 */
class ComparisonGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/whatif/comparison-tableapp.txt");
  private static final List<String> SHIPPED = List.of("lift-and-shift-fast", "gke-replatform-waves", "replatform-3y-doubled");

  @Test
  void shippedScenariosSideBySide() throws Exception {
    Assessment a = Estates.tableapp();
    List<Path> files = SHIPPED.stream().map(n -> Path.of("sample-data/scenarios", n + ".yaml")).toList();
    HybridModel model = HybridModel.of(a);
    List<Timeline> timelines = new ArrayList<>();
    for (Scenario s : ScenarioReader.readAll(files, List.of())) {
      timelines.add(TimelineEngine.project(model, s));
    }
    // Both ends of every scenario without growth or pricing choices agree with the steady state.
    Timeline fast = timelines.get(0);
    assertEquals(0, a.current().monthlyUsd().compareTo(fast.months().get(0).totalUsd()));
    String actual = Comparison.render(timelines);
    Golden.check(GOLDEN, actual);
  }

}
