package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * An Amazon RDS DB instance: a single-instance database (MySQL, MariaDB, PostgreSQL, SQL Server,
 * Oracle, Db2) or a member of an Aurora cluster ({@link #clusterId} set; the cluster carries the
 * storage).
 *
 * @param id                   DB instance identifier
 * @param arn                  ARN, or null
 * @param region               AWS region
 * @param availabilityZone     zone of the primary, or null
 * @param engine               RDS engine name: mysql, mariadb, postgres, sqlserver-se, oracle-ee, db2-se,
 *                             aurora-mysql, aurora-postgresql, ...
 * @param engineVersion        engine version, e.g. 8.0.39
 * @param instanceClass        e.g. db.m6g.large, or db.serverless for Aurora Serverless v2
 * @param storageType          gp2, gp3, io1, io2, standard, or aurora / aurora-iopt1 for Aurora members
 * @param allocatedStorageGib  allocated storage, GiB (0 for Aurora members: the cluster volume grows)
 * @param provisionedIops      provisioned IOPS (io1/io2, gp3 above its baseline), or null
 * @param multiAz              true for a Multi-AZ deployment (a standby in another zone)
 * @param clusterId            Aurora or Multi-AZ DB cluster it belongs to, or null
 * @param readReplicaSourceId  the instance this one replicates from (id or ARN) when it is a read
 *                             replica, or null
 * @param backupRetentionDays  automated backup retention, days (0 = off)
 * @param encrypted            storage encrypted at rest
 * @param endpoint             endpoint address, or null
 * @param status               DB instance status, e.g. available, stopped
 * @param licenseModel         license-included, bring-your-own-license, general-public-license, ... or null
 * @param tags                 tags, sorted by key
 */
public record DbInstance(
    @JsonProperty(required = true) String id,
    String arn,
    @JsonProperty(required = true) String region,
    String availabilityZone,
    @JsonProperty(required = true) String engine,
    String engineVersion,
    @JsonProperty(required = true) String instanceClass,
    String storageType,
    long allocatedStorageGib,
    Integer provisionedIops,
    boolean multiAz,
    String clusterId,
    String readReplicaSourceId,
    int backupRetentionDays,
    boolean encrypted,
    String endpoint,
    String status,
    String licenseModel,
    Map<String, String> tags) {

  public DbInstance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(instanceClass, "instanceClass");
    tags = Lists.sorted(tags);
  }

  /** True for a member of an Aurora cluster (its storage is billed on the cluster). */
  public boolean auroraMember() {
    return engine.startsWith("aurora");
  }

  /** True when the instance replicates from another one. */
  public boolean readReplica() {
    return readReplicaSourceId != null;
  }
}
