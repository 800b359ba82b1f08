package dev.migrate.report;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.Assumption;
import dev.migrate.cost.CommitmentCoverage;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostSide;
import dev.migrate.cost.MissingPrice;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Reconciliation;
import dev.migrate.cost.RequestCosts;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.plan.Unmapped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-built assessments of the "tableapp" sample estate (web fleet in an auto scaling group
 * behind an ALB, CloudFront in front, redis, memcached and cron on EC2, S3 for assets) in
 * ap-northeast-1, priced with public on-demand list prices. The cost model is built by a
 * colleague; these fixtures let the reports be tested without it.
 */
public final class Fixtures {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "ap-northeast-1";
  static final String GCP_REGION = "asia-northeast1";
  static final Instant GENERATED = Instant.parse("2026-11-20T09:30:00Z");
  static final LocalDate PRICE_BOOK = LocalDate.parse("2026-11-01");
  static final LocalDate AWS_PRICES = LocalDate.parse("2026-11-01");
  static final LocalDate GCP_PRICES = LocalDate.parse("2026-10-28");
  static final String ALB_ARN =
      "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/tableapp-web/50dc6c495c0c9188";
  static final String DIST = "E2QWRUHEXAMPLE";
  static final String BUCKET = "tableapp-assets";
  static final long MONTHLY_REQUESTS = 500_000_000L;

  private Fixtures() {}

  static String iid(int n) {
    return String.format("i-0a1b2c3d4e5f6%04d", n);
  }

  static String vid(int n) {
    return String.format("vol-0f9e8d7c6b5a4%04d", n);
  }

  /** The full sample: billing, reconciliation, requests and a 12-month timeline. */
  public static Assessment tableapp() {
    return build(true);
  }

  /** The same estate without billing history, request counts or a what-if timeline. */
  public static Assessment bare() {
    return build(false);
  }

  /**
   * The full sample with three scenarios: the 12-month one, a slower 18-month one whose
   * Google Cloud side costs more (no payback) with a link warning and a blocker, and a
   * 24-month one starting two months later.
   */
  public static Assessment scenarios() {
    Assessment a = tableapp();
    BigDecimal aws = a.current().monthlyUsd();
    BigDecimal gcp = a.target().monthlyUsd();
    var timelines = List.of(a.timelines().get(0),
        timeline("slow-waves-18-months", aws, gcp.multiply(bd("1.4")), YearMonth.of(2026, 12), 18, 12,
            List.of("HA VPN: 1 tunnel of 3 Gbps for a peak of 2.9 Gbps crossing the link; IPsec overhead assumed 20%",
                "BLOCKER: 10.0.0.0/16 is used by both the AWS VPC and the planned GCP VPC")),
        timeline("big-bang-24-months", aws, gcp.multiply(bd("0.8")), YearMonth.of(2027, 2), 24, 2, List.of()));
    return new Assessment(a.snapshot(), a.plan(), a.current(), a.target(), a.missingPrices(), a.reconciliation(),
        a.requests(), timelines, a.assumptions(), a.priceBookDate(), a.generatedAt(), a.warnings(),
        a.commitmentCoverage(), a.trafficCurve(), a.options(), a.billCoverage());
  }

  /**
   * Cost Explorer coverage of October 2026 (744 h; per model month x 730/744): one m5.large of
   * four covered by an RI (the model agrees), savings plans covering 40% of eligible spend with
   * 95% of the commitment used. Amounts are per model month.
   */
  static CommitmentCoverage coverage() {
    var ri = new CommitmentCoverage.ReservedInstances(bd("25.0000"), bd("730"), bd("2920"), bd("730"), bd("41.61"),
        List.of(new CommitmentCoverage.Group("m5.large", REGION, bd("730"), bd("730"), bd("0"), false)), false);
    var sp = new CommitmentCoverage.SavingsPlans(bd("40.0000"), bd("95.0000"), bd("120"), bd("300"), bd("84"),
        bd("79.8"), bd("4.2"), bd("36"), bd("36"), true);
    return new CommitmentCoverage(YearMonth.of(2026, 10), YearMonth.of(2026, 10), bd("744"), bd("0.981182795699"),
        ri, sp);
  }

  private static Assessment build(boolean full) {
    Snapshot snapshot = snapshot(full);
    MigrationPlan plan = plan();
    List<CostLine> cur = currentLines();
    List<CostLine> tgt = targetLines();
    CostSide current = CostSide.of(Phase.CURRENT, cur);
    CostSide target = CostSide.of(Phase.TARGET, tgt);
    var missing = List.of(new MissingPrice(Phase.TARGET, DIST, "Cloud Armor policy (replaces AWS WAF)",
        "gcp/cloud-armor/policy/global"));
    var assumptions = new ArrayList<>(List.of(
        new Assumption("hours per month", "730", "AWS and Google Cloud price pages bill 730 hours a month"),
        new Assumption("AWS pricing", "on-demand, Linux, no commitments", "default"),
        new Assumption("GKE free tier", "74.40 USD credit per billing account per month",
            "https://cloud.google.com/kubernetes-engine/pricing"),
        new Assumption("region map", REGION + " -> " + GCP_REGION, "rules/regions.yaml")));
    Reconciliation rec = null;
    RequestCosts req = null;
    List<Timeline> timelines = List.of();
    if (full) {
      rec = reconciliation(current);
      req = requests(current.monthlyUsd(), target.monthlyUsd());
      timelines = List.of(timeline(current.monthlyUsd(), target.monthlyUsd()));
      assumptions.add(new Assumption("traffic growth", "2% per month", "scenario phased-6-months"));
      assumptions.add(new Assumption("migration engineering", "1000 USD one-off in the first month",
          "scenario phased-6-months"));
    }
    var warnings = List.of(
        iid(4) + " (redis-1): no memory metrics (CloudWatch agent not installed); sized by instance type",
        "1 component could not be priced (Cloud Armor policy); the Google Cloud total is a lower bound");
    return new Assessment(snapshot, plan, current, target, missing, rec, req, timelines, assumptions,
        PRICE_BOOK, GENERATED, warnings, full ? coverage() : null, null, dev.migrate.cost.CostOptions.defaults());
  }

  static Snapshot snapshot(boolean withBilling) {
    var instances = new ArrayList<Ec2Instance>();
    for (int n = 1; n <= 3; n++) {
      instances.add(instance(n, "m5.large", "running", "linux", "web-asg", Map.of("Name", "web-" + n, "app", "web")));
    }
    instances.add(instance(4, "r5.large", "running", "linux", null, Map.of("Name", "redis-1", "app", "redis")));
    instances.add(instance(5, "r5.large", "running", "linux", null, Map.of("Name", "memcached-1", "app", "memcached")));
    instances.add(instance(6, "t3.medium", "running", "linux", null, Map.of("Name", "cron-1", "app", "cron")));
    instances.add(instance(7, "m5.xlarge", "stopped", "windows", null, Map.of("Name", "legacy-admin", "owner", "Jane Doe")));
    var volumes = List.of(
        new EbsVolume(vid(4), REGION, REGION + "a", "gp2", 100, 300, null, "in-use", iid(4), Map.of()),
        new EbsVolume(vid(5), REGION, REGION + "a", "gp2", 100, 300, null, "in-use", iid(5), Map.of()),
        new EbsVolume(vid(7), REGION, REGION + "c", "gp2", 200, 600, null, "in-use", iid(7), Map.of()),
        new EbsVolume(vid(9), REGION, REGION + "c", "gp2", 50, 150, null, "available", null, Map.of("Name", "old-backup")));
    var asg = new AutoScalingGroup("web-asg", REGION, 2, 6, 3, List.of(iid(1), iid(2), iid(3)),
        List.of("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/73e2d6bc24d8a067"),
        List.of(), Map.of("app", "web"));
    var alb = new LoadBalancer(ALB_ARN, "tableapp-web", REGION, LoadBalancerType.APPLICATION, "internet-facing",
        "tableapp-web-1234567890.ap-northeast-1.elb.amazonaws.com", "vpc-0abc1234", List.of(REGION + "a", REGION + "c"),
        Instant.parse("2021-04-01T00:00:00Z"),
        List.of(new LoadBalancer.Listener("HTTPS", 443, null, List.of(), List.of())), List.of(), List.of(),
        new LoadBalancer.AccessLogs(true, "tableapp-logs", "alb"), Map.of("app", "web"));
    var behavior = new Distribution.CacheBehavior("*", "alb", "redirect-to-https", null, false,
        List.of(new Distribution.EdgeFunction("lambda-edge", "viewer-request",
            "arn:aws:lambda:us-east-1:123456789012:function:tableapp-auth:7")));
    var dist = new Distribution(DIST, "d111111abcdef8.cloudfront.net", List.of("www.tableapp.example"), true,
        "PriceClass_200", "http2", List.of(new Distribution.Origin("alb",
        "tableapp-web-1234567890.ap-northeast-1.elb.amazonaws.com", "elb", null)), behavior, List.of(), null,
        "arn:aws:wafv2:us-east-1:123456789012:global/webacl/tableapp/abcd", "none", List.of(), false, Map.of());
    var bucket = new S3Bucket(BUCKET, REGION, null,
        List.of(new S3Bucket.StorageClassUsage("STANDARD", 2048L << 30, null)), 1_200_000L, Map.of("app", "web"));
    var usage = new ArrayList<Usage>();
    usage.add(new Usage(iid(1), "ec2", "cloudwatch", 22.0, 41.5, 78.0, null, null, 120.0, 480.0, null, null,
        null, null, null, null, null, null));
    usage.add(new Usage(ALB_ARN, "elb", "cloudwatch", null, null, null, null, null, null, null, 95_000_000L,
        3600.0, 1533.0, 210.0, null, null, null, null));
    usage.add(new Usage(DIST, "cloudfront", "cloudwatch", null, null, null, null, null, null, null,
        MONTHLY_REQUESTS, 4000.0, null, 950.0, 0.81, null, null, null));
    Billing billing = withBilling ? billing() : Billing.EMPTY;
    var gaps = List.of(new Gap("savingsplans", "global", "AccessDeniedException", "savings plans",
        "not authorised to call savingsplans:DescribeSavingsPlans; commitments may be understated"));
    return SnapshotBuilder.snapshot(new Account(ACCOUNT, "tableapp-prod"), Instant.parse("2026-11-20T09:00:00Z"),
            Window.ofDays(Instant.parse("2026-11-20T00:00:00Z"), 30))
        .regions(List.of(REGION)).instances(instances).volumes(volumes).autoScalingGroups(List.of(asg))
        .loadBalancers(List.of(alb)).distributions(List.of(dist)).buckets(List.of(bucket)).usage(usage)
        .billing(billing).gaps(gaps).build();
  }

  private static Ec2Instance instance(int n, String type, String state, String platform, String asg,
      Map<String, String> tags) {
    return new Ec2Instance(iid(n), REGION, REGION + "a", type, state, platform, "x86_64",
        Instant.parse("2025-06-01T00:00:00Z"), null, null, "vpc-0abc1234", asg,
        n >= 4 && n != 6 ? List.of(vid(n)) : List.of(), n <= 3, tags);
  }

  /** 13 months to October 2026 plus an estimated November; the bill grows about 2.5% a month. */
  static Billing billing() {
    var months = new ArrayList<Billing.Month>();
    YearMonth first = YearMonth.of(2025, 10);
    for (int k = 0; k <= 13; k++) {
      double f = Math.pow(1.025, k - 12);
      months.add(new Billing.Month(first.plusMonths(k), k == 13, List.of(
          svc("Amazon CloudFront", 1082.40 * f),
          svc("Amazon Elastic Compute Cloud - Compute", 640.18 * f),
          svc("Amazon Elastic Load Balancing", 31.27 * f),
          svc("Amazon Simple Storage Service", 55.90 * f),
          svc("EC2 - Other", 64.31 * f))));
    }
    return new Billing("USD", months);
  }

  private static Billing.ServiceCost svc(String name, double usd) {
    return new Billing.ServiceCost(name, BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_EVEN));
  }

  static MigrationPlan plan() {
    var m = new ArrayList<Mapping>();
    m.add(new Mapping(iid(1), ItemKind.EC2_INSTANCE, "web-1", REGION, new Target.Retire("web-asg", GCP_REGION),
        "asg-member-folded", "member of web-asg, which moves as one GKE workload", Effort.REPLATFORM, null, null, null));
    m.add(new Mapping(iid(2), ItemKind.EC2_INSTANCE, "web-2", REGION, new Target.Retire("web-asg", GCP_REGION),
        "asg-member-folded", "member of web-asg, which moves as one GKE workload", Effort.REPLATFORM, null, null, null));
    m.add(new Mapping(iid(3), ItemKind.EC2_INSTANCE, "web-3", REGION, new Target.Retire("web-asg", GCP_REGION),
        "asg-member-folded", "member of web-asg, which moves as one GKE workload", Effort.REPLATFORM, null, null, null));
    m.add(new Mapping(iid(4), ItemKind.EC2_INSTANCE, "redis-1", REGION,
        new Target.GkeWorkload("StatefulSet", "redis", "tableapp", "cache-pool", "e2-highmem-2", 1.0, 1, 1.5, 12.0,
            false, GCP_REGION, "Memorystore for Redis, standard tier, 13 GiB"),
        "ec2-redis-to-statefulset", "app tag 'redis' and port 6379 open", Effort.REPLATFORM, null,
        List.of("no memory metrics: sized by instance type"), Map.of("memGib", "16")));
    m.add(new Mapping(iid(5), ItemKind.EC2_INSTANCE, "memcached-1", REGION,
        new Target.GkeWorkload("StatefulSet", "memcached", "tableapp", "cache-pool", "e2-highmem-2", 1.0, 1, 1.5,
            12.0, false, GCP_REGION, null),
        "ec2-memcached-to-statefulset", "app tag 'memcached'", Effort.REPLATFORM, null, null, Map.of("memGib", "16")));
    m.add(new Mapping(iid(6), ItemKind.EC2_INSTANCE, "cron-1", REGION,
        new Target.GkeWorkload("CronJob", "cron", "tableapp", "batch-pool", "e2-medium", 0.5, 1, 0.5, 2.0, false,
            GCP_REGION, null),
        "ec2-cron-to-cronjob", "app tag 'cron'; CPU p95 below 20%", Effort.REPLATFORM, null, null,
        Map.of("cpuP95Pct", "12.4")));
    m.add(new Mapping(iid(7), ItemKind.EC2_INSTANCE, "legacy-admin", REGION,
        new Target.ComputeEngineVm("n2-standard-4", "x86_64", "windows", false, GCP_REGION),
        "ec2-windows-to-gce", "Windows instance: lift and shift to Compute Engine", Effort.REHOST,
        List.of("Windows Server licence must be brought or paid on Compute Engine"), null, Map.of()));
    m.add(new Mapping(vid(4), ItemKind.EBS_VOLUME, vid(4), REGION,
        new Target.PersistentDisk("pd-balanced", 100, null, null, GCP_REGION), "ebs-gp2-to-pd-balanced",
        "gp2 volume attached to " + iid(4), Effort.REPLATFORM, null, null, null));
    m.add(new Mapping(vid(5), ItemKind.EBS_VOLUME, vid(5), REGION,
        new Target.PersistentDisk("pd-balanced", 100, null, null, GCP_REGION), "ebs-gp2-to-pd-balanced",
        "gp2 volume attached to " + iid(5), Effort.REPLATFORM, null, null, null));
    m.add(new Mapping(vid(7), ItemKind.EBS_VOLUME, vid(7), REGION,
        new Target.PersistentDisk("pd-balanced", 200, null, null, GCP_REGION), "ebs-gp2-to-pd-balanced",
        "gp2 volume attached to " + iid(7), Effort.REHOST, null, null, null));
    m.add(new Mapping("web-asg", ItemKind.AUTO_SCALING_GROUP, "web-asg", REGION,
        new Target.GkeWorkload("Deployment", "web", "tableapp", "web-pool", "e2-standard-4", 1.5, 6, 0.5, 1.0,
            false, GCP_REGION, null),
        "asg-web-to-deployment", "auto scaling group behind a load balancer serving HTTP", Effort.REPLATFORM, null,
        null, Map.of("cpuP95Pct", "41.5", "desired", "3")));
    m.add(new Mapping(ALB_ARN, ItemKind.LOAD_BALANCER, "tableapp-web", REGION,
        new Target.CloudLoadBalancer("global-external-application", 1, true, "global"), "alb-to-gke-ingress",
        "internet-facing ALB in front of a fleet that moves to GKE", Effort.REPLATFORM, null, null, null));
    m.add(new Mapping(DIST, ItemKind.CLOUDFRONT_DISTRIBUTION, "www.tableapp.example", "global",
        new Target.CloudCdn("web-backend", "CACHE_ALL_STATIC", true, "global"), "cloudfront-to-cloud-cdn",
        "CloudFront distribution with an ELB origin", Effort.REFACTOR,
        List.of("Lambda@Edge viewer-request function arn:aws:lambda:us-east-1:123456789012:function:tableapp-auth:7"
            + " has no Cloud CDN equivalent"),
        List.of("AWS WAF web ACL becomes a Cloud Armor policy"), null));
    m.add(new Mapping(BUCKET, ItemKind.S3_BUCKET, BUCKET, REGION,
        new Target.CloudStorage(GCP_REGION, List.of(new Target.ClassMapping("STANDARD", "STANDARD", 2048.0)),
            GCP_REGION),
        "s3-to-gcs", "S3 bucket", Effort.REHOST, null, null, null));
    var unmapped = List.of(new Unmapped(vid(9), ItemKind.EBS_VOLUME, "old-backup", REGION,
        "no rule matched: closest rule ebs-gp2-to-pd-balanced needs an attached volume (state is available)"));
    return new MigrationPlan(m, unmapped, Map.of(REGION, GCP_REGION), "built-in");
  }

  static List<CostLine> currentLines() {
    var l = new ArrayList<CostLine>();
    String ec2 = "Amazon EC2";
    for (int n = 1; n <= 3; n++) {
      l.add(aws(ec2, iid(n), "web-" + n, "web", "instance hours m5.large", "730", "hour", "ec2/m5.large", "0.124"));
    }
    l.add(aws(ec2, iid(4), "redis-1", "redis", "instance hours r5.large", "730", "hour", "ec2/r5.large", "0.152"));
    l.add(aws(ec2, iid(5), "memcached-1", "memcached", "instance hours r5.large", "730", "hour", "ec2/r5.large", "0.152"));
    l.add(aws(ec2, iid(6), "cron-1", "cron", "instance hours t3.medium", "730", "hour", "ec2/t3.medium", "0.0544"));
    l.add(aws("Amazon EBS", vid(4), vid(4), "redis", "gp2 storage", "100", "GiB-month", "ebs/gp2", "0.12"));
    l.add(aws("Amazon EBS", vid(5), vid(5), "memcached", "gp2 storage", "100", "GiB-month", "ebs/gp2", "0.12"));
    l.add(aws("Amazon EBS", vid(7), vid(7), "(untagged)", "gp2 storage", "200", "GiB-month", "ebs/gp2", "0.12"));
    l.add(aws("Amazon EBS", vid(9), vid(9), "(untagged)", "gp2 storage", "50", "GiB-month", "ebs/gp2", "0.12"));
    l.add(aws("Elastic Load Balancing", ALB_ARN, "tableapp-web", "web", "ALB hours", "730", "hour", "elb/alb-hour", "0.0243"));
    l.add(aws("Elastic Load Balancing", ALB_ARN, "tableapp-web", "web", "LCU hours", "1533", "LCU-hour", "elb/alb-lcu", "0.008"));
    l.add(new CostLine(Phase.CURRENT, DIST, "www.tableapp.example", "web", "Amazon CloudFront",
        "data transfer out, Japan", bd("4000"), "GB", "aws/cloudfront/dto-japan/global", bd("0.114"),
        "https://aws.amazon.com/cloudfront/pricing/", AWS_PRICES, bd("456.000"), CostLine.Driver.TRAFFIC));
    l.add(new CostLine(Phase.CURRENT, DIST, "www.tableapp.example", "web", "Amazon CloudFront",
        "HTTPS requests, Japan", bd("50000"), "10k requests", "aws/cloudfront/https-japan/global", bd("0.0120"),
        "https://aws.amazon.com/cloudfront/pricing/", AWS_PRICES, bd("600.0000"), CostLine.Driver.REQUESTS));
    l.add(aws("Amazon S3", BUCKET, BUCKET, "web", "Standard storage", "2048", "GB-month", "s3/standard", "0.025"));
    return l;
  }

  static List<CostLine> targetLines() {
    var l = new ArrayList<CostLine>();
    l.add(gcp("Compute Engine", "web-asg", "web-asg", "web", "GKE nodes e2-standard-4 (1.5 nodes)", "1095", "hour",
        "compute/e2-standard-4", "0.17184"));
    l.add(gcp("Compute Engine", iid(4), "redis-1", "redis", "GKE nodes e2-highmem-2", "730", "hour",
        "compute/e2-highmem-2", "0.1112"));
    l.add(gcp("Compute Engine", iid(5), "memcached-1", "memcached", "GKE nodes e2-highmem-2", "730", "hour",
        "compute/e2-highmem-2", "0.1112"));
    l.add(gcp("Compute Engine", iid(6), "cron-1", "cron", "GKE nodes e2-medium (0.5 nodes)", "365", "hour",
        "compute/e2-medium", "0.04364"));
    l.add(gcp("Kubernetes Engine", "web-asg", "tableapp cluster", "web", "cluster management fee", "730", "hour",
        "gke/cluster-fee", "0.10"));
    l.add(new CostLine(Phase.TARGET, "web-asg", "tableapp cluster", "web", "Kubernetes Engine",
        "free tier credit (one cluster)", bd("1"), "month", "gcp/gke/free-tier-credit/global", bd("-73.00"),
        "https://cloud.google.com/kubernetes-engine/pricing", GCP_PRICES, bd("-73.00"), CostLine.Driver.FIXED));
    l.add(gcp("Persistent Disk", vid(4), vid(4), "redis", "pd-balanced storage", "100", "GiB-month",
        "pd/balanced", "0.13"));
    l.add(gcp("Persistent Disk", vid(5), vid(5), "memcached", "pd-balanced storage", "100", "GiB-month",
        "pd/balanced", "0.13"));
    l.add(gcp("Persistent Disk", vid(7), vid(7), "(untagged)", "pd-balanced storage", "200", "GiB-month",
        "pd/balanced", "0.13"));
    l.add(gcp("Cloud Load Balancing", ALB_ARN, "tableapp-web", "web", "forwarding rule hours", "730", "hour",
        "lb/forwarding-rule", "0.025"));
    l.add(gcp("Cloud Load Balancing", ALB_ARN, "tableapp-web", "web", "inbound data processed", "3600", "GiB",
        "lb/data-processed", "0.008"));
    l.add(gcp("Cloud CDN", DIST, "www.tableapp.example", "web", "cache egress, Asia", "4000", "GiB",
        "cdn/egress-asia", "0.09"));
    l.add(gcp("Cloud CDN", DIST, "www.tableapp.example", "web", "cache lookup requests", "50000", "10k requests",
        "cdn/lookup", "0.0075"));
    l.add(gcp("Cloud Storage", BUCKET, BUCKET, "web", "Standard storage", "2048", "GiB-month",
        "gcs/standard", "0.023"));
    return l;
  }

  private static CostLine aws(String service, String id, String name, String app, String component, String qty,
      String unit, String key, String price) {
    return new CostLine(Phase.CURRENT, id, name, app, service, component, bd(qty), unit,
        "aws/" + key + "/" + REGION, bd(price), "https://aws.amazon.com/ec2/pricing/on-demand/ (price book "
        + PRICE_BOOK + ")", AWS_PRICES, bd(qty).multiply(bd(price)), driver(key, unit), machineType(key));
  }

  private static CostLine gcp(String service, String id, String name, String app, String component, String qty,
      String unit, String key, String price) {
    return new CostLine(Phase.TARGET, id, name, app, service, component, bd(qty), unit,
        "gcp/" + key + "/" + GCP_REGION, bd(price), "Cloud Billing Catalog API (price book " + PRICE_BOOK + ")",
        GCP_PRICES, bd(qty).multiply(bd(price)), driver(key, unit), machineType(key));
  }

  /** The driver of a fixture line: machine hours, traffic, requests, held capacity or a fee. */
  private static CostLine.Driver driver(String key, String unit) {
    if (machineType(key) != null) {
      return CostLine.Driver.COMPUTE_ON_DEMAND;
    }
    if (unit.equals("GiB") || unit.equals("GB") || unit.startsWith("LCU")) {
      return CostLine.Driver.TRAFFIC;
    }
    if (unit.contains("requests")) {
      return CostLine.Driver.REQUESTS;
    }
    return unit.endsWith("-month") ? CostLine.Driver.STORAGE : CostLine.Driver.FIXED;
  }

  /** The machine type of a fixture key "ec2/m5.large" or "compute/e2-standard-4", else null. */
  private static String machineType(String key) {
    return key.startsWith("ec2/") || key.startsWith("compute/") ? key.substring(key.indexOf('/') + 1) : null;
  }

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  static Reconciliation reconciliation(CostSide current) {
    var modelled = new TreeMap<String, BigDecimal>(current.byService());
    var billed = Map.of(
        "Amazon CloudFront", bd("1082.40"),
        "Amazon EBS", bd("64.31"),
        "Amazon EC2", bd("640.18"),
        "Amazon S3", bd("55.90"),
        "Elastic Load Balancing", bd("31.27"));
    var billedNames = Map.of(
        "Amazon CloudFront", List.of("Amazon CloudFront"),
        "Amazon EBS", List.of("EC2 - Other"),
        "Amazon EC2", List.of("Amazon Elastic Compute Cloud - Compute"),
        "Amazon S3", List.of("Amazon Simple Storage Service"),
        "Elastic Load Balancing", List.of("Amazon Elastic Load Balancing"));
    var rows = new ArrayList<Reconciliation.Row>();
    BigDecimal mt = BigDecimal.ZERO;
    BigDecimal bt = BigDecimal.ZERO;
    for (var e : modelled.entrySet()) {
      BigDecimal b = billed.get(e.getKey());
      BigDecimal diff = e.getValue().subtract(b);
      rows.add(new Reconciliation.Row(e.getKey(), billedNames.get(e.getKey()), e.getValue(), b, diff,
          pct(diff, b)));
      mt = mt.add(e.getValue());
      bt = bt.add(b);
    }
    return new Reconciliation(YearMonth.of(2026, 10), rows, mt, bt, pct(mt.subtract(bt), bt), bd("10"),
        List.of("Amazon S3: modelled 51.20 vs billed 55.90 (-8.4%): requests and data transfer are not modelled"));
  }

  static BigDecimal pct(BigDecimal diff, BigDecimal base) {
    return diff.multiply(BigDecimal.valueOf(100)).divide(base, 4, RoundingMode.HALF_EVEN);
  }

  static RequestCosts requests(BigDecimal aws, BigDecimal gcp) {
    BigDecimal millions = BigDecimal.valueOf(MONTHLY_REQUESTS).divide(BigDecimal.valueOf(1_000_000));
    var growth = new ArrayList<RequestCosts.GrowthPoint>();
    // Traffic-driven lines (CDN, requests, LB data) scale with traffic; the rest stays.
    BigDecimal awsTraffic = bd("1068.264");
    BigDecimal gcpTraffic = bd("763.80");
    for (String x : List.of("1", "2", "5")) {
      BigDecimal mult = bd(x);
      BigDecimal a = aws.add(awsTraffic.multiply(mult.subtract(BigDecimal.ONE)));
      BigDecimal g = gcp.add(gcpTraffic.multiply(mult.subtract(BigDecimal.ONE)));
      BigDecimal reqM = millions.multiply(mult);
      growth.add(new RequestCosts.GrowthPoint(mult, a, g, a.divide(reqM, MathContext.DECIMAL64),
          g.divide(reqM, MathContext.DECIMAL64)));
    }
    return new RequestCosts(MONTHLY_REQUESTS, "cloudwatch", aws.divide(millions, MathContext.DECIMAL64),
        gcp.divide(millions, MathContext.DECIMAL64), growth);
  }

  /**
   * Twelve months from December 2026: AWS winds down over six months while Google Cloud ramps up,
   * an HA VPN link runs for the hybrid months, and the one-off costs fall in the first month.
   */
  static Timeline timeline(BigDecimal aws, BigDecimal gcp) {
    return timeline("phased-6-months", aws, gcp, YearMonth.of(2026, 12), 12, 6,
        List.of("HA VPN: 2 tunnels of 3 Gbps for a peak of 0.4 Gbps crossing the link; IPsec overhead assumed 20%"));
  }

  /** {@code count} months from {@code start}, {@code hybridMonths} of them with both clouds running. */
  static Timeline timeline(String name, BigDecimal aws, BigDecimal gcp, YearMonth start, int count, int hybridMonths,
      List<String> warnings) {
    var months = new ArrayList<Timeline.Month>();
    BigDecimal cum = BigDecimal.ZERO;
    BigDecimal cumStay = BigDecimal.ZERO;
    YearMonth payback = null;
    Timeline.Month peak = null;
    for (int k = 0; k < count; k++) {
      BigDecimal growth = BigDecimal.valueOf(1.02).pow(k, MathContext.DECIMAL64);
      BigDecimal share = BigDecimal.valueOf(Math.min(k + 1, hybridMonths))
          .divide(BigDecimal.valueOf(hybridMonths), MathContext.DECIMAL64);
      boolean hybrid = k < hybridMonths;
      BigDecimal awsUsd = hybrid ? aws.multiply(growth).multiply(BigDecimal.ONE.subtract(share)
          .add(bd("0.2"))).min(aws.multiply(growth)) : BigDecimal.ZERO;
      BigDecimal gcpUsd = gcp.multiply(growth).multiply(share);
      BigDecimal link = hybrid ? bd("73.00") : BigDecimal.ZERO;
      BigDecimal traffic = hybrid ? bd("42.50") : BigDecimal.ZERO;
      BigDecimal oneOff = k == 0 ? bd("1184.32") : BigDecimal.ZERO;
      BigDecimal total = awsUsd.add(gcpUsd).add(link).add(traffic).add(oneOff);
      BigDecimal stay = aws.multiply(growth);
      cum = cum.add(total);
      cumStay = cumStay.add(stay);
      long req = BigDecimal.valueOf(MONTHLY_REQUESTS).multiply(growth).longValue();
      var m = new Timeline.Month(start.plusMonths(k), awsUsd, gcpUsd, link, traffic, oneOff, total, stay, cum,
          cumStay, req, total.divide(BigDecimal.valueOf(req).divide(BigDecimal.valueOf(1_000_000)),
          MathContext.DECIMAL64));
      months.add(m);
      if (payback == null && cum.compareTo(cumStay) < 0) {
        payback = m.month();
      }
      if (peak == null || total.compareTo(peak.totalUsd()) > 0) {
        peak = m;
      }
    }
    return new Timeline(name, months, peak.month(), payback, warnings);
  }
}
