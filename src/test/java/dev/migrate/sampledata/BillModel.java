package dev.migrate.sampledata;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The monthly bill by Cost Explorer service: October 2026 is what the snapshot's inventory and
 * usage cost at list prices (plus a few small things the snapshot does not model), and the eleven
 * months before it shrink backwards at each service's growth rate, so the bill grew from about
 * 60% to 100% over the year.
 */
final class BillModel {
  static final String EC2 = "Amazon Elastic Compute Cloud - Compute";
  static final String EC2_OTHER = "EC2 - Other";
  static final String ELB = "Amazon Elastic Load Balancing";
  static final String CLOUDFRONT = "Amazon CloudFront";
  static final String S3 = "Amazon Simple Storage Service";
  static final String DATA_TRANSFER = "AWS Data Transfer";
  static final String ROUTE53 = "Amazon Route 53";
  static final String CLOUDWATCH = "AmazonCloudWatch";
  static final String KMS = "AWS Key Management Service";
  static final String WAF = "AWS WAF";
  static final String LAMBDA = "AWS Lambda";
  static final String RDS = "Amazon Relational Database Service";
  static final String ELASTICACHE = "Amazon ElastiCache";

  /** Hours in October 2026. */
  static final int OCTOBER_HOURS = 31 * 24;
  /**
   * From window traffic (30 days centred on 10 November) to October traffic (31 days centred on
   * 16 October, 25 days earlier at ~5% growth a month).
   */
  static final double TRAFFIC_TO_OCTOBER = 31.0 / 30 / StrictMath.pow(EdgeTraffic.DAILY_GROWTH, 25);
  /** S3 storage grows too: October held about 2.5% less than the end of the window. */
  static final double STORAGE_TO_OCTOBER = 1 / 1.025;

  // Not in the snapshot (format v1 has no NAT gateways or EBS snapshots): rough figures that
  // make EC2 - Other look like a real one. USD per month.
  /** One NAT gateway in Tokyo: $0.062/h x 744 h plus ~420 GB processed at $0.062/GB. */
  static final double NAT_GATEWAY_OCTOBER = 0.062 * OCTOBER_HOURS + 420 * 0.062;
  /** ~1,850 GB of EBS snapshots at $0.05/GB-month (ap-northeast-1). */
  static final double EBS_SNAPSHOTS_OCTOBER = 1_850 * 0.05;
  /**
   * RDS backup storage beyond the free allowance (100% of the provisioned storage), GB-month: seven daily
   * automated backups of the payments database plus two manual snapshots kept from its 8.0 upgrade.
   */
  static final double RDS_CHARGED_BACKUP_GB = 85;
  /** PUT/LIST requests and lifecycle transitions, as a share of S3 storage and GETs. */
  static final double S3_UNMODELLED_SHARE = 0.04;

  // AWS always-free tier, per month (aws.amazon.com/free, "Always free"; CloudFront since December 2021).
  /** CloudFront data transfer out, GB. */
  static final double CLOUDFRONT_FREE_GB = 1_024;
  /** CloudFront HTTP and HTTPS requests. */
  static final double CLOUDFRONT_FREE_REQUESTS = 10_000_000;
  /** Data transfer out to the internet from all regions together (CloudFront excluded), GB. */
  static final double INTERNET_FREE_GB = 100;

  private BillModel() {}

  /** October 2026 per service at list prices, modelled part only (what the inventory explains). */
  static Map<String, Double> modelledOctober(Snapshot s, TableappEstate.Names names, double siteOriginGib) {
    Map<String, Double> m = new TreeMap<>();
    // EC2 instance hours, less what active reserved instances save.
    double compute = 0;
    for (Ec2Instance i : s.instances()) {
      if (i.running()) {
        compute += hourly(i) * OCTOBER_HOURS;
      }
    }
    compute -= reservedSavingsPerHour(s, Instant.parse("2026-10-15T00:00:00Z")) * OCTOBER_HOURS;
    m.put(EC2, compute);
    m.put(EC2_OTHER, ebsMonthly(s.volumes()));

    double elb = 0;
    for (LoadBalancer lb : s.loadBalancers()) {
      Usage u = s.usageOf(lb.id()).orElseThrow();
      switch (lb.type()) {
        case APPLICATION -> elb += ListPrices.ALB_HOUR_TOKYO * OCTOBER_HOURS
            + u.lcuHours() * TRAFFIC_TO_OCTOBER * ListPrices.ALB_LCU_HOUR_TOKYO;
        case NETWORK -> elb += ListPrices.NLB_HOUR_TOKYO * OCTOBER_HOURS
            + u.lcuHours() * TRAFFIC_TO_OCTOBER * ListPrices.NLB_NLCU_HOUR_TOKYO;
        case CLASSIC -> elb += ListPrices.CLB_HOUR_TOKYO * OCTOBER_HOURS
            + u.bytesOutGib() * 1.15 * TRAFFIC_TO_OCTOBER * ListPrices.CLB_GB_TOKYO; // in + out
      }
    }
    m.put(ELB, elb);

    // The always-free tier comes off first: the first 1,024 GB and 10M requests of the month are free.
    double freeGb = CLOUDFRONT_FREE_GB;
    double freeRequests = CLOUDFRONT_FREE_REQUESTS;
    double cf = 0;
    for (var d : s.distributions()) {
      Usage u = s.usageOf(d.id()).orElseThrow();
      for (var e : u.bytesByGeographyGib().entrySet()) {
        double gb = e.getValue() * TRAFFIC_TO_OCTOBER;
        double free = Math.min(freeGb, gb);
        freeGb -= free;
        cf += (gb - free) * ListPrices.CLOUDFRONT_GB.get(e.getKey());
      }
      for (var e : u.requestsByGeography().entrySet()) {
        double requests = e.getValue() * TRAFFIC_TO_OCTOBER;
        double free = Math.min(freeRequests, requests);
        freeRequests -= free;
        cf += (requests - free) / 10_000.0 * ListPrices.CLOUDFRONT_HTTPS_10K.get(e.getKey());
      }
    }
    m.put(CLOUDFRONT, cf);

    double s3 = 0;
    for (S3Bucket b : s.buckets()) {
      for (S3Bucket.StorageClassUsage c : b.storage()) {
        s3 += c.gib() * ListPrices.S3_GB_MONTH.get(b.region() + "/" + c.storageClass()) * STORAGE_TO_OCTOBER;
      }
      var u = s.usageOf(b.name());
      if (u.isPresent() && u.get().requests() != null) {
        s3 += u.get().requests() * ListPrices.S3_GET_TOKYO * TRAFFIC_TO_OCTOBER;
      }
    }
    m.put(S3, s3);

    // Internet egress that is not CloudFront: API and legacy ELB responses, websockets, photo
    // downloads straight from the uploads bucket, the web ALB's direct traffic (what it sends to
    // CloudFront is free) and the us-east-1 boxes.
    double tokyoOut = 0;
    for (LoadBalancer lb : s.loadBalancers()) {
      tokyoOut += s.usageOf(lb.id()).orElseThrow().bytesOutGib();
    }
    tokyoOut -= siteOriginGib;
    tokyoOut += s.usageOf(names.uploadsBucket()).orElseThrow().bytesOutGib();
    double virginiaOut = 0;
    for (Ec2Instance i : s.instances()) {
      if (TableappEstate.VIRGINIA.equals(i.region()) && i.running()) {
        virginiaOut += s.usageOf(i.id()).orElseThrow().networkOutGib();
      }
    }
    // The first 100 GB a month out of all regions together are free (taken from Tokyo, the larger).
    double tokyoPaid = Math.max(0, tokyoOut * TRAFFIC_TO_OCTOBER - INTERNET_FREE_GB);
    double virginiaPaid = virginiaOut * TRAFFIC_TO_OCTOBER
        - Math.max(0, INTERNET_FREE_GB - tokyoOut * TRAFFIC_TO_OCTOBER);
    m.put(DATA_TRANSFER, tokyoPaid * ListPrices.INTERNET_OUT_TOKYO
        + Math.max(0, virginiaPaid) * ListPrices.INTERNET_OUT_VIRGINIA);

    // RDS: instance hours (the Multi-AZ rate pays for the standby) and storage (Multi-AZ: both copies).
    double rds = 0;
    for (DbInstance d : s.dbInstances()) {
      rds += ListPrices.rdsHourly(d) * OCTOBER_HOURS + d.allocatedStorageGib() * rdsStorageGbMonth(d);
    }
    m.put(RDS, rds);
    double cache = 0;
    for (CacheCluster c : s.cacheClusters()) {
      cache += ListPrices.elastiCacheHourly(c) * c.nodeCount() * OCTOBER_HOURS;
    }
    m.put(ELASTICACHE, cache);
    return m;
  }

  /** Month of the coverage block: the collector asks for the whole months of the window (here only October). */
  static final YearMonth COVERAGE_MONTH = YearMonth.of(2026, 10);

  /**
   * What Cost Explorer answers for October 2026 (ce:GetReservationCoverage grouped by instance type
   * and region, ce:GetSavingsPlansCoverage; ce:GetSavingsPlansUtilization answers DataUnavailable
   * because the account has no savings plan): every running instance ran all 744 hours, the active
   * RI covers two r5.large in Tokyo, and no plan covers anything, so the whole on-demand compute
   * spend left after the RI is eligible and uncovered. Percentages to 4 places, as the collector
   * computes them; amounts rounded to cents.
   */
  static Coverage coverage(Snapshot s) {
    Instant mid = Instant.parse("2026-10-15T00:00:00Z");
    Map<String, long[]> running = new TreeMap<>();   // type \0 region -> {count}
    Map<String, Double> hourly = new TreeMap<>();
    for (Ec2Instance i : s.instances()) {
      if (i.running()) {
        String key = i.instanceType() + "\u0000" + i.region();
        running.computeIfAbsent(key, k -> new long[1])[0]++;
        hourly.merge(key, hourly(i), Double::sum);   // sum over the group: Windows carries its licence
      }
    }
    Map<String, Long> reserved = new TreeMap<>();
    for (Commitment c : s.commitments()) {
      if ("reserved-instance".equals(c.kind()) && !mid.isBefore(c.start()) && mid.isBefore(c.end())) {
        reserved.merge(c.instanceType() + "\u0000" + c.region(), (long) c.count(), Long::sum);
      }
    }
    List<Coverage.Group> groups = new ArrayList<>();
    BigDecimal reservedSum = BigDecimal.ZERO;
    BigDecimal totalSum = BigDecimal.ZERO;
    BigDecimal onDemandCostSum = BigDecimal.ZERO;
    for (var e : running.entrySet()) {
      String[] tr = e.getKey().split("\u0000");
      long count = e.getValue()[0];
      long covered = Math.min(count, reserved.getOrDefault(e.getKey(), 0L));
      BigDecimal total = BigDecimal.valueOf(count * OCTOBER_HOURS);
      BigDecimal res = BigDecimal.valueOf(covered * OCTOBER_HOURS);
      BigDecimal od = total.subtract(res);
      // hours at on demand x the group's average hourly price
      BigDecimal odCost = BigDecimal.valueOf(hourly.get(e.getKey()) / count * (count - covered) * OCTOBER_HOURS)
          .setScale(2, RoundingMode.HALF_EVEN);
      groups.add(new Coverage.Group(tr[0], tr[1], pct(res, total), res, od, total, odCost));
      reservedSum = reservedSum.add(res);
      totalSum = totalSum.add(total);
      onDemandCostSum = onDemandCostSum.add(odCost);
    }
    var ri = new Coverage.ReservedInstances(pct(reservedSum, totalSum), reservedSum, totalSum.subtract(reservedSum),
        totalSum, onDemandCostSum, groups);
    // Compute Savings Plans are eligible for all EC2 on-demand usage the RI does not cover.
    var sp = new Coverage.SavingsPlans(BigDecimal.ZERO.setScale(4), BigDecimal.ZERO, onDemandCostSum, onDemandCostSum,
        null, null, null, null, null);
    return new Coverage(COVERAGE_MONTH, COVERAGE_MONTH, ri, sp);
  }

  private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_EVEN);
  }

  static double rdsStorageGbMonth(DbInstance d) {
    if (!"gp3".equals(d.storageType()) || !d.multiAz() || !ListPrices.TOKYO.equals(d.region())) {
      throw new IllegalStateException("no RDS storage price copied for " + d.region() + " " + d.storageType());
    }
    return ListPrices.RDS_GP3_MULTI_AZ_GB_MONTH_TOKYO;
  }

  static double hourly(Ec2Instance i) {
    return ListPrices.ec2Hourly(i.region(), i.instanceType(), i.platform(),
        ListPrices.VCPUS.get(i.instanceType()));
  }

  /** Hourly saving of the reserved instances active at {@code when} over on-demand. */
  static double reservedSavingsPerHour(Snapshot s, Instant when) {
    double saving = 0;
    for (Commitment c : s.commitments()) {
      if (!"reserved-instance".equals(c.kind()) || when.isBefore(c.start()) || !when.isBefore(c.end())) {
        continue;
      }
      long running = s.instances().stream().filter(Ec2Instance::running)
          .filter(i -> i.instanceType().equals(c.instanceType()) && i.region().equals(c.region())
              && "linux".equals(i.platform()))
          .count();
      double od = ListPrices.ec2Hourly(c.region(), c.instanceType(), "linux", 2);
      saving += Math.min(running, c.count()) * (od - c.hourlyUsd().doubleValue());
    }
    return saving;
  }

  static double ebsMonthly(List<EbsVolume> volumes) {
    double ebs = 0;
    for (EbsVolume v : volumes) {
      ebs += v.sizeGib() * ListPrices.ebsGibMonth(v.region(), v.volumeType());
      if ("gp3".equals(v.volumeType()) && v.iops() != null && v.iops() > 3000) {
        ebs += (v.iops() - 3000) * ListPrices.GP3_IOPS_TOKYO;
      }
      if ("io1".equals(v.volumeType())) {
        ebs += v.iops() * ListPrices.IO1_IOPS_TOKYO;
      }
    }
    return ebs;
  }

  /** Monthly growth per service, used to walk the bill backwards from October. */
  private static final Map<String, Double> GROWTH = Map.ofEntries(
      Map.entry(EC2, 0.047), Map.entry(EC2_OTHER, 0.043), Map.entry(ELB, 0.04),
      Map.entry(CLOUDFRONT, 0.06), Map.entry(S3, 0.055), Map.entry(DATA_TRANSFER, 0.065),
      Map.entry(ROUTE53, 0.02), Map.entry(CLOUDWATCH, 0.05), Map.entry(KMS, 0.01),
      Map.entry(WAF, 0.0), Map.entry(LAMBDA, 0.05), Map.entry(RDS, 0.02), Map.entry(ELASTICACHE, 0.0));
  /** WAF and the Lambda@Edge security headers arrived with the site distribution's hardening. */
  private static final YearMonth EDGE_HARDENING = YearMonth.of(2026, 4);
  private static final YearMonth RI_START = YearMonth.of(2026, 3);

  static Billing billing(Snapshot s, TableappEstate.Names names, double siteOriginGib) {
    Map<String, Double> oct = new TreeMap<>(modelledOctober(s, names, siteOriginGib));
    double riSaving = reservedSavingsPerHour(s, Instant.parse("2026-10-15T00:00:00Z")) * OCTOBER_HOURS;
    oct.merge(EC2_OTHER, NAT_GATEWAY_OCTOBER + EBS_SNAPSHOTS_OCTOBER, Double::sum);
    oct.merge(S3, oct.get(S3) * S3_UNMODELLED_SHARE, Double::sum);
    oct.merge(RDS, RDS_CHARGED_BACKUP_GB * ListPrices.RDS_BACKUP_GB_MONTH_TOKYO, Double::sum);
    Usage site = s.usageOf(names.siteDistributionId()).orElseThrow();
    long detailed = s.instances().stream().filter(i -> i.running() && i.detailedMonitoring()).count();
    long agents = s.usage().stream().filter(u -> u.memAvgPct() != null).count();
    // Small services the snapshot does not inventory (rough, for a realistic bill).
    oct.put(ROUTE53, 3 * 0.50 + 38.0 * 0.40);            // 3 hosted zones, ~38M queries
    oct.put(CLOUDWATCH, detailed * 7 * 0.30 + agents * 8 * 0.30 + 85 * 0.76 + 40 * 0.10);
    oct.put(KMS, 7 * 1.0 + 210 * 0.03);                  // 7 keys, ~2.1M requests
    // web ACL 5.00 + its rules at 1.00 each (the snapshot's web ACLs) + 0.60 per million requests
    int wafRules = s.webAcls().stream().mapToInt(dev.migrate.inventory.WebAcl::ruleCount).sum();
    oct.put(WAF, 5 * s.webAcls().size() + wafRules * 1.0 + site.requests() * TRAFFIC_TO_OCTOBER / 1e6 * 0.60);
    oct.put(LAMBDA, 1.9);                                // Lambda@Edge origin-response

    Map<String, List<Line>> octLines = octoberLines(s, names, siteOriginGib, detailed, agents,
        s.webAcls().size(), wafRules, site.requests() * TRAFFIC_TO_OCTOBER);
    SplittableRandom r = new SplittableRandom(TableappEstate.SEED + 2025);
    // The managed database and cache draw their noise from their own stream, so the other services keep
    // the figures they had before these two were added to the sample.
    SplittableRandom dataStoreNoise = new SplittableRandom(TableappEstate.SEED + 2024);
    List<Billing.Month> months = new ArrayList<>();
    for (YearMonth m = TableappEstate.FIRST_BILLING_MONTH; !m.isAfter(TableappEstate.LAST_BILLING_MONTH);
        m = m.plusMonths(1)) {
      int back = (int) (TableappEstate.LAST_BILLING_MONTH.getYear() * 12L + TableappEstate.LAST_BILLING_MONTH.getMonthValue()
          - m.getYear() * 12L - m.getMonthValue());
      double dayRatio = m.lengthOfMonth() / 31.0;
      List<Billing.ServiceCost> services = new ArrayList<>();
      List<Billing.UsageLine> usageLines = new ArrayList<>();
      for (Map.Entry<String, Double> e : oct.entrySet()) {
        String service = e.getKey();
        if ((WAF.equals(service) || LAMBDA.equals(service)) && m.isBefore(EDGE_HARDENING)) {
          continue;
        }
        double amount = e.getValue();
        double factor = 1;
        if (back > 0) {
          boolean monthly = S3.equals(service) || KMS.equals(service) || ROUTE53.equals(service);
          double base = EC2.equals(service) ? amount + riSaving : amount;
          // The month's size against October: days, growth and a little noise; usage lines scale alike.
          factor = (monthly ? 1 : dayRatio) / StrictMath.pow(1 + GROWTH.get(service), back)
              * (1 + 0.012 * EdgeTraffic.gaussian(RDS.equals(service) || ELASTICACHE.equals(service)
                  ? dataStoreNoise : r));
          amount = base * factor;
          if (EC2.equals(service) && !m.isBefore(RI_START)) {
            amount -= riSaving * dayRatio;
          }
        }
        BigDecimal total = TableappEstate.usd(amount);
        services.add(new Billing.ServiceCost(service, total));
        usageLines.addAll(monthLines(service, octLines.get(service), factor, dayRatio, !m.isBefore(RI_START),
            amount, total, m));
      }
      usageLines.sort(Comparator.comparing(Billing.UsageLine::service).thenComparing(Billing.UsageLine::usageType)
          .thenComparing(l -> l.region() == null ? "" : l.region()));
      months.add(new Billing.Month(m, false, services, usageLines));
    }
    return new Billing("USD", months, Billing.SOURCE_COST_EXPLORER);
  }

  // ------------------------------------------------------------------ usage types

  /**
   * One usage-type line of October at list prices. {@code coveredHours} and {@code riHourly} are set on
   * an instance line whose hours a reserved instance covers: Cost Explorer's unblended cost shows those
   * hours at zero on the BoxUsage line and the reservation's fee on its HeavyUsage line.
   */
  record Line(String usageType, String region, double amount, double quantity, String unit,
      double coveredHours, double onDemandHourly, double riHourly) {
    Line(String usageType, String region, double amount, double quantity, String unit) {
      this(usageType, region, amount, quantity, unit, 0, 0, 0);
    }
  }

  /** Region billing codes of the sample's two regions (AWS writes us-east-1 usage types without one). */
  private static String prefix(String region, String usageType) {
    return switch (region) {
      case ListPrices.TOKYO -> "APN1-" + usageType;
      case ListPrices.VIRGINIA -> usageType;
      default -> throw new IllegalStateException("no billing code copied for " + region);
    };
  }

  private static void add(Map<String, List<Line>> lines, String service, Line l) {
    List<Line> list = lines.computeIfAbsent(service, k -> new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      Line o = list.get(i);
      if (o.usageType().equals(l.usageType())) {   // one line per usage type, as Cost Explorer groups them
        list.set(i, new Line(o.usageType(), o.region(), o.amount() + l.amount(), o.quantity() + l.quantity(), o.unit(),
            o.coveredHours() + l.coveredHours(), Math.max(o.onDemandHourly(), l.onDemandHourly()),
            Math.max(o.riHourly(), l.riHourly())));
        return;
      }
    }
    list.add(l);
  }

  /**
   * October by usage type, each service's lines summing to its {@link #billing} figure: the usage types
   * AWS bills for this inventory (instance hours per type, EBS GB-months and IOPS per volume type, load
   * balancer hours and capacity units, CloudFront transfer and requests per edge geography, S3 storage
   * per class and requests, internet transfer out per region, RDS instance hours and storage, ElastiCache
   * node hours) and for what the snapshot does not inventory (NAT gateway, EBS snapshots, RDS backups
   * beyond the free allowance, Route 53, CloudWatch, KMS, WAF, Lambda@Edge).
   */
  static Map<String, List<Line>> octoberLines(Snapshot s, TableappEstate.Names names, double siteOriginGib,
      long detailed, long agents, int webAcls, int wafRules, double wafRequests) {
    Map<String, List<Line>> lines = new TreeMap<>();
    Instant mid = Instant.parse("2026-10-15T00:00:00Z");
    // Reserved hours per "region/type" (Linux instances only, as reservedSavingsPerHour counts them).
    Map<String, double[]> reserved = new TreeMap<>();   // {covered instances, RI hourly}
    for (Commitment c : s.commitments()) {
      if (!"reserved-instance".equals(c.kind()) || mid.isBefore(c.start()) || !mid.isBefore(c.end())) {
        continue;
      }
      long running = s.instances().stream().filter(Ec2Instance::running)
          .filter(i -> i.instanceType().equals(c.instanceType()) && i.region().equals(c.region())
              && "linux".equals(i.platform()))
          .count();
      double[] r = reserved.computeIfAbsent(c.region() + "/" + c.instanceType(), k -> new double[2]);
      r[0] += Math.min(running, c.count());
      r[1] = c.hourlyUsd().doubleValue();
    }
    for (Ec2Instance i : s.instances()) {
      if (i.running()) {
        add(lines, EC2, new Line(prefix(i.region(), "BoxUsage:" + i.instanceType()), i.region(),
            hourly(i) * OCTOBER_HOURS, OCTOBER_HOURS, "Hrs"));
      }
    }
    for (var e : reserved.entrySet()) {
      String[] rt = e.getKey().split("/");
      double covered = e.getValue()[0] * OCTOBER_HOURS;
      double od = ListPrices.ec2Hourly(rt[0], rt[1], "linux", 2);
      add(lines, EC2, new Line(prefix(rt[0], "BoxUsage:" + rt[1]), rt[0], 0, 0, "Hrs", covered, od, e.getValue()[1]));
    }

    for (EbsVolume v : s.volumes()) {
      String kind = switch (v.volumeType()) {
        case "io1" -> "piops";
        case "standard" -> "";
        default -> v.volumeType();
      };
      String storage = kind.isEmpty() ? "EBS:VolumeUsage" : "EBS:VolumeUsage." + kind;
      add(lines, EC2_OTHER, new Line(prefix(v.region(), storage), v.region(),
          v.sizeGib() * ListPrices.ebsGibMonth(v.region(), v.volumeType()), v.sizeGib(), "GB-Mo"));
      if ("gp3".equals(v.volumeType()) && v.iops() != null && v.iops() > 3000) {
        add(lines, EC2_OTHER, new Line(prefix(v.region(), "EBS:VolumeP-IOPS.gp3"), v.region(),
            (v.iops() - 3000) * ListPrices.GP3_IOPS_TOKYO, v.iops() - 3000, "IOPS-Mo"));
      }
      if ("io1".equals(v.volumeType())) {
        add(lines, EC2_OTHER, new Line(prefix(v.region(), "EBS:VolumeP-IOPS.piops"), v.region(),
            v.iops() * ListPrices.IO1_IOPS_TOKYO, v.iops(), "IOPS-Mo"));
      }
    }
    String tokyo = ListPrices.TOKYO;
    add(lines, EC2_OTHER, new Line("APN1-NatGateway-Hours", tokyo, 0.062 * OCTOBER_HOURS, OCTOBER_HOURS, "Hrs"));
    add(lines, EC2_OTHER, new Line("APN1-NatGateway-Bytes", tokyo, 420 * 0.062, 420, "GB"));
    add(lines, EC2_OTHER, new Line("APN1-EBS:SnapshotUsage", tokyo, EBS_SNAPSHOTS_OCTOBER, 1_850, "GB-Mo"));

    // All three load balancer kinds bill their hours as LoadBalancerUsage (the operation tells them apart).
    for (LoadBalancer lb : s.loadBalancers()) {
      Usage u = s.usageOf(lb.id()).orElseThrow();
      switch (lb.type()) {
        case APPLICATION -> {
          add(lines, ELB, new Line("APN1-LoadBalancerUsage", tokyo, ListPrices.ALB_HOUR_TOKYO * OCTOBER_HOURS,
              OCTOBER_HOURS, "Hrs"));
          double lcu = u.lcuHours() * TRAFFIC_TO_OCTOBER;
          add(lines, ELB, new Line("APN1-LCUUsage", tokyo, lcu * ListPrices.ALB_LCU_HOUR_TOKYO, lcu, "LCU-Hrs"));
        }
        case NETWORK -> {
          add(lines, ELB, new Line("APN1-LoadBalancerUsage", tokyo, ListPrices.NLB_HOUR_TOKYO * OCTOBER_HOURS,
              OCTOBER_HOURS, "Hrs"));
          double lcu = u.lcuHours() * TRAFFIC_TO_OCTOBER;
          add(lines, ELB, new Line("APN1-LCUUsage", tokyo, lcu * ListPrices.NLB_NLCU_HOUR_TOKYO, lcu, "LCU-Hrs"));
        }
        case CLASSIC -> {
          add(lines, ELB, new Line("APN1-LoadBalancerUsage", tokyo, ListPrices.CLB_HOUR_TOKYO * OCTOBER_HOURS,
              OCTOBER_HOURS, "Hrs"));
          double gb = u.bytesOutGib() * 1.15 * TRAFFIC_TO_OCTOBER;
          add(lines, ELB, new Line("APN1-DataProcessing-Bytes", tokyo, gb * ListPrices.CLB_GB_TOKYO, gb, "GB"));
        }
      }
    }

    // CloudFront: the usage of each edge geography, all inside the always-free tier (zero cost).
    double freeGb = CLOUDFRONT_FREE_GB;
    double freeRequests = CLOUDFRONT_FREE_REQUESTS;
    for (var d : s.distributions()) {
      Usage u = s.usageOf(d.id()).orElseThrow();
      for (var e : u.bytesByGeographyGib().entrySet()) {
        double gb = e.getValue() * TRAFFIC_TO_OCTOBER;
        double free = Math.min(freeGb, gb);
        freeGb -= free;
        add(lines, CLOUDFRONT, new Line(EDGE.get(e.getKey()) + "-DataTransfer-Out-Bytes", null,
            (gb - free) * ListPrices.CLOUDFRONT_GB.get(e.getKey()), gb, "GB"));
      }
      for (var e : u.requestsByGeography().entrySet()) {
        double requests = e.getValue() * TRAFFIC_TO_OCTOBER;
        double free = Math.min(freeRequests, requests);
        freeRequests -= free;
        add(lines, CLOUDFRONT, new Line(EDGE.get(e.getKey()) + "-Requests-Tier2-HTTPS", null,
            (requests - free) / 10_000.0 * ListPrices.CLOUDFRONT_HTTPS_10K.get(e.getKey()), requests, "Requests"));
      }
    }

    double s3 = 0;
    for (S3Bucket b : s.buckets()) {
      for (S3Bucket.StorageClassUsage c : b.storage()) {
        double gb = c.gib() * STORAGE_TO_OCTOBER;
        double amount = gb * ListPrices.S3_GB_MONTH.get(b.region() + "/" + c.storageClass());
        s3 += amount;
        add(lines, S3, new Line(prefix(b.region(), S3_STORAGE.get(c.storageClass())), b.region(), amount, gb, "GB-Mo"));
      }
      var u = s.usageOf(b.name());
      if (u.isPresent() && u.get().requests() != null) {
        double requests = u.get().requests() * TRAFFIC_TO_OCTOBER;
        s3 += requests * ListPrices.S3_GET_TOKYO;
        add(lines, S3, new Line(prefix(b.region(), "Requests-Tier2"), b.region(), requests * ListPrices.S3_GET_TOKYO,
            requests, "Requests"));
      }
    }
    // PUT, COPY, POST and LIST requests (0.0047 USD per 1,000 in Tokyo).
    double tier1 = s3 * S3_UNMODELLED_SHARE;
    add(lines, S3, new Line("APN1-Requests-Tier1", tokyo, tier1, tier1 / 0.0000047, "Requests"));

    double tokyoOut = 0;
    for (LoadBalancer lb : s.loadBalancers()) {
      tokyoOut += s.usageOf(lb.id()).orElseThrow().bytesOutGib();
    }
    tokyoOut -= siteOriginGib;
    tokyoOut += s.usageOf(names.uploadsBucket()).orElseThrow().bytesOutGib();
    double virginiaOut = 0;
    for (Ec2Instance i : s.instances()) {
      if (TableappEstate.VIRGINIA.equals(i.region()) && i.running()) {
        virginiaOut += s.usageOf(i.id()).orElseThrow().networkOutGib();
      }
    }
    double tokyoGb = tokyoOut * TRAFFIC_TO_OCTOBER;
    double virginiaGb = virginiaOut * TRAFFIC_TO_OCTOBER;
    double tokyoPaid = Math.max(0, tokyoGb - INTERNET_FREE_GB);
    double virginiaPaid = Math.max(0, virginiaGb - Math.max(0, INTERNET_FREE_GB - tokyoGb));
    add(lines, DATA_TRANSFER, new Line("APN1-DataTransfer-Out-Bytes", tokyo, tokyoPaid * ListPrices.INTERNET_OUT_TOKYO,
        tokyoGb, "GB"));
    add(lines, DATA_TRANSFER, new Line("DataTransfer-Out-Bytes", ListPrices.VIRGINIA,
        virginiaPaid * ListPrices.INTERNET_OUT_VIRGINIA, virginiaGb, "GB"));

    for (DbInstance d : s.dbInstances()) {
      String deployment = d.multiAz() ? "Multi-AZUsage:" : "InstanceUsage:";
      add(lines, RDS, new Line(prefix(d.region(), deployment + d.instanceClass()), d.region(),
          ListPrices.rdsHourly(d) * OCTOBER_HOURS, OCTOBER_HOURS, "Hrs"));
      add(lines, RDS, new Line(prefix(d.region(), "RDS:Multi-AZ-GP3-Storage"), d.region(),
          d.allocatedStorageGib() * rdsStorageGbMonth(d), d.allocatedStorageGib(), "GB-Mo"));
    }
    add(lines, RDS, new Line("APN1-RDS:ChargedBackupUsage", tokyo,
        RDS_CHARGED_BACKUP_GB * ListPrices.RDS_BACKUP_GB_MONTH_TOKYO, RDS_CHARGED_BACKUP_GB, "GB-Mo"));
    for (CacheCluster c : s.cacheClusters()) {
      double hours = c.nodeCount() * OCTOBER_HOURS;
      add(lines, ELASTICACHE, new Line(prefix(c.region(), "NodeUsage:" + c.nodeType()), c.region(),
          ListPrices.elastiCacheHourly(c) * hours, hours, "Hrs"));
    }

    add(lines, ROUTE53, new Line("HostedZone", null, 3 * 0.50, 3, "HostedZone"));
    add(lines, ROUTE53, new Line("DNS-Queries", null, 38.0 * 0.40, 38_000_000, "Queries"));
    add(lines, CLOUDWATCH, new Line("APN1-CW:MetricMonitorUsage", tokyo, (detailed * 7 + agents * 8) * 0.30,
        detailed * 7 + agents * 8, "Metrics"));
    add(lines, CLOUDWATCH, new Line("APN1-DataProcessing-Bytes", tokyo, 85 * 0.76, 85, "GB"));
    add(lines, CLOUDWATCH, new Line("APN1-CW:AlarmMonitorUsage", tokyo, 40 * 0.10, 40, "Alarms"));
    add(lines, KMS, new Line("APN1-KMS-Keys", tokyo, 7 * 1.0, 7, "Keys"));
    add(lines, KMS, new Line("APN1-KMS-Requests", tokyo, 210 * 0.03, 2_100_000, "Requests"));
    // Web ACLs for CloudFront live in us-east-1.
    add(lines, WAF, new Line("USE1-WebACL-V2", ListPrices.VIRGINIA, 5.0 * webAcls, webAcls, "WebACL"));
    add(lines, WAF, new Line("USE1-Rule-V2", ListPrices.VIRGINIA, 1.0 * wafRules, wafRules, "Rule"));
    add(lines, WAF, new Line("USE1-Request-V2", ListPrices.VIRGINIA, wafRequests / 1e6 * 0.60, wafRequests, "Requests"));
    // Lambda@Edge origin-response: ~2M requests at 0.60 USD per million and 14,000 GB-seconds at 0.00005001.
    add(lines, LAMBDA, new Line("APN1-Lambda-Edge-Request", tokyo, 1.2, 2_000_000, "Requests"));
    add(lines, LAMBDA, new Line("APN1-Lambda-Edge-GB-Second", tokyo, 0.7, 0.7 / 0.00005001, "Lambda-GB-Second"));
    return lines;
  }

  /** CloudFront usage-type prefix per price geography of the snapshot. */
  private static final Map<String, String> EDGE = Map.of("japan", "JP", "asia_pacific", "AP",
      "united_states", "US", "europe", "EU", "india", "IN", "south_america", "SA", "australia", "AU",
      "middle_east_africa", "ME");
  /** S3 storage usage type per storage class. */
  private static final Map<String, String> S3_STORAGE = Map.of("STANDARD", "TimedStorage-ByteHrs",
      "STANDARD_IA", "TimedStorage-SIA-ByteHrs", "GLACIER_IR", "TimedStorage-GIR-ByteHrs",
      "GLACIER", "TimedStorage-GlacierByteHrs", "DEEP_ARCHIVE", "TimedStorage-GDA-ByteHrs");

  /**
   * One month's lines of a service: October's scaled by the month's factor (reserved hours and fees by
   * the month's days), rounded to cents so that they add up to the service's figure exactly (the last
   * cents go to the largest line).
   */
  private static List<Billing.UsageLine> monthLines(String service, List<Line> october, double factor, double dayRatio,
      boolean reservations, double serviceAmount, BigDecimal serviceTotal, YearMonth month) {
    List<double[]> values = new ArrayList<>();   // {amount, quantity}
    List<String[]> keys = new ArrayList<>();     // {usageType, region, unit}
    for (Line l : october) {
      double amount = l.amount() * factor;
      double quantity = l.quantity() * factor;
      if (l.coveredHours() > 0) {
        // The line holds every hour at on demand; the reserved hours (fixed by the reservation, not by
        // growth) cost nothing on it and their fee is a HeavyUsage line.
        double covered = l.coveredHours() * dayRatio;
        if (reservations) {
          amount -= covered * l.onDemandHourly();
          values.add(new double[] {covered * l.riHourly(), covered});
          keys.add(new String[] {l.usageType().replace("BoxUsage:", "HeavyUsage:"), l.region(), "Hrs"});
        }
      }
      values.add(new double[] {amount, quantity});
      keys.add(new String[] {l.usageType(), l.region(), l.unit()});
    }
    double sum = values.stream().mapToDouble(v -> v[0]).sum();
    if (Math.abs(sum - serviceAmount) > 0.02) {
      throw new IllegalStateException(month + " " + service + ": usage lines add up to " + sum + ", the service to "
          + serviceAmount);
    }
    List<BigDecimal> amounts = new ArrayList<>();
    int largest = 0;
    for (int i = 0; i < values.size(); i++) {
      amounts.add(TableappEstate.usd(values.get(i)[0]));
      if (Math.abs(values.get(i)[0]) > Math.abs(values.get(largest)[0])) {
        largest = i;
      }
    }
    BigDecimal rest = serviceTotal.subtract(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    amounts.set(largest, amounts.get(largest).add(rest));
    List<Billing.UsageLine> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String[] k = keys.get(i);
      BigDecimal quantity = dev.migrate.inventory.UsageTypes.plain(
          new BigDecimal(values.get(i)[1]).setScale(3, RoundingMode.HALF_UP));
      out.add(new Billing.UsageLine(service, k[0], k[1], amounts.get(i), quantity, k[2]));
    }
    return out;
  }
}
