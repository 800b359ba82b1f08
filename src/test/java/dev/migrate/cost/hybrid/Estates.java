package dev.migrate.cost.hybrid;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostLine.Driver;
import dev.migrate.cost.CostSide;
import dev.migrate.cost.Phase;
import dev.migrate.cost.RequestCosts;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small estates with hand-made cost lines, for what-if tests. */
public final class Estates {
  static final String REGION = "ap-northeast-1";
  static final String GCP = "asia-northeast1";
  /** A 30-day window: 720 hours, so window totals x 730/720 are monthly. */
  static final Window WINDOW = Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30);

  private Estates() {}

  static CostLine line(Phase phase, String item, String app, String service, String component, String quantity,
      String unit, String priceKey, String unitPrice, Driver driver) {
    return machine(phase, item, app, service, component, quantity, unit, priceKey, unitPrice, driver, null);
  }

  /** A line charging the hours of one machine type. */
  static CostLine machine(Phase phase, String item, String app, String service, String component, String quantity,
      String unit, String priceKey, String unitPrice, Driver driver, String machineType) {
    BigDecimal q = new BigDecimal(quantity);
    BigDecimal p = new BigDecimal(unitPrice);
    return new CostLine(phase, item, item, app, service, component, q, unit, priceKey, p, "test price", LocalDate.parse("2026-07-30"),
        q.multiply(p), driver, machineType);
  }

  static Ec2Instance instance(String id, String asg, Map<String, String> tags) {
    return new Ec2Instance(id, REGION, REGION + "a", "m5.large", "running", "linux", "x86_64",
        Instant.parse("2026-01-01T00:00:00Z"), null, null, "vpc-1", asg, List.of(), true, tags);
  }

  static LoadBalancer classicLb(String name, List<String> instances) {
    return new LoadBalancer(name, name, REGION, LoadBalancerType.CLASSIC, "internet-facing", name + ".elb.amazonaws.com",
        "vpc-1", List.of(REGION + "a"), null, List.of(new LoadBalancer.Listener("HTTP", 80, 80, List.of(), List.of())),
        List.of(), instances, null, Map.of("app", "tableapp"));
  }

  static Usage bytesOut(String id, String kind, double gib) {
    return new Usage(id, kind, "cloudwatch", null, null, null, null, null, null, null, null, gib, null, null, null,
        null, null, null);
  }

  static Mapping mapping(String id, ItemKind kind, Target target) {
    return new Mapping(id, kind, id, REGION, target, "test-rule", "test", Effort.REPLATFORM, List.of(), List.of(), Map.of());
  }

  static Snapshot snapshot(List<Ec2Instance> instances, List<AutoScalingGroup> groups, List<LoadBalancer> lbs,
      List<Distribution> dists, List<S3Bucket> buckets, List<Vpc> vpcs, List<Usage> usage) {
    return SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"), WINDOW)
        .regions(List.of(REGION)).instances(instances).autoScalingGroups(groups).loadBalancers(lbs)
        .distributions(dists).buckets(buckets).vpcs(vpcs).usage(usage).build();
  }

  static Assessment assessment(Snapshot s, List<Mapping> mappings, List<CostLine> lines, long monthlyRequests) {
    List<CostLine> cur = new ArrayList<>();
    List<CostLine> tgt = new ArrayList<>();
    lines.forEach(l -> (l.phase() == Phase.CURRENT ? cur : tgt).add(l));
    CostSide current = CostSide.of(Phase.CURRENT, cur);
    CostSide target = CostSide.of(Phase.TARGET, tgt);
    RequestCosts rc = monthlyRequests == 0 ? null
        : new RequestCosts(monthlyRequests, "cloudwatch", BigDecimal.ONE, BigDecimal.ONE, List.of());
    return new Assessment(s, new MigrationPlan(mappings, List.of(), Map.of(REGION, GCP), "test"), current, target,
        List.of(), null, rc, List.of(), List.of(), LocalDate.parse("2026-07-30"), Instant.parse("2026-11-25T01:00:00Z"),
        List.of());
  }

  /**
   * One web instance behind one classic load balancer. CURRENT: instance 73.00 (730 h x 0.10),
   * LB 16.425 (730 h x 0.0225) + 10.00 traffic (1000 LCU-hour x 0.01) = 99.425. TARGET: VM
   * 36.50 (730 h x 0.05), LB 18.25 (730 h x 0.025) + 5.84 (730 GiB x 0.008) = 60.59. The LB
   * processed 720 GiB in the 720-hour window: 730 GiB a month, sent by the web tier.
   */
  static Assessment webAndLb(List<Vpc> vpcs, double lbGibInWindow) {
    var web = instance("i-web", null, Map.of("app", "shop", "role", "web"));
    var lb = classicLb("lb-1", List.of("i-web"));
    var s = snapshot(List.of(web), List.of(), List.of(lb), List.of(), List.of(), vpcs,
        List.of(bytesOut("lb-1", "elb", lbGibInWindow)));
    var mappings = List.of(
        mapping("i-web", ItemKind.EC2_INSTANCE, new Target.ComputeEngineVm("e2-standard-2", "x86_64", "linux", true, GCP)),
        mapping("lb-1", ItemKind.LOAD_BALANCER, new Target.CloudLoadBalancer("regional-external-application", 1, false, GCP)));
    var lines = List.of(
        machine(Phase.CURRENT, "i-web", "shop", "Amazon EC2", "instance hours (m5.large, linux)", "730", "hour",
            "aws/ec2/m5.large/" + REGION, "0.10", Driver.COMPUTE_ON_DEMAND, "m5.large"),
        line(Phase.CURRENT, "lb-1", "shop", "Elastic Load Balancing", "load balancer hours", "730", "hour",
            "aws/elb/clb-hour/" + REGION, "0.0225", Driver.FIXED),
        line(Phase.CURRENT, "lb-1", "shop", "Elastic Load Balancing", "LCU hours", "1000", "LCU-hour",
            "aws/elb/lcu/" + REGION, "0.01", Driver.TRAFFIC),
        machine(Phase.TARGET, "i-web", "shop", "Compute Engine", "VM hours (1 x e2-standard-2)", "730", "hour",
            "gcp/compute/e2-standard-2:ondemand/" + GCP, "0.05", Driver.COMPUTE_ON_DEMAND, "e2-standard-2"),
        line(Phase.TARGET, "lb-1", "shop", "Cloud Load Balancing", "forwarding rules 1-5", "730", "hour",
            "gcp/load-balancing/forwarding-rule/" + GCP, "0.025", Driver.FIXED),
        line(Phase.TARGET, "lb-1", "shop", "Cloud Load Balancing", "data processed", "730", "GiB",
            "gcp/load-balancing/data-processed/" + GCP, "0.008", Driver.TRAFFIC));
    return assessment(s, mappings, lines, 1_000_000);
  }

  /**
   * The tableapp shape: CloudFront in front of an ALB, a web auto scaling group of
   * three instances on GKE, redis and memcached hosts, a cron host, and an S3 assets bucket.
   */
  public static Assessment tableapp() {
    String tg = "arn:aws:elasticloadbalancing:" + REGION + ":111122223333:targetgroup/web/0123";
    Map<String, String> web = Map.of("app", "tableapp", "role", "web");
    var instances = List.of(
        instance("i-web1", "web-asg", web), instance("i-web2", "web-asg", web), instance("i-web3", "web-asg", web),
        instance("i-redis", null, Map.of("app", "tableapp", "role", "redis", "Name", "redis-1")),
        instance("i-memcached", null, Map.of("app", "tableapp", "role", "memcached", "Name", "memcached-1")),
        instance("i-cron", null, Map.of("app", "tableapp", "role", "cron", "Name", "cron-1")));
    var asg = new AutoScalingGroup("web-asg", REGION, 2, 6, 3, List.of("i-web1", "i-web2", "i-web3"), List.of(tg),
        List.of(), Map.of("app", "tableapp"));
    var alb = new LoadBalancer("arn:alb/web", "web", REGION, LoadBalancerType.APPLICATION, "internet-facing",
        "web-1234." + REGION + ".elb.amazonaws.com", "vpc-1", List.of(REGION + "a"), null,
        List.of(new LoadBalancer.Listener("HTTPS", 443, null, List.of(tg), List.of())),
        List.of(new LoadBalancer.TargetGroup(tg, "web", "HTTP", 80, "instance", List.of(
            new LoadBalancer.Target("i-web1", 80, "healthy"), new LoadBalancer.Target("i-web2", 80, "healthy"),
            new LoadBalancer.Target("i-web3", 80, "healthy")))),
        List.of(), null, Map.of("app", "tableapp"));
    var dist = new Distribution("E1TABLEAPP", "d1.cloudfront.net", List.of("www.tableapp.example"), true, "PriceClass_All",
        "http2", List.of(new Distribution.Origin("alb", "web-1234." + REGION + ".elb.amazonaws.com", "elb", null)),
        new Distribution.CacheBehavior("*", "alb", "redirect-to-https", null, false, List.of()), List.of(), null, null,
        "none", List.of(), false, Map.of("app", "tableapp"));
    var bucket = new S3Bucket("tableapp-assets", REGION, null,
        List.of(new S3Bucket.StorageClassUsage("STANDARD", 500L << 30, null)), null, Map.of("app", "tableapp"));
    var usage = new ArrayList<Usage>();
    usage.add(new Usage("E1TABLEAPP", "cloudfront", "cloudwatch", null, null, null, null, null, null, null,
        360_000_000L, 20_000.0, null, 1_500.0, 0.85, null, null, null));
    usage.add(new Usage("arn:alb/web", "elb", "cloudwatch", null, null, null, null, null, null, null,
        60_000_000L, 4_000.0, 2_000.0, 400.0, null, null, null, null));
    usage.add(new Usage("i-redis", "ec2", "cloudwatch", 10.0, 20.0, 30.0, null, null, 1_500.0, 3_000.0, null, null,
        null, null, null, null, null, null));
    usage.add(new Usage("i-memcached", "ec2", "cloudwatch", 10.0, 20.0, 30.0, null, null, 800.0, 2_400.0, null, null,
        null, null, null, null, null, null));
    var s = snapshot(instances, List.of(asg), List.of(alb), List.of(dist), List.of(bucket),
        List.of(new Vpc("vpc-1", REGION, List.of("10.0.0.0/16"), false)), usage);
    var mappings = new ArrayList<Mapping>();
    for (String w : List.of("i-web1", "i-web2", "i-web3")) {
      mappings.add(mapping(w, ItemKind.EC2_INSTANCE, new Target.Retire("web-asg", GCP)));
    }
    mappings.add(mapping("web-asg", ItemKind.AUTO_SCALING_GROUP, new Target.GkeWorkload("Deployment", "web", "tableapp",
        "web-pool", "n2-standard-4", 3, 6, 1, 2, false, GCP, null)));
    mappings.add(mapping("i-redis", ItemKind.EC2_INSTANCE, new Target.GkeWorkload("StatefulSet", "redis", "tableapp",
        "data-pool", "n2-highmem-2", 1, 1, 1, 8, false, GCP, "Memorystore for Redis")));
    mappings.add(mapping("i-memcached", ItemKind.EC2_INSTANCE, new Target.GkeWorkload("StatefulSet", "memcached",
        "tableapp", "data-pool", "n2-highmem-2", 1, 1, 1, 8, false, GCP, null)));
    mappings.add(mapping("i-cron", ItemKind.EC2_INSTANCE, new Target.GkeWorkload("CronJob", "cron", "tableapp",
        "batch-pool", "e2-standard-2", 1, 1, 1, 2, false, GCP, null)));
    mappings.add(mapping("arn:alb/web", ItemKind.LOAD_BALANCER, new Target.CloudLoadBalancer(
        "global-external-application", 1, true, "global")));
    mappings.add(mapping("E1TABLEAPP", ItemKind.CLOUDFRONT_DISTRIBUTION, new Target.CloudCdn("web", "CACHE_ALL_STATIC",
        false, "global")));
    mappings.add(mapping("tableapp-assets", ItemKind.S3_BUCKET, new Target.CloudStorage(GCP,
        List.of(new Target.ClassMapping("STANDARD", "STANDARD", 500)), GCP)));
    String app = "tableapp";
    var lines = new ArrayList<CostLine>();
    for (String w : List.of("i-web1", "i-web2", "i-web3")) {
      lines.add(machine(Phase.CURRENT, w, app, "Amazon EC2", "instance hours (m5.xlarge, linux)", "730", "hour",
          "aws/ec2/m5.xlarge/" + REGION, "0.248", Driver.COMPUTE_ON_DEMAND, "m5.xlarge"));
    }
    lines.add(machine(Phase.CURRENT, "i-redis", app, "Amazon EC2", "instance hours (r5.large, linux)", "730", "hour",
        "aws/ec2/r5.large/" + REGION, "0.152", Driver.COMPUTE_ON_DEMAND, "r5.large"));
    lines.add(machine(Phase.CURRENT, "i-memcached", app, "Amazon EC2", "instance hours (r5.large, linux)", "730", "hour",
        "aws/ec2/r5.large/" + REGION, "0.152", Driver.COMPUTE_ON_DEMAND, "r5.large"));
    lines.add(machine(Phase.CURRENT, "i-cron", app, "Amazon EC2", "instance hours (t3.medium, linux)", "730", "hour",
        "aws/ec2/t3.medium/" + REGION, "0.0544", Driver.COMPUTE_ON_DEMAND, "t3.medium"));
    lines.add(line(Phase.CURRENT, "arn:alb/web", app, "Elastic Load Balancing", "load balancer hours", "730", "hour",
        "aws/elb/alb-hour/" + REGION, "0.0243", Driver.FIXED));
    lines.add(line(Phase.CURRENT, "arn:alb/web", app, "Elastic Load Balancing", "LCU hours", "2027.777778", "LCU-hour",
        "aws/elb/alb-lcu/" + REGION, "0.008", Driver.TRAFFIC));
    lines.add(line(Phase.CURRENT, "E1TABLEAPP", app, "Amazon CloudFront", "data transfer out (Japan) [0-10 TB]", "10240",
        "GiB", "aws/cloudfront/dto-japan/global", "0.114", Driver.TRAFFIC));
    lines.add(line(Phase.CURRENT, "E1TABLEAPP", app, "Amazon CloudFront", "data transfer out (Japan) [10-50 TB]",
        "10037.777778", "GiB", "aws/cloudfront/dto-japan/global", "0.089", Driver.TRAFFIC));
    lines.add(line(Phase.CURRENT, "E1TABLEAPP", app, "Amazon CloudFront", "HTTPS requests (Japan)", "36500", "10k requests",
        "aws/cloudfront/https-japan/global", "0.012", Driver.REQUESTS));
    lines.add(line(Phase.CURRENT, "tableapp-assets", app, "Amazon S3", "storage (STANDARD)", "500", "GiB-month",
        "aws-s3:STANDARD:" + REGION, "0.025", Driver.STORAGE));
    lines.add(machine(Phase.TARGET, "web-asg", app, "Google Kubernetes Engine", "VM hours (3 x n2-standard-4)", "2190", "hour",
        "gcp/compute/n2-standard-4:ondemand/" + GCP, "0.249176", Driver.COMPUTE_ON_DEMAND, "n2-standard-4"));
    lines.add(machine(Phase.TARGET, "i-redis", app, "Google Kubernetes Engine", "VM hours (1 x n2-highmem-2)", "730", "hour",
        "gcp/compute/n2-highmem-2:ondemand/" + GCP, "0.168", Driver.COMPUTE_ON_DEMAND, "n2-highmem-2"));
    lines.add(machine(Phase.TARGET, "i-memcached", app, "Google Kubernetes Engine", "VM hours (1 x n2-highmem-2)", "730",
        "hour", "gcp/compute/n2-highmem-2:ondemand/" + GCP, "0.168", Driver.COMPUTE_ON_DEMAND, "n2-highmem-2"));
    lines.add(machine(Phase.TARGET, "i-cron", app, "Google Kubernetes Engine", "VM hours (1 x e2-standard-2)", "730", "hour",
        "gcp/compute/e2-standard-2:ondemand/" + GCP, "0.08596572", Driver.COMPUTE_ON_DEMAND, "e2-standard-2"));
    lines.add(line(Phase.TARGET, "gke-cluster:tableapp", app, "Google Kubernetes Engine", "cluster management fee", "730",
        "hour", "gcp/gke/cluster-fee/global", "0.10", Driver.FIXED));
    lines.add(line(Phase.TARGET, "arn:alb/web", app, "Cloud Load Balancing", "forwarding rules 1-5", "730", "hour",
        "gcp/load-balancing/forwarding-rule/global", "0.025", Driver.FIXED));
    lines.add(line(Phase.TARGET, "arn:alb/web", app, "Cloud Load Balancing", "data processed", "4055.555556", "GiB",
        "gcp/load-balancing/data-processed/global", "0.008", Driver.TRAFFIC));
    lines.add(line(Phase.TARGET, "E1TABLEAPP", app, "Cloud CDN", "cache egress (asia) [0-10 TiB]", "10240", "GiB",
        "gcp/cdn/egress-asia/global", "0.09", Driver.TRAFFIC));
    lines.add(line(Phase.TARGET, "E1TABLEAPP", app, "Cloud CDN", "cache egress (asia) [10-150 TiB]", "10037.777778",
        "GiB", "gcp/cdn/egress-asia/global", "0.06", Driver.TRAFFIC));
    lines.add(line(Phase.TARGET, "E1TABLEAPP", app, "Cloud CDN", "cache lookups", "36500", "10k requests",
        "gcp/cdn/cache-lookup/global", "0.0075", Driver.REQUESTS));
    lines.add(line(Phase.TARGET, "tableapp-assets", app, "Cloud Storage", "storage (STANDARD, from S3 STANDARD)", "500",
        "GiB-month", "gcp/storage/STANDARD/" + GCP, "0.023", Driver.STORAGE));
    return assessment(s, mappings, lines, 365_000_000);
  }

}
