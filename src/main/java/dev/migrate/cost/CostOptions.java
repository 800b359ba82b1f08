package dev.migrate.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The knobs of the cost model. Every option that is used is written into the assessment's
 * assumptions, with the default's source.
 *
 * @param targetPricing          how Compute Engine / GKE node hours are bought on Google Cloud
 * @param spotShare              share of node hours on Spot VMs (0..1) when {@code targetPricing} is SPOT_SHARE
 * @param gkeMode                price GKE workloads as planned, or force Standard (nodes) or Autopilot (pods)
 * @param gkeFreeTierCredit      subtract the GKE free-tier credit (one per billing account) from cluster fees
 * @param reconciliationThresholdPct  absolute model-vs-bill difference above which a warning is raised
 * @param appTagKey              tag that names the application (totals by application)
 * @param growthMultiples        traffic multiples for the cost-per-request table, e.g. 1, 2, 5
 * @param hoursPerMonth          hours in a month: 730 = 8760 h / 12, the month AWS and Google Cloud price lists use
 * @param cacheHitRatioOverride  Cloud CDN cache hit ratio to assume instead of the measured CloudFront ratio, or null
 * @param awsFreeTier            apply AWS always-free allowances (CloudFront 1 TB + 10M requests, 100 GB data transfer out)
 * @param cacheFill              which end of the Cloud CDN cache-fill price range to use
 * @param gkeNodeBootDiskGib     boot disk of each GKE Standard node, GiB of pd-balanced (GKE's default is 100 GB
 *                               pd-balanced: https://cloud.google.com/kubernetes-engine/docs/how-to/custom-boot-disks); 0 leaves it out
 * @param wafRulesPerAcl         rules (or rule groups) assumed in an AWS WAF web ACL whose rules the snapshot does not
 *                               have (classic WAF, wafv2:GetWebACL denied, older snapshots); billed per rule per month
 *                               (default 1: the fewest rules with which a web ACL filters anything), and the same
 *                               rules are priced in Cloud Armor
 * @param onPremisesCidrs        IPv4 ranges reached over VPN or Direct Connect (empty: none declared): flows with them
 *                               read on-premises in the dependency graph (the workbook's application groups), and the
 *                               what-if counts the traffic of moved units with them as crossing the link while the
 *                               site is reached through AWS
 */
public record CostOptions(
    TargetPricing targetPricing,
    BigDecimal spotShare,
    GkeMode gkeMode,
    boolean gkeFreeTierCredit,
    BigDecimal reconciliationThresholdPct,
    String appTagKey,
    List<BigDecimal> growthMultiples,
    BigDecimal hoursPerMonth,
    BigDecimal cacheHitRatioOverride,
    boolean awsFreeTier,
    CacheFill cacheFill,
    int gkeNodeBootDiskGib,
    int wafRulesPerAcl,
    List<String> onPremisesCidrs) {

  /** How target compute is bought. */
  public enum TargetPricing {
    /** On-demand hours with sustained-use discounts where the machine series earns them. */
    ON_DEMAND,
    /** {@code spotShare} of the hours on Spot VMs, the rest on-demand. */
    SPOT_SHARE,
    /** 1-year resource-based committed use. */
    CUD_1Y,
    /** 3-year resource-based committed use. */
    CUD_3Y
  }

  /** GKE pricing mode. */
  public enum GkeMode {
    /** Each workload as the plan says (its {@code autopilot} flag). */
    AS_PLANNED,
    /** Node pools: node count x machine type. */
    STANDARD,
    /** Autopilot: Pod vCPU and memory requests. */
    AUTOPILOT
  }

  /** Cloud CDN cache fill is published as a range (USD 0.01-0.04 per GiB by source and destination). */
  public enum CacheFill {
    MIN,
    MAX
  }

  public CostOptions {
    Objects.requireNonNull(targetPricing, "targetPricing");
    Objects.requireNonNull(gkeMode, "gkeMode");
    Objects.requireNonNull(reconciliationThresholdPct, "reconciliationThresholdPct");
    Objects.requireNonNull(appTagKey, "appTagKey");
    Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
    Objects.requireNonNull(cacheFill, "cacheFill");
    spotShare = spotShare == null ? BigDecimal.ZERO : spotShare;
    growthMultiples = List.copyOf(growthMultiples == null ? List.of() : growthMultiples);
    onPremisesCidrs = List.copyOf(onPremisesCidrs == null ? List.of() : onPremisesCidrs);
    // The dependency graph reads the ranges: checked here with its own parser, so a bad one fails before any work.
    dev.migrate.deps.DependencyOptions.DEFAULTS.withOnPremises(onPremisesCidrs);
    if (spotShare.signum() < 0 || spotShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("spot share must be between 0 and 1, was " + spotShare);
    }
    if (hoursPerMonth.signum() <= 0) {
      throw new IllegalArgumentException("hours per month must be positive, was " + hoursPerMonth);
    }
    if (wafRulesPerAcl < 0) {
      throw new IllegalArgumentException("WAF rules per web ACL must not be negative, was " + wafRulesPerAcl);
    }
    if (gkeNodeBootDiskGib < 0) {
      throw new IllegalArgumentException("node boot disk size must not be negative, was " + gkeNodeBootDiskGib);
    }
    if (cacheHitRatioOverride != null
        && (cacheHitRatioOverride.signum() < 0 || cacheHitRatioOverride.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("cache hit ratio must be between 0 and 1, was " + cacheHitRatioOverride);
    }
  }

  /** The defaults: on-demand, GKE as planned, no free-tier credit, 10% threshold, tag {@code app}, x1 x2 x5, 730 h. */
  public static CostOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .targetPricing(targetPricing)
        .spotShare(spotShare)
        .gkeMode(gkeMode)
        .gkeFreeTierCredit(gkeFreeTierCredit)
        .reconciliationThresholdPct(reconciliationThresholdPct)
        .appTagKey(appTagKey)
        .growthMultiples(growthMultiples)
        .hoursPerMonth(hoursPerMonth)
        .cacheHitRatioOverride(cacheHitRatioOverride)
        .awsFreeTier(awsFreeTier)
        .cacheFill(cacheFill)
        .gkeNodeBootDiskGib(gkeNodeBootDiskGib)
        .wafRulesPerAcl(wafRulesPerAcl)
        .onPremisesCidrs(onPremisesCidrs);
  }

  /**
   * Sets options one by one; {@link #build()} checks them (see the record's constructor). Starts
   * from the defaults: the fields' initial values are the defaults' single source.
   */
  public static final class Builder {
    private TargetPricing targetPricing = TargetPricing.ON_DEMAND;
    private BigDecimal spotShare = BigDecimal.ZERO;
    private GkeMode gkeMode = GkeMode.AS_PLANNED;
    private boolean gkeFreeTierCredit = false;
    private BigDecimal reconciliationThresholdPct = BigDecimal.TEN;
    private String appTagKey = "app";
    private List<BigDecimal> growthMultiples = List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(5));
    private BigDecimal hoursPerMonth = BigDecimal.valueOf(730);
    private BigDecimal cacheHitRatioOverride = null;
    private boolean awsFreeTier = true;
    private CacheFill cacheFill = CacheFill.MAX;
    private int gkeNodeBootDiskGib = 100;
    private int wafRulesPerAcl = 1;
    private List<String> onPremisesCidrs = List.of();

    private Builder() {
    }

    public Builder targetPricing(TargetPricing pricing) {
      this.targetPricing = pricing;
      return this;
    }

    /** Share of node hours on Spot VMs, 0..1 (null: 0); used when the target pricing is SPOT_SHARE. */
    public Builder spotShare(BigDecimal share) {
      this.spotShare = share;
      return this;
    }

    public Builder gkeMode(GkeMode mode) {
      this.gkeMode = mode;
      return this;
    }

    public Builder gkeFreeTierCredit(boolean on) {
      this.gkeFreeTierCredit = on;
      return this;
    }

    public Builder reconciliationThresholdPct(BigDecimal pct) {
      this.reconciliationThresholdPct = pct;
      return this;
    }

    public Builder appTagKey(String key) {
      this.appTagKey = key;
      return this;
    }

    public Builder growthMultiples(List<BigDecimal> multiples) {
      this.growthMultiples = multiples;
      return this;
    }

    public Builder hoursPerMonth(BigDecimal hours) {
      this.hoursPerMonth = hours;
      return this;
    }

    /** Cloud CDN cache hit ratio to assume instead of the measured one, 0..1; null measures it. */
    public Builder cacheHitRatioOverride(BigDecimal ratio) {
      this.cacheHitRatioOverride = ratio;
      return this;
    }

    public Builder awsFreeTier(boolean on) {
      this.awsFreeTier = on;
      return this;
    }

    public Builder cacheFill(CacheFill fill) {
      this.cacheFill = fill;
      return this;
    }

    public Builder gkeNodeBootDiskGib(int gib) {
      this.gkeNodeBootDiskGib = gib;
      return this;
    }

    public Builder wafRulesPerAcl(int rules) {
      this.wafRulesPerAcl = rules;
      return this;
    }

    /** IPv4 CIDR blocks reached over VPN or Direct Connect. */
    public Builder onPremisesCidrs(List<String> cidrs) {
      this.onPremisesCidrs = cidrs;
      return this;
    }

    /** @throws IllegalArgumentException when an option is out of range (the message names it) */
    public CostOptions build() {
      return new CostOptions(targetPricing, spotShare, gkeMode, gkeFreeTierCredit, reconciliationThresholdPct,
          appTagKey, growthMultiples, hoursPerMonth, cacheHitRatioOverride, awsFreeTier, cacheFill, gkeNodeBootDiskGib,
          wafRulesPerAcl, onPremisesCidrs);
    }
  }

  /** The names {@link #with(String, String)} accepts, for help texts. */
  public static final java.util.List<String> NAMES = List.of("target-pricing", "spot-share", "gke-mode",
      "gke-free-tier-credit", "reconciliation-threshold-pct", "app-tag", "growth", "hours-per-month", "cache-hit-ratio",
      "aws-free-tier", "cache-fill", "gke-node-boot-disk-gib", "waf-rules-per-acl", "on-premises");

  /**
   * A copy with one option set from text, as a command line gives it ({@code --cost-option name=value}):
   * target-pricing = on-demand | spot-share | cud-1y | cud-3y; spot-share = 0..1; gke-mode =
   * as-planned | standard | autopilot; gke-free-tier-credit, aws-free-tier = true | false;
   * reconciliation-threshold-pct, hours-per-month, cache-hit-ratio = a number; app-tag = a tag key;
   * growth = multiples separated by commas; cache-fill = min | max; gke-node-boot-disk-gib = whole GiB;
   * waf-rules-per-acl = a whole number of rules; on-premises = IPv4 CIDR blocks separated by commas (the ones given
   * before are kept, so that the option can be repeated).
   *
   * @throws IllegalArgumentException naming the option and the accepted values
   */
  public CostOptions with(String name, String value) {
    String v = value == null ? "" : value.trim();
    try {
      Builder b = toBuilder();
      switch (name) {
        case "target-pricing" -> b.targetPricing(TargetPricing.valueOf(enumName(v)));
        case "spot-share" -> b.targetPricing(targetPricing == TargetPricing.ON_DEMAND ? TargetPricing.SPOT_SHARE : targetPricing)
            .spotShare(new BigDecimal(v));
        case "gke-mode" -> b.gkeMode(GkeMode.valueOf(enumName(v)));
        case "gke-free-tier-credit" -> b.gkeFreeTierCredit(bool(v));
        case "reconciliation-threshold-pct" -> b.reconciliationThresholdPct(new BigDecimal(v));
        case "app-tag" -> {
          if (v.isEmpty()) {
            throw new IllegalArgumentException("empty");
          }
          b.appTagKey(v);
        }
        case "growth" -> b.growthMultiples(java.util.Arrays.stream(v.split(",")).map(String::trim).map(BigDecimal::new).toList());
        case "hours-per-month" -> b.hoursPerMonth(new BigDecimal(v));
        case "cache-hit-ratio" -> b.cacheHitRatioOverride(new BigDecimal(v));
        case "aws-free-tier" -> b.awsFreeTier(bool(v));
        case "cache-fill" -> b.cacheFill(CacheFill.valueOf(enumName(v)));
        case "gke-node-boot-disk-gib" -> b.gkeNodeBootDiskGib(Integer.parseInt(v));
        case "waf-rules-per-acl" -> b.wafRulesPerAcl(Integer.parseInt(v));
        case "on-premises" -> {
          List<String> all = new java.util.ArrayList<>(onPremisesCidrs);
          for (String c : v.split(",")) {
            if (c.isBlank()) {
              throw new IllegalArgumentException("empty");
            }
            if (!all.contains(c.trim())) {
              all.add(c.trim());
            }
          }
          b.onPremisesCidrs(all);
        }
        default -> throw new IllegalArgumentException("unknown option '" + name + "' (known: " + String.join(", ", NAMES) + ")");
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("unknown option")) {
        throw e;
      }
      throw new IllegalArgumentException("cost option " + name + "='" + v + "': " + accepted(name)
          + (e.getMessage() != null && e.getMessage().contains(" must be ") ? " (" + e.getMessage() + ")" : ""));
    }
  }

  private static String enumName(String v) {
    return v.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  private static boolean bool(String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("not true or false");
  }

  private static String accepted(String name) {
    return switch (name) {
      case "target-pricing" -> "expected on-demand, spot-share, cud-1y or cud-3y";
      case "gke-mode" -> "expected as-planned, standard or autopilot";
      case "cache-fill" -> "expected min or max";
      case "gke-free-tier-credit", "aws-free-tier" -> "expected true or false";
      case "growth" -> "expected numbers separated by commas, e.g. 1,2,5";
      case "spot-share", "cache-hit-ratio" -> "expected a number from 0 to 1";
      case "app-tag" -> "expected a tag key";
      case "waf-rules-per-acl" -> "expected a whole number of rules, 0 or more";
      case "on-premises" -> "expected IPv4 CIDR blocks separated by commas, e.g. 192.168.0.0/16,172.16.0.0/12";
      default -> "expected a positive number";
    };
  }
}
