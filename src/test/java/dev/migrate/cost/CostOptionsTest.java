package dev.migrate.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostOptionsTest {
  final CostOptions d = CostOptions.defaults();

  @Test
  void defaults() {
    assertEquals(CostOptions.TargetPricing.ON_DEMAND, d.targetPricing());
    assertEquals(0, BigDecimal.valueOf(730).compareTo(d.hoursPerMonth()));
    assertEquals(0, BigDecimal.TEN.compareTo(d.reconciliationThresholdPct()));
    assertEquals("app", d.appTagKey());
    assertEquals(3, d.growthMultiples().size());
    assertTrue(d.awsFreeTier());
  }

  @Test
  void optionsFromText() {
    CostOptions o = d.with("target-pricing", "cud-3y").with("gke-mode", "autopilot").with("growth", "1, 3, 10")
        .with("cache-hit-ratio", "0.8").with("app-tag", "service").with("aws-free-tier", "false");
    assertEquals(CostOptions.TargetPricing.CUD_3Y, o.targetPricing());
    assertEquals(CostOptions.GkeMode.AUTOPILOT, o.gkeMode());
    assertEquals(List.of(BigDecimal.ONE, new BigDecimal("3"), BigDecimal.TEN), o.growthMultiples());
    assertEquals("service", o.appTagKey());
    assertEquals(false, o.awsFreeTier());
    CostOptions spot = d.with("spot-share", "0.3");
    assertEquals(CostOptions.TargetPricing.SPOT_SHARE, spot.targetPricing());
  }

  @Test
  void badValuesNameTheOptionAndWhatIsAccepted() {
    var e = assertThrows(IllegalArgumentException.class, () -> d.with("target-pricing", "cheap"));
    assertEquals("cost option target-pricing='cheap': expected on-demand, spot-share, cud-1y or cud-3y", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.with("spot-share", "1.5"));
    assertTrue(e.getMessage().startsWith("cost option spot-share='1.5': expected a number from 0 to 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.with("waf-rules-per-acl", "-1"));
    assertTrue(e.getMessage().startsWith("cost option waf-rules-per-acl='-1': expected a whole number of rules, 0 or more"),
        e.getMessage());
    assertEquals(1, d.wafRulesPerAcl(), "default: one rule per web ACL");
    assertEquals(5, d.with("waf-rules-per-acl", "5").wafRulesPerAcl());
    e = assertThrows(IllegalArgumentException.class, () -> d.with("colour", "blue"));
    assertTrue(e.getMessage().startsWith("unknown option 'colour'"), e.getMessage());
  }

  @Test
  void builderChangesOnlyWhatItIsToldAndChecksOnBuild() {
    assertEquals(d, CostOptions.builder().build());
    assertEquals(d, d.toBuilder().build());
    CostOptions o = d.toBuilder().gkeMode(CostOptions.GkeMode.STANDARD).hoursPerMonth(BigDecimal.valueOf(720)).build();
    assertEquals(CostOptions.GkeMode.STANDARD, o.gkeMode());
    assertEquals(BigDecimal.valueOf(720), o.hoursPerMonth());
    assertEquals(d.growthMultiples(), o.growthMultiples());
    assertEquals(o, o.toBuilder().build(), "every field is carried over");
    assertEquals(BigDecimal.valueOf(730), d.hoursPerMonth(), "the options it started from are unchanged");
    var e = assertThrows(IllegalArgumentException.class, () -> d.toBuilder().hoursPerMonth(BigDecimal.ZERO).build());
    assertEquals("hours per month must be positive, was 0", e.getMessage());
  }
}
