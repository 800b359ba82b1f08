package dev.migrate.collect;

import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.RecurringCharge;
import software.amazon.awssdk.services.rds.model.ReservedDBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS DB instances (Aurora members included), Aurora DB clusters and reserved DB instances of one
 * region. The Describe calls carry the tags (TagList), so no tag call is needed.
 */
final class RdsCollector {
  static final List<String> ACTIONS = List.of(
      "rds:DescribeDBInstances", "rds:DescribeDBClusters", "rds:DescribeReservedDBInstances");
  /** The largest page DescribeDBInstances/DescribeDBClusters/DescribeReservedDBInstances serve (API reference: MaxRecords 20..100). */
  static final int PAGE = 100;
  /** Aurora's standard storage type when DescribeDBClusters leaves it out (RDS API reference, DBCluster.StorageType). */
  static final String AURORA_STANDARD_STORAGE = "aurora";

  private RdsCollector() {}

  /** DB instances; DocumentDB and Neptune instances, which the RDS API lists too, are kept with their engine. */
  static int instances(RdsClient rds, String region, boolean redact, Sink sink) {
    List<DbInstance> found = new ArrayList<>();
    for (var page : rds.describeDBInstancesPaginator(r -> r.maxRecords(PAGE))) {
      for (DBInstance d : page.dbInstances()) {
        found.add(toInstance(d, region, redact));
      }
    }
    sink.dbInstances.addAll(found);
    return found.size();
  }

  static DbInstance toInstance(DBInstance d, String region, boolean redact) {
    boolean aurora = d.engine() != null && d.engine().startsWith("aurora");
    // An Aurora member reports a nominal AllocatedStorage (1): the cluster volume is what is stored and billed.
    long allocated = aurora || d.allocatedStorage() == null ? 0 : d.allocatedStorage();
    String source = d.readReplicaSourceDBInstanceIdentifier() != null ? d.readReplicaSourceDBInstanceIdentifier()
        : d.readReplicaSourceDBClusterIdentifier();
    return new DbInstance(d.dbInstanceIdentifier(), d.dbInstanceArn(), region, d.availabilityZone(), d.engine(),
        d.engineVersion(), d.dbInstanceClass(), d.storageType(), allocated, d.iops(),
        Boolean.TRUE.equals(d.multiAZ()), d.dbClusterIdentifier(), source,
        d.backupRetentionPeriod() == null ? 0 : d.backupRetentionPeriod(),
        Boolean.TRUE.equals(d.storageEncrypted()),
        d.endpoint() == null ? null : d.endpoint().address(), d.dbInstanceStatus(), d.licenseModel(),
        tags(d.tagList(), redact));
  }

  /**
   * Aurora DB clusters. Multi-AZ DB clusters of RDS for MySQL/PostgreSQL (and DocumentDB/Neptune
   * clusters) are left out: their instances are listed as DB instances, each billed on its own.
   */
  static int clusters(RdsClient rds, String region, boolean redact, Sink sink) {
    int n = 0;
    for (var page : rds.describeDBClustersPaginator(r -> r.maxRecords(PAGE))) {
      for (DBCluster c : page.dbClusters()) {
        if (c.engine() == null || !c.engine().startsWith("aurora")) {
          continue;
        }
        sink.dbClusters.add(toCluster(c, region, redact));
        n++;
      }
    }
    return n;
  }

  static DbCluster toCluster(DBCluster c, String region, boolean redact) {
    List<String> members = new ArrayList<>();
    String writer = null;
    for (DBClusterMember m : c.dbClusterMembers()) {
      members.add(m.dbInstanceIdentifier());
      if (Boolean.TRUE.equals(m.isClusterWriter())) {
        writer = m.dbInstanceIdentifier();
      }
    }
    var scaling = c.serverlessV2ScalingConfiguration();
    Double min = scaling == null ? null : scaling.minCapacity();
    Double max = scaling == null ? null : scaling.maxCapacity();
    // BacktrackWindow is in seconds; 0 or absent means Backtrack is off.
    double backtrackHours = c.backtrackWindow() == null ? 0 : c.backtrackWindow() / 3600.0;
    return new DbCluster(c.dbClusterIdentifier(), c.dbClusterArn(), region, c.engine(), c.engineVersion(),
        c.engineMode(), members, writer, min, max,
        c.storageType() == null ? AURORA_STANDARD_STORAGE : c.storageType(),
        Boolean.TRUE.equals(c.multiAZ()),
        // DescribeDBClusters names the Aurora Global Database the cluster belongs to (GlobalClusterIdentifier).
        blankToNull(c.globalClusterIdentifier()), backtrackHours,
        c.backupRetentionPeriod() == null ? 0 : c.backupRetentionPeriod(),
        Boolean.TRUE.equals(c.storageEncrypted()), c.endpoint(), c.status(), tags(c.tagList(), redact));
  }

  /**
   * Active reserved DB instances: {@code instanceType} is the DB class, {@code platform} the
   * product description (the engine), {@code offering} single-az or multi-az.
   */
  static int reserved(RdsClient rds, String region, Sink sink) {
    int n = 0;
    for (var page : rds.describeReservedDBInstancesPaginator(r -> r.maxRecords(PAGE))) {
      for (ReservedDBInstance ri : page.reservedDBInstances()) {
        if (!"active".equals(ri.state())) {
          continue; // payment-pending, payment-failed and retired reservations lower nothing
        }
        sink.commitments.add(toCommitment(ri, region));
        n++;
      }
    }
    return n;
  }

  static Commitment toCommitment(ReservedDBInstance ri, String region) {
    BigDecimal hourly = decimal(ri.usagePrice());
    for (RecurringCharge c : ri.recurringCharges()) {
      if (c.recurringChargeAmount() != null && "Hourly".equalsIgnoreCase(c.recurringChargeFrequency())) {
        hourly = hourly.add(decimal(c.recurringChargeAmount()));
      }
    }
    // Duration is the term in seconds (31536000 = 1 year).
    var end = ri.startTime() == null || ri.duration() == null ? null : ri.startTime().plusSeconds(ri.duration());
    return new Commitment("reserved-db-instance", ri.reservedDBInstanceId(), region, ri.dbInstanceClass(),
        ri.productDescription(), ri.dbInstanceCount() == null ? 0 : ri.dbInstanceCount(), ri.startTime(), end,
        decimal(ri.fixedPrice()), hourly, Boolean.TRUE.equals(ri.multiAZ()) ? "multi-az" : "single-az", ri.state());
  }

  /** RDS prices come as doubles; Double.toString gives the shortest decimal that reads back the same. */
  static BigDecimal decimal(Double d) {
    return d == null ? BigDecimal.ZERO : new BigDecimal(Double.toString(d));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Map<String, String> tags(List<Tag> tags, boolean redact) {
    return Tags.of(tags, Tag::key, Tag::value, redact);
  }
}
