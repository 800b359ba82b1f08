package dev.migrate.cost;

import dev.migrate.testing.SnapshotBuilder;
import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.Snapshot;
import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reserved instances and savings plans with Cost Explorer's coverage, on the small estate worked
 * by hand (us-east-1, m5.large on demand USD 0.096/h, 730 h a month). The estate runs i-001 and
 * i-002 (m5.large); RI ri-1 covers i-001. This test adds savings plan sp-1 (USD 0.05/h) and
 * Cost Explorer figures for October 2026 (744 h), so every Cost Explorer sum is scaled by 730/744.
 *
 * <pre>
 * October, as Cost Explorer reports it          per model month (x 730/744)
 *   SP covered on-demand value   55.80 USD        54.75  (55.80 / 744 = 0.075 x 730)
 *   SP commitment                37.20            36.50  (= 730 h x 0.05, the snapshot's fee)
 *   SP used commitment           33.48 (90%)      32.85
 *   SP unused commitment          3.72            3.65
 *   SP net savings               18.60            18.25  (covered 54.75 - commitment 36.50)
 *   RI reserved hours (m5.large) 744 h            730 h  (the model covers i-001: 730 h)
 * </pre>
 */
class CommitmentCoverageTest {
  static final YearMonth OCT = YearMonth.of(2026, 10);
  final CostModel model = new CostModel(PriceBook.bundled());

  static Commitment savingsPlan(String state) {
    return new Commitment("savings-plan", "sp-1", null, null, null, 1, Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2029-01-01T00:00:00Z"), BigDecimal.ZERO, new BigDecimal("0.05"), "Compute", state);
  }

  static Coverage.ReservedInstances ri(List<Coverage.Group> groups) {
    BigDecimal reserved = groups.stream().map(Coverage.Group::reservedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = groups.stream().map(Coverage.Group::totalRunningHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Coverage.ReservedInstances(null, reserved, total.subtract(reserved), total, null, groups);
  }

  static Coverage.Group group(String type, String region, String reserved, String total) {
    return new Coverage.Group(type, region, null, new BigDecimal(reserved),
        new BigDecimal(total).subtract(new BigDecimal(reserved)), new BigDecimal(total), null);
  }

  static final Coverage.ReservedInstances RI_OCT = ri(List.of(group("m5.large", "us-east-1", "744", "1488")));
  static final Coverage.SavingsPlans SP_OCT = new Coverage.SavingsPlans(new BigDecimal("78.125"), new BigDecimal("55.80"),
      new BigDecimal("15.624"), new BigDecimal("71.424"), new BigDecimal("90"), new BigDecimal("37.20"),
      new BigDecimal("33.48"), new BigDecimal("3.72"), new BigDecimal("18.60"));

  static Snapshot with(List<Commitment> extra, Coverage coverage) {
    Snapshot s = SmallEstate.snapshot();
    List<Commitment> c = new ArrayList<>(s.commitments());
    c.addAll(extra);
    return SnapshotBuilder.from(s).commitments(c).coverage(coverage).webAcls(List.of()).collection(null).build();
  }

  Assessment assess(Snapshot s) {
    return model.assess(s, SmallEstate.plan(), CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
  }

  static BigDecimal sum(CostSide side, String service, String itemId) {
    return side.lines().stream().filter(l -> l.service().equals(service) && l.itemId().equals(itemId))
        .map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static CostLine line(CostSide side, String itemId, String componentStart) {
    List<CostLine> found = side.lines().stream()
        .filter(l -> l.itemId().equals(itemId) && l.component().startsWith(componentStart)).toList();
    assertEquals(1, found.size(), () -> itemId + " / " + componentStart + " in " + side.lines());
    CostLine l = found.get(0);
    assertEquals(0, l.quantity().multiply(l.unitPriceUsd()).compareTo(l.monthlyUsd()), l::toString);
    assertNotNull(l.priceSource());
    assertNotNull(l.priceAsOf());
    return l;
  }

  @Test
  void savingsPlanDiscountFromCostExplorerLowersTodaysCostByTheNetSaving() {
    Assessment a = assess(with(List.of(savingsPlan("active")), new Coverage(OCT, OCT, RI_OCT, SP_OCT)));
    CostSide c = a.current();
    // The commitment is charged once, from the snapshot's plan: 730 h x 0.05 = 36.50, split by utilisation 90%.
    CostLine used = line(c, "sp-1", "savings plan hourly commitment, used");
    assertUsd("657", used.quantity());                     // 730 h x 33.48/37.20
    assertUsd("32.85", used.monthlyUsd());                 // 657 h x 0.05
    CostLine unused = line(c, "sp-1", "savings plan hourly commitment, unused");
    assertUsd("73", unused.quantity());                    // 730 - 657
    assertUsd("3.65", unused.monthlyUsd());                // 73 h x 0.05
    assertUsd("36.50", c.byService().get("Savings Plans")); // 32.85 + 3.65: Cost Explorer's 37.20 is not charged again
    // EC2 loses the covered on-demand value, 54.75 a month, in two lines (USD at unit price -1).
    CostLine oneToOne = line(c, "savings-plans", "on-demand EC2 usage covered by savings plans, 1:1");
    assertUsd("-32.85", oneToOne.monthlyUsd());            // 33.48 x 730/744
    assertTrue(oneToOne.priceSource().contains("Cost Explorer") && oneToOne.priceSource().contains("2026-10..2026-10"),
        oneToOne.priceSource());
    CostLine discount = line(c, "savings-plans", "savings-plan discount");
    assertUsd("-21.90", discount.monthlyUsd());            // 54.75 - 32.85
    assertTrue(discount.component().endsWith("2026-10..2026-10"), discount.component());
    assertTrue(discount.priceSource().startsWith("Cost Explorer savings plan coverage 2026-10..2026-10"), discount.priceSource());
    // EC2 before savings plans (CostModelHandCheckedTest): 128.188 = 2 x 70.08 - 70.08 (RI) + 21.90 + 21.90 (RI charges)
    // + 14.308 (the Windows t3.micro, 730 h x 0.0196)
    assertUsd("73.438", c.byService().get("Amazon EC2"));  // 128.188 - 32.85 - 21.90
    // EC2 + Savings Plans = 109.938 = 128.188 - 18.25: exactly Cost Explorer's net savings per month.
    assertUsd("109.938", c.byService().get("Amazon EC2").add(c.byService().get("Savings Plans")));
    assertTrue(a.warnings().stream().noneMatch(w -> w.contains("discount rates are not collected")), a.warnings()::toString);

    CommitmentCoverage cc = a.commitmentCoverage();
    assertEquals("2026-10", cc.months());
    assertUsd("744", cc.periodHours());
    CommitmentCoverage.SavingsPlans sp = cc.savingsPlans();
    assertTrue(sp.applied());
    assertUsd("54.75", sp.coveredUsd());
    assertUsd("36.50", sp.commitmentUsd());
    assertUsd("32.85", sp.usedCommitmentUsd());
    assertUsd("3.65", sp.unusedCommitmentUsd());
    assertUsd("18.25", sp.netSavingsUsd());
    assertUsd("18.25", sp.modelledSavingUsd());            // 54.75 taken off EC2 - 36.50 charged
    assertUsd("78.125", sp.coveragePct());
    // RI: i-001 saves 70.08 a month and costs 21.90 recurring + 21.90 upfront spread.
    assertUsd("26.28", cc.reservedInstances().modelledSavingUsd());
    assertUsd("730", cc.reservedInstances().reservedHours());
    assertUsd("730", cc.reservedInstances().modelledReservedHours());
    assertFalse(cc.reservedInstances().flagged());
  }

  @Test
  void withoutCoverageSavingsPlansAreCoveredOneToOneWithAWarning() {
    Assessment a = assess(with(List.of(savingsPlan("active")), null));
    CostSide c = a.current();
    assertUsd("36.50", line(c, "sp-1", "savings plan hourly commitment").monthlyUsd()); // 730 h x 0.05
    assertUsd("-36.50", line(c, "sp-1", "on-demand EC2 usage covered by savings plan (1:1").monthlyUsd());
    assertUsd("128.188", c.byService().get("Amazon EC2").add(c.byService().get("Savings Plans"))); // no saving modelled
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("sp-1: its discount rates are not collected")));
    assertNull(a.commitmentCoverage());
  }

  /**
   * Without coverage figures, plans cover 1:1 only what the RI does not and what earlier plans
   * left: "sp-0" sorts before the RI "ri-1" but is applied after it. The RI covers i-001; i-002's
   * 730 h x 0.096 = 70.08 and the Windows i-004's 730 h x 0.0196 = 14.308 are left (84.388): sp-0
   * covers 36.50 of it, sp-1 another 36.50, and 11.388 stays on demand.
   */
  @Test
  void withoutCoveragePlansCoverOnlyWhatNoRiOrEarlierPlanCovers() {
    Commitment sp0 = new Commitment("savings-plan", "sp-0", null, null, null, 1, Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2029-01-01T00:00:00Z"), BigDecimal.ZERO, new BigDecimal("0.05"), "Compute", "active");
    CostSide c = assess(with(List.of(sp0, savingsPlan("active")), null)).current();
    assertUsd("-70.08", line(c, "i-001", "reserved instance ri-1").monthlyUsd());
    assertUsd("-36.50", line(c, "sp-0", "on-demand EC2 usage covered by savings plan (1:1").monthlyUsd());
    assertUsd("-36.50", line(c, "sp-1", "on-demand EC2 usage covered by savings plan (1:1").monthlyUsd());
  }

  @Test
  void coveredValueIsCappedAtTheOnDemandCostNoReservedInstanceCovers() {
    // Cost Explorer says 200 USD were covered in October (Fargate or instances of other accounts too):
    // per month 200 x 730/744 = 196.24, but only i-002 (730 h x 0.096 = 70.08) and the Windows i-004
    // (730 h x 0.0196 = 14.308) are on demand here: 84.388.
    var sp = new Coverage.SavingsPlans(null, new BigDecimal("200"), BigDecimal.ZERO, new BigDecimal("200"),
        new BigDecimal("100"), new BigDecimal("37.20"), new BigDecimal("37.20"), BigDecimal.ZERO, new BigDecimal("162.80"));
    Assessment a = assess(with(List.of(savingsPlan("active")), new Coverage(OCT, OCT, null, sp)));
    CostSide c = a.current();
    assertUsd("-36.50", line(c, "savings-plans", "on-demand EC2 usage covered by savings plans, 1:1").monthlyUsd());
    assertUsd("-47.888", line(c, "savings-plans", "savings-plan discount").monthlyUsd()); // 84.388 - 36.50
    assertTrue(c.lines().stream().noneMatch(l -> l.component().contains("unused")), "100% used: no unused line");
    assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("savings plans: Cost Explorer's covered on-demand value")
        && w.contains("84.39")), a.warnings()::toString);
    assertUsd("47.888", a.commitmentCoverage().savingsPlans().modelledSavingUsd()); // 84.388 - 36.50
    assertNull(a.commitmentCoverage().reservedInstances());
  }

  @Test
  void planOfAnotherAccountIsChargedAtCostExplorersCommitment() {
    // No plan in the snapshot, yet Cost Explorer saw coverage: charge its commitment (36.50 a month).
    Assessment a = assess(with(List.of(), new Coverage(OCT, OCT, null, SP_OCT)));
    CostSide c = a.current();
    assertUsd("32.85", line(c, "savings-plans", "savings plan commitment, used").monthlyUsd());
    assertUsd("3.65", line(c, "savings-plans", "savings plan commitment, unused").monthlyUsd());
    assertUsd("-54.75", sum(c, "Amazon EC2", "savings-plans"));  // -32.85 - 21.90
    assertUsd("18.25", a.commitmentCoverage().savingsPlans().modelledSavingUsd());
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("no active plan")), a.warnings()::toString);
  }

  @Test
  void reservedInstanceHoursThatTheModelCannotExplainRaiseAWarningNamingTypeAndRegion() {
    // Cost Explorer: besides i-001's 744 h, an m5.xlarge in eu-west-1 ran on a reservation all October
    // (an RI shared from another account, or a regional RI of another size): 744 h -> 730 h per month.
    var groups = List.of(group("m5.large", "us-east-1", "744", "1488"), group("m5.xlarge", "eu-west-1", "744", "744"));
    Assessment a = assess(with(List.of(), new Coverage(OCT, OCT, ri(groups), null)));
    CommitmentCoverage.ReservedInstances r = a.commitmentCoverage().reservedInstances();
    assertUsd("1460", r.reservedHours());                  // (744 + 744) x 730/744
    assertUsd("730", r.modelledReservedHours());
    assertTrue(r.flagged());
    assertEquals(List.of(false, true), r.groups().stream().map(CommitmentCoverage.Group::flagged).toList());
    assertUsd("-730", r.groups().get(1).differenceHours());
    String w = a.warnings().stream().filter(x -> x.startsWith("reserved instances:")).findFirst().orElseThrow();
    assertTrue(w.contains("m5.xlarge in eu-west-1 (Cost Explorer 730 h, modelled 0 h)"), w);
    assertTrue(w.contains("1460 reserved instance-hours per month in 2026-10..2026-10, the model covers 730"), w);
    assertFalse(w.contains("m5.large"), w);
  }

  @Test
  void aDifferenceWithinTheThresholdIsNoWarning() {
    // 700 of 744 h reserved: 686.02 h per month against 730 modelled, 6% apart (threshold 10%).
    var groups = List.of(group("m5.large", "us-east-1", "700", "1488"));
    Assessment a = assess(with(List.of(), new Coverage(OCT, OCT, ri(groups), null)));
    assertFalse(a.commitmentCoverage().reservedInstances().flagged());
    assertTrue(a.warnings().stream().noneMatch(x -> x.startsWith("reserved instances:")), a.warnings()::toString);
  }

  @Test
  void costExplorerGroupedByTypeOnlyIsComparedByType() {
    var groups = List.of(group("m5.large", "*", "1488", "1488"));
    Assessment a = assess(with(List.of(), new Coverage(OCT, OCT, ri(groups), null)));
    CommitmentCoverage.ReservedInstances r = a.commitmentCoverage().reservedInstances();
    assertEquals(1, r.groups().size());
    assertEquals("*", r.groups().get(0).region());
    assertTrue(r.flagged(), "1460 h reserved, 730 h modelled");
    assertTrue(a.warnings().stream().anyMatch(x -> x.contains("m5.large in all regions")), a.warnings()::toString);
  }
}
