package dev.migrate.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.pricing.RefreshFamilies.AwsFamily;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * Reads the AWS families of the refresh table from the AWS Price List Query API ({@code pricing:GetProducts},
 * all pages). Each PriceList entry is a JSON document (as a string) with the product's attributes and its
 * OnDemand terms; a term's price dimensions (beginRange/endRange, unit, USD) become the key's tiers in the
 * book's unit. Identical queries (several families over one product list) are sent once.
 */
public final class AwsPriceListSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_HOURS_PER_MONTH = 730;
  private final PricingClient client;
  private final RefreshFamilies table;
  private final int hoursPerMonth;
  private final Map<String, List<JsonNode>> queries = new HashMap<>();

  public AwsPriceListSource(PricingClient client) {
    this(client, RefreshFamilies.bundled(), DEFAULT_HOURS_PER_MONTH);
  }

  /** @param hoursPerMonth the book's hours per month, for per-hour to per-month conversions */
  public AwsPriceListSource(PricingClient client, RefreshFamilies table, int hoursPerMonth) {
    this.client = client;
    this.table = table;
    this.hoursPerMonth = hoursPerMonth;
  }

  /** On-Demand Linux, shared tenancy, no pre-installed software, per instance type, in one region. */
  public List<FetchedPrice> ec2OnDemandLinux(String region) {
    return fetch(List.of(table.aws("ec2-linux")), List.of(region), s -> {}).prices();
  }

  /** On-Demand Windows (licence included), shared tenancy, no pre-installed software, in one region. */
  public List<FetchedPrice> ec2OnDemandWindows(String region) {
    return fetch(List.of(table.aws("ec2-windows")), List.of(region), s -> {}).prices();
  }

  /**
   * Every family in every region (families without a per-region filter run once).
   *
   * @param progress one line per query sent
   */
  PriceCollector.Result fetch(List<AwsFamily> families, List<String> regions, Consumer<String> progress) {
    PriceCollector collector = new PriceCollector();
    for (AwsFamily f : families) {
      List<String> scopes = f.regional() ? regions : java.util.Collections.singletonList(null);
      for (String region : scopes) {
        Map<String, String> filters = new LinkedHashMap<>();
        boolean ok = true;
        for (var e : f.filters().entrySet()) {
          String v = e.getValue();
          if (v.contains("{location}")) {
            Optional<String> loc = table.awsLocation(region);
            if (loc.isEmpty()) {
              progress.accept("AWS Price List: " + f.id() + " skipped in " + region
                  + " (its location name is not in the refresh table's awsLocations)");
              ok = false;
              break;
            }
            v = v.replace("{location}", loc.get());
          }
          filters.put(e.getKey(), region == null ? v : v.replace("{region}", region));
        }
        if (!ok) {
          continue;
        }
        for (JsonNode doc : query(f.serviceCode(), filters, progress)) {
          read(f, region, doc, collector);
        }
      }
    }
    return collector.resolve();
  }

  private List<JsonNode> query(String serviceCode, Map<String, String> filters, Consumer<String> progress) {
    String id = serviceCode + " " + filters;
    List<JsonNode> cached = queries.get(id);
    if (cached != null) {
      return cached;
    }
    progress.accept("AWS Price List: " + serviceCode + " " + filters);
    List<Filter> fs = new ArrayList<>();
    filters.forEach((k, v) -> fs.add(Filter.builder().type(FilterType.TERM_MATCH).field(k).value(v).build()));
    GetProductsRequest request = GetProductsRequest.builder().serviceCode(serviceCode).formatVersion("aws_v1").filters(fs).build();
    List<JsonNode> docs = new ArrayList<>();
    client.getProductsPaginator(request).priceList().forEach(s -> docs.add(parse(s)));
    queries.put(id, docs);
    return docs;
  }

  private static JsonNode parse(String document) {
    try {
      return JSON.readTree(document);
    } catch (IOException e) {
      throw new PriceBookException("AWS Price List: a PriceList entry is not JSON: " + e.getMessage());
    }
  }

  /** Matches one product against a family and adds what it says about each key. */
  private void read(AwsFamily f, String region, JsonNode root, PriceCollector collector) {
    JsonNode product = root.path("product");
    Map<String, String> attrs = new HashMap<>();
    product.path("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
    attrs.put("productFamily", product.path("productFamily").asText(""));
    Map<String, String> groups = new HashMap<>();
    for (var m : table.match(f).entrySet()) {
      String v = attrs.get(m.getKey());
      if (v == null) {
        return;
      }
      Matcher mm = m.getValue().matcher(v);
      if (!mm.matches()) {
        return;
      }
      for (String g : RefreshFamilies.groupNames(m.getValue().pattern())) {
        groups.put(g, mm.group(g));
      }
    }
    Map<String, String> values = new HashMap<>(attrs);
    values.putAll(groups);
    if (region != null) {
      values.put("region", region);
    }
    String sku = product.path("sku").asText("");
    String publication = root.path("publicationDate").asText("");
    for (String template : f.keys()) {
      String text = RefreshFamilies.fill(RefreshFamilies.stripAggregate(template), values, f.maps());
      if (text == null) {
        continue;
      }
      PriceKey key = PriceKey.parse("aws/" + text);
      List<Tier> tiers = tiers(f, root, sku, publication, attrs.getOrDefault("usagetype", ""), key, collector);
      if (tiers != null) {
        collector.add(new PriceCollector.Candidate(key, f.unit(), tiers, sku, RefreshFamilies.aggregate(template)));
      }
    }
  }

  /** The OnDemand price dimensions of a product in the family's unit, as tiers; null when it has none. */
  private List<Tier> tiers(AwsFamily f, JsonNode root, String sku, String publication, String usagetype, PriceKey key,
      PriceCollector collector) {
    List<Tier> tiers = new ArrayList<>();
    Iterator<JsonNode> terms = root.path("terms").path("OnDemand").elements();
    while (terms.hasNext()) {
      JsonNode term = terms.next();
      LocalDate asOf = date(term.path("effectiveDate").asText(publication));
      Iterator<JsonNode> dims = term.path("priceDimensions").elements();
      while (dims.hasNext()) {
        JsonNode d = dims.next();
        String usd = d.path("pricePerUnit").path("USD").asText("");
        String apiUnit = d.path("unit").asText("");
        if (usd.isEmpty()) {
          continue;
        }
        Optional<BigDecimal> factor = table.factor(apiUnit, f.unit(), hoursPerMonth);
        if (factor.isEmpty()) {
          collector.reject(key, "the source prices it per '" + apiUnit + "', the book per '" + f.unit()
              + "' (no conversion in the refresh table)");
          continue;
        }
        BigDecimal k = factor.get();
        BigDecimal from = bound(d.path("beginRange").asText("0"), k);
        BigDecimal to = bound(d.path("endRange").asText("Inf"), k);
        String note = k.compareTo(BigDecimal.ONE) == 0 ? "" : "USD per " + apiUnit + " x " + k.stripTrailingZeros().toPlainString();
        String source = "AWS Price List API pricing:GetProducts " + f.serviceCode() + " sku " + sku
            + (usagetype.isEmpty() ? "" : " (" + usagetype + ")") + ", publication " + (publication.isEmpty() ? "?" : publication);
        tiers.add(new Tier(from == null ? BigDecimal.ZERO : from, to, new BigDecimal(usd).multiply(k).stripTrailingZeros(),
            source, asOf, note, "refresh"));
      }
    }
    if (tiers.isEmpty()) {
      return null;
    }
    tiers.sort((a, b) -> a.from().compareTo(b.from()));
    if (f.tier() != null) {
      if (tiers.size() != 1) {
        collector.reject(key, "SKU " + sku + " has " + tiers.size() + " price dimensions where one fixed tier was expected");
        return null;
      }
      Tier t = tiers.get(0);
      BigDecimal to = f.tier().size() > 1 ? f.tier().get(1) : null;
      tiers = List.of(new Tier(f.tier().get(0), to, t.usd(), t.source(), t.asOf(),
          PriceCollector.join(t.note(), "tier bounds from the SKU's usage type"), t.origin()));
    }
    return PriceCollector.foldFreeLeadingTiers(tiers, f.unit());
  }

  /** A beginRange/endRange in API units to book units; null for "Inf". */
  private static BigDecimal bound(String text, BigDecimal factor) {
    if (text.isEmpty() || text.equalsIgnoreCase("Inf")) {
      return null;
    }
    return new BigDecimal(text).divide(factor, MathContext.DECIMAL64).stripTrailingZeros();
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
