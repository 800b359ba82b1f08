package dev.migrate.cost;

import dev.migrate.inventory.Coverage;
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
    a.addAll(commitments(o, snapshot));
    a.add(new Assumption("CloudFront requests", "priced as HTTPS", "HTTP/HTTPS split not measured; HTTPS is the dearer"));
    a.add(WafRules.assumption(o, snapshot));
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
    if (!o.onPremisesCidrs().isEmpty()) {
      a.add(new Assumption("on-premises ranges (VPN or Direct Connect)", String.join(", ", o.onPremisesCidrs()),
          "option --on-premises"));
    }
    return a;
  }

  /** How reserved instances and savings plans lower today's cost, and where Cost Explorer's coverage is used. */
  private static List<Assumption> commitments(CostOptions o, Snapshot snapshot) {
    Coverage c = snapshot.coverage();
    String months = c == null ? null : c.fromMonth() + ".." + c.toMonth();
    String threshold = o.reconciliationThresholdPct().stripTrailingZeros().toPlainString() + "%";
    List<Assumption> a = new ArrayList<>();
    a.add(new Assumption("reserved instances", "an active RI covers running instances of its exact type, region and platform "
        + "at their on-demand price; its recurring fee and its upfront payment spread over the term are charged",
        c == null || c.reservedInstances() == null ? "snapshot commitments; Cost Explorer coverage not in the snapshot, so not cross-checked"
            : "snapshot commitments; cross-checked with Cost Explorer reserved hours " + months + " (warning above " + threshold + ")"));
    String sp;
    String spSource;
    if (c != null && c.savingsPlans() != null) {
      sp = "commitment charged from the snapshot's plans (split used/unused by Cost Explorer utilisation); EC2 loses the "
          + "on-demand value Cost Explorer says the plans covered, scaled to the month (" + o.hoursPerMonth().toPlainString()
          + " h / " + CurrentPricer.periodHours(c).toPlainString() + " h), capped at the on-demand EC2 cost no RI covers";
      spSource = "Cost Explorer savings plan coverage and utilisation " + months + "; RIs apply before savings plans, as on the bill";
    } else {
      sp = "commitment charged; on-demand EC2 usage covered 1:1 up to the commitment (discount not modelled)";
      spSource = "Cost Explorer savings plan coverage not in the snapshot; the plans' discount rates are not collected";
    }
    a.add(new Assumption("savings plans", sp, spSource));
    return a;
  }

  private static String fmt(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
