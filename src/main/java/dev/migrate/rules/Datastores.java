package dev.migrate.rules;

import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.topology.Topology;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the rules read from managed databases and caches beyond their records: engine families,
 * major versions, an Aurora cluster's writer and readers, and their measured figures.
 */
final class Datastores {
  /** Usage kinds of the snapshot: per DB instance, per Aurora cluster, per cache. */
  static final String RDS = "rds";
  static final String AURORA = "aurora";
  static final String CACHE = "elasticache";

  private Datastores() {}

  /**
   * The engine family of an RDS, Aurora or ElastiCache engine name: mysql, mariadb, postgres,
   * sqlserver, oracle, db2 (RDS; {@code sqlserver-se}, {@code oracle-ee}, {@code db2-ae} and the
   * like lose their edition), mysql or postgres for Aurora, redis, valkey or memcached; else the
   * name itself in lower case.
   */
  static String engineFamily(String engine) {
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.equals("aurora") || e.startsWith("aurora-mysql")) {
      return "mysql"; // "aurora" is the name Aurora MySQL 1 (MySQL 5.6) used
    }
    if (e.startsWith("aurora-postgresql")) {
      return "postgres";
    }
    for (String family : List.of("sqlserver", "oracle", "db2", "mariadb", "mysql", "postgres", "redis", "valkey",
        "memcached")) {
      if (e.startsWith(family)) {
        return family;
      }
    }
    return e;
  }

  /**
   * The major version of an engine version as the targets name theirs, or null when unknown:
   * MySQL and MariaDB {@code 8.0} (Aurora MySQL {@code 8.0.mysql_aurora.3.05.2} too); PostgreSQL
   * {@code 16} ({@code 9.6} before 10); SQL Server the release year ({@code 15.00.4345.5.v1} is
   * 2019); Oracle {@code 19}; Db2 {@code 11.5}; Redis, Valkey and Memcached {@code 7.1}.
   */
  static String majorVersion(String family, String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    String[] parts = version.trim().split("[.]");
    if (!parts[0].chars().allMatch(Character::isDigit) || parts[0].isEmpty()) {
      return null;
    }
    String two = parts.length > 1 && !parts[1].isEmpty() && parts[1].chars().allMatch(Character::isDigit)
        ? parts[0] + "." + parts[1] : parts[0] + ".0";
    return switch (family) {
      case "postgres" -> Integer.parseInt(parts[0]) < 10 ? two : parts[0];
      case "oracle" -> parts[0];
      case "sqlserver" -> switch (parts[0]) {
        // SQL Server's internal major versions and their release names
        case "11" -> "2012";
        case "12" -> "2014";
        case "13" -> "2016";
        case "14" -> "2017";
        case "15" -> "2019";
        case "16" -> "2022";
        case "17" -> "2025";
        default -> null;
      };
      default -> two;
    };
  }

  /**
   * How a source major version fares on a target that offers {@code offered} (oldest first; a
   * version ending in {@code .x} covers every minor version of its major): null when offered,
   * else a sentence for a warning (a newer version is offered: upgrade on the move) or, when
   * {@link VersionCheck#blocker()}, for a blocker (only older versions are offered).
   */
  record VersionCheck(String message, boolean blocker) {}

  static VersionCheck checkVersion(String what, String major, List<String> offered, String targetName) {
    if (major == null || offered.isEmpty()) {
      return null;
    }
    for (String v : offered) {
      if (v.equals(major) || (v.endsWith(".x") && major.startsWith(v.substring(0, v.length() - 1)))) {
        return null;
      }
    }
    String newer = null;
    for (String v : offered) {
      if (compare(v, major) > 0) {
        newer = v;
        break;
      }
    }
    String list = String.join(", ", offered);
    if (newer != null) {
      return new VersionCheck(what + " " + major + " is not offered by " + targetName + " (it offers " + list
          + "): upgrade to " + newer + " or later on the move and test the application against it", false);
    }
    return new VersionCheck(what + " " + major + " is newer than any version " + targetName + " offers (" + list
        + "): moving means a downgrade; check the features the application uses", true);
  }

  /** Compares dotted versions by their numeric parts ({@code 6.x} counts as 6.0). */
  static int compare(String a, String b) {
    String[] x = a.split("[.]");
    String[] y = b.split("[.]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? number(x[i]) : 0;
      int q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int number(String s) {
    return s.chars().allMatch(Character::isDigit) && !s.isEmpty() && s.length() < 9 ? Integer.parseInt(s) : 0;
  }

  /** The AWS region in a replication source's ARN ({@code arn:aws:rds:REGION:...}), or null for a plain id. */
  static String arnRegion(String arnOrId) {
    if (arnOrId == null || !arnOrId.startsWith("arn:")) {
      return null;
    }
    String[] parts = arnOrId.split(":");
    return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
  }

  /** A read replica whose source is in another region (its source is named by an ARN of that region). */
  static boolean crossRegionReplica(DbInstance d) {
    String source = arnRegion(d.readReplicaSourceId());
    return source != null && !source.equals(d.region());
  }

  /** The writer of a cluster: the instance its writerId names, else its first member, else null. */
  static DbInstance writer(DbCluster c, Topology index) {
    List<DbInstance> members = index.clusterMembers(c.id());
    for (DbInstance m : members) {
      if (m.id().equals(c.writerId())) {
        return m;
      }
    }
    if (c.writerId() != null) {
      DbInstance named = index.dbInstance(c.writerId());
      if (named != null) {
        return named;
      }
    }
    return members.isEmpty() ? null : members.get(0);
  }

  /** The member ids of a cluster: those it lists and the instances that name it, sorted. */
  static List<String> memberIds(DbCluster c, Topology index) {
    TreeSet<String> ids = new TreeSet<>(c.members());
    index.clusterMembers(c.id()).forEach(m -> ids.add(m.id()));
    return List.copyOf(ids);
  }

  /** Reader instances of a cluster: every member but the writer. */
  static int readers(DbCluster c, Topology index) {
    DbInstance w = writer(c, index);
    String writerId = w != null ? w.id() : c.writerId();
    int n = 0;
    for (String id : memberIds(c, index)) {
      if (!id.equals(writerId)) {
        n++;
      }
    }
    return n;
  }

  /** Aurora Serverless: v2 (a capacity range on db.serverless members) or v1 (engine mode serverless). */
  static boolean serverless(DbCluster c) {
    return c.serverlessV2() || "serverless".equalsIgnoreCase(c.engineMode());
  }

  /** A figure of the datastore metrics of one usage record, or null. */
  static <T> T metric(Topology index, String kind, String id, Function<DatastoreMetrics, T> what) {
    Usage u = record(index, kind, id);
    return u == null || u.datastore() == null ? null : what.apply(u.datastore());
  }

  /** A figure of one usage record, or null. */
  static Double usage(Topology index, String kind, String id, Function<Usage, Double> what) {
    Usage u = record(index, kind, id);
    return u == null ? null : what.apply(u);
  }

  /** The usage record of an id of one usage kind (rds, aurora, elasticache): see {@link Topology#usage(String, String)}. */
  static Usage record(Topology index, String kind, String id) {
    return index.usage(kind, id);
  }

  /** A cluster figure: from its writer's record (CloudWatch per DB instance) first, else the cluster's own. */
  static Double clusterUsage(Topology index, DbCluster c, Function<Usage, Double> what) {
    DbInstance w = writer(c, index);
    Double v = usage(index, RDS, w == null ? null : w.id(), what);
    return v != null ? v : usage(index, AURORA, c.id(), what);
  }

  /** A cluster's datastore figure: from its writer's record first, else the cluster's own. */
  static <T> T clusterMetric(Topology index, DbCluster c, Function<DatastoreMetrics, T> what) {
    DbInstance w = writer(c, index);
    T v = metric(index, RDS, w == null ? null : w.id(), what);
    return v != null ? v : metric(index, AURORA, c.id(), what);
  }

  /** A cache's hit ratio: hits over hits and misses of its datastore figures, else the usage record's. */
  static Double hitRatio(Topology index, CacheCluster c) {
    Double r = metric(index, CACHE, c.id(), DatastoreMetrics::hitRatio);
    return r != null ? r : usage(index, CACHE, c.id(), Usage::cacheHitRatio);
  }

  /** Memory for data over a cache's shards (Memcached: nodes), GiB, or null for an unknown node type or a serverless cache. */
  static Double totalMemoryGib(Catalog catalog, CacheCluster c) {
    if (c.serverless()) {
      return null;
    }
    return catalog.cacheNodeType(c.nodeType()).map(t -> t.memoryGib() * Math.max(1, c.shards())).orElse(null);
  }

  /** An engine family or target engine as people write it: MySQL, PostgreSQL, SQL Server, Redis Cluster, ... */
  static String engineName(String family) {
    return switch (family) {
      case "mysql" -> "MySQL";
      case "mariadb" -> "MariaDB";
      case "postgres" -> "PostgreSQL";
      case "sqlserver" -> "SQL Server";
      case "oracle" -> "Oracle";
      case "db2" -> "Db2";
      case "redis" -> "Redis";
      case "redis-cluster" -> "Redis Cluster";
      case "valkey" -> "Valkey";
      case "memcached" -> "Memcached";
      default -> family;
    };
  }
}
