package dev.migrate.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookTest {
  final PriceBook book = PriceBook.bundled();

  @Test
  void bundledBookIsDatedAndEveryRowHasASourceAndDate() {
    assertEquals(LocalDate.of(2026, 12, 3), book.date());
    assertTrue(book.rowCount() > 10_000, "rows: " + book.rowCount());
    for (Price p : book.prices()) {
      for (Tier t : p.tiers()) {
        assertTrue(!t.source().isBlank() && t.asOf() != null, p.key().toString());
        assertTrue(!t.asOf().isAfter(book.date()), p.key() + " is dated after the book");
      }
    }
  }

  @Test
  void coversTheRegionsOfTheIssue() {
    for (String r : List.of("us-east-1", "eu-west-1", "ap-northeast-1", "ap-southeast-1")) {
      assertTrue(book.find(PriceKey.aws("ec2", "m5.large:linux", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.aws("elb", "alb:lcu-hour", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.aws("data-transfer", "internet-out", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.aws("s3", "STANDARD:storage", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.aws("ebs", "gp3:storage", r)).isPresent(), r);
    }
    for (String r : List.of("us-east4", "us-central1", "europe-west1", "asia-northeast1", "asia-southeast1", "asia-east1")) {
      assertTrue(book.find(PriceKey.gcp("compute", "n2-standard-2:ondemand", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("compute", "n2-standard-2:cud-1y", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("compute", "n2-standard-2:spot", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("disk", "pd-balanced:capacity", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("storage", "NEARLINE:storage", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("network", "internet-egress-premium:worldwide_ex_china_australia", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("network", "vpn-tunnel", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("gke", "cluster-fee", r)).isPresent(), r + " via region 'all'");
    }
    assertTrue(book.find(PriceKey.gcp("interconnect", "egress", "us-east4")).isEmpty(), "North America Interconnect egress is not sourced");
  }

  private BigDecimal usd(String key) {
    return book.find(PriceKey.parse(key)).orElseThrow(() -> new AssertionError(key + " not in the book")).usd();
  }

  private String unit(String key) {
    return book.find(PriceKey.parse(key)).orElseThrow().unit();
  }

  @Test
  void awsWafRowsAreMonthlyAndPerMillionRequests() {
    assertEquals(0, new BigDecimal("5.00").compareTo(usd("aws/waf/web-acl/global")));
    assertEquals("month", unit("aws/waf/web-acl/global"));
    assertEquals(0, new BigDecimal("1.00").compareTo(usd("aws/waf/rule/global")));
    assertEquals(0, new BigDecimal("0.60").compareTo(usd("aws/waf/requests/global")));
    assertEquals("1M requests", unit("aws/waf/requests/global"));
    assertTrue(book.find(PriceKey.aws("waf", "web-acl", "global")).orElseThrow().flat().source().contains("waf.json"));
  }

  @Test
  void windowsServerLicenceIsPerMachineTypeInEveryRegion() {
    // per-core rate x vCPUs, the same in every region (region 'all'); shared-core types have their own rate
    assertEquals(0, new BigDecimal("0.092").compareTo(usd("gcp/compute/n2-highmem-2:windows-licence/asia-northeast1")));
    assertEquals(0, new BigDecimal("0.368").compareTo(usd("gcp/compute/c3-standard-8:windows-licence/us-east4")));
    assertEquals(0, new BigDecimal("0.0115").compareTo(usd("gcp/compute/e2-micro:windows-licence/europe-west1")));
    assertEquals(0, new BigDecimal("0.023").compareTo(usd("gcp/compute/f1-micro:windows-licence/us-central1")));
    assertEquals("hour", unit("gcp/compute/n2-highmem-2:windows-licence/all"));
    long machineTypes = book.prices().stream().filter(p -> p.key().sku().endsWith(":windows-licence")).count();
    assertTrue(machineTypes > 500, "licence rows: " + machineTypes);
  }

  @Test
  void cloudInterconnectCircuitsAttachmentsAndEgress() {
    assertEquals(0, new BigDecimal("2.328").compareTo(usd("gcp/interconnect/dedicated-10g/us-east4")));
    assertEquals(0, new BigDecimal("23.28").compareTo(usd("gcp/interconnect/dedicated-100g/all")));
    assertEquals(0, new BigDecimal("0.10").compareTo(usd("gcp/interconnect/vlan-attachment-10g/all")));
    assertEquals(0, new BigDecimal("0.50").compareTo(usd("gcp/interconnect/vlan-attachment-50g/all")));
    for (String r : List.of("asia-northeast1", "asia-southeast1", "asia-east1")) {
      assertEquals(0, new BigDecimal("0.042").compareTo(usd("gcp/interconnect/egress/" + r)), r);
    }
    assertEquals(0, new BigDecimal("0.02").compareTo(usd("gcp/interconnect/egress/europe-west1")));
  }

  @Test
  void knownGapsStayMissing() {
    // Not sourced: reported as missing by the cost model, never priced at zero (see the book's README).
    assertTrue(book.find(PriceKey.gcp("cloud-armor", "policy", "global")).isEmpty());
    assertTrue(book.find(PriceKey.gcp("interconnect", "partner-attachment-1g", "all")).isEmpty());
  }

  @Test
  void hybridAndNetworkRowsOfTheIssueAreSourced() {
    // EC2 Windows (licence included): rounded outside us-east-1 by its source, and the row says so.
    Price win = book.find(PriceKey.aws("ec2", "m5.xlarge:windows", "ap-northeast-1")).orElseThrow();
    assertEquals(0, new BigDecimal("0.432").compareTo(win.usd()));
    assertTrue(win.flat().note().contains("rounded"), win.flat().note());
    // Cloud Load Balancing per region (2023 SKUs) next to the page's us-central1 figure.
    assertEquals(0, new BigDecimal("0.012").compareTo(usd("gcp/load-balancing/data-processed/asia-northeast1")));
    assertEquals(0, new BigDecimal("0.008").compareTo(usd("gcp/load-balancing/data-processed/us-central1")));
    assertEquals(0, new BigDecimal("0.038").compareTo(usd("gcp/load-balancing/forwarding-rule-first-5/asia-northeast1")));
    // Direct Connect: Tokyo locations' port and transfer rates; region 'all' = the current page outside Japan.
    assertEquals(0, new BigDecimal("2.142").compareTo(usd("aws/direct-connect/dedicated-10g/ap-northeast-1")));
    assertEquals(0, new BigDecimal("0.041").compareTo(usd("aws/direct-connect/data-transfer-out/ap-northeast-1")));
    assertEquals(0, new BigDecimal("22.50").compareTo(usd("aws/direct-connect/dedicated-100g/eu-west-1")));
    // AWS public IPv4 (2024-02-01), inter-AZ per GB each way, NAT gateway; Google NAT and external IPs in every region.
    assertEquals(0, new BigDecimal("0.005").compareTo(usd("aws/vpc/public-ipv4-in-use/ap-northeast-1")));
    assertEquals("hour", unit("aws/vpc/public-ipv4-in-use/all"));
    assertEquals(0, new BigDecimal("0.01").compareTo(usd("aws/data-transfer/inter-az/eu-west-1")));
    assertEquals(0, new BigDecimal("0.045").compareTo(usd("aws/vpc/nat-gateway/us-east-2")));
    assertEquals(0, new BigDecimal("0.02").compareTo(usd("aws/data-transfer/inter-region-out:eu-west-1/us-east-1")));
    for (String r : List.of("us-east1", "europe-west4", "asia-northeast1", "southamerica-east1")) {
      assertTrue(book.find(PriceKey.gcp("network", "nat-gateway", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("network", "ip-vm", r)).isPresent(), r);
      assertTrue(book.find(PriceKey.gcp("network", "internet-egress-premium:worldwide_ex_china_australia", r)).isPresent(), r);
    }
  }

  @Test
  void cloudFrontTiersAreInGbAndTheFreeAllowanceIsData() {
    Price p = book.find(PriceKey.aws("cloudfront", "data-transfer-out", "japan")).orElseThrow();
    assertEquals(7, p.tiers().size());
    assertEquals(0, new BigDecimal("10240").compareTo(p.tiers().get(0).to())); // 10 TB x 1024
    assertEquals(0, new BigDecimal("0.114").compareTo(p.tiers().get(0).usd()));
    Price free = book.find(PriceKey.aws("cloudfront", "free-data-transfer-out", "global")).orElseThrow();
    assertEquals(0, new BigDecimal("1024").compareTo(free.flat().to()));
  }

  @Test
  void geographiesResolveAliasesAndRegions() {
    Geographies g = book.geographies();
    assertEquals("japan", g.ofRegion("ap-northeast-1").orElseThrow().name());
    assertEquals("japan", g.ofRegion("asia-northeast1").orElseThrow().name());
    assertEquals("asia-pacific", g.ofRegion("ap-northeast-2").orElseThrow().name());
    assertEquals("north-america", g.ofRegion("us-east4").orElseThrow().name());
    assertEquals("europe", g.resolve("Europe_Israel_Turkiye").orElseThrow().name());
    assertEquals("north_america_incl_hawaii", g.resolve("US").orElseThrow().gcpCdn());
  }

  @Test
  void aBookFolderLoadsFromDisk(@TempDir Path dir) throws IOException {
    write(dir, "a.csv", String.join(",", PriceBook.HEADER) + "\n"
        + "aws,ec2,m5.large:linux,us-east-1,,,0.096,hour,test source,2025-06-18,\n");
    PriceBook b = PriceBook.load(dir);
    assertEquals(0, new BigDecimal("0.096").compareTo(b.find(PriceKey.parse("aws/ec2/m5.large:linux/us-east-1")).orElseThrow().usd()));
  }

  @Test
  void errorsNameFileAndLine(@TempDir Path dir) throws IOException {
    write(dir, "a.csv", String.join(",", PriceBook.HEADER) + "\n"
        + "# comment\n"
        + "aws,ec2,m5.large:linux,us-east-1,,,0.096,hour,src,2025-06-18,\n"
        + "aws,ec2,m5.xlarge:linux,us-east-1,,,abc,hour,src,2025-06-18,\n");
    PriceBookException e = assertThrows(PriceBookException.class, () -> PriceBook.load(dir));
    assertTrue(e.getMessage().endsWith("/a.csv:4: usd 'abc' is not a number"), e.getMessage());
  }

  @Test
  void aRowWithoutSourceIsRejected(@TempDir Path dir) throws IOException {
    write(dir, "a.csv", String.join(",", PriceBook.HEADER) + "\n"
        + "aws,ec2,m5.large:linux,us-east-1,,,0.096,hour,,2025-06-18,\n");
    PriceBookException e = assertThrows(PriceBookException.class, () -> PriceBook.load(dir));
    assertTrue(e.getMessage().contains("a.csv:2: source is empty"), e.getMessage());
  }

  @Test
  void tiersMustBeContiguous(@TempDir Path dir) throws IOException {
    write(dir, "a.csv", String.join(",", PriceBook.HEADER) + "\n"
        + "aws,data-transfer,internet-out,us-east-1,0,10240,0.09,GB,src,2025-06-18,\n"
        + "aws,data-transfer,internet-out,us-east-1,20000,,0.085,GB,src,2025-06-18,\n");
    PriceBookException e = assertThrows(PriceBookException.class, () -> PriceBook.load(dir));
    assertTrue(e.getMessage().contains("a.csv:3: tiers of aws/data-transfer/internet-out/us-east-1 must be contiguous"), e.getMessage());
  }

  static void write(Path dir, String file, String csv) throws IOException {
    Files.writeString(dir.resolve("pricebook.yaml"), "name: test\ndate: 2026-01-01\ncurrency: USD\nfiles: [" + file + "]\n");
    Files.writeString(dir.resolve(file), csv);
  }
}
