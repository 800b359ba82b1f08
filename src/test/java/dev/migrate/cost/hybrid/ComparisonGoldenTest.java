package dev.migrate.cost.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.Timeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    compare(actual);
  }

  static void compare(String actual) throws Exception {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(GOLDEN)) {
      fail("golden file " + GOLDEN + " is missing; run with -Dgolden.update=true to create it");
    }
    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail("comparison differs from " + GOLDEN + " (-Dgolden.update=true rewrites it):\n" + diff(expected, actual));
    }
  }

  private static String diff(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<none>";
      String al = i < a.length ? a[i] : "<none>";
      if (!el.equals(al)) {
        out.append("line ").append(i + 1).append(":\n- ").append(el).append("\n+ ").append(al).append('\n');
      }
    }
    return out.toString();
  }
}
