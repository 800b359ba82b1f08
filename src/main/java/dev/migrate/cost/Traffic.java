package dev.migrate.cost;

import dev.migrate.pricing.Geographies;
import dev.migrate.pricing.Geography;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Splits a distribution's traffic by price geography. */
final class Traffic {
  private Traffic() {}

  /**
   * Monthly traffic by geography name: the measured split when there is one, otherwise all of
   * the total in the geography of {@code homeRegion} (the region of the distribution's origin).
   */
  static Map<String, BigDecimal> byGeography(Map<String, Double> split, Double total, String homeRegion,
      Geographies geographies, Estate estate) {
    Map<String, BigDecimal> out = new TreeMap<>();
    if (split != null && !split.isEmpty()) {
      split.forEach((k, v) -> {
        if (v != null && v > 0) {
          out.put(k, estate.monthly(v));
        }
      });
      return out;
    }
    if (total != null && total > 0) {
      String name = geographies.ofRegion(homeRegion).map(Geography::name).orElse("region " + homeRegion);
      out.put(name, estate.monthly(total));
    }
    return out;
  }

  static Map<String, Double> toDouble(Map<String, Long> m) {
    Map<String, Double> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v == null ? null : v.doubleValue()));
    return out;
  }
}
