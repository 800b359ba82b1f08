package dev.migrate.cost;

import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.plan.ItemKind;
import dev.migrate.pricing.Geography;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prices today's AWS estate (CURRENT) from the inventory and its usage: always from the
 * snapshot, never from the plan. Items are priced in id order so that shared tiers and free
 * allowances are drawn deterministically.
 */
final class CurrentPricer {
  private static final BigDecimal GP3_FREE_IOPS = BigDecimal.valueOf(3000);
  private static final BigDecimal GP3_FREE_MIBPS = BigDecimal.valueOf(125);
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final Estate estate;
  private final CostOptions options;
  private final BigDecimal traffic;
  private final Ledger ledger;
  private final List<String> warnings;
  /** AWS WAF web ACLs already charged: one web ACL can protect several distributions but is billed once. */
  private final TreeSet<String> webAcls = new TreeSet<>();

  CurrentPricer(Estate estate, CostOptions options, BigDecimal trafficMultiple, Ledger ledger, List<String> warnings) {
    this.estate = estate;
    this.options = options;
    this.traffic = trafficMultiple;
    this.ledger = ledger;
    this.warnings = warnings;
  }

  void price() {
    Map<String, BigDecimal> onDemandHourly = new TreeMap<>();
    for (Ec2Instance i : estate.snapshot.instances()) {
      instance(i, onDemandHourly);
    }
    commitments(onDemandHourly);
    for (EbsVolume v : estate.snapshot.volumes()) {
      volume(v);
    }
    for (LoadBalancer lb : estate.snapshot.loadBalancers()) {
      loadBalancer(lb);
    }
    for (Distribution d : estate.snapshot.distributions()) {
      distribution(d);
    }
    for (S3Bucket b : estate.snapshot.buckets()) {
      bucket(b);
    }
  }

  private Ledger.Item item(ItemKind kind, String id, String name) {
    return new Ledger.Item(id, name, estate.appOf(kind, id));
  }

  // ------------------------------------------------------------------ EC2

  private void instance(Ec2Instance i, Map<String, BigDecimal> onDemandHourly) {
    if (!i.running()) {
      return; // a stopped instance costs only its volumes (priced with the volumes)
    }
    Ledger.Item item = item(ItemKind.EC2_INSTANCE, i.id(), i.name());
    String platform = i.platform().toLowerCase(Locale.ROOT);
    PriceKey key = PriceKey.aws("ec2", i.instanceType() + ":" + platform, i.region());
    String component = "instance hours (" + i.instanceType() + ", " + platform + ")";
    if (!"on-demand".equals(i.lifecycle())) {
      // Spot and scheduled prices are not in the book: say so rather than price at on-demand.
      ledger.missing(item, component + ", lifecycle " + i.lifecycle(),
          PriceKey.aws("ec2", i.instanceType() + ":" + platform + ":" + i.lifecycle(), i.region()).toString());
      return;
    }
    if (!"default".equals(i.tenancy())) {
      ledger.missing(item, component + ", tenancy " + i.tenancy(),
          PriceKey.aws("ec2", i.instanceType() + ":" + platform + ":" + i.tenancy(), i.region()).toString());
      return;
    }
    BigDecimal amount = ledger.flat(item, Services.EC2, component, estate.hoursPerMonth, key);
    if (amount != null) {
      onDemandHourly.put(i.id(), ledger.book().find(key).map(Price::usd).orElseThrow());
    }
  }

  /**
   * Reserved instances: each active RI covers up to {@code count} running instances of its type,
   * region and platform (negative lines on the covered instances, at their on-demand price) and
   * costs its recurring hourly fee plus its upfront payment spread over the term. Savings plans:
   * the hourly commitment is charged; on-demand EC2 spend is covered one-for-one up to the
   * commitment (the plan's discount rates are not in the snapshot, so the saving is not modelled).
   */
  private void commitments(Map<String, BigDecimal> onDemandHourly) {
    List<Commitment> list = new ArrayList<>(estate.snapshot.commitments());
    list.sort(Comparator.comparing(Commitment::id));
    TreeSet<String> covered = new TreeSet<>();
    BigDecimal hours = estate.hoursPerMonth;
    LocalDate asOf = estate.snapshot.collectedAt().atZone(ZoneOffset.UTC).toLocalDate();
    for (Commitment c : list) {
      if (c.state() != null && !"active".equalsIgnoreCase(c.state())) {
        continue;
      }
      Ledger.Item ci = new Ledger.Item(c.id(), c.kind() + " " + (c.offering() == null ? "" : c.offering()).trim(), "(commitments)");
      String source = "snapshot: " + c.kind() + " " + c.id() + " (collected " + asOf + ")";
      if ("reserved-instance".equals(c.kind())) {
        String platform = c.platform() == null ? "linux"
            : c.platform().toLowerCase(Locale.ROOT).contains("windows") ? "windows" : "linux";
        int left = c.count();
        for (Ec2Instance i : estate.snapshot.instances()) {
          if (left == 0) {
            break;
          }
          if (i.running() && i.instanceType().equals(c.instanceType()) && i.region().equals(c.region())
              && i.platform().equalsIgnoreCase(platform) && onDemandHourly.containsKey(i.id()) && covered.add(i.id())) {
            BigDecimal od = onDemandHourly.get(i.id());
            PriceKey odKey = PriceKey.aws("ec2", i.instanceType() + ":" + platform, i.region());
            dev.migrate.pricing.Tier odTier = ledger.book().find(odKey).orElseThrow().flat();
            ledger.add(item(ItemKind.EC2_INSTANCE, i.id(), i.name()), Services.EC2,
                "reserved instance " + c.id() + " covers the on-demand hours", hours, "hour",
                odKey.toString(), od.negate(), odTier.source(), odTier.asOf(), hours.multiply(od).negate());
            left--;
          }
        }
        if (c.hourlyUsd() != null && c.hourlyUsd().signum() > 0) {
          BigDecimal q = hours.multiply(BigDecimal.valueOf(c.count()));
          ledger.add(ci, Services.EC2, "reserved instance recurring charge (" + c.count() + " x " + c.instanceType() + ")",
              q, "hour", "snapshot:commitment/" + c.id() + "/hourlyUsd", c.hourlyUsd(), source, asOf, q.multiply(c.hourlyUsd()));
        }
        amortisedUpfront(c, ci, source, asOf);
      } else if ("savings-plan".equals(c.kind())) {
        if (c.hourlyUsd() == null) {
          continue;
        }
        BigDecimal fee = hours.multiply(c.hourlyUsd());
        ledger.add(ci, Services.SAVINGS_PLANS, "savings plan hourly commitment", hours, "hour",
            "snapshot:commitment/" + c.id() + "/hourlyUsd", c.hourlyUsd(), source, asOf, fee);
        BigDecimal eligible = BigDecimal.ZERO;
        for (var e : onDemandHourly.entrySet()) {
          if (!covered.contains(e.getKey())) {
            eligible = eligible.add(e.getValue().multiply(hours));
          }
        }
        BigDecimal cover = eligible.min(fee);
        if (cover.signum() > 0) {
          ledger.add(ci, Services.EC2, "on-demand EC2 usage covered by savings plan (1:1, discount rate not modelled)",
              cover, "USD", "snapshot:commitment/" + c.id(), BigDecimal.ONE.negate(), source, asOf, cover.negate());
        }
        amortisedUpfront(c, ci, source, asOf);
        warnings.add("savings plan " + c.id() + ": its discount rates are not collected, so covered EC2 usage is counted "
            + "at on-demand value; today's real cost is lower by the plan's discount");
      }
    }
  }

  private void amortisedUpfront(Commitment c, Ledger.Item ci, String source, LocalDate asOf) {
    if (c.upfrontUsd() == null || c.upfrontUsd().signum() == 0 || c.start() == null || c.end() == null) {
      return;
    }
    long months = Math.max(1, Math.round(ChronoUnit.DAYS.between(c.start(), c.end()) / (365.0 / 12)));
    BigDecimal perMonth = c.upfrontUsd().divide(BigDecimal.valueOf(months), Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    ledger.add(ci, c.kind().equals("savings-plan") ? Services.SAVINGS_PLANS : Services.EC2,
        "upfront payment " + c.upfrontUsd().toPlainString() + " USD spread over " + months + " months", BigDecimal.ONE,
        "month", "snapshot:commitment/" + c.id() + "/upfrontUsd", perMonth, source, asOf, perMonth);
  }

  // ------------------------------------------------------------------ EBS

  private void volume(EbsVolume v) {
    Ledger.Item item = item(ItemKind.EBS_VOLUME, v.id(), v.tags().getOrDefault("Name", v.id()));
    String type = v.volumeType();
    ledger.flat(item, Services.EBS, "storage (" + type + ")", BigDecimal.valueOf(v.sizeGib()),
        PriceKey.aws("ebs", type + ":storage", v.region()));
    if ("gp3".equals(type)) {
      if (v.iops() != null && v.iops() > 3000) {
        ledger.flat(item, Services.EBS, "gp3 IOPS above 3,000", BigDecimal.valueOf(v.iops()).subtract(GP3_FREE_IOPS),
            PriceKey.aws("ebs", "gp3:iops-above-3000", v.region()));
      }
      if (v.throughputMibps() != null && v.throughputMibps() > 125) {
        ledger.flat(item, Services.EBS, "gp3 throughput above 125 MiB/s",
            BigDecimal.valueOf(v.throughputMibps()).subtract(GP3_FREE_MIBPS),
            PriceKey.aws("ebs", "gp3:throughput-above-125", v.region()));
      }
    } else if (("io1".equals(type) || "io2".equals(type)) && v.iops() != null && v.iops() > 0) {
      // io2 IOPS are tiered per volume (first 32,000 at one rate), so the pool is the volume itself.
      ledger.tiered(item, Services.EBS, type + " provisioned IOPS", BigDecimal.valueOf(v.iops()),
          PriceKey.aws("ebs", type + ":iops", v.region()), "ebs-iops:" + v.id());
    }
  }

  // ------------------------------------------------------------------ ELB

  private void loadBalancer(LoadBalancer lb) {
    Ledger.Item item = item(ItemKind.LOAD_BALANCER, lb.id(), lb.name());
    String prefix = switch (lb.type()) {
      case APPLICATION -> "alb";
      case NETWORK -> "nlb";
      case CLASSIC -> "clb";
    };
    ledger.flat(item, Services.ELB, prefix.toUpperCase(Locale.ROOT) + " hours", estate.hoursPerMonth,
        PriceKey.aws("elb", prefix + ":hour", lb.region()));
    Usage u = estate.usageOf(lb.id()).orElse(null);
    if (lb.type() == LoadBalancerType.CLASSIC) {
      if (u != null && u.bytesOutGib() != null) {
        ledger.flat(item, Services.ELB, "data processed", estate.monthly(u.bytesOutGib(), traffic),
            PriceKey.aws("elb", "clb:data-processed", lb.region()));
      } else {
        warnings.add("load balancer " + lb.name() + ": processed bytes not measured; its data-processed charge is not modelled");
      }
    } else {
      String unit = lb.type() == LoadBalancerType.APPLICATION ? "LCU" : "NLCU";
      PriceKey key = PriceKey.aws("elb", prefix + (lb.type() == LoadBalancerType.APPLICATION ? ":lcu-hour" : ":nlcu-hour"), lb.region());
      if (u != null && u.lcuHours() != null) {
        ledger.flat(item, Services.ELB, unit + " hours", estate.monthly(u.lcuHours(), traffic), key);
      } else if (u != null && u.bytesOutGib() != null) {
        // One LCU (NLCU) includes 1 GB processed per hour for EC2 targets (TCP): the processed-bytes
        // dimension alone gives a floor for the LCU hours (https://aws.amazon.com/elasticloadbalancing/pricing/).
        ledger.flat(item, Services.ELB, unit + " hours (estimated from processed bytes: 1 GB per " + unit + "-hour)",
            estate.monthly(u.bytesOutGib(), traffic), key);
      } else {
        warnings.add("load balancer " + lb.name() + ": neither " + unit + "s nor processed bytes measured; its "
            + unit + " charge is not modelled");
      }
    }
    // Bytes an internet-facing load balancer sends to clients leave AWS as data transfer out,
    // unless CloudFront fronts it (origin fetches to CloudFront are free).
    if (u != null && u.bytesOutGib() != null && lb.internetFacing() && !estate.lbOrigins.contains(lb.id())) {
      internetOut(item, estate.monthly(u.bytesOutGib(), traffic), lb.region());
    }
  }

  private void internetOut(Ledger.Item item, BigDecimal gb, String region) {
    ledger.traffic(item, Services.DATA_TRANSFER, "data transfer out to the internet", gb,
        options.awsFreeTier() ? PriceKey.aws("data-transfer", "free-internet-out", "global") : null,
        "data transfer out to the internet, free allowance",
        PriceKey.aws("data-transfer", "internet-out", region), "aws-internet-out:" + region);
  }

  // ------------------------------------------------------------------ CloudFront

  private void distribution(Distribution d) {
    Ledger.Item item = item(ItemKind.CLOUDFRONT_DISTRIBUTION, d.id(), d.aliases().isEmpty() ? d.id() : d.aliases().get(0));
    Usage u = estate.usageOf(d.id()).orElse(null);
    if (d.webAclId() != null) {
      waf(d, item, u);
    }
    if (u == null || (u.bytesOutGib() == null && u.requests() == null)) {
      if (d.enabled()) {
        warnings.add("distribution " + d.id() + ": no traffic measured; its CloudFront charges are not modelled");
      }
      return;
    }
    String home = estate.distributionRegion.getOrDefault(d.id(), estate.homeRegion());
    Map<String, BigDecimal> bytes = Traffic.byGeography(u.bytesByGeographyGib(), u.bytesOutGib(), home, ledger.book().geographies(), estate, traffic);
    for (var e : bytes.entrySet()) {
      Geography g = ledger.book().geographies().resolve(e.getKey()).orElse(null);
      String column = g == null ? e.getKey() : g.awsCloudfrontTransfer();
      ledger.traffic(item, Services.CLOUDFRONT, "data transfer out (" + column + ")", e.getValue(),
          options.awsFreeTier() ? PriceKey.aws("cloudfront", "free-data-transfer-out", "global") : null,
          "data transfer out (" + column + "), free allowance",
          PriceKey.aws("cloudfront", "data-transfer-out", column), "aws-cloudfront-dto:" + column);
    }
    Map<String, BigDecimal> requests = Traffic.byGeography(Traffic.toDouble(u.requestsByGeography()),
        u.requests() == null ? null : u.requests().doubleValue(), home, ledger.book().geographies(), estate, traffic);
    for (var e : requests.entrySet()) {
      Geography g = ledger.book().geographies().resolve(e.getKey()).orElse(null);
      String column = g == null ? e.getKey() : g.awsCloudfrontRequests();
      // Priced as HTTPS (the dearer of the two): the HTTP/HTTPS split is not measured.
      BigDecimal per10k = e.getValue().divide(TEN_THOUSAND, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.traffic(item, Services.CLOUDFRONT, "HTTPS requests (" + column + ")", per10k,
          options.awsFreeTier() ? PriceKey.aws("cloudfront", "free-requests", "global") : null,
          "HTTPS requests (" + column + "), free allowance", PriceKey.aws("cloudfront", "requests-https", column), null);
    }
  }

  /**
   * AWS WAF on a distribution: the web ACL and its rules per month (charged once per web ACL, on the
   * first distribution in id order that uses it) and the web requests it inspects (every request the
   * distribution serves). The snapshot has no rule count: {@code wafRulesPerAcl} is assumed and said so.
   */
  private void waf(Distribution d, Ledger.Item item, Usage u) {
    if (webAcls.add(d.webAclId())) {
      ledger.flat(item, Services.WAF, "AWS WAF web ACL", BigDecimal.ONE, PriceKey.aws("waf", "web-acl", "global"));
      int rules = options.wafRulesPerAcl();
      ledger.flat(item, Services.WAF, "AWS WAF rules (" + rules + " per web ACL, assumed)", BigDecimal.valueOf(rules),
          PriceKey.aws("waf", "rule", "global"));
      warnings.add("distribution " + d.id() + ": the rules of its AWS WAF web ACL are not collected; " + rules
          + " rule(s) assumed, priced on both sides (AWS WAF and Cloud Armor); set --cost-option waf-rules-per-acl=N");
    }
    if (u != null && u.requests() != null) {
      BigDecimal millions = estate.monthly(u.requests(), traffic).divide(MILLION, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.flat(item, Services.WAF, "AWS WAF web requests inspected", millions, PriceKey.aws("waf", "requests", "global"));
    } else if (d.enabled()) {
      warnings.add("distribution " + d.id() + ": no requests measured; its AWS WAF request charge is not modelled");
    }
  }

  // ------------------------------------------------------------------ S3

  private void bucket(S3Bucket b) {
    Ledger.Item item = item(ItemKind.S3_BUCKET, b.name(), b.name());
    for (S3Bucket.StorageClassUsage s : b.storage()) {
      BigDecimal gb = Estate.gib(s.bytes());
      String cls = s.storageClass();
      String sku = switch (cls) {
        case "INTELLIGENT_TIERING" -> "INTELLIGENT_TIERING:storage-frequent";
        default -> cls + ":storage";
      };
      String component = "storage (" + cls + (cls.equals("INTELLIGENT_TIERING") ? ", frequent-access tier" : "") + ")";
      ledger.tiered(item, Services.S3, component, gb, PriceKey.aws("s3", sku, b.region()), "aws-s3:" + sku + ":" + b.region());
    }
    Usage u = estate.usageOf(b.name()).orElse(null);
    if (u != null && u.requests() != null) {
      // The collector's request count does not separate PUT/LIST from GET: priced as GET and other.
      ledger.flat(item, Services.S3, "requests (priced as GET and other)",
          estate.monthly(u.requests(), traffic).setScale(0, RoundingMode.HALF_EVEN),
          PriceKey.aws("s3", "STANDARD:get-and-other", b.region()));
    }
    if (u != null && u.bytesOutGib() != null && !estate.bucketOrigins.contains(b.name())) {
      internetOut(item, estate.monthly(u.bytesOutGib(), traffic), b.region());
    }
  }
}
