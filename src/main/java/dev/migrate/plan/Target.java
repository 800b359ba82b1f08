package dev.migrate.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Where an item goes on Google Cloud. Each variant carries the sizing the cost model needs.
 * Serialised with a {@code type} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Target.GkeWorkload.class, name = "gke-workload"),
    @JsonSubTypes.Type(value = Target.ComputeEngineVm.class, name = "compute-engine"),
    @JsonSubTypes.Type(value = Target.PersistentDisk.class, name = "persistent-disk"),
    @JsonSubTypes.Type(value = Target.CloudLoadBalancer.class, name = "cloud-load-balancing"),
    @JsonSubTypes.Type(value = Target.CloudCdn.class, name = "cloud-cdn"),
    @JsonSubTypes.Type(value = Target.CloudStorage.class, name = "cloud-storage"),
    @JsonSubTypes.Type(value = Target.Memorystore.class, name = "memorystore"),
    @JsonSubTypes.Type(value = Target.CloudSql.class, name = "cloud-sql"),
    @JsonSubTypes.Type(value = Target.AlloyDb.class, name = "alloydb"),
    @JsonSubTypes.Type(value = Target.Retire.class, name = "retire")
})
public sealed interface Target {

  /** Google Cloud region the target runs in ({@code global} for global load balancers). */
  String gcpRegion();

  /** A short label for reports, e.g. "GKE Deployment", "Compute Engine". */
  String label();

  /**
   * A workload on GKE. Instances of one fleet map to one workload; the node pool is sized
   * for the fleet.
   *
   * @param workloadKind  Deployment, StatefulSet, CronJob or DaemonSet
   * @param workloadName  Kubernetes name, e.g. the fleet's app tag
   * @param cluster       GKE cluster name
   * @param nodePool      node pool name
   * @param machineType   Compute Engine machine type of the pool's nodes
   * @param nodeCount     nodes this workload needs (share of the pool, may be fractional)
   * @param replicas      pod replicas
   * @param podCpu        CPU request per pod, vCPU
   * @param podMemoryGib  memory request per pod, GiB
   * @param autopilot     true to price as GKE Autopilot (per pod resources) instead of nodes
   * @param gcpRegion     region of the cluster
   * @param alternative   a second option named for the reader (e.g. Memorystore), or null
   */
  record GkeWorkload(
      String workloadKind,
      String workloadName,
      String cluster,
      String nodePool,
      String machineType,
      double nodeCount,
      int replicas,
      double podCpu,
      double podMemoryGib,
      boolean autopilot,
      String gcpRegion,
      String alternative) implements Target {
    /** The cluster a rule's workloads go to when the rule names none: a generic word, not a company's name. */
    public static final String DEFAULT_CLUSTER = "primary";

    @Override
    public String label() {
      return "GKE " + workloadKind;
    }
  }

  /**
   * A Compute Engine VM.
   *
   * @param machineType   machine type, e.g. {@code e2-standard-2}
   * @param arch          x86_64 or arm64
   * @param os            linux or windows (Windows adds a licence fee)
   * @param running       false for an instance that is stopped today (disks kept, no VM hours)
   * @param gcpRegion     region
   */
  record ComputeEngineVm(String machineType, String arch, String os, boolean running, String gcpRegion)
      implements Target {
    @Override
    public String label() {
      return "Compute Engine";
    }
  }

  /**
   * A Persistent Disk or Hyperdisk volume.
   *
   * @param diskType         pd-balanced, pd-ssd, pd-standard, pd-extreme, hyperdisk-balanced, ...
   * @param sizeGib          provisioned size, GiB
   * @param iops             provisioned IOPS where the type charges for them, or null
   * @param throughputMibps  provisioned throughput where charged, or null
   * @param gcpRegion        region
   */
  record PersistentDisk(String diskType, long sizeGib, Integer iops, Integer throughputMibps, String gcpRegion)
      implements Target {
    @Override
    public String label() {
      return diskType.startsWith("hyperdisk") ? "Hyperdisk" : "Persistent Disk";
    }
  }

  /**
   * A Cloud Load Balancing load balancer.
   *
   * @param lbType           global-external-application, regional-external-application,
   *                         external-passthrough-network, internal-application, ...
   * @param forwardingRules  forwarding rules it needs (one per listener protocol/port group)
   * @param gkeIngress       true when it is created by a GKE Ingress/Gateway
   * @param gcpRegion        region, or {@code global}
   */
  record CloudLoadBalancer(String lbType, int forwardingRules, boolean gkeIngress, String gcpRegion)
      implements Target {
    @Override
    public String label() {
      return "Cloud Load Balancing";
    }
  }

  /**
   * Cloud CDN enabled on a load balancer's backend.
   *
   * @param backend         backend bucket or backend service it caches for
   * @param cacheMode       CACHE_ALL_STATIC, USE_ORIGIN_HEADERS or FORCE_CACHE_ALL
   * @param cloudArmor      true when the distribution used AWS WAF (Cloud Armor replaces it)
   * @param gcpRegion       {@code global}
   */
  record CloudCdn(String backend, String cacheMode, boolean cloudArmor, String gcpRegion) implements Target {
    @Override
    public String label() {
      return "Cloud CDN";
    }
  }

  /**
   * A Cloud Storage bucket.
   *
   * @param location   region, dual-region or multi-region
   * @param classes    AWS storage class to Cloud Storage class, with the amount moved
   * @param gcpRegion  region
   */
  record CloudStorage(String location, List<ClassMapping> classes, String gcpRegion) implements Target {
    public CloudStorage {
      classes = List.copyOf(classes);
    }

    @Override
    public String label() {
      return "Cloud Storage";
    }
  }

  /**
   * @param awsClass  S3 storage class
   * @param gcsClass  STANDARD, NEARLINE, COLDLINE or ARCHIVE
   * @param gib       GiB stored in that class
   */
  record ClassMapping(String awsClass, String gcsClass, double gib) {}

  /**
   * A Memorystore instance.
   *
   * @param engine            redis (Memorystore for Redis, one primary), redis-cluster (Memorystore
   *                          for Redis Cluster), valkey (Memorystore for Valkey) or memcached
   * @param tier              basic or standard (HA with a replica) for redis; the other engines use
   *                          replicas instead
   * @param capacityGib       capacity, GiB: the instance size (redis), the whole cluster's memory
   *                          (redis-cluster, valkey, memcached)
   * @param shards            shards (redis-cluster, valkey) or nodes (memcached); 1 for redis
   * @param replicasPerShard  replicas per shard (redis-cluster, valkey); 0 otherwise
   * @param gcpRegion         region
   */
  record Memorystore(String engine, String tier, double capacityGib, int shards, int replicasPerShard,
      String gcpRegion) implements Target {
    /** A single Memorystore for Redis or Memcached instance (one shard, no replicas). */
    public Memorystore(String engine, String tier, double capacityGib, String gcpRegion) {
      this(engine, tier, capacityGib, 1, 0, gcpRegion);
    }

    @Override
    public String label() {
      return switch (engine) {
        case "redis" -> "Memorystore for Redis";
        case "redis-cluster" -> "Memorystore for Redis Cluster";
        case "valkey" -> "Memorystore for Valkey";
        case "memcached" -> "Memorystore for Memcached";
        default -> "Memorystore for " + engine;
      };
    }
  }

  /**
   * A Cloud SQL instance.
   *
   * @param engine            mysql, postgres or sqlserver
   * @param edition           enterprise or enterprise-plus
   * @param vcpu              vCPUs of the instance (custom machine or predefined shape)
   * @param memoryGib         memory, GiB
   * @param storageGib        provisioned storage, GiB
   * @param storageType       ssd or hdd
   * @param highAvailability  regional (HA) instance: a standby in a second zone, billed at twice the
   *                          zonal rate
   * @param readReplicas      read replicas, each priced like a zonal instance of the same shape
   * @param gcpRegion         region
   */
  record CloudSql(String engine, String edition, double vcpu, double memoryGib, long storageGib,
      String storageType, boolean highAvailability, int readReplicas, String gcpRegion) implements Target {
    @Override
    public String label() {
      return "Cloud SQL for " + switch (engine) {
        case "mysql" -> "MySQL";
        case "postgres" -> "PostgreSQL";
        case "sqlserver" -> "SQL Server";
        default -> engine;
      };
    }
  }

  /**
   * An AlloyDB for PostgreSQL cluster.
   *
   * @param vcpu              vCPUs of the primary instance
   * @param memoryGib         memory of the primary instance, GiB
   * @param storageGib        data stored, GiB (AlloyDB bills storage used, not provisioned)
   * @param highAvailability  the primary has a standby node (AlloyDB's default)
   * @param readPoolNodes     nodes in read pool instances
   * @param gcpRegion         region
   */
  record AlloyDb(double vcpu, double memoryGib, double storageGib, boolean highAvailability, int readPoolNodes,
      String gcpRegion) implements Target {
    @Override
    public String label() {
      return "AlloyDB for PostgreSQL";
    }
  }

  /**
   * Not moved: the item is decommissioned (e.g. a terminated instance, an empty bucket) or
   * folded into another target (an auto scaling group's members into its GKE workload).
   *
   * @param foldedInto  item id of the target it is folded into, or null when decommissioned
   * @param gcpRegion   region, or null
   */
  record Retire(String foldedInto, String gcpRegion) implements Target {
    @Override
    public String label() {
      return foldedInto == null ? "Retire" : "Folded into " + foldedInto;
    }
  }
}
