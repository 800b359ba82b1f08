package dev.migrate.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh clients against WireMock serving the AWS Price List (awsJson1_1) and Google REST wire formats. */
class PriceRefreshTest {
  WireMockServer wm;

  @BeforeEach
  void start() throws IOException {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    String target = "AWSPriceListService.GetProducts";
    wm.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
        .withRequestBody(containing("\"NextToken\":\"page-2\""))
        .willReturn(json("aws-getproducts-page2.json", "application/x-amz-json-1.1")).atPriority(1));
    wm.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
        .withRequestBody(containing("\"Value\":\"us-east-1\""))
        .willReturn(json("aws-getproducts-page1.json", "application/x-amz-json-1.1")).atPriority(2));
    wm.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
        .withRequestBody(containing("\"Value\":\"Windows\""))
        .willReturn(json("aws-getproducts-windows.json", "application/x-amz-json-1.1")).atPriority(1));
    wm.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
        .withRequestBody(containing("\"Value\":\"us-west-2\""))
        .willReturn(json("aws-getproducts-us-west-2.json", "application/x-amz-json-1.1")).atPriority(2));
    wm.stubFor(get(urlPathEqualTo("/v1/services/6F81-5844-456A/skus")).willReturn(json("gcp-skus.json", "application/json")));
    wm.stubFor(get(urlPathEqualTo("/compute/v1/projects/test-project/aggregated/machineTypes"))
        .willReturn(json("gce-machinetypes.json", "application/json")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String file, String type) {
    try (var in = PriceRefreshTest.class.getResourceAsStream("/refresh/" + file)) {
      return aResponse().withStatus(200).withHeader("Content-Type", type)
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void awsPriceListPagesIntoEc2Prices() {
    try (var client = PriceSources.aws(URI.create(wm.baseUrl()))) {
      List<FetchedPrice> prices = new AwsPriceListSource(client).ec2OnDemandLinux("us-east-1");
      assertEquals(3, prices.size(), prices::toString);
      FetchedPrice m5 = prices.stream().filter(p -> p.key().sku().equals("m5.large:linux")).findFirst().orElseThrow();
      assertEquals(0, new BigDecimal("0.096").compareTo(m5.usd()));
      assertEquals(LocalDate.of(2026, 11, 1), m5.asOf());
      assertTrue(m5.source().contains("sku AAAA1111"), m5.source());
      List<FetchedPrice> windows = new AwsPriceListSource(client).ec2OnDemandWindows("us-east-1");
      assertEquals(1, windows.size());
      assertEquals("aws/ec2/m5.large:windows/us-east-1", windows.get(0).key().toString());
      assertEquals(0, new BigDecimal("0.188").compareTo(windows.get(0).usd()));
    }
  }

  @Test
  void billingCatalogAndMachineTypesIntoGcePrices() throws IOException {
    try (var catalog = PriceSources.catalog(wm.baseUrl()); var compute = PriceSources.compute(wm.baseUrl())) {
      List<FetchedPrice> prices = new GcpCatalogSource(catalog, compute, "test-project").machineTypes(Set.of("us-east4"));
      // n2-standard-2 on-demand: 2 vCPU x 0.0356 + 8 GiB x 0.004797 = 0.0712 + 0.038376; spot: 2 x 0.0086 + 8 x 0.00115
      assertEquals(2, prices.size(), prices::toString);
      assertEquals(0, new BigDecimal("0.109576").compareTo(prices.get(0).usd()), prices.get(0).toString());
      assertEquals("gcp/compute/n2-standard-2:ondemand/us-east4", prices.get(0).key().toString());
      assertEquals(0, new BigDecimal("0.0264").compareTo(prices.get(1).usd()));
      assertEquals(LocalDate.of(2026, 11, 20), prices.get(0).asOf());
    }
  }

  @Test
  void refreshWritesADatedBookAndADiff(@TempDir Path out) throws IOException {
    List<FetchedPrice> fetched = new ArrayList<>();
    try (var client = PriceSources.aws(URI.create(wm.baseUrl()));
        var catalog = PriceSources.catalog(wm.baseUrl()); var compute = PriceSources.compute(wm.baseUrl())) {
      fetched.addAll(new AwsPriceListSource(client).ec2OnDemandLinux("us-east-1"));
      fetched.addAll(new AwsPriceListSource(client).ec2OnDemandLinux("us-west-2"));
      fetched.addAll(new GcpCatalogSource(catalog, compute, "test-project").machineTypes(Set.of("us-east4")));
    }
    PriceBook old = PriceBook.bundled();
    LocalDate date = LocalDate.of(2026, 11, 25);
    PriceRefresh.Result r = PriceRefresh.refresh(old, fetched, date,
        List.of(new PriceBook.Source("LIVE", "test", wm.baseUrl(), null, date)), out);
    assertEquals(out.resolve("pricebook-2026-11-25"), r.dir());
    assertEquals(1, r.count("added"));     // us-west-2 is not in the old book
    assertEquals(3, r.count("changed"));   // m5.xlarge 0.192 -> 0.198, n2-standard-2 on-demand and spot
    assertEquals(2, r.count("unchanged")); // m5.large 0.096, m8i.large 0.10584
    assertEquals(old.size() - 5, r.count("not refreshed")); // every other key of the bundled book is kept and listed
    PriceBook fresh = r.book();
    assertEquals(date, fresh.date());
    assertEquals(old.size() + 1, fresh.size());
    Tier n2 = fresh.find(PriceKey.parse("gcp/compute/n2-standard-2:ondemand/us-east4")).orElseThrow().flat();
    assertTrue(n2.source().startsWith("Cloud Billing Catalog API"), n2.source());
    // rows not refreshed keep their own source and date
    Tier cdn = fresh.find(PriceKey.parse("gcp/cdn/cache-lookup/all")).orElseThrow().flat();
    assertEquals(old.find(PriceKey.parse("gcp/cdn/cache-lookup/all")).orElseThrow().flat().source(), cdn.source());
    String diff = Files.readString(r.dir().resolve("diff.csv"));
    assertTrue(diff.contains("\naws/ec2/m5.xlarge:linux/us-east-1,,changed,0.192,0.198,3.12,\n"), diff);
    assertTrue(diff.contains("\naws/ec2/m5.large:linux/us-west-2,,added,,0.096,,"), diff);
    assertTrue(diff.contains("\ngcp/cdn/cache-lookup/all,,not refreshed,0.0075,,,not fetched\n"), diff);
    assertEquals("aws/ec2.csv", fresh.fileOf(PriceKey.parse("aws/ec2/m5.large:linux/us-west-2")));
  }
}
