package dev.migrate.deps;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which end an address is. In this order: an address held by a collected network interface is
 * what the interface is attached to, folded into its plan item (an auto scaling group's instance into the
 * group, an Aurora member into its cluster, a cache node into its cache); an address inside a VPC of the
 * snapshot is "unknown in" that VPC; an address in a declared on-premises range is on-premises; another
 * private address is a private network outside the VPCs; any other address is the internet.
 *
 * <p>AWS publishes its services' public ranges (ip-ranges.json), but the tool works offline and bundles
 * no copy, so traffic to a public AWS endpoint (S3, DynamoDB, ...) not reached through an interface VPC
 * endpoint reads as internet; {@link DependencyGraph#notes()} says so.
 */
final class Attribution {
  private final Topology topology;
  private final String appTagKey;
  private final Map<Long, End> byAddress = new HashMap<>();
  // Concurrent: endOf may be called from several threads on a built graph.
  private final Map<String, End> interned = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, LoadBalancer> lbByName = new HashMap<>();
  private final Map<String, CacheCluster> cacheByNode = new HashMap<>();
  private final List<Ipv4.Block> vpcBlocks = new ArrayList<>();
  private final List<String> vpcIds = new ArrayList<>();
  private final List<Ipv4.Block> onPremises = new ArrayList<>();
  /** Addresses held by more than one network interface (overlapping VPCs of an estate): the first by ENI id wins. */
  private int ambiguous;

  Attribution(Snapshot s, Topology topology, DependencyOptions o) {
    this.topology = topology;
    this.appTagKey = o.appTagKey();
    s.loadBalancers().forEach(lb -> lbByName.putIfAbsent(lb.name(), lb));
    for (CacheCluster c : s.cacheClusters()) {
      c.memberClusters().forEach(m -> cacheByNode.putIfAbsent(m, c));
    }
    for (Vpc v : s.vpcs()) {
      for (String cidr : v.cidrBlocks()) {
        try {
          vpcBlocks.add(Ipv4.block(cidr));
          vpcIds.add(v.id());
        } catch (IllegalArgumentException e) {
          // an IPv6 or unreadable block attributes nothing; the snapshot check reports malformed VPC data
        }
      }
    }
    o.onPremisesCidrs().forEach(c -> onPremises.add(Ipv4.block(c)));
    // Sorted by id in the snapshot, so the first holder of an address is stable.
    for (NetworkInterface eni : s.networkInterfaces()) {
      End end = endOf(eni);
      for (List<String> ips : List.of(eni.privateIps(), eni.publicIps())) {
        for (String ip : ips) {
          long addr = Ipv4.parse(ip);
          if (addr >= 0 && byAddress.putIfAbsent(addr, end) != null && !byAddress.get(addr).equals(end)) {
            ambiguous++;
          }
        }
      }
    }
  }

  int ambiguous() {
    return ambiguous;
  }

  /** The end an address belongs to, or null when the text is not an IPv4 address. */
  End of(String address) {
    long addr = Ipv4.parse(address);
    if (addr < 0) {
      return null;
    }
    End e = byAddress.get(addr);
    if (e != null) {
      return e;
    }
    for (int i = 0; i < vpcBlocks.size(); i++) {
      if (vpcBlocks.get(i).contains(addr)) {
        String vpc = vpcIds.get(i);
        return intern(new End(End.Kind.UNKNOWN_IN_VPC, vpc, null, "unknown in " + vpc, null));
      }
    }
    for (Ipv4.Block b : onPremises) {
      if (b.contains(addr)) {
        return intern(End.place(End.Kind.ON_PREMISES));
      }
    }
    return intern(End.place(Ipv4.isPrivate(addr) ? End.Kind.OTHER_PRIVATE : End.Kind.INTERNET));
  }

  private End intern(End e) {
    return interned.computeIfAbsent(e.kind().wire() + "\u0000" + e.id(), k -> e);
  }

  private End endOf(NetworkInterface eni) {
    String id = eni.attachedResourceId();
    if (id == null) {
      return resource(eni.id(), "network-interface");
    }
    return switch (eni.attachedKind()) {
      case "ec2" -> instance(id);
      case "elb" -> loadBalancer(id);
      case "rds" -> database(id);
      case "elasticache" -> cache(id);
      case "vpc-endpoint" -> intern(End.place(End.Kind.AWS_SERVICE));
      default -> resource(id, eni.attachedKind());
    };
  }

  private End instance(String id) {
    Ec2Instance i = topology.instance(id);
    if (i == null) {
      return resource(id, "ec2-instance");
    }
    AutoScalingGroup g = topology.groupOf(id);
    if (g != null) {
      String app = app(g.tags());
      return item(g.name(), "auto-scaling-group", name(g.tags(), g.name()), app != null ? app : app(i.tags()));
    }
    return item(i.id(), "ec2-instance", name(i.tags(), i.id()), app(i.tags()));
  }

  private End loadBalancer(String id) {
    LoadBalancer lb = topology.loadBalancer(id);
    if (lb == null) {
      lb = lbByName.get(id);
    }
    return lb == null ? resource(id, "load-balancer")
        : item(lb.id(), "load-balancer", lb.name(), app(lb.tags()));
  }

  private End database(String id) {
    DbInstance d = topology.dbInstance(id);
    if (d == null) {
      return resource(id, "rds-instance");
    }
    DbCluster c = d.auroraMember() ? topology.dbCluster(d.clusterId()) : null;
    if (c != null) {
      String app = app(c.tags());
      return item(c.id(), "aurora-cluster", name(c.tags(), c.id()), app != null ? app : app(d.tags()));
    }
    return item(d.id(), "rds-instance", name(d.tags(), d.id()), app(d.tags()));
  }

  private End cache(String id) {
    CacheCluster c = topology.cache(id);
    if (c == null) {
      c = cacheByNode.get(id);
    }
    return c == null ? resource(id, "elasticache-cluster")
        : item(c.id(), "elasticache-cluster", name(c.tags(), c.id()), app(c.tags()));
  }

  private End item(String id, String kind, String name, String app) {
    return intern(new End(End.Kind.ITEM, id, kind, name, app));
  }

  private End resource(String id, String kind) {
    return intern(new End(End.Kind.RESOURCE, id, kind, id, null));
  }

  private String app(Map<String, String> tags) {
    String v = Topology.tag(tags, appTagKey);
    return v == null || v.isBlank() ? null : v;
  }

  private static String name(Map<String, String> tags, String id) {
    String v = Topology.tag(tags, "Name");
    return v == null || v.isBlank() ? id : v;
  }
}
