package dev.migrate.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.CostLine.Driver;
import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The pricers say what drives each line and which machine it charges, so nothing later reads labels. */
class CostLineDriverTest {
  private static Assessment assess(CostOptions options) {
    return new CostModel(PriceBook.bundled()).assess(SmallEstate.snapshot(), SmallEstate.plan(), options,
        CostModelHandCheckedTest.CLOCK);
  }

  private static List<CostLine> lines(CostSide side, Predicate<CostLine> p) {
    List<CostLine> out = side.lines().stream().filter(p).toList();
    assertTrue(!out.isEmpty(), "no line matched in " + side.phase());
    return out;
  }

  @Test
  void awsLinesCarryTheirDriver() {
    Assessment a = assess(CostOptions.defaults());
    for (CostLine l : lines(a.current(), l -> l.priceKey().startsWith("aws/ec2/") && l.monthlyUsd().signum() > 0)) {
      assertEquals(Driver.COMPUTE_ON_DEMAND, l.driver(), l.component());
      assertTrue(l.priceKey().startsWith("aws/ec2/" + l.machineType() + ":"), l.priceKey() + " charges " + l.machineType());
    }
    for (CostLine l : lines(a.current(), l -> l.priceKey().contains("lcu-hour"))) {
      assertEquals(Driver.TRAFFIC, l.driver(), "capacity units follow traffic: " + l.component());
    }
    for (CostLine l : lines(a.current(), l -> l.priceKey().startsWith("aws/elb/") && l.priceKey().contains(":hour/"))) {
      assertEquals(Driver.FIXED, l.driver(), l.component());
      assertNull(l.machineType());
    }
    for (CostLine l : lines(a.current(), l -> l.priceKey().startsWith("aws/ebs/"))) {
      assertEquals(Driver.STORAGE, l.driver(), l.component());
    }
  }

  @Test
  void googleCloudMachineHoursCarryTheirMachineTypeAndHowTheyAreBought() {
    Assessment onDemand = assess(CostOptions.defaults());
    for (CostLine l : lines(onDemand.target(), l -> l.priceKey().contains(":ondemand/"))) {
      assertEquals(Driver.COMPUTE_ON_DEMAND, l.driver(), l.component());
      assertTrue(l.priceKey().startsWith("gcp/compute/" + l.machineType() + ":"), l.priceKey() + " charges " + l.machineType());
    }
    for (CostLine l : lines(onDemand.target(), l -> l.priceKey().startsWith("gcp/compute/sud:"))) {
      assertEquals(Driver.SUSTAINED_USE, l.driver(), l.component());
      assertTrue(l.monthlyUsd().signum() < 0 && l.machineType() != null, l.component());
    }
    Assessment committed = assess(CostOptions.defaults().toBuilder().targetPricing(CostOptions.TargetPricing.CUD_3Y).build());
    for (CostLine l : lines(committed.target(), l -> l.priceKey().contains(":cud-3y/"))) {
      assertEquals(Driver.COMMITTED, l.driver(), l.component());
      assertTrue(l.machineType() != null, l.component());
    }
    Assessment spot = assess(CostOptions.defaults().toBuilder()
        .targetPricing(CostOptions.TargetPricing.SPOT_SHARE).spotShare(new BigDecimal("0.5")).build());
    for (CostLine l : lines(spot.target(), l -> l.priceKey().contains(":spot/"))) {
      assertEquals(Driver.COMPUTE_SPOT, l.driver(), l.component());
    }
  }

  @Test
  void trafficAndRequestLinesAreTrafficDriven() {
    Assessment a = assess(CostOptions.defaults());
    for (CostSide side : List.of(a.current(), a.target())) {
      for (CostLine l : side.lines()) {
        boolean bytesOrRequests = l.unit() != null && (l.unit().equals("GB") || l.unit().equals("GiB")
            || l.unit().contains("request") || l.unit().contains("operations"));
        if (bytesOrRequests) {
          assertTrue(l.driver().traffic(), l.service() + " " + l.component() + " is " + l.driver());
        }
      }
    }
  }
}
