package dev.migrate.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * Reads EC2 On-Demand prices from the AWS Price List Query API ({@code pricing:GetProducts}).
 * Each PriceList entry is a JSON document (as a string) with the product's attributes and its
 * OnDemand terms; the hourly USD of the single price dimension is the unit price.
 */
public final class AwsPriceListSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PricingClient client;

  public AwsPriceListSource(PricingClient client) {
    this.client = client;
  }

  /** On-Demand Linux, shared tenancy, no pre-installed software, per instance type, in one region. */
  public List<FetchedPrice> ec2OnDemandLinux(String region) {
    GetProductsRequest request = GetProductsRequest.builder()
        .serviceCode("AmazonEC2")
        .formatVersion("aws_v1")
        .filters(term("regionCode", region), term("operatingSystem", "Linux"), term("tenancy", "Shared"),
            term("preInstalledSw", "NA"), term("capacitystatus", "Used"))
        .build();
    Map<String, FetchedPrice> byType = new TreeMap<>();
    client.getProductsPaginator(request).priceList().forEach(doc -> {
      FetchedPrice p = parse(doc, region);
      if (p != null) {
        byType.putIfAbsent(p.key().toString(), p);
      }
    });
    return new ArrayList<>(byType.values());
  }

  private static Filter term(String field, String value) {
    return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
  }

  /** One PriceList document to a price, or null when it has no hourly USD OnDemand dimension. */
  static FetchedPrice parse(String document, String region) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (IOException e) {
      throw new PriceBookException("AWS Price List: a PriceList entry is not JSON: " + e.getMessage());
    }
    JsonNode attrs = root.path("product").path("attributes");
    String type = attrs.path("instanceType").asText("");
    if (type.isEmpty()) {
      return null;
    }
    String sku = root.path("product").path("sku").asText("");
    Iterator<JsonNode> terms = root.path("terms").path("OnDemand").elements();
    while (terms.hasNext()) {
      JsonNode term = terms.next();
      Iterator<JsonNode> dims = term.path("priceDimensions").elements();
      while (dims.hasNext()) {
        JsonNode d = dims.next();
        String usd = d.path("pricePerUnit").path("USD").asText("");
        if (!"Hrs".equals(d.path("unit").asText()) || usd.isEmpty()) {
          continue;
        }
        LocalDate asOf = date(term.path("effectiveDate").asText(root.path("publicationDate").asText("")));
        String source = "AWS Price List API pricing:GetProducts AmazonEC2 sku " + sku + " (publication "
            + root.path("publicationDate").asText("?") + ")";
        return new FetchedPrice(PriceKey.aws("ec2", type + ":linux", region), new BigDecimal(usd).stripTrailingZeros(),
            "hour", source, asOf);
      }
    }
    return null;
  }

  private static LocalDate date(String text) {
    if (text.length() >= 10) {
      try {
        return OffsetDateTime.parse(text).toLocalDate();
      } catch (RuntimeException e) {
        return LocalDate.parse(text.substring(0, 10));
      }
    }
    throw new PriceBookException("AWS Price List: no effective or publication date in a PriceList entry");
  }
}
