package dev.migrate.rules;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Look-ups over one snapshot that rule attributes need (built once per plan, hash maps only for look-up). */
final class EstateIndex {
  final Snapshot snapshot;
  final Map<String, Usage> usage;
  final Map<String, Ec2Instance> instances;
  final Map<String, AutoScalingGroup> asgs = new HashMap<>();
  final Map<String, List<Ec2Instance>> asgMembers = new HashMap<>();
  final Map<String, List<LoadBalancer>> instanceLbs = new HashMap<>();
  final Map<String, TreeSet<Integer>> instancePorts = new HashMap<>();
  final Map<String, List<LoadBalancer>> asgLbs = new HashMap<>();
  final Map<String, List<String>> lbAsgs = new HashMap<>();
  final Map<String, Ec2Instance> volumeHost = new HashMap<>();
  final Map<String, List<EbsVolume>> hostVolumes = new HashMap<>();
  /** Seconds in the snapshot's window, the denominator of request rates. */
  final double windowSeconds;

  EstateIndex(Snapshot s) {
    this.snapshot = s;
    this.windowSeconds = s.window().hours() * 3600.0;
    this.usage = new HashMap<>(s.usage().size() * 2);
    this.instances = new HashMap<>(s.instances().size() * 2);
    for (Usage u : s.usage()) {
      usage.putIfAbsent(u.resourceId(), u);
    }
    for (Ec2Instance i : s.instances()) {
      instances.put(i.id(), i);
    }
    for (AutoScalingGroup g : s.autoScalingGroups()) {
      asgs.put(g.name(), g);
      asgMembers.put(g.name(), new ArrayList<>());
    }
    for (Ec2Instance i : s.instances()) {
      String g = i.autoScalingGroup();
      if (g != null && asgMembers.containsKey(g)) {
        asgMembers.get(g).add(i);
      }
    }
    for (AutoScalingGroup g : s.autoScalingGroups()) {
      List<Ec2Instance> members = asgMembers.get(g.name());
      java.util.Set<String> known = new java.util.HashSet<>();
      members.forEach(m -> known.add(m.id()));
      for (String id : g.instanceIds()) {
        Ec2Instance i = instances.get(id);
        if (i != null && known.add(id)) {
          members.add(i);
        }
      }
      members.sort(java.util.Comparator.comparing(Ec2Instance::id));
    }
    Map<String, LoadBalancer> byTargetGroup = new HashMap<>();
    Map<String, LoadBalancer> byName = new HashMap<>();
    for (LoadBalancer lb : s.loadBalancers()) {
      byName.put(lb.name(), lb);
      for (LoadBalancer.TargetGroup tg : lb.targetGroups()) {
        byTargetGroup.put(tg.arn(), lb);
        for (LoadBalancer.Target t : tg.targets()) {
          if ("instance".equals(tg.targetType())) {
            Integer port = t.port() != null ? t.port() : tg.port();
            if (port != null) {
              instancePorts.computeIfAbsent(t.id(), k -> new TreeSet<>()).add(port);
            }
          }
        }
      }
      for (String id : lb.backendInstanceIds()) {
        instanceLbs.computeIfAbsent(id, k -> new ArrayList<>()).add(lb);
      }
      if (lb.type() == dev.migrate.inventory.LoadBalancerType.CLASSIC) {
        for (String id : lb.registeredInstances()) {
          for (LoadBalancer.Listener l : lb.listeners()) {
            if (l.instancePort() != null) {
              instancePorts.computeIfAbsent(id, k -> new TreeSet<>()).add(l.instancePort());
            }
          }
        }
      }
    }
    for (AutoScalingGroup g : s.autoScalingGroups()) {
      List<LoadBalancer> lbs = new ArrayList<>();
      for (String arn : g.targetGroupArns()) {
        addOnce(lbs, byTargetGroup.get(arn));
      }
      for (String name : g.loadBalancerNames()) {
        addOnce(lbs, byName.get(name));
      }
      for (Ec2Instance m : asgMembers.get(g.name())) {
        for (LoadBalancer lb : instanceLbs.getOrDefault(m.id(), List.of())) {
          addOnce(lbs, lb);
        }
      }
      lbs.sort(java.util.Comparator.comparing(LoadBalancer::id));
      asgLbs.put(g.name(), lbs);
      for (LoadBalancer lb : lbs) {
        lbAsgs.computeIfAbsent(lb.id(), k -> new ArrayList<>()).add(g.name());
      }
    }
    for (EbsVolume v : s.volumes()) {
      Ec2Instance host = v.attachedTo() == null ? null : instances.get(v.attachedTo());
      if (host != null) {
        volumeHost.put(v.id(), host);
      }
    }
    for (Ec2Instance i : s.instances()) {
      for (String vid : i.volumeIds()) {
        volumeHost.putIfAbsent(vid, i);
      }
    }
    for (EbsVolume v : s.volumes()) {
      Ec2Instance host = volumeHost.get(v.id());
      if (host != null) {
        hostVolumes.computeIfAbsent(host.id(), k -> new ArrayList<>()).add(v);
      }
    }
  }

  private static void addOnce(List<LoadBalancer> list, LoadBalancer lb) {
    if (lb != null && !list.contains(lb)) {
      list.add(lb);
    }
  }

  Usage usage(String id) {
    return usage.get(id);
  }
}
