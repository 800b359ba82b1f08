package dev.migrate.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sizes managed databases and caches: what a database needs (vCPU from CPU p95 x headroom,
 * memory from what FreeableMemory shows in use x memory headroom, both capped at today's class
 * for memory), and the target shapes that hold it. Limits are the providers' documented ones,
 * each cited where it is defined.
 */
final class DbSizer {
  /**
   * Cloud SQL Enterprise custom machine: 1 or an even number of vCPUs up to 96, memory 0.9 to 6.5
   * GiB per vCPU in 256 MiB steps and at least 3.75 GiB, at most 624 GiB
   * (cloud.google.com/sql/docs/mysql/instance-settings, machine types; read 2026-12-03).
   */
  static final int CLOUD_SQL_MAX_VCPU = 96;
  static final double CLOUD_SQL_MAX_MEMORY_GIB = 624;
  static final double CLOUD_SQL_MIN_GIB_PER_VCPU = 0.9;
  static final double CLOUD_SQL_MAX_GIB_PER_VCPU = 6.5;
  static final double CLOUD_SQL_MIN_MEMORY_GIB = 3.75;
  /** Cloud SQL storage, GiB: at least 10 GB, at most 64 TB (cloud.google.com/sql/docs/quotas, read 2026-12-03). */
  static final long CLOUD_SQL_MIN_STORAGE_GIB = 10;
  static final long CLOUD_SQL_MAX_STORAGE_GIB = 65_536;
  /**
   * AlloyDB N2 machines: n2-highmem shapes of 2 to 128 vCPUs at 8 GiB per vCPU, 864 GiB at 128
   * (cloud.google.com/alloydb/docs/choose-machine-type, read 2026-12-03). Cloud SQL Enterprise Plus
   * runs on N2 up to 128 vCPU and 864 GB (Cloud SQL editions overview); its shapes are taken to
   * be the same N2 list, the intermediate sizes it may offer were not looked up.
   */
  static final int[] N2_HIGHMEM_VCPU = {2, 4, 8, 16, 32, 64, 96, 128};
  /** Memorystore for Redis: one instance holds at most 300 GB (cloud.google.com/memorystore/docs/redis/quotas). */
  static final double MEMORYSTORE_REDIS_MAX_GIB = 300;
  /** Memorystore for Memcached: 1 to 20 nodes of 1 to 256 GB (cloud.google.com/memorystore/docs/memcached/instance-node-properties). */
  static final int MEMCACHED_MAX_NODES = 20;
  static final double MEMCACHED_MAX_NODE_GIB = 256;
  /** One Aurora Capacity Unit is about 2 GiB of memory with its CPU (AWS Aurora Serverless v2 documentation). */
  static final double GIB_PER_ACU = 2;
  /**
   * vCPUs per ACU: an assumption from the memory-optimised db.r classes (8 GiB per vCPU, so 4 ACU of
   * 2 GiB per vCPU); AWS states no vCPU figure for an ACU.
   */
  static final double VCPU_PER_ACU = 0.25;
  /** Default factor on measured storage: about 77% full at the start, automatic storage increase adds more later. */
  static final double DEFAULT_STORAGE_HEADROOM = 1.3;

  private DbSizer() {}

  /**
   * What a database needs and how that was worked out.
   *
   * @param vcpu       vCPUs needed
   * @param memoryGib  memory needed, GiB
   */
  record Need(double vcpu, double memoryGib) {}

  /**
   * The need of a database of {@code vcpu} vCPUs and {@code memoryGib} GiB today.
   *
   * @param cpuPct        measured CPU (p95 or maximum by the rule), percent, or null
   * @param freeMinGib    lowest FreeableMemory, GiB, or null
   * @param measured      the measured strategy (else as-is)
   */
  static Need need(double vcpu, double memoryGib, Double cpuPct, Double freeMinGib, Rightsizer.Params p, boolean measured,
      List<String> warnings, Map<String, String> sizing) {
    sizing.put("strategy", measured ? "measured" : "as-is");
    double cpu = vcpu;
    double mem = memoryGib;
    if (measured) {
      sizing.put("cpuPercentile", p.percentile() == 100 ? "max" : "p" + p.percentile());
      sizing.put("headroom", RuleEngine.fmt(p.headroom()));
      if (cpuPct != null) {
        cpu = vcpu * cpuPct / 100.0 * p.headroom();
        sizing.put("cpuPct", RuleEngine.fmt(cpuPct));
      } else {
        warnings.add("CPU not measured: sized as-is");
      }
      if (freeMinGib != null) {
        // What the engine used at its fullest (buffer pool, connections), with headroom, never
        // above today's memory: a database fills the memory it is given by design.
        double used = Math.max(0, memoryGib - freeMinGib);
        mem = Math.min(memoryGib, used * p.memoryHeadroom());
        sizing.put("freeableMemoryMinGib", RuleEngine.fmt(freeMinGib));
        sizing.put("memoryHeadroom", RuleEngine.fmt(p.memoryHeadroom()));
      } else {
        warnings.add("memory not measured (no FreeableMemory): sized as-is");
      }
    }
    sizing.put("neededVcpu", RuleEngine.fmt(cpu));
    sizing.put("neededMemoryGib", RuleEngine.fmt(mem));
    return new Need(cpu, mem);
  }

  /** A Cloud SQL shape: vCPUs, memory GiB and the machine type name. */
  record Shape(int vcpu, double memoryGib, String machineType) {}

  /**
   * The smallest Cloud SQL shape that holds a need: Enterprise edition as a custom machine, Enterprise
   * Plus as an N2 shape; a need beyond the largest shape gets the largest with a blocker.
   */
  static Shape cloudSql(Need need, String edition, List<String> warnings, List<String> blockers) {
    if (edition.equals("enterprise-plus")) {
      Shape s = n2(need);
      if (s == null) {
        blockers.add(beyond(need, "Cloud SQL Enterprise Plus", 128, 864));
        return new Shape(128, 864, "db-perf-optimized-N-128");
      }
      return new Shape(s.vcpu(), s.memoryGib(), "db-perf-optimized-N-" + s.vcpu());
    }
    int vcpu = need.vcpu() <= 1 ? 1 : (int) (2 * Math.ceil(need.vcpu() / 2 - 1e-9));
    double mem = Math.max(need.memoryGib(), Math.max(CLOUD_SQL_MIN_MEMORY_GIB, CLOUD_SQL_MIN_GIB_PER_VCPU * vcpu));
    mem = Math.ceil(mem * 4 - 1e-9) / 4; // 256 MiB steps
    int cpuVcpu = vcpu;
    while (mem > CLOUD_SQL_MAX_GIB_PER_VCPU * vcpu + 1e-9) {
      vcpu = vcpu == 1 ? 2 : vcpu + 2;
    }
    if (vcpu > cpuVcpu) {
      warnings.add(String.format(Locale.ROOT, "memory drives the shape: %s GiB needs %d vCPU at Enterprise's 6.5 GiB per "
          + "vCPU where the CPU needs %d; Enterprise Plus (8 GiB per vCPU) holds it on fewer vCPUs",
          RuleEngine.fmt(mem), vcpu, cpuVcpu));
    }
    if (vcpu > CLOUD_SQL_MAX_VCPU || mem > CLOUD_SQL_MAX_MEMORY_GIB) {
      blockers.add(beyond(need, "Cloud SQL Enterprise", CLOUD_SQL_MAX_VCPU, CLOUD_SQL_MAX_MEMORY_GIB)
          + "; Enterprise Plus goes to 128 vCPU and 864 GiB");
      vcpu = Math.min(vcpu, CLOUD_SQL_MAX_VCPU);
      mem = Math.min(mem, CLOUD_SQL_MAX_MEMORY_GIB);
    }
    return new Shape(vcpu, mem, "db-custom-" + vcpu + "-" + Math.round(mem * 1024));
  }

  /** The smallest n2-highmem shape (AlloyDB, Cloud SQL Enterprise Plus) that holds a need, or null. */
  static Shape n2(Need need) {
    for (int v : N2_HIGHMEM_VCPU) {
      double mem = v == 128 ? 864 : 8.0 * v;
      if (v + 1e-9 >= need.vcpu() && mem + 1e-9 >= need.memoryGib()) {
        return new Shape(v, mem, "n2-highmem-" + v);
      }
    }
    return null;
  }

  static String beyond(Need need, String target, double maxVcpu, double maxGib) {
    return String.format(Locale.ROOT, "needs %s vCPU and %s GiB, beyond the largest %s shape (%s vCPU, %s GiB): "
        + "split the database or lower its load before the move", RuleEngine.fmt(need.vcpu()), RuleEngine.fmt(need.memoryGib()),
        target, RuleEngine.fmt(maxVcpu), RuleEngine.fmt(maxGib));
  }

  /**
   * Cloud SQL storage, GiB: measured = data stored x storage headroom (Cloud SQL cannot shrink
   * storage, and grows it automatically), as-is = today's allocation; at least 10 GiB.
   *
   * @param allocatedGib  today's allocated storage, or 0 when the source has none (Aurora)
   * @param usedGib       data stored, or null when not measured
   */
  static long cloudSqlStorage(long allocatedGib, Double usedGib, double headroom, boolean measured, List<String> warnings,
      List<String> blockers, Map<String, String> sizing) {
    long gib;
    if (measured && usedGib != null) {
      gib = (long) Math.ceil(usedGib * headroom - 1e-9);
      sizing.put("storageUsedGib", RuleEngine.fmt(usedGib));
      sizing.put("storageHeadroom", RuleEngine.fmt(headroom));
    } else if (allocatedGib > 0) {
      gib = allocatedGib;
      if (measured) {
        warnings.add("storage used not measured: Cloud SQL storage sized as allocated today (" + allocatedGib + " GiB)");
      }
    } else {
      gib = CLOUD_SQL_MIN_STORAGE_GIB;
      warnings.add("storage used not measured (no VolumeBytesUsed): Cloud SQL storage set to its " + CLOUD_SQL_MIN_STORAGE_GIB
          + " GiB minimum, so the storage cost is understated; automatic storage increase grows it");
    }
    gib = Math.max(CLOUD_SQL_MIN_STORAGE_GIB, gib);
    if (gib > CLOUD_SQL_MAX_STORAGE_GIB) {
      blockers.add("needs " + gib + " GiB of storage, above Cloud SQL's 64 TB instance limit: split the data or "
          + "archive part of it before the move");
    }
    sizing.put("storageGib", Long.toString(gib));
    return gib;
  }
}
