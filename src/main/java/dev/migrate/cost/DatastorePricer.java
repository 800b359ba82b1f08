package dev.migrate.cost;

import dev.migrate.cost.CostLine.Driver;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Usage;
import dev.migrate.plan.ItemKind;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceKey;
import dev.migrate.pricing.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prices today's managed databases and caches (CURRENT), one place per kind: RDS DB instances
 * ({@code rds-instance}), Aurora clusters with their member instances folded in ({@code aurora-cluster}) and
 * ElastiCache caches ({@code elasticache-cluster}), with reserved DB instances and reserved cache nodes
 * lowering the on-demand hours they cover.
 *
 * <p>Every line is quantity x a price of the book ({@code aws/rds/...}, {@code aws/aurora/...},
 * {@code aws/elasticache/...}); what the book does not have is a missing price, never zero.
 */
final class DatastorePricer {
  /** Seconds in an hour: IOPS (I/O per second) x seconds = I/O requests. */
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  /**
   * gp3 on RDS includes a baseline of IOPS that depends on the allocated size: 3,000 IOPS below 400 GiB and
   * 12,000 IOPS from 400 GiB for MySQL, MariaDB and PostgreSQL (Oracle from 200 GiB; SQL Server always 3,000):
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage
   */
  private static final int GP3_LOW_BASELINE_IOPS = 3_000;
  private static final int GP3_HIGH_BASELINE_IOPS = 12_000;

  private final Estate estate;
  private final Ledger ledger;
  private final List<String> warnings;
  /** DB instance id (RDS instance or Aurora member) -> on-demand USD per hour, for reserved DB instances. */
  private final Map<String, Covered> dbHours = new HashMap<>();
  /** Cache id -> its priced nodes, for reserved cache nodes. */
  private final Map<String, Covered> cacheNodes = new HashMap<>();

  /** What a reservation can cover: the item the line goes on, the price key and its hourly price, and how many units. */
  private record Covered(Ledger.Item item, String engine, String type, String deployment, String region, PriceKey key,
      Price price, int units) {}

  DatastorePricer(Estate estate, Ledger ledger, List<String> warnings) {
    this.estate = estate;
    this.ledger = ledger;
    this.warnings = warnings;
  }

  void price() {
    List<String> backupsNotModelled = new ArrayList<>();
    for (DbInstance d : estate.snapshot.dbInstances()) {
      if (!d.auroraMember()) {
        rdsInstance(d);
        if (d.backupRetentionDays() > 0) {
          backupsNotModelled.add(d.id());
        }
      }
    }
    for (DbCluster c : estate.snapshot.dbClusters()) {
      auroraCluster(c);
      if (c.backupRetentionDays() > 0) {
        backupsNotModelled.add(c.id());
      }
    }
    for (CacheCluster c : estate.snapshot.cacheClusters()) {
      cache(c);
    }
    if (!backupsNotModelled.isEmpty()) {
      // Backup storage up to the allocated storage (RDS) or the cluster volume (Aurora) is free; what lies beyond it
      // depends on the backups' size, which the snapshot does not hold.
      warnings.add("backup storage of " + backupsNotModelled.size() + " database(s) (" + String.join(", ",
          backupsNotModelled.subList(0, Math.min(3, backupsNotModelled.size()))) + (backupsNotModelled.size() > 3 ? ", ..." : "")
          + ") is not modelled: backup usage is not collected, and only backup storage beyond the free allowance "
          + "(the allocated storage) is billed");
    }
    reservations();
  }

  private Ledger.Item item(ItemKind kind, String id) {
    return new Ledger.Item(id, id, estate.appOf(kind, id));
  }

  /** The engine as the book keys it: the RDS API name, postgresql read as postgres. */
  static String engine(String engine) {
    String e = engine == null ? "" : engine.toLowerCase(Locale.ROOT).trim();
    return e.equals("postgresql") ? "postgres" : e.equals("aurora") ? "aurora-mysql" : e;
  }

  private static String deployment(boolean multiAz) {
    return multiAz ? "multi-az" : "single-az";
  }

  private static boolean stopped(String status) {
    return status != null && (status.equalsIgnoreCase("stopped") || status.equalsIgnoreCase("stopping"));
  }

  // ------------------------------------------------------------------ RDS

  private void rdsInstance(DbInstance d) {
    Ledger.Item item = item(ItemKind.RDS_INSTANCE, d.id());
    String engine = engine(d.engine());
    String deployment = deployment(d.multiAz());
    String what = d.instanceClass() + ", " + engine + ", " + (d.multiAz() ? "Multi-AZ" : "Single-AZ");
    if (stopped(d.status())) {
      warnings.add("DB instance " + d.id() + " is " + d.status() + ": no instance hours, its storage is still billed");
    } else {
      PriceKey key = PriceKey.aws("rds", engine + ":" + d.instanceClass() + ":" + deployment, d.region());
      BigDecimal amount = ledger.machine(item, Services.RDS, Driver.COMPUTE_ON_DEMAND, d.instanceClass(),
          "DB instance hours (" + what + ")", estate.hoursPerMonth, key);
      if (amount != null) {
        dbHours.put(d.id(), new Covered(item, engine, d.instanceClass(), deployment, d.region(), key,
            ledger.book().lookup(key).orElseThrow(), 1));
      }
    }
    String type = d.storageType() == null ? "gp2" : d.storageType().toLowerCase(Locale.ROOT);
    if (d.allocatedStorageGib() > 0) {
      ledger.flat(item, Services.RDS, Driver.STORAGE, "storage (" + type + ", " + deployment + ")",
          BigDecimal.valueOf(d.allocatedStorageGib()), PriceKey.aws("rds", type + ":storage:" + deployment, d.region()));
    }
    Integer iops = d.provisionedIops();
    if (("io1".equals(type) || "io2".equals(type)) && iops != null && iops > 0) {
      ledger.flat(item, Services.RDS, Driver.STORAGE, type + " provisioned IOPS (" + deployment + ")", BigDecimal.valueOf(iops),
          PriceKey.aws("rds", type + ":iops:" + deployment, d.region()));
    } else if ("gp3".equals(type) && iops != null) {
      int baseline = gp3Baseline(engine, d.allocatedStorageGib());
      if (iops > baseline) {
        ledger.flat(item, Services.RDS, Driver.STORAGE, "gp3 IOPS above the " + String.format(Locale.ROOT, "%,d", baseline)
            + " included (" + deployment + ")", BigDecimal.valueOf(iops - baseline),
            PriceKey.aws("rds", "gp3:iops-above-baseline:" + deployment, d.region()));
      }
    } else if ("standard".equals(type)) {
      // Magnetic storage bills every I/O request: the measured read and write IOPS over the month.
      DatastoreMetrics m = metrics(d.id());
      BigDecimal millions = ioMillions(m);
      if (millions != null) {
        ledger.flat(item, Services.RDS, Driver.REQUESTS, "magnetic storage I/O requests (measured read + write IOPS)", millions,
            PriceKey.aws("rds", "standard:io-requests:" + deployment, d.region()));
      } else {
        warnings.add("DB instance " + d.id() + ": magnetic storage I/O is not measured; its I/O request charge is not modelled");
      }
    }
  }

  /** The IOPS a gp3 volume of this engine and size includes at no charge. */
  static int gp3Baseline(String engine, long allocatedGib) {
    if (engine.startsWith("sqlserver")) {
      return GP3_LOW_BASELINE_IOPS;
    }
    long threshold = engine.startsWith("oracle") ? 200 : 400;
    return allocatedGib >= threshold ? GP3_HIGH_BASELINE_IOPS : GP3_LOW_BASELINE_IOPS;
  }

  private DatastoreMetrics metrics(String id) {
    Usage u = estate.usageOf(id).orElse(null);
    return u == null ? null : u.datastore();
  }

  /** Measured average read + write IOPS x the month's seconds, in millions of requests; null when not measured. */
  private BigDecimal ioMillions(DatastoreMetrics m) {
    if (m == null || m.readIopsAvg() == null || m.writeIopsAvg() == null) {
      return null;
    }
    return BigDecimal.valueOf(m.readIopsAvg() + m.writeIopsAvg()).multiply(SECONDS_PER_HOUR).multiply(estate.hoursPerMonth)
        .divide(MILLION, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
  }

  // ------------------------------------------------------------------ Aurora

  private void auroraCluster(DbCluster c) {
    Ledger.Item item = item(ItemKind.AURORA_CLUSTER, c.id());
    String engine = engine(c.engine());
    List<DbInstance> members = new ArrayList<>(estate.topology.clusterMembers(c.id()));
    members.sort(Comparator.comparing(DbInstance::id));
    DatastoreMetrics m = metrics(c.id());
    // Aurora I/O-Optimized has its own (higher) instance and ACU rates and no I/O charge.
    String config = "aurora-iopt1".equals(c.storageType()) ? "io-optimized" : "standard";
    String rate = config.equals("io-optimized") ? ":io-optimized" : "";
    for (DbInstance d : members) {
      String role = d.id().equals(c.writerId()) ? "writer" : "reader";
      if (stopped(d.status()) || stopped(c.status())) {
        continue;
      }
      if ("db.serverless".equals(d.instanceClass())) {
        // Serverless v2 bills ACU-hours: the measured average capacity over the month.
        PriceKey key = PriceKey.aws("aurora", engine + ":serverless-v2-acu" + rate, c.region());
        if (m != null && m.capacityAcuAvg() != null) {
          ledger.flat(item, Services.RDS, Driver.COMPUTE_ON_DEMAND, "Serverless v2 capacity (" + d.id() + ", " + role
              + ", measured average " + BigDecimal.valueOf(m.capacityAcuAvg()).stripTrailingZeros().toPlainString() + " ACU)",
              BigDecimal.valueOf(m.capacityAcuAvg()).multiply(estate.hoursPerMonth).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN), key);
        } else {
          ledger.missing(item, "Serverless v2 capacity (" + d.id() + ", " + role + "; capacity not measured)", key.toString());
        }
        continue;
      }
      PriceKey key = PriceKey.aws("aurora", engine + ":" + d.instanceClass() + rate, c.region());
      BigDecimal amount = ledger.machine(item, Services.RDS, Driver.COMPUTE_ON_DEMAND, d.instanceClass(),
          "DB instance hours (" + d.id() + ", " + role + ", " + d.instanceClass() + ")", estate.hoursPerMonth, key);
      if (amount != null) {
        // Aurora instances are not Multi-AZ deployments of their own: reservations match them as single-AZ.
        dbHours.put(d.id(), new Covered(item, engine, d.instanceClass(), "single-az", c.region(), key,
            ledger.book().lookup(key).orElseThrow(), 1));
      }
    }
    if (m != null && m.storageUsedGib() != null) {
      ledger.flat(item, Services.RDS, Driver.STORAGE, "cluster storage (Aurora " + config + ", measured volume used)",
          BigDecimal.valueOf(m.storageUsedGib()).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN),
          PriceKey.aws("aurora", "storage:" + config, c.region()));
    } else {
      warnings.add("Aurora cluster " + c.id() + ": volume used is not measured; its storage charge is not modelled");
    }
    if (config.equals("standard")) {
      BigDecimal millions = ioMillions(m);
      if (millions != null) {
        ledger.flat(item, Services.RDS, Driver.REQUESTS, "I/O requests (measured read + write IOPS)", millions,
            PriceKey.aws("aurora", "io-requests:standard", c.region()));
      } else {
        // Aurora Standard bills the cluster volume's I/O operations (VolumeReadIOPs/VolumeWriteIOPs), not the
        // members' disk IOPS: without the cluster's own figures the charge is left out rather than guessed.
        warnings.add("Aurora cluster " + c.id() + ": the cluster volume's read and write I/O is not measured; its I/O request "
            + "charge (Aurora Standard) is not modelled");
      }
    }
  }

  // ------------------------------------------------------------------ ElastiCache

  private void cache(CacheCluster c) {
    Ledger.Item item = item(ItemKind.ELASTICACHE_CLUSTER, c.id());
    String engine = engine(c.engine());
    if (c.serverless()) {
      // Serverless caches bill data stored (GB-hours) and ElastiCache Processing Units: neither is in the book.
      Usage u = estate.usageOf(c.id()).orElse(null);
      Double stored = u == null || u.datastore() == null ? null : u.datastore().storageUsedGib();
      ledger.missing(item, "serverless data stored" + (stored == null ? "" : " (" + stored + " GiB)"),
          PriceKey.aws("elasticache", engine + ":serverless-storage", c.region()).toString());
      ledger.missing(item, "serverless ElastiCache Processing Units",
          PriceKey.aws("elasticache", engine + ":serverless-ecpu", c.region()).toString());
      return;
    }
    if (stopped(c.status()) || c.nodeType() == null || c.nodeCount() == 0) {
      return;
    }
    PriceKey key = PriceKey.aws("elasticache", engine + ":" + c.nodeType(), c.region());
    String shape = c.shards() + (engine.equals("memcached") ? " node(s)" : " shard(s) x (1 primary + " + c.replicasPerShard() + " replica(s))");
    BigDecimal amount = ledger.machine(item, Services.ELASTICACHE, Driver.COMPUTE_ON_DEMAND, c.nodeType(),
        "node hours (" + c.nodeCount() + " x " + c.nodeType() + ", " + engine + ": " + shape + ")",
        BigDecimal.valueOf(c.nodeCount()).multiply(estate.hoursPerMonth), key);
    if (amount != null) {
      cacheNodes.put(c.id(), new Covered(item, engine, c.nodeType(), null, c.region(), key,
          ledger.book().lookup(key).orElseThrow(), c.nodeCount()));
    }
  }

  // ------------------------------------------------------------------ reservations

  /**
   * Reserved DB instances and reserved cache nodes: each active reservation covers up to {@code count} priced
   * instances (nodes) of its class (node type), engine, region and, for DB instances, deployment: a negative line
   * on each covered item at its on-demand price, in item-id order; plus the reservation's recurring charge and its
   * upfront payment spread over the term, on the reservation itself.
   */
  private void reservations() {
    List<Commitment> list = new ArrayList<>(estate.snapshot.commitments().stream()
        .filter(c -> "reserved-db-instance".equals(c.kind()) || "reserved-cache-node".equals(c.kind()))
        .filter(c -> c.state() == null || "active".equalsIgnoreCase(c.state())).toList());
    list.sort(Comparator.comparing(Commitment::kind).thenComparing(Commitment::id));
    LocalDate asOf = estate.snapshot.collectedAt().atZone(ZoneOffset.UTC).toLocalDate();
    Map<String, Integer> used = new HashMap<>();
    for (Commitment c : list) {
      boolean db = "reserved-db-instance".equals(c.kind());
      String service = db ? Services.RDS : Services.ELASTICACHE;
      Ledger.Item ci = new Ledger.Item(c.id(), c.kind() + " " + (c.offering() == null ? "" : c.offering()).trim(), "(commitments)");
      String source = "snapshot: " + c.kind() + " " + c.id() + " (collected " + asOf + ")";
      String engine = engine(c.platform());
      int left = c.count();
      Map<String, Covered> pool = db ? dbHours : cacheNodes;
      List<String> ids = new ArrayList<>(pool.keySet());
      ids.sort(null);
      for (String id : ids) {
        if (left == 0) {
          break;
        }
        Covered v = pool.get(id);
        boolean matches = v.type().equals(c.instanceType()) && v.region().equals(c.region())
            && (c.platform() == null || v.engine().equals(engine))
            && (!db || c.offering() == null || v.deployment().equalsIgnoreCase(c.offering()));
        int free = v.units() - used.getOrDefault(id, 0);
        if (!matches || free <= 0) {
          continue;
        }
        int n = Math.min(free, left);
        used.merge(id, n, Integer::sum);
        left -= n;
        Tier t = v.price().flat();
        BigDecimal q = estate.hoursPerMonth.multiply(BigDecimal.valueOf(n));
        String what = db ? "reserved DB instance " + c.id() + " covers the on-demand hours" + (v.item().id().equals(id) ? "" : " of " + id)
            : "reserved cache node " + c.id() + " covers " + n + " node(s)' on-demand hours";
        ledger.add(v.item(), service, Driver.COMMITTED, v.type(), what, q, v.price().unit(), ledger.text(v.key()),
            t.usd().negate(), t.source(), t.asOf(), q.multiply(t.usd()).negate(), v.price().estimated());
      }
      if (c.hourlyUsd() != null && c.hourlyUsd().signum() > 0) {
        BigDecimal q = estate.hoursPerMonth.multiply(BigDecimal.valueOf(c.count()));
        ledger.add(ci, service, Driver.COMMITTED, c.instanceType(), (db ? "reserved DB instance" : "reserved cache node")
            + " recurring charge (" + c.count() + " x " + c.instanceType() + ")", q, "hour",
            "snapshot:commitment/" + c.id() + "/hourlyUsd", c.hourlyUsd(), source, asOf, q.multiply(c.hourlyUsd()));
      }
      if (c.upfrontUsd() != null && c.upfrontUsd().signum() > 0 && c.start() != null && c.end() != null) {
        long months = Math.max(1, Math.round(ChronoUnit.DAYS.between(c.start(), c.end()) / (365.0 / 12)));
        BigDecimal perMonth = c.upfrontUsd().divide(BigDecimal.valueOf(months), Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        ledger.add(ci, service, Driver.COMMITTED, c.instanceType(), "upfront payment " + c.upfrontUsd().toPlainString()
            + " USD spread over " + months + " months", BigDecimal.ONE, "month", "snapshot:commitment/" + c.id() + "/upfrontUsd",
            perMonth, source, asOf, perMonth);
      }
      if (left > 0) {
        warnings.add(c.kind() + " " + c.id() + ": " + left + " of " + c.count() + " reserved " + (db ? "DB instance(s)" : "cache node(s)")
            + " match no priced " + c.instanceType() + " (" + (c.platform() == null ? "any engine" : engine) + (db && c.offering() != null
                ? ", " + c.offering() : "") + ") in " + c.region() + ": paid for, covering nothing in the snapshot");
      }
    }
  }
}
