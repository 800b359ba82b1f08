package dev.migrate.cost;

import dev.migrate.cost.CostLine.Driver;
import dev.migrate.plan.Target;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceKey;
import dev.migrate.pricing.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Prices the Google Cloud targets of managed databases and caches (TARGET): Cloud SQL, AlloyDB and
 * Memorystore, from the book's {@code gcp/cloudsql/...}, {@code gcp/alloydb/...} and
 * {@code gcp/memorystore/...} keys. A key no region of the book has is a missing price, never zero.
 */
final class DatastoreTargetPricer {
  /**
   * Memorystore for Redis capacity tiers: the whole instance is billed at the rate of the tier its size falls in,
   * M1 1-4 GB, M2 5-10 GB, M3 11-35 GB, M4 36-100 GB, M5 above 100 GB
   * (https://cloud.google.com/memorystore/docs/redis/pricing). Lower bounds in whole GB.
   */
  private static final int[] REDIS_TIER_FROM_GB = {1, 5, 11, 36, 101};

  private final Estate estate;
  private final CostOptions options;
  private final Ledger ledger;
  private final List<String> warnings;
  /** Services already named in the "no Spot capacity" warning (one warning per service, not per instance). */
  private final java.util.Set<String> spotWarned = new java.util.TreeSet<>();

  DatastoreTargetPricer(Estate estate, CostOptions options, Ledger ledger, List<String> warnings) {
    this.estate = estate;
    this.options = options;
    this.ledger = ledger;
    this.warnings = warnings;
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  // ------------------------------------------------------------------ Cloud SQL

  /**
   * vCPU-hours and GiB-hours at the zonal rate, or the regional (HA) rate for a high-availability instance
   * (primary and standby), storage per GiB-month of the same availability, and each read replica as a zonal
   * instance of the same shape with its own storage.
   */
  void cloudSql(Ledger.Item item, Target.CloudSql t, String region) {
    String engine = t.engine().toLowerCase(Locale.ROOT);
    String edition = t.edition() == null ? "enterprise" : t.edition().toLowerCase(Locale.ROOT);
    String avail = t.highAvailability() ? "regional" : "zonal";
    String storage = t.storageType() == null ? "ssd" : t.storageType().toLowerCase(Locale.ROOT);
    String shape = num(t.vcpu()) + " vCPU, " + num(t.memoryGib()) + " GiB, " + edition;
    BigDecimal compute = instance(item, engine, edition, avail, t.vcpu(), t.memoryGib(), t.storageGib(), storage, region,
        "instance" + (t.highAvailability() ? " (HA: primary and standby)" : "") + " (" + shape + ")", BigDecimal.ONE);
    if (t.readReplicas() > 0) {
      BigDecimal replicas = BigDecimal.valueOf(t.readReplicas());
      BigDecimal r = instance(item, engine, edition, "zonal", t.vcpu(), t.memoryGib(), t.storageGib(), storage, region,
          t.readReplicas() + " read replica(s) (" + shape + ", zonal)", replicas);
      compute = compute.add(r);
    }
    if ("sqlserver".equals(engine)) {
      ledger.missing(item, "SQL Server licence (" + num(t.vcpu()) + " vCPU)",
          PriceKey.gcp("cloudsql", "sqlserver:" + edition + ":licence-vcpu", region).toString());
    }
    committedUse(item, Services.CLOUD_SQL, "cloudsql", compute, region);
  }

  /** One Cloud SQL instance shape x {@code count}: vCPU and memory hours and storage; returns the vCPU + memory amount. */
  private BigDecimal instance(Ledger.Item item, String engine, String edition, String avail, double vcpu, double memoryGib,
      long storageGib, String storage, String region, String what, BigDecimal count) {
    String prefix = engine + ":" + edition + ":" + avail + ":";
    BigDecimal vcpuHours = BigDecimal.valueOf(vcpu).multiply(count).multiply(estate.hoursPerMonth);
    BigDecimal gibHours = BigDecimal.valueOf(memoryGib).multiply(count).multiply(estate.hoursPerMonth);
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal a = ledger.flat(item, Services.CLOUD_SQL, Driver.COMPUTE_ON_DEMAND, what + ": vCPU", vcpuHours,
        PriceKey.gcp("cloudsql", prefix + "vcpu", region));
    total = a == null ? total : total.add(a);
    BigDecimal b = ledger.flat(item, Services.CLOUD_SQL, Driver.COMPUTE_ON_DEMAND, what + ": memory", gibHours,
        PriceKey.gcp("cloudsql", prefix + "memory", region));
    total = b == null ? total : total.add(b);
    if (storageGib > 0) {
      ledger.flat(item, Services.CLOUD_SQL, Driver.STORAGE, what + ": " + storage.toUpperCase(Locale.ROOT) + " storage ("
          + avail + ")", BigDecimal.valueOf(storageGib).multiply(count), PriceKey.gcp("cloudsql", prefix + storage, region));
    }
    return total;
  }

  /**
   * Committed use: when the options buy Google Cloud compute committed for 1 or 3 years, the service's committed-use
   * discount (a sourced fraction of the on-demand vCPU and memory amount) is its own negative line. Storage is not
   * covered. No sourced fraction: the discount is a missing price and the on-demand amount stands.
   */
  private void committedUse(Ledger.Item item, String service, String bookService, BigDecimal onDemand, String region) {
    if (options.targetPricing() != CostOptions.TargetPricing.CUD_1Y && options.targetPricing() != CostOptions.TargetPricing.CUD_3Y) {
      if (options.targetPricing() == CostOptions.TargetPricing.SPOT_SHARE && spotWarned.add(service)) {
        warnings.add(service + " has no Spot capacity: its instances are priced on-demand (spot-share applies to Compute Engine "
            + "and GKE nodes only)");
      }
      return;
    }
    String term = options.targetPricing() == CostOptions.TargetPricing.CUD_1Y ? "cud-1y" : "cud-3y";
    PriceKey key = PriceKey.gcp(bookService, term, "all");
    if (onDemand.signum() == 0) {
      return;
    }
    Price p = ledger.price(item, (term.equals("cud-1y") ? "1-year" : "3-year") + " committed use discount", key);
    if (p == null) {
      return;
    }
    Tier t = p.flat();
    BigDecimal pct = t.usd().movePointRight(2).stripTrailingZeros();
    ledger.add(item, service, Driver.COMMITTED, null, (term.equals("cud-1y") ? "1-year" : "3-year") + " committed use discount "
        + pct.toPlainString() + "% (vCPU and memory)", onDemand, "USD of on-demand", ledger.text(key), t.usd().negate(), t.source(),
        t.asOf(), onDemand.multiply(t.usd()).negate(), p.estimated());
  }

  // ------------------------------------------------------------------ AlloyDB

  /**
   * vCPU-hours and GiB-hours of the primary instance (two nodes with the HA standby) and of the read pool nodes
   * (each of the primary's shape), and the storage used per GiB-month.
   */
  void alloyDb(Ledger.Item item, Target.AlloyDb t, String region) {
    int primaryNodes = t.highAvailability() ? 2 : 1;
    int nodes = primaryNodes + Math.max(0, t.readPoolNodes());
    String what = "primary" + (t.highAvailability() ? " (2 nodes with the HA standby)" : " (1 node)")
        + (t.readPoolNodes() > 0 ? " + " + t.readPoolNodes() + " read pool node(s)" : "") + ", " + num(t.vcpu()) + " vCPU, "
        + num(t.memoryGib()) + " GiB each";
    BigDecimal n = BigDecimal.valueOf(nodes);
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal a = ledger.flat(item, Services.ALLOYDB, Driver.COMPUTE_ON_DEMAND, "vCPU (" + what + ")",
        BigDecimal.valueOf(t.vcpu()).multiply(n).multiply(estate.hoursPerMonth), PriceKey.gcp("alloydb", "vcpu", region));
    total = a == null ? total : total.add(a);
    BigDecimal b = ledger.flat(item, Services.ALLOYDB, Driver.COMPUTE_ON_DEMAND, "memory (" + what + ")",
        BigDecimal.valueOf(t.memoryGib()).multiply(n).multiply(estate.hoursPerMonth), PriceKey.gcp("alloydb", "memory", region));
    total = b == null ? total : total.add(b);
    if (t.storageGib() > 0) {
      ledger.flat(item, Services.ALLOYDB, Driver.STORAGE, "storage used", BigDecimal.valueOf(t.storageGib())
          .setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN), PriceKey.gcp("alloydb", "storage", region));
    }
    committedUse(item, Services.ALLOYDB, "alloydb", total, region);
  }

  // ------------------------------------------------------------------ Memorystore

  /**
   * Memorystore for Redis: the instance size (whole GB, rounded up: instances are sized in GB) x 730 h at its service
   * tier's rate for the capacity tier it falls in. Redis Cluster and Valkey: the cluster's capacity per GiB-hour;
   * Memcached: node memory per GiB-hour and one vCPU per node; none of those is in the book yet (missing).
   */
  void memorystore(Ledger.Item item, Target.Memorystore t, String region) {
    String engine = t.engine().toLowerCase(Locale.ROOT);
    switch (engine) {
      case "redis" -> {
        String tier = t.tier() == null ? "basic" : t.tier().toLowerCase(Locale.ROOT);
        long gb = Math.max(1, (long) Math.ceil(t.capacityGib()));
        String band = redisCapacityTier(gb);
        ledger.flat(item, Services.MEMORYSTORE, Driver.STORAGE, "Redis capacity (" + tier + ", " + gb + " GB, capacity tier " + band + ")",
            BigDecimal.valueOf(gb).multiply(estate.hoursPerMonth), PriceKey.gcp("memorystore", "redis:" + tier + ":" + band, region));
      }
      case "memcached" -> {
        ledger.flat(item, Services.MEMORYSTORE, Driver.STORAGE, "Memcached node memory (" + t.shards() + " node(s), "
            + num(t.capacityGib()) + " GiB in all)", BigDecimal.valueOf(t.capacityGib()).multiply(estate.hoursPerMonth)
            .setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN), PriceKey.gcp("memorystore", "memcached:memory", region));
        ledger.flat(item, Services.MEMORYSTORE, Driver.COMPUTE_ON_DEMAND, "Memcached node vCPU (" + t.shards()
            + " node(s) x 1 vCPU, the smallest node)", BigDecimal.valueOf(Math.max(1, t.shards())).multiply(estate.hoursPerMonth),
            PriceKey.gcp("memorystore", "memcached:vcpu", region));
      }
      default -> ledger.flat(item, Services.MEMORYSTORE, Driver.STORAGE, t.label() + " capacity (" + t.shards() + " shard(s) x (1 + "
          + t.replicasPerShard() + " replica(s)), " + num(t.capacityGib()) + " GiB)",
          BigDecimal.valueOf(t.capacityGib()).multiply(estate.hoursPerMonth).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN),
          PriceKey.gcp("memorystore", engine + ":capacity", region));
    }
  }

  /** The Memorystore for Redis capacity tier (M1..M5) of an instance of {@code gb} GB. */
  static String redisCapacityTier(long gb) {
    int tier = 1;
    for (int i = 1; i < REDIS_TIER_FROM_GB.length; i++) {
      if (gb >= REDIS_TIER_FROM_GB[i]) {
        tier = i + 1;
      }
    }
    return "M" + tier;
  }
}
