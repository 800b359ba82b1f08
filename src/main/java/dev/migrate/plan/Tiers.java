package dev.migrate.plan;

/**
 * The tier an item plays in the estate (edge, lb, web, cache, db, batch, storage, other), read
 * from its mapping: what the rules decided it becomes, not what its name says. The plan stores it
 * on each {@link Mapping}; the what-if's tier selectors and traffic model read it from there.
 */
public final class Tiers {
  public static final String EDGE = "edge";
  public static final String LB = "lb";
  public static final String WEB = "web";
  public static final String CACHE = "cache";
  public static final String DB = "db";
  public static final String BATCH = "batch";
  public static final String STORAGE = "storage";
  public static final String OTHER = "other";

  private Tiers() {}

  /**
   * The tier of an item from its target (or, for a retired item, its kind):
   * <ul>
   *   <li>Cloud CDN: edge; Cloud Load Balancing: lb; Cloud Storage and Persistent Disk: storage;</li>
   *   <li>Cloud SQL and AlloyDB: db;</li>
   *   <li>Memorystore, or a GKE StatefulSet: cache (the shipped rules make StatefulSets of redis and
   *       memcached hosts; a rule that moves a database to a StatefulSet states {@code appTier: db});</li>
   *   <li>a GKE CronJob: batch;</li>
   *   <li>other compute (Deployments, DaemonSets, Compute Engine VMs): web when a load balancer
   *       sends it traffic, else batch.</li>
   * </ul>
   *
   * @param behindLoadBalancer  a load balancer sends the item traffic (directly or through its group)
   */
  public static String of(ItemKind kind, Target target, boolean behindLoadBalancer) {
    if (target instanceof Target.CloudCdn) {
      return EDGE;
    }
    if (target instanceof Target.CloudLoadBalancer) {
      return LB;
    }
    if (target instanceof Target.CloudStorage || target instanceof Target.PersistentDisk) {
      return STORAGE;
    }
    if (target instanceof Target.Memorystore) {
      return CACHE;
    }
    if (target instanceof Target.CloudSql || target instanceof Target.AlloyDb) {
      return DB;
    }
    if (target instanceof Target.GkeWorkload w) {
      return switch (w.workloadKind()) {
        case "CronJob" -> BATCH;
        case "StatefulSet" -> CACHE;
        default -> behindLoadBalancer ? WEB : BATCH;
      };
    }
    if (target instanceof Target.ComputeEngineVm) {
      return behindLoadBalancer ? WEB : BATCH;
    }
    if (kind == null) {
      return OTHER;
    }
    return switch (kind) {
      case CLOUDFRONT_DISTRIBUTION -> EDGE;
      case LOAD_BALANCER -> LB;
      case S3_BUCKET, EBS_VOLUME -> STORAGE;
      case EC2_INSTANCE, AUTO_SCALING_GROUP -> behindLoadBalancer ? WEB : BATCH;
      case RDS_INSTANCE, AURORA_CLUSTER -> DB;
      case ELASTICACHE_CLUSTER -> CACHE;
    };
  }
}
