package dev.migrate.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Machine-type and region facts the engine sizes with, read from the CSV files under
 * {@code /catalog/} on the classpath (each file names its public sources in its header; each row keeps
 * its {@code source} and {@code as_of}). Immutable; load once with {@link #builtIn()}.
 */
public final class Catalog {
  /** The Compute Engine series the catalogue covers, in the order used when nothing else decides. */
  public static final List<String> SERIES =
      List.of("e2", "n2", "n2d", "n4", "c3", "c3d", "c4", "t2d", "t2a", "c4a");

  /**
   * A Compute Engine machine type.
   *
   * @param name        e.g. {@code n2-standard-4}
   * @param series      e.g. {@code n2}
   * @param vcpu        guest vCPUs
   * @param billedVcpu  vCPUs billed (fractional for e2 shared-core types), the usable capacity
   * @param memoryGib   memory, GiB
   * @param arch        x86_64 or arm64
   * @param sharedCpu   true for e2-micro/small/medium (not offered as GKE node pools here)
   */
  public record MachineType(String name, String series, int vcpu, double billedVcpu, double memoryGib,
      String arch, boolean sharedCpu) {}

  /**
   * An EC2 instance type: vCPUs, memory GiB and architecture, for as-is sizing.
   *
   * @param accelerators  GPUs plus Inferentia/Trainium chips (0 for most types)
   * @param acceleratorName  e.g. "t4" or "inferentia", or empty
   */
  public record InstanceType(String name, String family, int vcpu, double memoryGib, String arch, int accelerators,
      String acceleratorName) {}

  /**
   * An RDS DB instance class or an ElastiCache node type: vCPUs and memory for sizing the target.
   *
   * @param name       e.g. {@code db.r6g.large}, {@code cache.r6g.large}
   * @param family     e.g. {@code r6g}
   * @param vcpu       vCPUs
   * @param memoryGib  memory, GiB (for a cache node: the memory for data the AWS price list states)
   * @param arch       x86_64 or arm64
   */
  public record DbShape(String name, String family, int vcpu, double memoryGib, String arch) {}

  private final Map<String, MachineType> machines;
  private final Map<String, DbShape> dbClasses = new HashMap<>();
  private final Map<String, DbShape> cacheNodeTypes = new HashMap<>();
  /** Target (cloud-sql-mysql, alloydb, memorystore-redis, ...) to its major versions, oldest first. */
  private final Map<String, List<String>> targetVersions = new HashMap<>();
  private final Map<String, List<MachineType>> bySeries;
  private final Map<String, InstanceType> instanceTypes;
  private final Map<String, String> regionMap;
  private final Map<String, List<String>> familySeries;
  private final Set<String> armAvailability;

  private Catalog(Map<String, MachineType> machines, Map<String, InstanceType> instanceTypes,
      Map<String, String> regionMap, Map<String, List<String>> familySeries, Set<String> armAvailability) {
    this.machines = machines;
    this.instanceTypes = instanceTypes;
    this.regionMap = Collections.unmodifiableMap(new TreeMap<>(regionMap));
    this.familySeries = familySeries;
    this.armAvailability = armAvailability;
    Map<String, List<MachineType>> s = new HashMap<>();
    for (MachineType m : machines.values()) {
      s.computeIfAbsent(m.series(), k -> new ArrayList<>()).add(m);
    }
    s.values().forEach(l -> l.sort(Comparator.comparingDouble(MachineType::billedVcpu)
        .thenComparingDouble(MachineType::memoryGib).thenComparing(MachineType::name)));
    this.bySeries = s;
  }

  /** The catalogue shipped in the jar. */
  public static Catalog builtIn() {
    Map<String, MachineType> machines = new HashMap<>();
    for (Map<String, String> r : csv("gce_machine_types.csv")) {
      machines.put(r.get("machine_type"), new MachineType(r.get("machine_type"), r.get("series"),
          Integer.parseInt(r.get("vcpu")), Double.parseDouble(r.get("billed_vcpu")),
          Double.parseDouble(r.get("memory_gib")), r.get("arch"), "true".equals(r.get("shared_cpu"))));
    }
    Map<String, InstanceType> types = new HashMap<>();
    for (Map<String, String> r : csv("ec2_instance_types.csv")) {
      types.put(r.get("instance_type"), new InstanceType(r.get("instance_type"), r.get("family"),
          Integer.parseInt(r.get("vcpu")), Double.parseDouble(r.get("memory_gib")), r.get("arch"),
          Integer.parseInt(r.get("gpu_count")) + Integer.parseInt(r.get("accelerator_count")),
          r.get("gpu_name").isEmpty() ? r.get("accelerator_name") : r.get("gpu_name")));
    }
    Map<String, String> regions = new HashMap<>();
    for (Map<String, String> r : csv("region_map.csv")) {
      regions.put(r.get("aws_region"), r.get("gcp_region"));
    }
    Map<String, List<String>> family = new HashMap<>();
    for (Map<String, String> r : csv("ec2_to_gce_family.csv")) {
      Set<String> series = new LinkedHashSet<>();
      addSeries(series, r.get("gcp_series_shape"));
      addSeries(series, r.get("gcp_alternates"));
      family.put(r.get("aws_family"), List.copyOf(series));
    }
    Set<String> arm = new HashSet<>();
    for (Map<String, String> r : csv("arm_regions.csv")) {
      arm.add(r.get("series") + "@" + r.get("gcp_region"));
    }
    Catalog c = new Catalog(machines, types, regions, family, arm);
    for (Map<String, String> r : csv("rds_instance_classes.csv")) {
      c.dbClasses.put(r.get("instance_class"), new DbShape(r.get("instance_class"), r.get("family"),
          Integer.parseInt(r.get("vcpu")), Double.parseDouble(r.get("memory_gib")), r.get("arch")));
    }
    for (Map<String, String> r : csv("elasticache_node_types.csv")) {
      String fam = r.get("family");
      c.cacheNodeTypes.put(r.get("node_type"), new DbShape(r.get("node_type"), fam,
          Integer.parseInt(r.get("vcpu")), Double.parseDouble(r.get("memory_gib")), graviton(fam) ? "arm64" : "x86_64"));
    }
    for (Map<String, String> r : csv("gcp_db_versions.csv")) {
      c.targetVersions.computeIfAbsent(r.get("target"), k -> new ArrayList<>()).add(r.get("major_version"));
    }
    return c;
  }

  /** An AWS family with a Graviton processor: a 'g' among the letters after the generation digit (m6g, r7gd, t4g). */
  static boolean graviton(String family) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[a-z]+\\d+([a-z]*)").matcher(family);
    return m.matches() && m.group(1).contains("g");
  }

  /** Series named in a free-text cell such as "n2-highcpu (1 GiB/vCPU); c4-highcpu", kept to catalogue series. */
  private static void addSeries(Set<String> out, String cell) {
    if (cell == null) {
      return;
    }
    for (String token : cell.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+")) {
      int dash = token.indexOf('-');
      String series = dash < 0 ? token : token.substring(0, dash);
      if (SERIES.contains(series)) {
        out.add(series);
      }
    }
  }

  private static List<Map<String, String>> csv(String name) {
    return dev.migrate.io.Csv.bundledByHeader("catalog/" + name);
  }

  /** An RDS DB instance class (catalog/rds_instance_classes.csv), or empty when the catalogue lacks it. */
  public Optional<DbShape> dbClass(String name) {
    return Optional.ofNullable(name == null ? null : dbClasses.get(name));
  }

  /** An ElastiCache node type (catalog/elasticache_node_types.csv), or empty when the catalogue lacks it. */
  public Optional<DbShape> cacheNodeType(String name) {
    return Optional.ofNullable(name == null ? null : cacheNodeTypes.get(name));
  }

  /**
   * The major versions a Google Cloud target offers (catalog/gcp_db_versions.csv), in file order; a
   * version ending in {@code .x} stands for every minor version of that major. Empty for a target
   * the table does not cover.
   */
  public List<String> targetVersions(String target) {
    return targetVersions.getOrDefault(target, List.of());
  }

  public Optional<MachineType> machine(String name) {
    return Optional.ofNullable(machines.get(name));
  }

  /** Machine types of a series, smallest first (billed vCPU, then memory). */
  public List<MachineType> series(String series) {
    return bySeries.getOrDefault(series, List.of());
  }

  public Optional<InstanceType> instanceType(String name) {
    return Optional.ofNullable(instanceTypes.get(name));
  }

  /** The default AWS region to Google Cloud region map, sorted by AWS region. */
  public Map<String, String> regionMap() {
    return regionMap;
  }

  /**
   * Compute Engine series for an EC2 family, most similar first (primary shape then the
   * alternates of ec2_to_gce_family.csv), restricted to the catalogue's series. Empty for an
   * unknown family.
   */
  public List<String> seriesFor(String awsFamily) {
    return familySeries.getOrDefault(awsFamily, List.of());
  }

  /** Whether an Arm series (t2a, c4a) is offered in a Google Cloud region. */
  public boolean armAvailable(String series, String gcpRegion) {
    return armAvailability.contains(series + "@" + gcpRegion);
  }

  public boolean isArmSeries(String series) {
    return "t2a".equals(series) || "c4a".equals(series);
  }
}
