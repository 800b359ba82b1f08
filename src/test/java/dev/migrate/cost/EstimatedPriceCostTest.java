package dev.migrate.cost;

import static dev.migrate.cost.CostModelHandCheckedTest.CLOCK;
import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.pricing.PriceBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small estate with its web workload on GKE Autopilot in us-east4, priced by hand. The book has
 * Autopilot Pod prices for us-central1 only: us-east4 gets them from us-central1 (the nearest
 * region with the price; 1,605 km), marked estimated, and they count in the Google Cloud total.
 */
class EstimatedPriceCostTest {
  final CostModel model = new CostModel(PriceBook.bundled());
  final Assessment standard = model.assess(SmallEstate.snapshot(), SmallEstate.plan(), CostOptions.defaults(), CLOCK);
  final Assessment autopilot = model.assess(SmallEstate.snapshot(), SmallEstate.plan(),
      CostOptions.defaults().toBuilder().gkeMode(CostOptions.GkeMode.AUTOPILOT).build(), CLOCK);

  List<CostLine> lines(Assessment a, String componentStart) {
    return a.target().lines().stream().filter(l -> l.component().startsWith(componentStart)).toList();
  }

  @Test
  void autopilotInUsEast4IsEstimatedFromUsCentral1AndCounted() {
    CostLine vcpu = lines(autopilot, "Autopilot Pod vCPU").get(0);
    CostLine mem = lines(autopilot, "Autopilot Pod memory").get(0);
    // 4 replicas x 0.5 vCPU x 730 h = 1,460 vCPU-h x 0.0445 = 64.97
    assertUsd("1460", vcpu.quantity());
    assertUsd("64.97", vcpu.monthlyUsd());
    // 4 replicas x 2 GiB x 730 h = 5,840 GiB-h x 0.0049225 = 28.7474
    assertUsd("28.7474", mem.monthlyUsd());
    for (CostLine l : List.of(vcpu, mem)) {
      assertTrue(l.estimated(), l::toString);
      assertTrue(l.priceKey().endsWith("/us-east4"), "the key asked for: " + l.priceKey());
      assertTrue(l.priceSource().startsWith("estimated from us-central1 (nearest region with this price, 1,605 km away; factor 1: "
          + "no regional factor published by the provider for this price); GKE pricing page"), l.priceSource());
    }
    assertTrue(autopilot.missingPrices().stream().noneMatch(m -> m.priceKey().contains("autopilot")), "no hole: estimated, not missing");
    // estimated share: 64.97 + 28.7474 = 93.7174, inside the total
    assertUsd("93.7174", autopilot.target().estimatedUsd());
    assertEquals(2, autopilot.target().estimatedLines());
    // the total is the standard-mode total without the node pool (VM hours 159.69188, SUD -31.938376, boot disks 22)
    // plus the Autopilot Pods: 611.0712026 - 149.753504 + 93.7174 = 555.0350986, plus the bill's Tax line
    // of 5.00 that no model covers, carried on both sides
    assertUsd("560.0350986", autopilot.target().monthlyUsd());
  }

  @Test
  void pricesTheBookHasAreNotEstimates() {
    assertUsd("0", standard.target().estimatedUsd());
    assertUsd("0", standard.current().estimatedUsd());
    assertFalse(standard.target().lines().stream().anyMatch(CostLine::estimated));
  }

  @Test
  void aPriceNoRegionHasStaysMissingNotZero() {
    // Spot Autopilot has us-central1 prices too (estimated); committed-use Autopilot has none anywhere.
    Assessment cud = model.assess(SmallEstate.snapshot(), SmallEstate.plan(),
        CostOptions.defaults().toBuilder().gkeMode(CostOptions.GkeMode.AUTOPILOT)
            .targetPricing(CostOptions.TargetPricing.CUD_1Y).build(), CLOCK);
    assertTrue(cud.missingPrices().stream().anyMatch(m -> m.priceKey().equals("gcp/gke/autopilot-vcpu:cud-1y/us-east4")),
        cud.missingPrices()::toString);
    assertTrue(lines(cud, "Autopilot Pod vCPU").isEmpty());
  }
}
