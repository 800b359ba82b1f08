package dev.migrate.rules;

import dev.migrate.plan.Target;
import java.util.stream.Collectors;

/** One-line descriptions of targets, for explain and golden files. */
public final class Targets {
  private Targets() {}

  public static String describe(Target t) {
    if (t instanceof Target.GkeWorkload w) {
      return w.workloadKind() + " " + w.workloadName() + " x" + w.replicas() + " (" + RuleEngine.fmt(w.podCpu())
          + " vCPU, " + RuleEngine.fmt(w.podMemoryGib()) + " GiB per pod) on " + RuleEngine.fmt(w.nodeCount()) + "x "
          + w.machineType() + " in " + w.gcpRegion() + (w.alternative() == null ? "" : "; alternative: " + w.alternative());
    }
    if (t instanceof Target.ComputeEngineVm v) {
      return v.machineType() + " " + v.arch() + " " + v.os() + (v.running() ? "" : " (stopped)") + " in " + v.gcpRegion();
    }
    if (t instanceof Target.PersistentDisk d) {
      return d.diskType() + " " + d.sizeGib() + " GiB" + (d.iops() == null ? "" : " " + d.iops() + " IOPS")
          + (d.throughputMibps() == null ? "" : " " + d.throughputMibps() + " MiB/s") + " in " + d.gcpRegion();
    }
    if (t instanceof Target.CloudLoadBalancer l) {
      return l.lbType() + ", " + l.forwardingRules() + " forwarding rule(s)" + (l.gkeIngress() ? ", created by GKE (Ingress/Service)" : "")
          + " in " + l.gcpRegion();
    }
    if (t instanceof Target.CloudCdn c) {
      return c.backend() + " " + c.cacheMode() + (c.cloudArmor() ? " + Cloud Armor" : "");
    }
    if (t instanceof Target.CloudStorage s) {
      return s.location() + " " + s.classes().stream().map(c -> c.awsClass() + "->" + c.gcsClass() + " "
          + RuleEngine.fmt(c.gib()) + " GiB").collect(Collectors.joining(", "));
    }
    if (t instanceof Target.Memorystore m) {
      if (m.engine().equals("memcached") && m.shards() > 1) {
        return "memcached " + m.shards() + " nodes, " + RuleEngine.fmt(m.capacityGib()) + " GiB in " + m.gcpRegion();
      }
      if (m.engine().equals("redis-cluster") || m.engine().equals("valkey")) {
        return m.engine() + " " + m.shards() + " shard(s) x " + (1 + m.replicasPerShard()) + " node(s), "
            + RuleEngine.fmt(m.capacityGib()) + " GiB in " + m.gcpRegion();
      }
      return m.engine() + " " + m.tier() + " " + RuleEngine.fmt(m.capacityGib()) + " GiB in " + m.gcpRegion();
    }
    if (t instanceof Target.CloudSql c) {
      return c.engine() + " " + c.edition() + " " + RuleEngine.fmt(c.vcpu()) + " vCPU " + RuleEngine.fmt(c.memoryGib())
          + " GiB, " + c.storageGib() + " GiB " + c.storageType() + (c.highAvailability() ? ", HA" : ", zonal")
          + (c.readReplicas() > 0 ? ", " + c.readReplicas() + " read replica(s)" : "") + " in " + c.gcpRegion();
    }
    if (t instanceof Target.AlloyDb a) {
      return RuleEngine.fmt(a.vcpu()) + " vCPU " + RuleEngine.fmt(a.memoryGib()) + " GiB primary"
          + (a.highAvailability() ? " (HA)" : "") + ", " + RuleEngine.fmt(a.storageGib()) + " GiB stored"
          + (a.readPoolNodes() > 0 ? ", read pool of " + a.readPoolNodes() + " node(s)" : "") + " in " + a.gcpRegion();
    }
    if (t instanceof Target.Retire r) {
      return r.foldedInto() == null ? "retire" : "folded into " + r.foldedInto();
    }
    return t.toString();
  }
}
