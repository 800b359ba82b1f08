package dev.migrate.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per-run knobs of the engine. Null fields fall back to the rule's sizing, then to the
 * defaults documented in {@code rules/README.md}; a value given here wins over the rule's,
 * because a person who passes {@code --rightsizing as-is} expects it everywhere.
 *
 * @param regionOverrides  AWS region to Google Cloud region, replacing the default map entry
 * @param strategy         as-is or measured, or null
 * @param percentile       95 or 100, or null
 * @param headroom         CPU headroom factor, or null
 */
public record PlanOptions(Map<String, String> regionOverrides, String strategy, Integer percentile, Double headroom) {
  /** The defaults: nearest region, measured sizing with CPU p95 and headroom 1.3. */
  public static final PlanOptions DEFAULTS = new PlanOptions(Map.of(), null, null, null);

  /** Default strategy: size by measured usage (falls back to as-is per item when nothing was measured). */
  public static final String DEFAULT_STRATEGY = "measured";
  /** Default CPU percentile: p95 ignores the top 5% of periods (short spikes) yet keeps daily peaks. */
  public static final int DEFAULT_PERCENTILE = 95;
  /**
   * Default CPU headroom: 1.3 sizes for p95 at about 77% utilisation, within the 70-80% target
   * utilisation range commonly used for rightsizing (Google Cloud's own VM rightsizing recommender
   * aims at similar headroom: cloud.google.com/compute/docs/instances/apply-machine-type-recommendations-for-instances).
   */
  public static final double DEFAULT_HEADROOM = 1.3;
  /** Default memory headroom on measured memory p95 (memory cannot be throttled, only exhausted). */
  public static final double DEFAULT_MEMORY_HEADROOM = 1.2;
  /** Default minimum nodes of a GKE node pool: one per zone of a three-zone regional cluster. */
  public static final int DEFAULT_MIN_NODES = 3;

  public PlanOptions {
    regionOverrides = regionOverrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(regionOverrides));
    if (strategy != null && !strategy.equals("as-is") && !strategy.equals("measured")) {
      throw new IllegalArgumentException("rightsizing strategy must be as-is or measured, not '" + strategy + "'");
    }
    if (percentile != null && percentile != 95 && percentile != 100) {
      throw new IllegalArgumentException("percentile must be 95 or 100, not " + percentile);
    }
    // written so that NaN fails too (every comparison with NaN is false)
    if (headroom != null && !(headroom >= 1 && headroom <= 5)) {
      throw new IllegalArgumentException("headroom must be a number from 1 to 5, not " + headroom);
    }
  }
}
