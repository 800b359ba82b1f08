package dev.migrate.cost;

import dev.migrate.inventory.Snapshot;
import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes every option and modelling rule the figures depend on, with its source. */
final class Assumptions {
  private Assumptions() {}

  static List<Assumption> of(CostOptions o, PriceBook book, Snapshot snapshot) {
    List<Assumption> a = new ArrayList<>();
    a.add(new Assumption("price book", book.date() + " (" + book.location() + ")", "every unit price names its own source and date"));
    a.add(new Assumption("hours per month", o.hoursPerMonth().toPlainString(),
        "8,760 h / 12; the month of the AWS and Google Cloud price calculators and of the book's monthly prices"));
    a.add(new Assumption("usage window", snapshot.window().start() + " to " + snapshot.window().end() + " ("
        + fmt(snapshot.window().hours()) + " h)", "snapshot; window totals are scaled to a month by hours per month / window hours"));
    a.add(new Assumption("running instances", "run every hour of the month; stopped instances cost their volumes only",
        "instance state at collection"));
    a.add(new Assumption("AWS free allowances", o.awsFreeTier() ? "applied: CloudFront 1 TB + 10M requests, 100 GB data transfer out per month" : "not applied",
        "https://aws.amazon.com/cloudfront/pricing/ and https://aws.amazon.com/ec2/pricing/on-demand/ (always free since 2021-12-01)"));
    a.add(new Assumption("CloudFront requests", "priced as HTTPS", "HTTP/HTTPS split not measured; HTTPS is the dearer"));
    a.add(new Assumption("AWS WAF rules per web ACL", o.wafRulesPerAcl() + " (assumed)",
        "option waf-rules-per-acl (default 1: the fewest rules with which a web ACL filters anything); the snapshot does not"
            + " collect web ACL rules; the same count is priced as Cloud Armor rules"));
    a.add(new Assumption("AWS data transfer out", "bytes sent by internet-facing load balancers and buckets that CloudFront does not front",
        "instance NetworkOut cannot be split between internet, other AZs and AWS services; CloudFront origin fetches are free"));
    a.add(new Assumption("ALB/NLB capacity units", "measured LCU/NLCU hours; when absent, processed GB per hour (1 GB per LCU-hour)",
        "https://aws.amazon.com/elasticloadbalancing/pricing/"));
    a.add(new Assumption("S3 requests", "priced as GET and other", "the collector's request count does not split PUT/LIST from GET"));
    a.add(new Assumption("S3 Intelligent-Tiering", "priced at the frequent-access tier", "tier split not collected"));
    a.add(new Assumption("target compute pricing", o.targetPricing().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + (o.targetPricing() == CostOptions.TargetPricing.SPOT_SHARE ? " (spot share " + o.spotShare().toPlainString() + ")" : ""),
        "option; on-demand hours carry the series' sustained-use discount at a full month (https://cloud.google.com/compute/docs/sustained-use-discounts)"));
    a.add(new Assumption("committed-use price basis", "per machine-month of 730 h", "Cloud Billing Catalog prices as extracted in the book"));
    a.add(new Assumption("GKE mode", o.gkeMode().name().toLowerCase(Locale.ROOT).replace('_', '-'), "option"));
    a.add(new Assumption("GKE node boot disk", o.gkeNodeBootDiskGib() == 0 ? "not priced" : o.gkeNodeBootDiskGib() + " GiB pd-balanced per node",
        "GKE default boot disk (https://cloud.google.com/kubernetes-engine/docs/how-to/custom-boot-disks); option"));
    a.add(new Assumption("GKE free-tier credit", o.gkeFreeTierCredit() ? "applied once" : "not applied",
        "option; https://cloud.google.com/kubernetes-engine/pricing (74.40 USD per month per billing account, zonal and Autopilot clusters)"));
    a.add(new Assumption("Cloud CDN cache fill", o.cacheFill().name().toLowerCase(Locale.ROOT) + " of the published range",
        "https://cloud.google.com/cdn/pricing (0.01-0.04 USD/GiB by source and destination)"));
    a.add(new Assumption("Cloud CDN cache hit ratio", o.cacheHitRatioOverride() == null ? "measured CloudFront ratio per distribution"
        : o.cacheHitRatioOverride().toPlainString(), o.cacheHitRatioOverride() == null ? "snapshot usage" : "option"));
    a.add(new Assumption("Google Cloud internet egress", "Premium Tier, destination from the region's geography",
        "https://cloud.google.com/vpc/network-pricing"));
    a.add(new Assumption("traffic growth", "traffic-driven lines (egress, requests, LCUs, data processed) scale with traffic; "
        + "compute, disks, storage and fixed fees are kept as today", "compute is kept fixed: the fleet's headroom is not modelled"));
    a.add(new Assumption("growth multiples", String.join(", ", o.growthMultiples().stream().map(BigDecimal::toPlainString).toList()), "option"));
    a.add(new Assumption("reconciliation threshold", o.reconciliationThresholdPct().toPlainString() + "%", "option (default 10%)"));
    a.add(new Assumption("application tag", o.appTagKey(), "option (default 'app')"));
    return a;
  }

  private static String fmt(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
