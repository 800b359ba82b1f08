package dev.migrate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.CostOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostingTest {
  @Test
  void settingsBecomeOptions() {
    CostOptions o = Costing.options(CostOptions.defaults(), List.of("target-pricing=cud-1y", "gke-mode = standard"));
    assertEquals(CostOptions.TargetPricing.CUD_1Y, o.targetPricing());
    assertEquals(CostOptions.GkeMode.STANDARD, o.gkeMode());
  }

  @Test
  void badSettingsAreUsageFailures() {
    Failure f = assertThrows(Failure.class, () -> Costing.options(CostOptions.defaults(), List.of("hours-per-month=-1")));
    assertEquals(Failure.Kind.USAGE, f.kind());
    assertTrue(f.getMessage().startsWith("--cost-option hours-per-month=-1: cost option hours-per-month='-1'"), f.getMessage());
    assertEquals(Failure.Kind.USAGE, assertThrows(Failure.class, () -> Costing.options(CostOptions.defaults(), List.of("cud"))).kind());
  }

  @Test
  void aBrokenPriceBookIsInvalidInputWithFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pricebook.yaml"), "name: t\ndate: 2026-01-01\nfiles: [a.csv]\n");
    Files.writeString(dir.resolve("a.csv"), "provider,service\n");
    Failure f = assertThrows(Failure.class, () -> Costing.priceBook(dir));
    assertEquals(Failure.Kind.INVALID_INPUT, f.kind());
    assertTrue(f.getMessage().contains("a.csv:1: header must be"), f.getMessage());
  }
}
