package dev.migrate.rules;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import java.util.Map;

/**
 * One inventory item as the rules see it: its kind, id, name, region, tags, the item record,
 * the estate index, and the mappings already decided (volumes and load balancers look at
 * where their hosts and backends went).
 */
final class Facts {
  final ItemKind kind;
  final String id;
  final String name;
  final String region;
  final Object item;
  final Map<String, String> tags;
  final Topology index;
  final Map<String, Mapping> mapped;
  /** The volume's host, looked up once (several attributes and the target ask); see {@link #host()}. */
  private Ec2Instance host;
  private boolean hostKnown;

  private Facts(ItemKind kind, String id, String name, String region, Object item, Map<String, String> tags,
      Topology index, Map<String, Mapping> mapped) {
    this.kind = kind;
    this.id = id;
    this.name = name;
    this.region = region;
    this.item = item;
    this.tags = tags;
    this.index = index;
    this.mapped = mapped;
  }

  static Facts of(Ec2Instance i, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.EC2_INSTANCE, i.id(), i.name(), i.region(), i, i.tags(), x, m);
  }

  static Facts of(AutoScalingGroup g, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.AUTO_SCALING_GROUP, g.name(), g.name(), g.region(), g, g.tags(), x, m);
  }

  static Facts of(EbsVolume v, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.EBS_VOLUME, v.id(), v.tags().getOrDefault("Name", v.id()), v.region(), v, v.tags(), x, m);
  }

  static Facts of(LoadBalancer lb, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.LOAD_BALANCER, lb.id(), lb.name(), lb.region(), lb, lb.tags(), x, m);
  }

  static Facts of(Distribution d, Topology x, Map<String, Mapping> m) {
    String name = d.aliases().isEmpty() ? (d.domainName() == null ? d.id() : d.domainName()) : d.aliases().get(0);
    return new Facts(ItemKind.CLOUDFRONT_DISTRIBUTION, d.id(), name, "global", d, d.tags(), x, m);
  }

  static Facts of(S3Bucket b, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.S3_BUCKET, b.name(), b.name(), b.region(), b, b.tags(), x, m);
  }

  static Facts of(DbInstance d, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.RDS_INSTANCE, d.id(), nameOr(d.tags(), d.id()), d.region(), d, d.tags(), x, m);
  }

  static Facts of(DbCluster c, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.AURORA_CLUSTER, c.id(), nameOr(c.tags(), c.id()), c.region(), c, c.tags(), x, m);
  }

  static Facts of(CacheCluster c, Topology x, Map<String, Mapping> m) {
    return new Facts(ItemKind.ELASTICACHE_CLUSTER, c.id(), nameOr(c.tags(), c.id()), c.region(), c, c.tags(), x, m);
  }

  /** The Name tag, else the id (databases and caches are named by their identifier). */
  private static String nameOr(Map<String, String> tags, String id) {
    String n = Topology.tag(tags, "Name");
    return n == null || n.isBlank() ? id : n;
  }

  /** The instance a volume is attached to ({@link Topology#host}), or null. */
  Ec2Instance host() {
    if (!hostKnown) {
      host = index.host(id);
      hostKnown = true;
    }
    return host;
  }

  DbInstance db() {
    return (DbInstance) item;
  }

  DbCluster cluster() {
    return (DbCluster) item;
  }

  CacheCluster cache() {
    return (CacheCluster) item;
  }

  Ec2Instance instance() {
    return (Ec2Instance) item;
  }

  AutoScalingGroup asg() {
    return (AutoScalingGroup) item;
  }

  EbsVolume volume() {
    return (EbsVolume) item;
  }

  LoadBalancer lb() {
    return (LoadBalancer) item;
  }

  Distribution distribution() {
    return (Distribution) item;
  }

  S3Bucket bucket() {
    return (S3Bucket) item;
  }
}
