package dev.migrate.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A price missing in a region is taken from the nearest region that has it, marked as an estimate;
 * a price no region has stays missing. Distances by hand (haversine, R = 6,371 km) on a small book.
 */
class NearestRegionEstimateTest {
  /** Regions on the equator: 1 degree of longitude = 111.19 km. */
  static final String REGIONS = """
      # test regions
      provider,region,location,latitude,longitude,source,note
      gcp,r-west,west,0,0,test,
      gcp,r-mid,mid,0,10,test,
      gcp,r-east,east,0,30,test,
      gcp,r-tie,tie,0,20,test,
      """;

  static PriceBook book(Path dir, String prices, String regions) throws IOException {
    Files.writeString(dir.resolve("pricebook.yaml"), "name: t\ndate: 2026-12-03\ncurrency: USD\nhoursPerMonth: 730\n"
        + "files: [p.csv]\n" + (regions == null ? "" : "regions: regions.csv\n"));
    Files.writeString(dir.resolve("p.csv"), String.join(",", PriceBook.HEADER) + "\n" + prices);
    if (regions != null) {
      Files.writeString(dir.resolve("regions.csv"), regions);
    }
    return PriceBook.load(dir);
  }

  @Test
  void aRegionWithoutThePriceGetsTheNearestRegionsPriceMarkedEstimated(@TempDir Path dir) throws IOException {
    PriceBook b = book(dir, """
        gcp,gke,autopilot-vcpu,r-mid,,,0.05,vCPU-hour,page A,2026-01-01,
        gcp,gke,autopilot-vcpu,r-east,,,0.09,vCPU-hour,page B,2026-02-01,
        """, REGIONS);
    assertTrue(b.find(PriceKey.gcp("gke", "autopilot-vcpu", "r-west")).isEmpty(), "find stays exact");
    Price p = b.lookup(PriceKey.gcp("gke", "autopilot-vcpu", "r-west")).orElseThrow();
    // r-west -> r-mid 10 degrees = 1,112 km; -> r-east 30 degrees = 3,336 km: r-mid is nearest.
    assertTrue(p.estimated());
    assertEquals("gcp/gke/autopilot-vcpu/r-west", p.key().toString(), "the line keeps the key it asked for");
    assertEquals("gcp/gke/autopilot-vcpu/r-mid", p.estimate().from().toString());
    assertEquals(1112, p.estimate().distanceKm());
    assertEquals(0, BigDecimal.ONE.compareTo(p.estimate().factor()), "no published regional factor: 1");
    assertEquals(0, new BigDecimal("0.05").compareTo(p.usd()));
    assertEquals("estimated from r-mid (nearest region with this price, 1,112 km away; factor 1: no regional factor "
        + "published by the provider for this price); page A", p.flat().source());
    assertEquals("2026-01-01", p.flat().asOf().toString(), "the date of the figure it was taken from");
  }

  @Test
  void aPriceTheRegionHasIsNotAnEstimate(@TempDir Path dir) throws IOException {
    PriceBook b = book(dir, "gcp,gke,autopilot-vcpu,r-mid,,,0.05,vCPU-hour,page A,2026-01-01,\n", REGIONS);
    Price p = b.lookup(PriceKey.gcp("gke", "autopilot-vcpu", "r-mid")).orElseThrow();
    assertFalse(p.estimated());
    assertEquals("page A", p.flat().source());
  }

  @Test
  void regionAllAppliesBeforeAnyEstimate(@TempDir Path dir) throws IOException {
    PriceBook b = book(dir, """
        gcp,gke,cluster-fee,all,,,0.10,cluster-hour,page,2026-01-01,
        gcp,gke,cluster-fee,r-mid,,,0.20,cluster-hour,page,2026-01-01,
        """, REGIONS);
    assertFalse(b.lookup(PriceKey.gcp("gke", "cluster-fee", "r-west")).orElseThrow().estimated());
  }

  @Test
  void equallyNearRegionsResolveToTheFirstRegionCode(@TempDir Path dir) throws IOException {
    // r-mid (10) and r-east (30) are both 10 degrees from r-tie (20): r-east sorts first.
    PriceBook b = book(dir, """
        gcp,lb,data,r-mid,,,0.008,GiB,page,2026-01-01,
        gcp,lb,data,r-east,,,0.012,GiB,page,2026-01-01,
        """, REGIONS);
    assertEquals("r-east", b.lookup(PriceKey.gcp("lb", "data", "r-tie")).orElseThrow().estimate().from().region());
  }

  @Test
  void tiersAreCarriedOver(@TempDir Path dir) throws IOException {
    PriceBook b = book(dir, """
        gcp,network,egress,r-east,0,1024,0.12,GiB,page,2026-01-01,
        gcp,network,egress,r-east,1024,,0.11,GiB,page,2026-01-01,
        """, REGIONS);
    Price p = b.lookup(PriceKey.gcp("network", "egress", "r-west")).orElseThrow();
    assertEquals(2, p.tiers().size());
    assertEquals(0, new BigDecimal("0.11").compareTo(p.tiers().get(1).usd()));
    assertTrue(p.tiers().get(1).source().startsWith("estimated from r-east"));
  }

  @Test
  void noRegionWithThePriceStaysMissing(@TempDir Path dir) throws IOException {
    PriceBook b = book(dir, "gcp,gke,autopilot-vcpu,r-mid,,,0.05,vCPU-hour,page A,2026-01-01,\n", REGIONS);
    assertTrue(b.lookup(PriceKey.gcp("cloud-armor", "policy", "r-west")).isEmpty());
    // a key whose region has no location (a price geography, 'global') is not estimated either
    assertTrue(b.lookup(PriceKey.gcp("gke", "autopilot-vcpu", "global")).isEmpty());
    // nor is another provider's region of the same name
    assertTrue(b.lookup(PriceKey.aws("gke", "autopilot-vcpu", "r-west")).isEmpty());
  }

  @Test
  void aBookWithoutRegionLocationsNeverEstimates(@TempDir Path dir) throws IOException {
    PriceBook b = book(dir, "gcp,gke,autopilot-vcpu,r-mid,,,0.05,vCPU-hour,page A,2026-01-01,\n", null);
    assertTrue(b.lookup(PriceKey.gcp("gke", "autopilot-vcpu", "r-west")).isEmpty());
  }

  @Test
  void aBadLocationNamesFileAndLine(@TempDir Path dir) {
    PriceBookException e = assertThrows(PriceBookException.class, () -> book(dir,
        "gcp,gke,autopilot-vcpu,r-mid,,,0.05,vCPU-hour,page A,2026-01-01,\n",
        "provider,region,location,latitude,longitude,source,note\ngcp,r-x,x,95,0,test,\n"));
    assertTrue(e.getMessage().endsWith("regions.csv:2: latitude '95' is not a number of degrees between -90 and 90"), e.getMessage());
  }

  @Test
  void theBundledBookEstimatesAutopilotInTokyoFromIowa() {
    PriceBook b = PriceBook.bundled();
    Price p = b.lookup(PriceKey.gcp("gke", "autopilot-vcpu", "asia-northeast1")).orElseThrow();
    assertEquals("us-central1", p.estimate().from().region(), "the only region with an Autopilot price");
    assertEquals(0, new BigDecimal("0.0445").compareTo(p.usd()));
    // AWS regions sit at the Google region the catalog maps them to: NAT in Tokyo comes from Singapore.
    Price nat = b.lookup(PriceKey.aws("vpc", "nat-gateway", "ap-northeast-1")).orElseThrow();
    assertEquals("ap-southeast-1", nat.estimate().from().region());
    // every region a location is given for is one the book's providers use
    for (RegionLocation r : b.regions()) {
      assertTrue(r.provider().equals("aws") || r.provider().equals("gcp"), r.toString());
    }
  }
}
