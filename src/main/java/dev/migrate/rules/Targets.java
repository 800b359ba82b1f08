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
      return m.engine() + " " + m.tier() + " " + RuleEngine.fmt(m.capacityGib()) + " GiB in " + m.gcpRegion();
    }
    if (t instanceof Target.Retire r) {
      return r.foldedInto() == null ? "retire" : "folded into " + r.foldedInto();
    }
    return t.toString();
  }
}
