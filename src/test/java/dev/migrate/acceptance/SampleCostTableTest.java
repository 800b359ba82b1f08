package dev.migrate.acceptance;

import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostSide;
import dev.migrate.cost.CostTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 on the real sample estate: the whole cost table (CURRENT and TARGET lines, totals by
 * service, missing prices) is a golden file, and every line can be traced and recomputed.
 */
class SampleCostTableTest {
  /** Lines are not rounded (CostLine); 1e-6 USD absorbs only the scale of a divided quantity. */
  private static final BigDecimal TOLERANCE_USD = new BigDecimal("0.000001");

  private static Assessment assessment;

  @BeforeAll
  static void assess() {
    assessment = SampleEstate.assess(SampleEstate.snapshot());
  }

  @Test
  void costTableOfTheSampleEstateIsAsRecorded() throws Exception {
    Golden.check("cost/tableapp-cost-table.csv", CostTable.csv(assessment));
  }

  @Test
  void theSameInputsGiveTheSameTable() {
    assertEquals(CostTable.csv(assessment), CostTable.csv(SampleEstate.assess(SampleEstate.snapshot())));
  }

  /**
   * quantity x unit price = monthly USD on every line. Free allowances and discounts are lines of
   * the same form (an allowance is the free quantity at USD 0; a sustained-use discount is the
   * on-demand USD x the negative discount rate; a reserved-instance credit is the covered hours x
   * the negative on-demand rate), so they must satisfy the identity too, and must have the sign
   * their name promises.
   */
  @Test
  void everyLineIsQuantityTimesUnitPrice() {
    List<String> bad = new ArrayList<>();
    for (CostLine l : lines()) {
      String id = l.phase() + " " + l.itemId() + " / " + l.component();
      if (l.unitPriceUsd() == null) {
        bad.add(id + ": no unit price");
        continue;
      }
      BigDecimal expected = l.quantity().multiply(l.unitPriceUsd());
      if (expected.subtract(l.monthlyUsd()).abs().compareTo(TOLERANCE_USD) > 0) {
        bad.add(id + ": " + l.quantity().toPlainString() + " x " + l.unitPriceUsd().toPlainString() + " = "
            + expected.toPlainString() + " but monthly is " + l.monthlyUsd().toPlainString());
      }
      if (l.component().contains("free allowance") && l.monthlyUsd().signum() != 0) {
        bad.add(id + ": an allowance line must cost USD 0, is " + l.monthlyUsd().toPlainString());
      }
      if ((l.component().contains("discount") || l.component().contains("covers the on-demand")
          || l.component().contains("covered by savings plan")) && l.monthlyUsd().signum() > 0) {
        bad.add(id + ": a discount or credit line must not add cost, is " + l.monthlyUsd().toPlainString());
      }
      if (!l.component().contains("discount") && !l.component().contains("covers the on-demand")
          && !l.component().contains("covered by savings plan") && l.monthlyUsd().signum() < 0) {
        bad.add(id + ": negative amount on a line that is not a discount or credit");
      }
    }
    assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
  }

  @Test
  void everyLineNamesItsPriceKeySourceAndDate() {
    List<String> bad = new ArrayList<>();
    for (CostLine l : lines()) {
      String id = l.phase() + " " + l.itemId() + " / " + l.component();
      if (l.priceKey() == null || l.priceKey().isBlank()) {
        bad.add(id + ": no price key");
      }
      if (l.priceSource() == null || l.priceSource().isBlank()) {
        bad.add(id + ": no price source");
      }
      if (l.priceAsOf() == null) {
        bad.add(id + ": no as-of date");
      } else if (l.priceAsOf().isAfter(assessment.generatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate())) {
        bad.add(id + ": price dated " + l.priceAsOf() + ", after the assessment");
      }
    }
    assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
  }

  @Test
  void bothSidesArePricedAndTheirTotalsAreTheSumOfTheirLines() {
    for (CostSide side : List.of(assessment.current(), assessment.target())) {
      assertFalse(side.lines().isEmpty(), side.phase() + " has no lines");
      BigDecimal sum = side.lines().stream().map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(0, sum.compareTo(side.monthlyUsd()), side.phase() + " total");
      BigDecimal byService = side.byService().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(0, byService.compareTo(side.monthlyUsd()), side.phase() + " total by service");
      assertTrue(side.monthlyUsd().signum() > 0, side.phase() + " total");
    }
    assertNotNull(assessment.requests(), "the sample measures requests, so cost per million requests is known");
  }

  private static List<CostLine> lines() {
    return Stream.concat(assessment.current().lines().stream(), assessment.target().lines().stream()).toList();
  }
}
