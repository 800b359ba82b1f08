package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Amazon Aurora DB cluster (its instances are {@link DbInstance}s naming it in
 * {@code clusterId}).
 *
 * @param id                   DB cluster identifier
 * @param arn                  ARN, or null
 * @param region               AWS region
 * @param engine               aurora-mysql or aurora-postgresql
 * @param engineVersion        engine version, e.g. 15.4
 * @param engineMode           provisioned or serverless (v1); Serverless v2 is provisioned with
 *                             db.serverless members and a capacity range
 * @param members              member instance ids, sorted
 * @param writerId             the writer instance id, or null
 * @param serverlessMinAcu     Serverless v2 minimum capacity, ACUs, or null
 * @param serverlessMaxAcu     Serverless v2 maximum capacity, ACUs, or null
 * @param storageType          aurora (standard) or aurora-iopt1 (I/O-Optimized)
 * @param multiAz              members in more than one zone
 * @param globalClusterId      the Aurora Global Database it belongs to, or null
 * @param backtrackWindowHours Backtrack window, hours (0 = off)
 * @param backupRetentionDays  automated backup retention, days
 * @param encrypted            storage encrypted at rest
 * @param endpoint             cluster (writer) endpoint, or null
 * @param status               cluster status
 * @param tags                 tags, sorted by key
 */
public record DbCluster(
    @JsonProperty(required = true) String id,
    String arn,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) String engine,
    String engineVersion,
    String engineMode,
    List<String> members,
    String writerId,
    Double serverlessMinAcu,
    Double serverlessMaxAcu,
    String storageType,
    boolean multiAz,
    String globalClusterId,
    double backtrackWindowHours,
    int backupRetentionDays,
    boolean encrypted,
    String endpoint,
    String status,
    Map<String, String> tags) {

  public DbCluster {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(engine, "engine");
    members = members == null ? List.of() : List.copyOf(new java.util.TreeSet<>(members));
    tags = Lists.sorted(tags);
  }

  /** True for Aurora Serverless v2 (a capacity range instead of fixed classes). */
  public boolean serverlessV2() {
    return serverlessMaxAcu != null;
  }
}
