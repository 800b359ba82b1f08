package dev.migrate.cost.hybrid;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Timeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Interconnect link priced from the bundled price book when the scenario gives no quote, worked by
 * hand on the web + load balancer estate of {@link TimelineEngineTest} (asia-northeast1): in month 1 the
 * web tier runs on Google Cloud and its 730 GiB of responses per month cross the link to the load
 * balancer still on AWS.
 */
class InterconnectFromBookTest {
  private static final String SCENARIO = """
      name: web-first
      timeline: {start: 2027-01, months: 2}
      migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 2}
      waves:
        - name: web
          month: 0
          select: {tiers: [web]}
      """;

  private static Timeline project(String link, String... sets) throws ScenarioException {
    Scenario s = ScenarioReader.parse(SCENARIO + link, "test.yaml", List.of(sets));
    return TimelineEngine.project(HybridModel.of(Estates.webAndLb(List.of(), 720)), s);
  }


  @Test
  void aPriceBookGivenWithPriceBookReachesTheLink(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // the bundled book written out with the 10 Gbps circuit at 3.00 USD/h instead of 2.328, as --price-book reads it
    dev.migrate.pricing.PriceBookWriter.write(dev.migrate.pricing.PriceBook.bundled(), dir);
    java.nio.file.Path file = dir.resolve("gcp/interconnect.csv");
    String text = java.nio.file.Files.readString(file);
    assertTrue(text.contains("gcp,interconnect,dedicated-10g,all,,,2.328,"), "the bundled circuit row");
    java.nio.file.Files.writeString(file, text.replace("gcp,interconnect,dedicated-10g,all,,,2.328,",
        "gcp,interconnect,dedicated-10g,all,,,3.00,"));
    var book = dev.migrate.pricing.PriceBook.load(dir);
    Scenario s = ScenarioReader.parse(SCENARIO + "link: {type: dedicated-interconnect, capacityGbps: 10}\n", "test.yaml",
        List.of());
    Timeline t = TimelineEngine.project(HybridModel.of(Estates.webAndLb(List.of(), 720), book), s);
    // (3.00 + 0.10 VLAN attachment) USD/h x 730 h
    assertUsd("2263.00", t.months().get(1).linkUsd(), "link");
  }

  @Test
  void dedicatedInterconnectIsPricedFromTheBook() throws Exception {
    Timeline t = project("link: {type: dedicated-interconnect, capacityGbps: 10}\n");
    Timeline.Month m1 = t.months().get(1);
    // One 10 Gbps circuit x 2.328 + one VLAN attachment (up to 10 Gbps class) x 0.10 = 2.428 USD/h x 730 h.
    assertUsd("1772.44", m1.linkUsd(), "link");
    // 730 GiB from Google Cloud to AWS through the Interconnect in asia-northeast1 x 0.042 USD/GiB.
    assertUsd("30.66", m1.interCloudTrafficUsd(), "inter-cloud traffic");
    assertUsd("0", t.months().get(0).linkUsd(), "no link before anything runs on Google Cloud");
    // The assumptions show where the link price comes from.
    assertTrue(t.assumptions().stream().anyMatch(a -> a.name().equals("Interconnect, USD/hour (Google Cloud side, price book)")
        && a.value().equals("2.428") && a.source().startsWith("1 x 10 Gbps circuit x 2.328 + 1 x VLAN attachment")),
        t.assumptions()::toString);
    assertTrue(t.assumptions().stream().anyMatch(a -> a.name().startsWith("Dedicated Interconnect 10 Gbps circuit, USD/hour")
        && a.value().equals("2.328") && a.source().contains("cloud.google.com/network-connectivity/docs/interconnect/pricing")),
        t.assumptions()::toString);
    assertTrue(t.assumptions().stream().anyMatch(a -> a.name().startsWith("Cloud Interconnect data transfer out")
        && a.value().equals("0.042") && a.source().contains("interconnect/pricing")), t.assumptions()::toString);
    // AWS's side is not in the book: said, not counted.
    assertTrue(t.warnings().stream().anyMatch(w -> w.startsWith("MISSING PRICE: AWS Direct Connect port-hours")), t.warnings()::toString);
    assertTrue(t.warnings().stream().anyMatch(w -> w.startsWith("MISSING PRICE: AWS Direct Connect data transfer out")),
        t.warnings()::toString);
  }

  @Test
  void largerCapacityTakesMoreCircuitsAndBiggerAttachments() throws Exception {
    // 30 Gbps: 3 x 10 Gbps circuits x 2.328 + 1 x 50 Gbps-class attachment x 0.50 = 7.484 USD/h x 730 h.
    assertUsd("5463.32", project("link: {type: dedicated-interconnect, capacityGbps: 30}\n").months().get(1).linkUsd(), "30 Gbps");
    // 200 Gbps: 2 x 100 Gbps circuits x 23.28 + 4 x 50 Gbps attachments x 0.50 = 48.56 USD/h x 730 h.
    assertUsd("35448.8", project("link: {type: dedicated-interconnect, capacityGbps: 200}\n").months().get(1).linkUsd(), "200 Gbps");
  }

  @Test
  void scenarioValuesStillOverrideTheBook() throws Exception {
    Timeline t = project("link: {type: dedicated-interconnect, capacityGbps: 10, hourlyUsd: 5, egressUsdPerGib: 0.02}\n");
    Timeline.Month m1 = t.months().get(1);
    assertUsd("3650", m1.linkUsd(), "link: 5 USD/h x 730 h");
    assertUsd("14.6", m1.interCloudTrafficUsd(), "730 GiB x 0.02");
    assertTrue(t.warnings().stream().noneMatch(w -> w.contains("Direct Connect")), t.warnings()::toString);
  }

  @Test
  void partnerInterconnectAndUnsourcedRegionsAreMissingNotZero() throws Exception {
    Timeline partner = project("link: {type: partner-interconnect, capacityGbps: 1}\n");
    assertUsd("0", partner.months().get(1).linkUsd(), "partner attachment not counted");
    assertTrue(partner.warnings().stream().anyMatch(w -> w.startsWith("MISSING PRICE: Partner Interconnect VLAN attachment")),
        partner.warnings()::toString);
    assertUsd("30.66", partner.months().get(1).interCloudTrafficUsd(), "egress still from the book: 730 GiB x 0.042");
    // North America Interconnect egress is not in the stored copies of the page.
    Timeline us = project("targetRegion: us-central1\nlink: {type: dedicated-interconnect, capacityGbps: 10}\n");
    assertTrue(us.warnings().stream().anyMatch(w -> w.startsWith("MISSING PRICE: Cloud Interconnect data transfer out in us-central1")),
        us.warnings()::toString);
    assertUsd("0", us.months().get(1).interCloudTrafficUsd(), "not counted");
  }
}
