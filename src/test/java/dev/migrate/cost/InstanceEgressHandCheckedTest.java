package dev.migrate.cost;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.pricing.PriceBook;
import dev.migrate.testing.SnapshotBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Internet egress and public IPv4 addresses of instances with a public IPv4 address, from the inventory, when the
 * bill does not give them. The small us-east-1 estate (see {@link SmallEstate}, a 730-hour window) with i-004 given
 * the address 54.1.2.3 and 300 GiB of CloudWatch NetworkOut, and no bill; worked by hand:
 *
 * <pre>
 * AWS (us-east-1)                                        Google Cloud (us-east4)
 * egress: the pool already holds the NLB's 200 and the    Premium Tier, worldwide_ex_china_australia, after the
 *   classic ELB's 50 GB (the free 100 GB are used):         measured 250 GiB, tier 0-1,024 GiB: 300 x 0.12 = 36.00
 *   300 x 0.09 = 27.00
 * public IPv4 in use: 730 h x 0.005 = 3.65               external IP on a VM: 730 h x 0.005 = 3.65
 * </pre>
 */
class InstanceEgressHandCheckedTest {
  static Snapshot withPublicInstance(Billing bill) {
    Snapshot s = SmallEstate.snapshot();
    List<Ec2Instance> instances = new ArrayList<>();
    for (Ec2Instance i : s.instances()) {
      instances.add(!i.id().equals("i-004") ? i : new Ec2Instance(i.id(), i.region(), i.availabilityZone(),
          i.instanceType(), i.state(), i.platform(), i.architecture(), i.launchTime(), i.lifecycle(), i.tenancy(),
          i.vpcId(), i.autoScalingGroup(), i.volumeIds(), i.detailedMonitoring(), i.tags(), "54.1.2.3"));
    }
    List<Usage> usage = new ArrayList<>(s.usage());
    usage.add(SmallEstate.usage("i-004", "ec2", 300.0, null, null, null, null, null, null));
    return SnapshotBuilder.from(s).instances(instances).usage(usage).billing(bill).build();
  }

  static Assessment assess(Snapshot s) {
    return new CostModel(PriceBook.bundled()).assess(s, SmallEstate.plan(), CostOptions.defaults(),
        CostModelHandCheckedTest.CLOCK);
  }

  static BigDecimal sum(CostSide side, String itemId, String service) {
    return side.lines().stream().filter(l -> l.itemId().equals(itemId) && l.service().equals(service))
        .peek(l -> assertEquals(0, l.quantity().multiply(l.unitPriceUsd()).compareTo(l.monthlyUsd()), l::toString))
        .map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void withoutABillNetworkOutAndTheAddressArePricedOnBothSidesToTheCent() throws Exception {
    // through the snapshot's JSON, as a collected snapshot is read
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SnapshotJson.write(withPublicInstance(Billing.EMPTY), json);
    Snapshot read = SnapshotJson.read(new ByteArrayInputStream(json.toByteArray()), "test");
    assertEquals("54.1.2.3", read.instance("i-004").orElseThrow().publicIp());
    Assessment a = assess(read);
    Assessment base = assess(SnapshotBuilder.from(SmallEstate.snapshot()).billing(Billing.EMPTY).build());
    assertUsd("27.00", sum(a.current(), "i-004", "AWS Data Transfer"));
    assertUsd("36.00", sum(a.target(), "i-004", "Networking (internet egress)"));
    assertUsd("3.65", sum(a.current(), "i-004", "Amazon VPC"));
    assertUsd("3.65", sum(a.target(), "i-004", "Networking (external IP addresses)"));
    assertUsd("30.65", a.current().monthlyUsd().subtract(base.current().monthlyUsd()));
    assertUsd("39.65", a.target().monthlyUsd().subtract(base.target().monthlyUsd()));
    CostLine egress = a.current().lines().stream().filter(l -> l.itemId().equals("i-004")
        && l.service().equals("AWS Data Transfer")).findFirst().orElseThrow();
    assertTrue(egress.component().contains("assumed: all CloudWatch NetworkOut of an instance with a public IPv4 address"),
        egress.component());
  }

  /** A bill with internet egress by usage type and its own public IPv4 lines: nothing is added from the inventory. */
  @Test
  void aBillWithEgressAndAddressesIsTheSourceInstead() {
    Assessment a = assess(withPublicInstance(WholeBillHandCheckedTest.bill()));
    assertUsd("0", sum(a.current(), "i-004", "AWS Data Transfer"));
    assertUsd("0", sum(a.current(), "i-004", "Amazon VPC"));
    assertUsd("0", sum(a.target(), "i-004", "Networking (internet egress)"));
  }

  /** A bill by usage type without data-transfer-out lines: NetworkOut is priced, the address stays with the bill. */
  @Test
  void aBillWithoutEgressLinesUsesNetworkOut() {
    Assessment a = assess(withPublicInstance(MappedFamiliesTest.bill(WholeBillHandCheckedTest.line("AWS Key Management Service",
        "USE1-KMS-Keys", "1", "Keys", "1.00"))));
    assertUsd("27.00", sum(a.current(), "i-004", "AWS Data Transfer"));
    assertUsd("36.00", sum(a.target(), "i-004", "Networking (internet egress)"));
    assertUsd("0", sum(a.current(), "i-004", "Amazon VPC"));
    assertTrue(a.current().lines().stream().anyMatch(l -> l.component().contains("the bill has no data-transfer-out usage type")));
  }
}
