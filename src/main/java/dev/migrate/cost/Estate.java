package dev.migrate.cost;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.plan.ItemKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hash indexes over one snapshot, so that pricing is linear in the number of items, plus the
 * facts the pricers share: which load balancers and buckets sit behind CloudFront, the app tag of
 * each item, and the factor that turns window totals into a month.
 */
final class Estate {
  /** Scale of quantities derived by division (window totals scaled to a month), in decimal places. */
  static final int QUANTITY_SCALE = 6;

  final Snapshot snapshot;
  final String appTagKey;
  final BigDecimal hoursPerMonth;
  /** hours per month / hours in the window: multiplies window totals into monthly figures. */
  final BigDecimal monthFactor;
  final Map<String, Ec2Instance> instances = new HashMap<>();
  final Map<String, EbsVolume> volumes = new HashMap<>();
  final Map<String, AutoScalingGroup> groups = new HashMap<>();
  final Map<String, LoadBalancer> loadBalancers = new HashMap<>();
  final Map<String, Distribution> distributions = new HashMap<>();
  final Map<String, S3Bucket> buckets = new HashMap<>();
  final Map<String, Usage> usage = new HashMap<>();
  /** Load balancer ids that are the origin of a CloudFront distribution. */
  final Set<String> lbOrigins = new HashSet<>();
  /** Bucket names that are the origin of a CloudFront distribution. */
  final Set<String> bucketOrigins = new HashSet<>();
  /** Distribution id to the AWS region of its default origin (its traffic's home), when known. */
  final Map<String, String> distributionRegion = new HashMap<>();

  Estate(Snapshot snapshot, String appTagKey, BigDecimal hoursPerMonth) {
    this.snapshot = snapshot;
    this.appTagKey = appTagKey;
    this.hoursPerMonth = hoursPerMonth;
    this.monthFactor = hoursPerMonth.divide(BigDecimal.valueOf(snapshot.window().hours()), 12, RoundingMode.HALF_EVEN);
    snapshot.instances().forEach(i -> instances.put(i.id(), i));
    snapshot.volumes().forEach(v -> volumes.put(v.id(), v));
    snapshot.autoScalingGroups().forEach(g -> groups.put(g.name(), g));
    snapshot.loadBalancers().forEach(l -> loadBalancers.put(l.id(), l));
    snapshot.distributions().forEach(d -> distributions.put(d.id(), d));
    snapshot.buckets().forEach(b -> buckets.put(b.name(), b));
    snapshot.usage().forEach(u -> usage.put(u.resourceId(), u));
    Map<String, LoadBalancer> byDns = new HashMap<>();
    for (LoadBalancer lb : snapshot.loadBalancers()) {
      if (lb.dnsName() != null) {
        byDns.put(host(lb.dnsName()), lb);
      }
    }
    for (Distribution d : snapshot.distributions()) {
      String defaultOrigin = d.defaultBehavior().targetOriginId();
      for (Distribution.Origin o : d.origins()) {
        String host = host(o.domainName());
        LoadBalancer lb = byDns.get(host);
        String region = null;
        if (lb != null) {
          lbOrigins.add(lb.id());
          region = lb.region();
        } else {
          S3Bucket b = bucketOf(host);
          if (b != null) {
            bucketOrigins.add(b.name());
            region = b.region();
          }
        }
        if (region != null && (o.id().equals(defaultOrigin) || !distributionRegion.containsKey(d.id()))) {
          distributionRegion.put(d.id(), region);
        }
      }
    }
  }

  /** Lower case, without a {@code dualstack.} prefix or a trailing dot. */
  private static String host(String dns) {
    String h = dns.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.startsWith("dualstack.") ? h.substring("dualstack.".length()) : h;
  }

  /** The bucket an S3 origin host names: {@code bucket.s3.amazonaws.com}, {@code bucket.s3.region.amazonaws.com}, website hosts. */
  private S3Bucket bucketOf(String host) {
    int s3 = host.indexOf(".s3");
    if (s3 <= 0) {
      return null;
    }
    return buckets.get(host.substring(0, s3));
  }

  Optional<Usage> usageOf(String id) {
    return Optional.ofNullable(usage.get(id));
  }

  /** A window total scaled to one month, times the traffic multiple. */
  BigDecimal monthly(double windowTotal, BigDecimal trafficMultiple) {
    return BigDecimal.valueOf(windowTotal).multiply(monthFactor).multiply(trafficMultiple)
        .setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN);
  }

  /** GiB from bytes. */
  static BigDecimal gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 30), QUANTITY_SCALE, RoundingMode.HALF_EVEN);
  }

  String app(Map<String, String> tags) {
    String v = tags.get(appTagKey);
    return v == null || v.isBlank() ? "(untagged)" : v;
  }

  /** The application of an inventory item (volumes inherit their instance's tag when they have none). */
  String appOf(ItemKind kind, String id) {
    return switch (kind) {
      case EC2_INSTANCE -> instances.containsKey(id) ? app(instances.get(id).tags()) : "(untagged)";
      case EBS_VOLUME -> {
        EbsVolume v = volumes.get(id);
        if (v == null) {
          yield "(untagged)";
        }
        String own = app(v.tags());
        if (own.equals("(untagged)") && v.attachedTo() != null && instances.containsKey(v.attachedTo())) {
          yield app(instances.get(v.attachedTo()).tags());
        }
        yield own;
      }
      case AUTO_SCALING_GROUP -> groups.containsKey(id) ? app(groups.get(id).tags()) : "(untagged)";
      case LOAD_BALANCER -> loadBalancers.containsKey(id) ? app(loadBalancers.get(id).tags()) : "(untagged)";
      case CLOUDFRONT_DISTRIBUTION -> distributions.containsKey(id) ? app(distributions.get(id).tags()) : "(untagged)";
      case S3_BUCKET -> buckets.containsKey(id) ? app(buckets.get(id).tags()) : "(untagged)";
    };
  }

  /** The first scanned region: where traffic of a distribution without a known origin is assumed to be. */
  String homeRegion() {
    return snapshot.regions().isEmpty() ? "us-east-1" : snapshot.regions().get(0);
  }
}
