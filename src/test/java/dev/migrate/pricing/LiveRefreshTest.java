package dev.migrate.pricing;

import static dev.migrate.testing.Money.assertUsd;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.migrate.testing.Golden;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate prices refresh} end to end over WireMock: the real AWS Price List client (awsJson1_1,
 * {@code AWSPriceListService.GetProducts}, NextToken pages) and the real Cloud Billing Catalog and Compute
 * Engine clients (REST, pageToken pages) against fixtures in their wire formats (see
 * {@code src/test/resources/refresh/live/make_fixtures.py}), refreshing a small book with rows of every family.
 */
class LiveRefreshTest {
  private static final String TARGET = "AWSPriceListService.GetProducts";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneOffset.UTC);
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    // AWS: one stub per query, told apart by what the request body filters on
    aws(1, "aws-getproducts-page2.json", "\"NextToken\":\"page-2\"");
    aws(2, "aws-getproducts-page1.json", "\"ServiceCode\":\"AmazonEC2\"", "\"Value\":\"Compute Instance\"", "\"Value\":\"Linux\"");
    aws(1, "aws-getproducts-windows.json", "\"ServiceCode\":\"AmazonEC2\"", "\"Value\":\"Windows\"");
    aws(2, "live/aws-ebs-storage.json", "\"ServiceCode\":\"AmazonEC2\"", "\"Value\":\"Storage\"");
    aws(2, "live/aws-ebs-system-operation.json", "\"ServiceCode\":\"AmazonEC2\"", "\"Value\":\"System Operation\"");
    aws(2, "live/aws-ebs-throughput.json", "\"ServiceCode\":\"AmazonEC2\"", "\"Value\":\"Provisioned Throughput\"");
    aws(2, "live/aws-elb-application.json", "\"ServiceCode\":\"AWSELB\"", "\"Value\":\"Load Balancer-Application\"");
    aws(2, "live/aws-elb-network.json", "\"ServiceCode\":\"AWSELB\"", "\"Value\":\"Load Balancer-Network\"");
    aws(2, "live/aws-elb-classic.json", "\"ServiceCode\":\"AWSELB\"", "\"Value\":\"Load Balancer\"");
    aws(2, "live/aws-cloudfront-transfer.json", "\"ServiceCode\":\"AmazonCloudFront\"", "\"Value\":\"Data Transfer\"");
    aws(2, "live/aws-cloudfront-requests.json", "\"ServiceCode\":\"AmazonCloudFront\"", "\"Value\":\"Request\"");
    aws(1, "live/aws-s3-page2.json", "\"ServiceCode\":\"AmazonS3\"", "\"NextToken\":\"s3-page-2\"");
    aws(2, "live/aws-s3-page1.json", "\"ServiceCode\":\"AmazonS3\"");
    aws(2, "live/aws-s3-deep-archive.json", "\"ServiceCode\":\"AmazonS3GlacierDeepArchive\"");
    aws(2, "live/aws-datatransfer.json", "\"ServiceCode\":\"AWSDataTransfer\"", "\"Value\":\"US East (N. Virginia)\"");
    wm.stubFor(post(urlPathEqualTo("/")).atPriority(10).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}")));
    // Google: Billing Catalog services, Compute Engine in two pages; machine types
    wm.stubFor(get(urlPathEqualTo("/v1/services/6F81-5844-456A/skus")).withQueryParam("pageToken", equalTo("compute-page-2"))
        .atPriority(1).willReturn(body("live/gcp-compute-page2.json", "application/json")));
    wm.stubFor(get(urlPathEqualTo("/v1/services/6F81-5844-456A/skus")).atPriority(2)
        .willReturn(body("live/gcp-compute-page1.json", "application/json")));
    wm.stubFor(get(urlPathEqualTo("/v1/services/E505-1604-58F8/skus")).willReturn(body("live/gcp-networking.json", "application/json")));
    wm.stubFor(get(urlPathEqualTo("/v1/services/95FF-2EF5-5EA1/skus")).willReturn(body("live/gcp-storage.json", "application/json")));
    wm.stubFor(get(urlPathEqualTo("/v1/services/CCD8-9BF1-090E/skus")).willReturn(body("live/gcp-gke.json", "application/json")));
    wm.stubFor(get(urlPathEqualTo("/compute/v1/projects/test-project/aggregated/machineTypes"))
        .willReturn(body("gce-machinetypes.json", "application/json")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private void aws(int priority, String file, String... bodyParts) {
    MappingBuilder m = post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).atPriority(priority);
    for (String part : bodyParts) {
      m = m.withRequestBody(containing(part));
    }
    wm.stubFor(m.willReturn(body(file, "application/x-amz-json-1.1")));
  }

  private static ResponseDefinitionBuilder body(String file, String type) {
    try (var in = LiveRefreshTest.class.getResourceAsStream("/refresh/" + file)) {
      return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(file, e);
    }
  }

  private LiveRefresh.Summary refresh(Path out, List<String> progress) throws IOException {
    PriceBook old = PriceBook.load(Path.of("src/test/resources/refresh/oldbook"));
    var request = new LiveRefresh.Request(null, out, "test-project", List.of("us-east-1"), List.of("us-east4", "us-central1"),
        false, URI.create(wm.baseUrl()), wm.baseUrl(), wm.baseUrl());
    return LiveRefresh.run(old, request, CLOCK, progress::add);
  }

  private static List<String> rows(String diff, String key) {
    return diff.lines().filter(l -> l.startsWith(key + ",")).collect(Collectors.toList());
  }

  private static Price price(PriceBook book, String key) {
    return book.find(PriceKey.parse(key)).orElseThrow(() -> new AssertionError("no " + key));
  }

  @Test
  void refreshOverTheFixturesCoversEveryFamilyAndMatchesTheDiffGolden(@TempDir Path out) throws IOException {
    List<String> progress = new ArrayList<>();
    LiveRefresh.Summary s = refresh(out, progress);
    assertEquals(out.resolve("pricebook-2026-11-26"), s.dir());
    String diff = Files.readString(s.dir().resolve("diff.csv"));
    Golden.check("refresh/diff.csv", diff);
    PriceBook book = PriceBook.load(s.dir());
    assertEquals(LocalDate.of(2026, 11, 26), book.date());

    // pagination on both sides: the second pages were asked for and their prices are in the book
    wm.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("\"NextToken\":\"page-2\"")));
    wm.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("\"NextToken\":\"s3-page-2\"")));
    wm.verify(getRequestedFor(urlPathEqualTo("/v1/services/6F81-5844-456A/skus")).withQueryParam("pageToken", equalTo("compute-page-2")));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/services/6F81-5844-456A/skus"))); // each service listed once, 2 pages
    assertTrue(price(book, "aws/ec2/m8i.large:linux/us-east-1").flat().source().contains("AAAA3333"));
    assertTrue(price(book, "aws/s3/GLACIER:put-copy-post-list/us-east-1").flat().source().contains("S3000015"));
    assertTrue(price(book, "gcp/network/internet-egress-premium:china/us-east4").flat().source().contains("E6R5-0002"));

    // every family: one key each, with the unit conversion it needs
    assertUsd("0.198", price(book, "aws/ec2/m5.xlarge:linux/us-east-1").usd());
    assertUsd("0.188", price(book, "aws/ec2/m5.large:windows/us-east-1").usd());
    assertUsd("0.046", price(book, "aws/ebs/st1:storage/us-east-1").usd());
    assertUsd("0.04", price(book, "aws/ebs/gp3:throughput-above-125/us-east-1").usd());   // 40.96 per GiBps-mo / 1024
    assertUsd("0.05", price(book, "aws/ebs/standard:io-requests/us-east-1").usd());       // 0.00000005 per IO x 1e6
    assertUsd("0.008", price(book, "aws/elb/alb:lcu-hour/us-east-1").usd());              // not the reserved LCU SKU
    assertUsd("0.006", price(book, "aws/elb/nlb:nlcu-hour/us-east-1").usd());
    assertUsd("0.008", price(book, "aws/elb/clb:data-processed/us-east-1").usd());
    assertUsd("0.0075", price(book, "aws/cloudfront/requests-http/canada").usd());        // 0.00000075 per request x 10k
    assertUsd("0.012", price(book, "aws/cloudfront/requests-https/europe_israel_turkiye").usd());
    assertUsd("0.00003", price(book, "aws/s3/GLACIER:put-copy-post-list/us-east-1").usd()); // PutObject, not the transition
    assertUsd("0.00099", price(book, "aws/s3/DEEP_ARCHIVE:storage/us-east-1").usd());
    assertUsd("0.0876", price(book, "gcp/disk/local-ssd:capacity/us-east4").usd());      // 0.00012 per GiB-hour x 730
    assertUsd("0.19", price(book, "gcp/disk/pd-ssd:capacity/us-east4").usd());
    assertUsd("0.06", price(book, "gcp/network/vpn-tunnel/us-east4").usd());
    assertUsd("0.025", price(book, "gcp/load-balancing/forwarding-rule-first-5/all").usd()); // us-central1's SKU, not us-east4's
    assertUsd("0.008", price(book, "gcp/load-balancing/data-processed/us-east4").usd());
    assertUsd("0.01", price(book, "gcp/cdn/cache-fill-min/all").usd());
    assertUsd("0.05", price(book, "gcp/cdn/cache-fill-max/all").usd());
    assertUsd("0.0075", price(book, "gcp/cdn/cache-lookup/all").usd());
    assertUsd("0.026", price(book, "gcp/storage/STANDARD:storage/us-multi").usd());       // multi-region "us"
    assertUsd("0.005", price(book, "gcp/storage/STANDARD:class-a-ops/all").usd());        // per op x 1000
    assertUsd("0.1", price(book, "gcp/gke/cluster-fee/all").usd());
    assertUsd("0.109576", price(book, "gcp/compute/n2-standard-2:ondemand/us-east4").usd());

    // tiers across boundaries: AWS beginRange/endRange, the source's free first 100 GB folded into the first tier
    Price out0 = price(book, "aws/data-transfer/internet-out/us-east-1");
    assertEquals(List.of("0-10240", "10240-51200", "51200-153600", "153600+"), out0.tiers().stream().map(Tier::bounds).toList());
    assertUsd("0.09", out0.tiers().get(0).usd());
    assertUsd("0.05", out0.tiers().get(3).usd());
    assertEquals(out0.tiers().get(2).usd(), price(book, "aws/data-transfer/inter-cloud-out/us-east-1").tiers().get(2).usd());
    // io2 IOPS joined from three SKUs at fixed bounds
    assertEquals(List.of("0-32000", "32000-64000", "64000+"),
        price(book, "aws/ebs/io2:iops/us-east-1").tiers().stream().map(Tier::bounds).toList());
    // Google tieredRates: startUsageAmount 0 / 1024 / 10240 GiB
    Price egress = price(book, "gcp/network/internet-egress-premium:china/us-east4");
    assertEquals(List.of("0-1024", "1024-10240", "10240+"), egress.tiers().stream().map(Tier::bounds).toList());
    assertUsd("0.21", egress.tiers().get(2).usd());
    // a new top tier (North America) and old tiers the source no longer has (other destinations)
    assertTrue(rows(diff, "gcp/cdn/cache-egress/north_america_incl_hawaii").contains(
        "gcp/cdn/cache-egress/north_america_incl_hawaii,512000+,changed,,0.02,,new tier"), diff);
    assertTrue(rows(diff, "gcp/cdn/cache-egress/all_other_destinations").contains(
        "gcp/cdn/cache-egress/all_other_destinations,1024000+,removed,0.04,,,tier no longer in the source"), diff);
    assertEquals(List.of("0-10240", "10240-153600", "153600+"),
        price(book, "gcp/cdn/cache-egress/all_other_destinations").tiers().stream().map(Tier::bounds).toList());

    // keys the refresh cannot find keep their old row, with their old source, and say why
    PriceBook old = PriceBook.load(Path.of("src/test/resources/refresh/oldbook"));
    for (String key : List.of("aws/ec2/c5.large:linux/us-east-1", "aws/cloudfront/data-transfer-out/india",
        "gcp/gke/free-tier-credit/all", "aws/ec2/m5.large:linux/eu-west-1", "gcp/disk/hyperdisk-extreme:capacity/us-east4")) {
      List<Tier> before = price(old, key).tiers();
      List<Tier> after = price(book, key).tiers();
      assertEquals(before.size(), after.size(), key);
      for (int i = 0; i < before.size(); i++) {
        assertEquals(before.get(i).bounds() + " " + before.get(i).usd() + " " + before.get(i).source() + " " + before.get(i).asOf(),
            after.get(i).bounds() + " " + after.get(i).usd() + " " + after.get(i).source() + " " + after.get(i).asOf(), key);
      }
    }
    assertEquals(List.of("aws/ec2/c5.large:linux/us-east-1,,not refreshed,0.085,,,no ec2-linux price for this key in the source"),
        rows(diff, "aws/ec2/c5.large:linux/us-east-1"));
    assertTrue(rows(diff, "aws/ec2/m5.large:linux/eu-west-1").get(0).endsWith("region not fetched (ec2-linux)"), diff);
    assertTrue(rows(diff, "gcp/gke/free-tier-credit/all").get(0).contains("no refresh family"), diff);

    assertEquals(s.added() + s.changed() + s.unchanged() + s.notRefreshed(), s.keys(), s.toString());
    assertTrue(s.notRefreshed() > 0 && s.added() > 0 && s.changed() > 0 && s.unchanged() > 0, s.toString());
    assertTrue(progress.stream().anyMatch(l -> l.contains("AWSDataTransfer")), progress.toString());
  }

  @Test
  void aZeroPriceNeverReplacesAPricedKey(@TempDir Path out) throws IOException {
    // the networking service now lists the VPN tunnel at 0: the old price stays, and the diff says why
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var skus = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(readFixture("live/gcp-networking.json"));
    for (var sku : skus.withArray("skus")) {
      if (sku.path("skuId").asText().equals("VPN0-0001")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) sku.path("pricingInfo").get(0).path("pricingExpression")
            .path("tieredRates").get(0).path("unitPrice")).put("nanos", 0);
      }
    }
    wm.stubFor(get(urlPathEqualTo("/v1/services/E505-1604-58F8/skus")).atPriority(1).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(skus))));
    LiveRefresh.Summary s = refresh(out, new ArrayList<>());
    String diff = Files.readString(s.dir().resolve("diff.csv"));
    assertEquals(List.of("gcp/network/vpn-tunnel/us-east4,,not refreshed,0.055,,,the source gives 0 USD; the old price is kept"),
        rows(diff, "gcp/network/vpn-tunnel/us-east4"));
    assertUsd("0.055", price(PriceBook.load(s.dir()), "gcp/network/vpn-tunnel/us-east4").usd());
  }

  private static String readFixture(String file) throws IOException {
    try (var in = LiveRefreshTest.class.getResourceAsStream("/refresh/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
