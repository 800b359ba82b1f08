package dev.migrate.pricing;

import com.google.cloud.billing.v1.CloudCatalogClient;
import com.google.cloud.billing.v1.PricingExpression;
import com.google.cloud.billing.v1.Sku;
import com.google.cloud.compute.v1.MachineType;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.MachineTypesScopedList;
import com.google.type.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads Compute Engine machine-type prices: per-vCPU and per-GiB SKUs from the Cloud Billing
 * Catalog API (service {@value #COMPUTE_SERVICE}), machine shapes (vCPUs, memory) from the
 * Compute Engine API; a machine type's hourly price is vCPUs x core price + GiB x RAM price,
 * which is how Google bills predefined machine types.
 */
public final class GcpCatalogSource {
  /** Billing Catalog service id of Compute Engine. */
  public static final String COMPUTE_SERVICE = "services/6F81-5844-456A";
  private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);

  private final CloudCatalogClient catalog;
  private final MachineTypesClient machineTypes;
  private final String project;

  public GcpCatalogSource(CloudCatalogClient catalog, MachineTypesClient machineTypes, String project) {
    this.catalog = catalog;
    this.machineTypes = machineTypes;
    this.project = project;
  }

  /** A resource price: series, OnDemand or Spot, core or RAM, region. */
  private record Rate(BigDecimal usd, String skuId, LocalDate asOf) {}

  /** On-demand and Spot hourly prices of every predefined, non-shared-core machine type in {@code regions}. */
  public List<FetchedPrice> machineTypes(Set<String> regions) {
    Map<String, Rate> rates = new HashMap<>(); // "n2|ondemand|core|us-east4"
    for (Sku sku : catalog.listSkus(COMPUTE_SERVICE).iterateAll()) {
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
      var info = sku.getPricingInfo(0);
      Rate rate = new Rate(unitPrice(info.getPricingExpression()), sku.getSkuId(),
          Instant.ofEpochSecond(info.getEffectiveTime().getSeconds()).atZone(ZoneOffset.UTC).toLocalDate());
      for (String region : sku.getServiceRegionsList()) {
        if (regions.contains(region)) {
          rates.putIfAbsent(series + "|" + usage + "|" + resource + "|" + region, rate);
        }
      }
    }
    Map<String, FetchedPrice> out = new TreeMap<>();
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
