package dev.migrate.pricing;

import com.google.cloud.billing.v1.CloudCatalogClient;
import com.google.cloud.billing.v1.PricingExpression;
import com.google.cloud.billing.v1.Sku;
import com.google.cloud.compute.v1.MachineType;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.MachineTypesScopedList;
import com.google.type.Money;
import dev.migrate.pricing.RefreshFamilies.GcpFamily;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Reads Google Cloud prices from the Cloud Billing Catalog API ({@code services.skus.list}, all pages,
 * each service listed once): the Google families of the refresh table (disks, egress, load balancing,
 * CDN, Cloud Storage, VPN, GKE), matched by category and description as in the reference build, with
 * tieredRates as the book's tiers; and machine-type prices from per-vCPU and per-GiB SKUs (service
 * {@value #COMPUTE_SERVICE}) and machine shapes from the Compute Engine API: a machine type's hourly price
 * is vCPUs x core price + GiB x RAM price, which is how Google bills predefined machine types.
 */
public final class GcpCatalogSource {
  /** Billing Catalog service id of Compute Engine. */
  public static final String COMPUTE_SERVICE = "services/6F81-5844-456A";
  private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);

  private final CloudCatalogClient catalog;
  private final MachineTypesClient machineTypes;
  private final String project;

  private final RefreshFamilies table;
  private final int hoursPerMonth;
  private final Map<String, List<Sku>> skusByService = new HashMap<>();

  public GcpCatalogSource(CloudCatalogClient catalog, MachineTypesClient machineTypes, String project) {
    this(catalog, machineTypes, project, RefreshFamilies.bundled(), 730);
  }

  /** @param hoursPerMonth the book's hours per month, for per-hour to per-month conversions */
  public GcpCatalogSource(CloudCatalogClient catalog, MachineTypesClient machineTypes, String project,
      RefreshFamilies table, int hoursPerMonth) {
    this.catalog = catalog;
    this.machineTypes = machineTypes;
    this.project = project;
    this.table = table;
    this.hoursPerMonth = hoursPerMonth;
  }

  /** Every SKU of a Billing service (e.g. 6F81-5844-456A), listed once and kept. */
  private List<Sku> skus(String serviceId, Consumer<String> progress) {
    return skusByService.computeIfAbsent(serviceId, id -> {
      progress.accept("Cloud Billing Catalog: services/" + id + "/skus");
      List<Sku> list = new ArrayList<>();
      catalog.listSkus("services/" + id).iterateAll().forEach(list::add);
      return list;
    });
  }

  /**
   * The Google families of the table. A SKU belongs to the last family it matches; {@code {region}} keys are
   * made for the SKU's service regions that are in {@code regions}.
   */
  PriceCollector.Result families(List<GcpFamily> families, Set<String> regions, Consumer<String> progress) {
    PriceCollector collector = new PriceCollector();
    Map<String, List<GcpFamily>> byService = new java.util.LinkedHashMap<>();
    families.forEach(f -> byService.computeIfAbsent(f.service(), k -> new ArrayList<>()).add(f));
    for (var e : byService.entrySet()) {
      for (Sku sku : skus(e.getKey(), progress)) {
        GcpFamily match = null;
        Matcher found = null;
        for (GcpFamily f : e.getValue()) {
          Matcher m = matches(f, sku);
          if (m != null) {
            match = f;
            found = m;
          }
        }
        if (match != null && !match.keys().isEmpty() && sku.getPricingInfoCount() > 0) {
          read(match, sku, found, regions, collector);
        }
      }
    }
    return collector.resolve();
  }

  private Matcher matches(GcpFamily f, Sku sku) {
    var c = sku.getCategory();
    if ((f.family() != null && !f.family().equals(c.getResourceFamily()))
        || (f.group() != null && !f.group().equals(c.getResourceGroup()))
        || !f.usageType().equals(c.getUsageType())) {
      return null;
    }
    Matcher m = table.description(f).matcher(sku.getDescription());
    return m.matches() ? m : null;
  }

  /**
   * The SKU's pricing in force last: the catalog returns one version when no time range is asked,
   * but several when one is, and their order is not documented.
   */
  private static com.google.cloud.billing.v1.PricingInfo latestPricing(Sku sku) {
    return sku.getPricingInfoList().stream()
        .max(java.util.Comparator.comparingLong(i -> i.getEffectiveTime().getSeconds()))
        .orElseThrow();
  }

  private void read(GcpFamily f, Sku sku, Matcher m, Set<String> regions, PriceCollector collector) {
    Map<String, String> values = new HashMap<>();
    for (String g : RefreshFamilies.groupNames(m.pattern().pattern())) {
      values.put(g, m.group(g));
    }
    List<String> skuRegions = new ArrayList<>();
    sku.getServiceRegionsList().forEach(r -> skuRegions.add(f.regionMap().getOrDefault(r, r)));
    var info = latestPricing(sku);
    PricingExpression e = info.getPricingExpression();
    LocalDate asOf = Instant.ofEpochSecond(info.getEffectiveTime().getSeconds()).atZone(ZoneOffset.UTC).toLocalDate();
    for (String template : f.keys()) {
      String plain = RefreshFamilies.stripAggregate(template);
      List<String> keyRegions;
      if (plain.contains("{region}")) {
        keyRegions = skuRegions.stream().filter(regions::contains).sorted().toList();
      } else if (f.fromRegion() != null) {
        keyRegions = skuRegions.contains(f.fromRegion()) ? java.util.Collections.singletonList(null) : List.of();
      } else {
        keyRegions = java.util.Collections.singletonList(null);
      }
      for (String region : keyRegions) {
        Map<String, String> v = new HashMap<>(values);
        if (region != null) {
          v.put("region", region);
        }
        String text = RefreshFamilies.fill(plain, v, f.maps());
        if (text == null) {
          continue;
        }
        PriceKey key = PriceKey.parse("gcp/" + text);
        Optional<BigDecimal> factor = table.factor(e.getUsageUnit(), f.unit(), hoursPerMonth);
        if (factor.isEmpty()) {
          collector.reject(key, "the source prices it per '" + e.getUsageUnit() + "', the book per '" + f.unit()
              + "' (no conversion in the refresh table)");
          continue;
        }
        collector.add(new PriceCollector.Candidate(key, f.unit(), tiers(f, sku, e, factor.get(), asOf), sku.getSkuId(),
            RefreshFamilies.aggregate(template)));
      }
    }
  }

  /** tieredRates as tiers in the book's unit: a tier runs from its startUsageAmount to the next one's. */
  private static List<Tier> tiers(GcpFamily f, Sku sku, PricingExpression e, BigDecimal factor, LocalDate asOf) {
    var rates = new ArrayList<>(e.getTieredRatesList());
    rates.sort((a, b) -> Double.compare(a.getStartUsageAmount(), b.getStartUsageAmount()));
    String source = "Cloud Billing Catalog API services/" + f.service() + " sku " + sku.getSkuId() + " ("
        + sku.getDescription() + ")";
    String note = factor.compareTo(BigDecimal.ONE) == 0 ? ""
        : "USD per " + e.getUsageUnit() + " x " + factor.stripTrailingZeros().toPlainString();
    List<Tier> tiers = new ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      BigDecimal from = startOf(rates.get(i).getStartUsageAmount(), factor);
      BigDecimal to = i + 1 < rates.size() ? startOf(rates.get(i + 1).getStartUsageAmount(), factor) : null;
      tiers.add(new Tier(from, to, money(rates.get(i).getUnitPrice()).multiply(factor).stripTrailingZeros(), source, asOf,
          note, "refresh"));
    }
    return PriceCollector.foldFreeLeadingTiers(tiers, f.unit());
  }

  private static BigDecimal startOf(double amount, BigDecimal factor) {
    return new BigDecimal(Double.toString(amount)).divide(factor, MathContext.DECIMAL64).stripTrailingZeros();
  }

  /** A resource price: series, OnDemand or Spot, core or RAM, region. */
  private record Rate(BigDecimal usd, String skuId, LocalDate asOf) {}

  /** On-demand and Spot hourly prices of every predefined, non-shared-core machine type in {@code regions}. */
  public List<FetchedPrice> machineTypes(Set<String> regions) {
    return machineTypes(regions, s -> {});
  }

  List<FetchedPrice> machineTypes(Set<String> regions, Consumer<String> progress) {
    Map<String, Rate> rates = new HashMap<>(); // "n2|ondemand|core|us-east4"
    for (Sku sku : skus(COMPUTE_SERVICE.substring("services/".length()), progress)) {
      if (!"Compute".equals(sku.getCategory().getResourceFamily())) {
        continue;
      }
      String usage = switch (sku.getCategory().getUsageType()) {
        case "OnDemand" -> "ondemand";
        case "Preemptible" -> "spot";
        default -> null;
      };
      String d = sku.getDescription();
      if (usage == null || d.contains("Custom") || d.contains("Sole Tenancy") || d.contains("Extended")) {
        continue;
      }
      String resource = d.contains(" Instance Core") ? "core" : d.contains(" Instance Ram") ? "ram" : null;
      if (resource == null) {
        continue;
      }
      String rest = d.startsWith("Spot Preemptible ") ? d.substring("Spot Preemptible ".length())
          : d.startsWith("Preemptible ") ? d.substring("Preemptible ".length()) : d;
      String series = rest.substring(0, rest.indexOf(' ')).toLowerCase(Locale.ROOT);
      if (sku.getPricingInfoCount() == 0) {
        continue;
      }
      var info = latestPricing(sku);
      Rate rate = new Rate(unitPrice(info.getPricingExpression()), sku.getSkuId(),
          Instant.ofEpochSecond(info.getEffectiveTime().getSeconds()).atZone(ZoneOffset.UTC).toLocalDate());
      for (String region : sku.getServiceRegionsList()) {
        if (regions.contains(region)) {
          rates.putIfAbsent(series + "|" + usage + "|" + resource + "|" + region, rate);
        }
      }
    }
    Map<String, FetchedPrice> out = new TreeMap<>();
    progress.accept("Compute Engine API: machineTypes.aggregatedList (project " + project + ")");
    for (Map.Entry<String, MachineTypesScopedList> zone : machineTypes.aggregatedList(project).iterateAll()) {
      String z = zone.getKey().startsWith("zones/") ? zone.getKey().substring("zones/".length()) : zone.getKey();
      int dash = z.lastIndexOf('-');
      if (dash < 0) {
        continue;
      }
      String region = z.substring(0, dash);
      if (!regions.contains(region)) {
        continue;
      }
      for (MachineType mt : zone.getValue().getMachineTypesList()) {
        if (mt.getIsSharedCpu() || !mt.getName().contains("-")) {
          continue;
        }
        String series = mt.getName().substring(0, mt.getName().indexOf('-'));
        for (String usage : List.of("ondemand", "spot")) {
          Rate core = rates.get(series + "|" + usage + "|core|" + region);
          Rate ram = rates.get(series + "|" + usage + "|ram|" + region);
          if (core == null || ram == null) {
            continue;
          }
          BigDecimal gib = BigDecimal.valueOf(mt.getMemoryMb()).divide(MIB_PER_GIB, 6, RoundingMode.HALF_EVEN);
          BigDecimal hour = BigDecimal.valueOf(mt.getGuestCpus()).multiply(core.usd()).add(gib.multiply(ram.usd()))
              .setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros();
          LocalDate asOf = core.asOf().isAfter(ram.asOf()) ? core.asOf() : ram.asOf();
          String source = "Cloud Billing Catalog API " + COMPUTE_SERVICE + " skus " + core.skuId() + " (vCPU) + "
              + ram.skuId() + " (GiB); Compute Engine API machineTypes " + mt.getName() + " (" + mt.getGuestCpus()
              + " vCPU, " + gib.stripTrailingZeros().toPlainString() + " GiB)";
          PriceKey key = PriceKey.gcp("compute", mt.getName() + ":" + usage, region);
          out.putIfAbsent(key.toString(), new FetchedPrice(key, hour, "hour", source, asOf));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** USD per usage unit of the first tier with a price (tiers below it are free allowances). */
  static BigDecimal unitPrice(PricingExpression e) {
    BigDecimal last = BigDecimal.ZERO;
    for (var tier : e.getTieredRatesList()) {
      last = money(tier.getUnitPrice());
      if (last.signum() > 0) {
        return last;
      }
    }
    return last;
  }

  static BigDecimal money(Money m) {
    return BigDecimal.valueOf(m.getUnits()).add(BigDecimal.valueOf(m.getNanos(), 9));
  }
}
