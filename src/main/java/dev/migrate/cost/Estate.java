package dev.migrate.cost;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.ItemKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * What the pricers share about one snapshot: its {@link Topology} (items by id, which load
 * balancers and buckets sit behind CloudFront, where a distribution's traffic comes from), the
 * app tag of each item, and the factor that turns window totals into a month.
 */
final class Estate {
  /** Scale of quantities derived by division (window totals scaled to a month), in decimal places. */
  static final int QUANTITY_SCALE = 6;

  final Snapshot snapshot;
  final Topology topology;
  final String appTagKey;
  final BigDecimal hoursPerMonth;
  /** hours per month / hours in the window: multiplies window totals into monthly figures. */
  final BigDecimal monthFactor;

  Estate(Topology topology, String appTagKey, BigDecimal hoursPerMonth) {
    this.topology = topology;
    this.snapshot = topology.snapshot();
    this.appTagKey = appTagKey;
    this.hoursPerMonth = hoursPerMonth;
    this.monthFactor = hoursPerMonth.divide(BigDecimal.valueOf(snapshot.window().hours()), 12, RoundingMode.HALF_EVEN);
  }

  Optional<Usage> usageOf(String id) {
    return Optional.ofNullable(topology.usage(id));
  }

  /** The AWS region a distribution's traffic comes from: its origins', else the first scanned region. */
  String homeOf(Distribution d) {
    String region = topology.homeRegion(d.id());
    return region != null ? region : homeRegion();
  }

  /** A window total scaled to one month. */
  BigDecimal monthly(double windowTotal) {
    return BigDecimal.valueOf(windowTotal).multiply(monthFactor)
        .setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN);
  }

  /** GiB from bytes. */
  static BigDecimal gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 30), QUANTITY_SCALE, RoundingMode.HALF_EVEN);
  }

  /** The application tag's value (key compared ignoring case, as the rules do), or "(untagged)". */
  String app(Map<String, String> tags) {
    String v = Topology.tag(tags, appTagKey);
    return v == null || v.isBlank() ? "(untagged)" : v;
  }

  /** The application of an inventory item (volumes inherit their instance's tag when they have none). */
  String appOf(ItemKind kind, String id) {
    return switch (kind) {
      case EC2_INSTANCE -> {
        Ec2Instance i = topology.instance(id);
        yield i == null ? "(untagged)" : app(i.tags());
      }
      case EBS_VOLUME -> {
        EbsVolume v = topology.volume(id);
        if (v == null) {
          yield "(untagged)";
        }
        String own = app(v.tags());
        Ec2Instance host = topology.host(id);
        yield own.equals("(untagged)") && host != null ? app(host.tags()) : own;
      }
      default -> app(topology.tags(id)); // no tags (an unknown id too) reads "(untagged)"
    };
  }

  /** The first scanned region: where traffic of a distribution without a known origin is assumed to be. */
  String homeRegion() {
    return snapshot.regions().isEmpty() ? "us-east-1" : snapshot.regions().get(0);
  }
}
