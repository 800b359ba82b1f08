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
    assertEquals(LocalDate.of(2026, 11, 25), book.date());
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
    assertTrue(book.find(PriceKey.gcp("network", "interconnect", "us-east4")).isEmpty(), "Interconnect is not sourced");
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
