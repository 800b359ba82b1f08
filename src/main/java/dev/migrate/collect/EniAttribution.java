package dev.migrate.collect;

import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.NetworkInterface;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a network interface belongs to. DescribeNetworkInterfaces names only an attached instance; the
 * other owners are told by the interface type and by the description each AWS service writes when it creates
 * the interface:
 * <ul>
 *   <li>{@code ELB app/NAME/ID}, {@code ELB net/NAME/ID}, {@code ELB gwy/NAME/ID}: an application, network or
 *       gateway load balancer (matched to the load balancer whose ARN ends in {@code loadbalancer/app/NAME/ID});
 *       {@code ELB NAME}: a classic load balancer of that name;</li>
 *   <li>{@code ElastiCache NODE}: a cache node, matched to the replication group or cluster that has it;</li>
 *   <li>{@code RDSNetworkInterface} (requester {@code amazon-rds}): a DB instance. RDS does not say which, and
 *       the snapshot does not hold the instances' subnets, so the interface is attributed only when its region
 *       has exactly one DB instance; otherwise its resource id stays null;</li>
 *   <li>interface type {@code nat_gateway} (description {@code Interface for NAT Gateway nat-...}),
 *       {@code vpc_endpoint} ({@code VPC Endpoint Interface vpce-...}) and {@code lambda};</li>
 *   <li>anything else with an attached instance is that instance's; the rest is {@code other}.</li>
 * </ul>
 */
final class EniAttribution {
  private static final Pattern ELB_V2 = Pattern.compile("ELB ((app|net|gwy)/[^/\\s]+/[0-9a-f]+)");
  private static final Pattern ELB_CLASSIC = Pattern.compile("ELB ([A-Za-z0-9-]+)");
  private static final Pattern ELASTICACHE = Pattern.compile("ElastiCache (\\S+)");
  private static final Pattern NAT = Pattern.compile(".*\\b(nat-[0-9a-f]+)\\b.*");
  private static final Pattern VPCE = Pattern.compile(".*\\b(vpce-[0-9a-f]+)\\b.*");

  private EniAttribution() {}

  /** What the interface's own fields tell: a kind, and the id as the description names it (or null). */
  record Owner(String kind, String id) {}

  static Owner fromInterface(String interfaceType, String description, String requesterId, String instanceId) {
    String d = description == null ? "" : description;
    String type = interfaceType == null ? "" : interfaceType;
    if ("nat_gateway".equals(type)) {
      Matcher m = NAT.matcher(d);
      return new Owner("nat-gateway", m.matches() ? m.group(1) : null);
    }
    if ("vpc_endpoint".equals(type) || "gateway_load_balancer_endpoint".equals(type)) {
      Matcher m = VPCE.matcher(d);
      return new Owner("vpc-endpoint", m.matches() ? m.group(1) : null);
    }
    if ("lambda".equals(type)) {
      return new Owner("lambda", null);
    }
    Matcher v2 = ELB_V2.matcher(d);
    if (v2.matches()) {
      return new Owner("elb", v2.group(1));
    }
    Matcher classic = ELB_CLASSIC.matcher(d);
    if (classic.matches() && ("amazon-elb".equals(requesterId) || instanceId == null)) {
      return new Owner("elb", "classic:" + classic.group(1));
    }
    Matcher cache = ELASTICACHE.matcher(d);
    if (cache.matches()) {
      return new Owner("elasticache", cache.group(1));
    }
    if ("RDSNetworkInterface".equals(d) || "amazon-rds".equals(requesterId)) {
      return new Owner("rds", null);
    }
    if (instanceId != null) {
      return new Owner("ec2", instanceId);
    }
    return new Owner("other", null);
  }

  /**
   * The interfaces with load balancer, cache and database owners resolved to the snapshot's ids (null where
   * the owner is not in the snapshot or cannot be told), sorted by id.
   */
  static List<NetworkInterface> attribute(List<NetworkInterface> raw, List<LoadBalancer> lbs, List<DbInstance> dbs,
      List<CacheCluster> caches) {
    Map<String, List<DbInstance>> dbsByRegion = new TreeMap<>();
    dbs.forEach(d -> dbsByRegion.computeIfAbsent(d.region(), k -> new ArrayList<>()).add(d));
    List<NetworkInterface> out = new ArrayList<>(raw.size());
    for (NetworkInterface n : raw) {
      String id = n.attachedResourceId();
      String resolved = switch (n.attachedKind()) {
        case "elb" -> loadBalancer(id, n.region(), lbs);
        case "elasticache" -> cache(id, n.region(), caches);
        case "rds" -> {
          List<DbInstance> inRegion = dbsByRegion.getOrDefault(n.region(), List.of());
          yield inRegion.size() == 1 ? inRegion.get(0).id() : null;
        }
        default -> id;
      };
      out.add(new NetworkInterface(n.id(), n.region(), n.vpcId(), n.subnetId(), n.interfaceType(), n.privateIps(),
          n.publicIps(), n.attachedKind(), resolved, n.description()));
    }
    out.sort(Comparator.comparing(NetworkInterface::id));
    return out;
  }

  private static String loadBalancer(String key, String region, List<LoadBalancer> lbs) {
    if (key == null) {
      return null;
    }
    if (key.startsWith("classic:")) {
      String name = key.substring("classic:".length());
      return lbs.stream().filter(lb -> lb.type() == LoadBalancerType.CLASSIC && lb.region().equals(region)
          && lb.name().equals(name)).map(LoadBalancer::id).findFirst().orElse(null);
    }
    return lbs.stream().filter(lb -> lb.region().equals(region) && lb.id().endsWith("loadbalancer/" + key))
        .map(LoadBalancer::id).findFirst().orElse(null);
  }

  private static String cache(String node, String region, List<CacheCluster> caches) {
    if (node == null) {
      return null;
    }
    return caches.stream().filter(c -> c.region().equals(region)
            && (c.id().equals(node) || c.memberClusters().contains(node)))
        .map(CacheCluster::id).findFirst().orElse(null);
  }
}
