package dev.migrate.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The refresh family table against the bundled book: what it names exists, in the book's units. */
class RefreshFamiliesTest {
  private static final Set<String> HAND_KEPT = Set.of("aws/waf", "gcp/interconnect", "aws/vpc", "aws/direct-connect", "gcp/dns",
      // managed databases and caches: no refresh family yet, their rows stay as the book has them
      "aws/rds", "aws/aurora", "aws/elasticache", "gcp/cloudsql", "gcp/memorystore", "gcp/alloydb",
      // the what-if's AWS VPN connection fee and Compute Engine commitment, Spot and regional factors: kept by hand
      "aws/vpn", "gcp/compute-factor",
      // Cloud Logging and Cloud KMS rows for mapped bill lines: kept by hand
      "gcp/logging", "gcp/kms");
  private final RefreshFamilies table = RefreshFamilies.bundled();

  @Test
  void everyFamilyOfTheBundledBookIsRefreshedInTheBooksOwnUnit() {
    PriceBook book = PriceBook.bundled();
    Map<String, Integer> covered = new TreeMap<>();
    List<String> wrongUnit = new ArrayList<>();
    for (Price p : book.prices()) {
      Optional<String> family = table.familyOf(p.key());
      String service = p.key().provider() + "/" + p.key().service();
      covered.merge(service, family.isPresent() ? 1 : 0, Integer::sum);
      String unit = family.map(table::unitOf).orElse(null);
      if (unit != null && !unit.equals(p.unit())) {
        wrongUnit.add(p.key() + " is per " + p.unit() + " in the book, " + family.get() + " fills " + unit);
      }
    }
    assertEquals(List.of(), wrongUnit);
    // every service of the book has refreshed keys, but for the hand-kept ones the price book
    // README names (AWS WAF, Cloud Interconnect, Amazon VPC public IPv4 / NAT, AWS Direct Connect, Cloud DNS): their rows stay as they are, "not refreshed"
    covered.forEach((service, n) -> assertTrue(n > 0 || HAND_KEPT.contains(service), service + " has no refresh family"));
    HAND_KEPT.forEach(service -> assertTrue(covered.containsKey(service), service + " is no longer in the book"));
  }

  @Test
  void everyFamilyUnitHasAConversionAndEveryKeyTemplateIsAKey() {
    Set<String> ids = new HashSet<>();
    for (var f : table.aws()) {
      assertTrue(ids.add(f.id()), "duplicate id " + f.id());
      assertFalse(table.apiUnitsFor(f.unit()).isEmpty(), f.id() + ": no API unit converts into " + f.unit());
      f.keys().forEach(k -> assertEquals(3, RefreshFamilies.stripAggregate(k).split("/").length, f.id() + ": " + k));
    }
    for (var f : table.gcp()) {
      assertTrue(ids.add(f.id()), "duplicate id " + f.id());
      if (!f.keys().isEmpty()) {
        assertFalse(table.apiUnitsFor(f.unit()).isEmpty(), f.id() + ": no API unit converts into " + f.unit());
      }
      f.keys().forEach(k -> assertEquals(3, RefreshFamilies.stripAggregate(k).split("/").length, f.id() + ": " + k));
    }
  }

  @Test
  void likePatternsMatchAsTheReferenceMappingDoes() {
    var f = RefreshFamilies.like("Storage PD Capacity%");
    assertTrue(f.matcher("Storage PD Capacity in Frankfurt").matches());
    assertTrue(f.matcher("storage pd capacity").matches()); // LIKE is case-insensitive
    assertFalse(f.matcher("Regional Storage PD Capacity in Frankfurt").matches()); // anchored at the start
    var m = RefreshFamilies.like("Networking Cloud CDN Traffic Cache Data Transfer to {dest}").matcher(
        "Networking Cloud CDN Traffic Cache Data Transfer to Latin America");
    assertTrue(m.matches());
    assertEquals("Latin America", m.group("dest"));
  }

  @Test
  void unitFactorsAndTemplates() {
    assertEquals(0, new BigDecimal("730").compareTo(table.factor("GiBy.h", "GiB-month", 730).orElseThrow()));
    assertEquals(0, new BigDecimal("0.0009765625").compareTo(table.factor("GiBps-mo", "MiBps-month", 730).orElseThrow()));
    assertTrue(table.factor("GiBy", "hour", 730).isEmpty());
    assertEquals("cloudfront/requests-http/canada",
        RefreshFamilies.fill("cloudfront/requests-http/{geo}", Map.of("geo", "CA"), Map.of("geo", Map.of("CA", "canada"))));
    assertEquals(null, RefreshFamilies.fill("cloudfront/requests-http/{geo}", Map.of("geo", "XX"), Map.of("geo", Map.of("CA", "canada"))));
    assertEquals(Optional.of("ec2-windows"), table.familyOf(PriceKey.parse("aws/ec2/m5.large:windows/us-east-1")));
    assertEquals(Optional.of("gce-machine-types"), table.familyOf(PriceKey.parse("gcp/compute/n2-standard-2:spot/us-east4")));
    assertEquals(Optional.empty(), table.familyOf(PriceKey.parse("gcp/compute/sud:n2/all")));
  }

  @Test
  void aTableWithAnUnknownFieldIsRefusedWithItsName() {
    var in = new ByteArrayInputStream("aws:\n  - id: x\n    serviceCod: AmazonEC2\n".getBytes(StandardCharsets.UTF_8));
    var e = org.junit.jupiter.api.Assertions.assertThrows(PriceBookException.class, () -> RefreshFamilies.read(in, "t.yaml"));
    assertTrue(e.getMessage().startsWith("t.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains("serviceCod"), e.getMessage());
  }
}
