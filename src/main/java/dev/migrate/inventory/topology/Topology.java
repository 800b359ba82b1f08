package dev.migrate.inventory.topology;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.MemberAccount;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One snapshot indexed by id, with the links between its items. Built in one pass over each list
 * (hash maps only, so linear in the number of items); immutable once built (views worked out from it on request,
 * such as a dependency graph, are kept with it: {@link #derived}). Every stage reads
 * links from here, so that the plan, the cost model and the what-if agree on them.
 *
 * <p>Links, and how they are found:
 * <ul>
 *   <li>auto scaling group members: instances whose {@code autoScalingGroup} names the group, plus
 *       the group's own {@code instanceIds}, in id order;</li>
 *   <li>load balancer backends of an instance: target group targets and classic registrations
 *       ({@link LoadBalancer#backendInstanceIds()});</li>
 *   <li>load balancers of a group: through its target groups, its classic load balancer names and
 *       its members' registrations, in id order;</li>
 *   <li>the host of a volume: its {@code attachedTo} instance, else an instance listing it;</li>
 *   <li>CloudFront origins: a load balancer whose DNS name is the origin's host (lower case,
 *       without {@code dualstack.} or a trailing dot), else the bucket the host names
 *       ({@code bucket.s3...});</li>
 *   <li>a distribution's home region: the region of its default origin, else of the first origin
 *       whose region is known;</li>
 *   <li>a managed database or cache whose id names items of its kind in two regions (AWS allows one name per
 *       region): keyed {@code region/id} with every reference to it, so that the two stay apart;</li>
 *   <li>the account of an item in an estate of several accounts: the member that lists its id. Links between
 *       items of different accounts (a distribution whose origin is another account's load balancer, an instance in
 *       a VPC another account shares) are found as within one account, as the merged snapshot holds them all.</li>
 * </ul>
 */
public final class Topology {
  private final Snapshot snapshot;
  private final Map<String, Ec2Instance> instances;
  private final Map<String, EbsVolume> volumes;
  private final Map<String, AutoScalingGroup> groups;
  private final Map<String, LoadBalancer> loadBalancers;
  private final Map<String, Distribution> distributions;
  private final Map<String, S3Bucket> buckets;
  private final Map<String, DbInstance> dbInstances;
  private final Map<String, DbCluster> dbClusters;
  private final Map<String, CacheCluster> caches;
  private final Map<String, List<DbInstance>> clusterMembers = new HashMap<>();
  /** The maps above that hold items of a kind, for lookups by id over every kind. */
  private final List<Map<String, ?>> itemsByKind;
  private final Map<String, Usage> usage;
  private final Map<String, List<Ec2Instance>> members;
  private final Map<String, AutoScalingGroup> groupOf;
  private final Map<String, List<LoadBalancer>> instanceLbs = new HashMap<>();
  private final Map<String, SortedSet<Integer>> instancePorts = new HashMap<>();
  private final Map<String, List<LoadBalancer>> groupLbs;
  private final Map<String, List<String>> lbGroups = new HashMap<>();
  private final Map<String, Ec2Instance> volumeHost;
  private final Map<String, List<EbsVolume>> hostVolumes = new HashMap<>();
  private final Map<String, LoadBalancer> byDnsHost = new HashMap<>();
  private final Set<String> lbOrigins = new HashSet<>();
  private final Set<String> bucketOrigins = new HashSet<>();
  private final Map<String, String> distributionRegion = new HashMap<>();
  /** The member account of each item id of an estate; empty for one account. */
  private final Map<String, MemberAccount> accountOf;
  /** Views worked out from this index on request, by key (see {@link #derived}); guarded by {@code this}. */
  private final Map<Object, Object> derived = new HashMap<>();

  private Topology(Snapshot s) {
    this.snapshot = s;
    instances = sized(s.instances().size());
    volumes = sized(s.volumes().size());
    groups = sized(s.autoScalingGroups().size());
    loadBalancers = sized(s.loadBalancers().size());
    distributions = sized(s.distributions().size());
    buckets = sized(s.buckets().size());
    dbInstances = sized(s.dbInstances().size());
    dbClusters = sized(s.dbClusters().size());
    caches = sized(s.cacheClusters().size());
    usage = sized(s.usage().size());
    members = sized(s.autoScalingGroups().size());
    groupOf = sized(s.instances().size());
    groupLbs = sized(s.autoScalingGroups().size());
    volumeHost = sized(s.volumes().size());
    s.instances().forEach(i -> instances.put(i.id(), i));
    s.volumes().forEach(v -> volumes.put(v.id(), v));
    s.loadBalancers().forEach(lb -> loadBalancers.put(lb.id(), lb));
    s.distributions().forEach(d -> distributions.put(d.id(), d));
    s.buckets().forEach(b -> buckets.put(b.name(), b));
    s.dbInstances().forEach(d -> dbInstances.put(d.id(), d));
    s.dbClusters().forEach(c -> dbClusters.put(c.id(), c));
    s.cacheClusters().forEach(c -> caches.put(c.id(), c));
    for (DbInstance d : s.dbInstances()) {
      if (d.clusterId() != null) {
        clusterMembers.computeIfAbsent(d.clusterId(), k -> new ArrayList<>()).add(d);
      }
    }
    // The first usage record of an id counts (a snapshot has one per resource).
    s.usage().forEach(u -> usage.putIfAbsent(u.resourceId(), u));
    accountOf = accountsOf(s);
    itemsByKind = List.of(instances, volumes, groups, loadBalancers, distributions, buckets, dbInstances, dbClusters,
        caches);
    groups();
    loadBalancers();
    volumes();
    origins();
  }

  /**
   * Indexes a snapshot. A managed database or cache whose id names items in two regions is keyed {@code region/id}
   * (see {@link DataStoreKeys}): {@link #snapshot()} is then a copy with those keys, which every stage reads instead
   * of the snapshot given; without such a clash it is the snapshot given.
   */
  public static Topology of(Snapshot snapshot) {
    return new Topology(DataStoreKeys.qualify(snapshot));
  }

  /**
   * The member account of each resource id of an estate (empty for one account), without the rest of the
   * index: for callers that need only this lookup.
   */
  public static Map<String, MemberAccount> accountsOf(Snapshot s) {
    Map<String, MemberAccount> out = sized(s.members().isEmpty() ? 0 : itemCountOf(s));
    for (MemberAccount m : s.members()) {
      m.resourceIds().forEach(id -> out.putIfAbsent(id, m));
    }
    return out;
  }

  private static int itemCountOf(Snapshot s) {
    return s.instances().size() + s.volumes().size() + s.autoScalingGroups().size() + s.loadBalancers().size()
        + s.distributions().size() + s.buckets().size() + s.dbInstances().size() + s.dbClusters().size()
        + s.cacheClusters().size() + s.vpcs().size() + s.networkInterfaces().size() + s.commitments().size();
  }

  private static <K, V> Map<K, V> sized(int n) {
    return new HashMap<>((int) (n / 0.75f) + 1);
  }

  private void groups() {
    for (AutoScalingGroup g : snapshot.autoScalingGroups()) {
      groups.put(g.name(), g);
      members.put(g.name(), new ArrayList<>());
    }
    for (Ec2Instance i : snapshot.instances()) {
      String g = i.autoScalingGroup();
      if (g != null && members.containsKey(g)) {
        members.get(g).add(i);
        groupOf.put(i.id(), groups.get(g));
      }
    }
    for (AutoScalingGroup g : snapshot.autoScalingGroups()) {
      List<Ec2Instance> list = members.get(g.name());
      Set<String> known = new HashSet<>();
      list.forEach(m -> known.add(m.id()));
      for (String id : g.instanceIds()) {
        Ec2Instance i = instances.get(id);
        if (i != null && known.add(id)) {
          list.add(i);
          groupOf.putIfAbsent(id, g);
        }
      }
      list.sort(Comparator.comparing(Ec2Instance::id));
    }
    members.replaceAll((k, v) -> Collections.unmodifiableList(v));
  }

  private void loadBalancers() {
    Map<String, LoadBalancer> byTargetGroup = new HashMap<>();
    Map<String, LoadBalancer> byName = new HashMap<>();
    for (LoadBalancer lb : snapshot.loadBalancers()) {
      byName.put(lb.name(), lb);
      if (lb.dnsName() != null) {
        byDnsHost.put(dnsHost(lb.dnsName()), lb);
      }
      for (LoadBalancer.TargetGroup tg : lb.targetGroups()) {
        byTargetGroup.put(tg.arn(), lb);
        if ("instance".equals(tg.targetType())) {
          for (LoadBalancer.Target t : tg.targets()) {
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
      if (lb.type() == LoadBalancerType.CLASSIC) {
        for (String id : lb.registeredInstances()) {
          for (LoadBalancer.Listener l : lb.listeners()) {
            if (l.instancePort() != null) {
              instancePorts.computeIfAbsent(id, k -> new TreeSet<>()).add(l.instancePort());
            }
          }
        }
      }
    }
    for (AutoScalingGroup g : snapshot.autoScalingGroups()) {
      List<LoadBalancer> lbs = new ArrayList<>();
      for (String arn : g.targetGroupArns()) {
        addOnce(lbs, byTargetGroup.get(arn));
      }
      for (String name : g.loadBalancerNames()) {
        addOnce(lbs, byName.get(name));
      }
      for (Ec2Instance m : members.get(g.name())) {
        for (LoadBalancer lb : instanceLbs.getOrDefault(m.id(), List.of())) {
          addOnce(lbs, lb);
        }
      }
      lbs.sort(Comparator.comparing(LoadBalancer::id));
      groupLbs.put(g.name(), List.copyOf(lbs));
      for (LoadBalancer lb : lbs) {
        lbGroups.computeIfAbsent(lb.id(), k -> new ArrayList<>()).add(g.name());
      }
    }
  }

  /** Adds a load balancer not yet in a (short) list: compared by identity, as one snapshot holds each once. */
  private static void addOnce(List<LoadBalancer> list, LoadBalancer lb) {
    if (lb == null) {
      return;
    }
    for (LoadBalancer x : list) {
      if (x == lb) {
        return;
      }
    }
    list.add(lb);
  }

  private void volumes() {
    for (EbsVolume v : snapshot.volumes()) {
      Ec2Instance host = v.attachedTo() == null ? null : instances.get(v.attachedTo());
      if (host != null) {
        volumeHost.put(v.id(), host);
      }
    }
    for (Ec2Instance i : snapshot.instances()) {
      for (String vid : i.volumeIds()) {
        volumeHost.putIfAbsent(vid, i);
      }
    }
    for (EbsVolume v : snapshot.volumes()) {
      Ec2Instance host = volumeHost.get(v.id());
      if (host != null) {
        hostVolumes.computeIfAbsent(host.id(), k -> new ArrayList<>()).add(v);
      }
    }
  }

  private void origins() {
    for (Distribution d : snapshot.distributions()) {
      String defaultOrigin = d.defaultBehavior().targetOriginId();
      for (Distribution.Origin o : d.origins()) {
        LoadBalancer lb = originLoadBalancer(o);
        String region = null;
        if (lb != null) {
          lbOrigins.add(lb.id());
          region = lb.region();
        } else {
          S3Bucket b = originBucket(o);
          if (b != null) {
            bucketOrigins.add(b.name());
            region = b.region();
          }
        }
        if (region != null && (o.id().equals(defaultOrigin) || !distributionRegion.containsKey(d.id()))) {
          distributionRegion.put(d.id(), region);
        }
      }
    }
  }

  /**
   * A view of this index that a later stage works out from it (the dependency graph of the flow logs, read by the
   * what-if and by the reports), built on the first request for its key and handed out again for an equal key, so
   * that it is built once per run like the index itself. {@code build} must be a pure function of the index and
   * the key (the key names everything else it reads: options, ranges); it runs while other requests wait.
   *
   * @param key   what the view is of, with equals and hashCode (a record of options)
   * @param type  the view's class, which the key is taken for
   */
  public synchronized <T> T derived(Object key, Class<T> type, java.util.function.Function<Topology, T> build) {
    List<Object> k = List.of(type, key);
    Object known = derived.get(k);
    if (known != null) {
      return type.cast(known);
    }
    T view = java.util.Objects.requireNonNull(build.apply(this), "derived view");
    derived.put(k, view);
    return view;
  }

  // ------------------------------------------------------------------ items by id

  /** The snapshot indexed: the one given, or its copy with clashing data store ids keyed by region. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The instance with this id, or null. */
  public Ec2Instance instance(String id) {
    return instances.get(id);
  }

  /** The volume with this id, or null. */
  public EbsVolume volume(String id) {
    return volumes.get(id);
  }

  /** The auto scaling group with this name, or null. */
  public AutoScalingGroup group(String name) {
    return groups.get(name);
  }

  /** The load balancer with this id (ARN, or name for a classic one), or null. */
  public LoadBalancer loadBalancer(String id) {
    return loadBalancers.get(id);
  }

  /** The distribution with this id, or null. */
  public Distribution distribution(String id) {
    return distributions.get(id);
  }

  /** The bucket with this name, or null. */
  public S3Bucket bucket(String name) {
    return buckets.get(name);
  }

  /** The RDS DB instance with this id, or null. */
  public DbInstance dbInstance(String id) {
    return dbInstances.get(id);
  }

  /** The Aurora DB cluster with this id, or null. */
  public DbCluster dbCluster(String id) {
    return dbClusters.get(id);
  }

  /** The ElastiCache cache with this id, or null. */
  public CacheCluster cache(String id) {
    return caches.get(id);
  }

  /** The DB instances of a cluster, in id order (empty for an unknown cluster). */
  public List<DbInstance> clusterMembers(String clusterId) {
    return clusterMembers.getOrDefault(clusterId, List.of());
  }

  /**
   * The tags of an item of any kind (a volume without tags of its own has none here; see
   * {@link #host}), or an empty map for an unknown id.
   */
  public Map<String, String> tags(String id) {
    Object item = item(id);
    if (item instanceof Ec2Instance i) {
      return i.tags();
    } else if (item instanceof EbsVolume v) {
      return v.tags();
    } else if (item instanceof AutoScalingGroup g) {
      return g.tags();
    } else if (item instanceof LoadBalancer lb) {
      return lb.tags();
    } else if (item instanceof Distribution d) {
      return d.tags();
    } else if (item instanceof S3Bucket b) {
      return b.tags();
    } else if (item instanceof DbInstance d) {
      return d.tags();
    } else if (item instanceof DbCluster c) {
      return c.tags();
    } else if (item instanceof CacheCluster c) {
      return c.tags();
    }
    return Map.of();
  }

  private Object item(String id) {
    for (Map<String, ?> byId : itemsByKind) {
      Object item = byId.get(id);
      if (item != null) {
        return item;
      }
    }
    return null;
  }

  /**
   * The account of an estate an item (or commitment) belongs to, by its id in the snapshot; null for a snapshot of
   * one account, and for ids no member lists (estate-wide figures such as a cluster fee or a carried bill line).
   */
  public MemberAccount account(String id) {
    return id == null ? null : accountOf.get(id);
  }

  /** True when the snapshot is an estate of several accounts (see {@link Snapshot#members()}). */
  public boolean estate() {
    return !snapshot.members().isEmpty();
  }

  /** The usage measured for a resource id, or null. */
  public Usage usage(String resourceId) {
    return usage.get(resourceId);
  }

  /**
   * The usage of a resource measured as this usage kind (rds, aurora, elasticache, ...), or null. The
   * index keeps one record per id; a DB instance, an Aurora cluster and a cache may share a name, so
   * a record of another kind is passed over for the snapshot's own record of this kind (a linear
   * look, taken only on such a clash).
   */
  public Usage usage(String kind, String resourceId) {
    if (resourceId == null) {
      return null;
    }
    Usage u = usage.get(resourceId);
    if (u == null || kind.equals(u.kind())) {
      return u;
    }
    for (Usage x : snapshot.usage()) {
      if (x.resourceId().equals(resourceId) && kind.equals(x.kind())) {
        return x;
      }
    }
    return null;
  }

  /** True when the id names an item of the snapshot (of any kind). */
  public boolean contains(String id) {
    return item(id) != null;
  }

  /** Number of items of every kind (for sizing maps keyed by item). */
  public int itemCount() {
    return itemsByKind.stream().mapToInt(Map::size).sum();
  }

  // ------------------------------------------------------------------ compute

  /** The member instances of a group, in id order (empty for an unknown group). */
  public List<Ec2Instance> members(String group) {
    return members.getOrDefault(group, List.of());
  }

  /** The group an instance is a member of (see {@link #members}), or null. */
  public AutoScalingGroup groupOf(String instanceId) {
    return groupOf.get(instanceId);
  }

  /** Load balancers that send to this instance directly (target groups, classic registrations). */
  public List<LoadBalancer> loadBalancersOfInstance(String instanceId) {
    return instanceLbs.getOrDefault(instanceId, List.of());
  }

  /** Ports load balancers send traffic to on an instance, ascending. */
  public SortedSet<Integer> ports(String instanceId) {
    SortedSet<Integer> ports = instancePorts.get(instanceId);
    return ports == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(ports);
  }

  /** Load balancers in front of a group (target groups, classic names, members' registrations), in id order. */
  public List<LoadBalancer> loadBalancersOfGroup(String group) {
    return groupLbs.getOrDefault(group, List.of());
  }

  /** Names of the groups a load balancer sends to, in snapshot order. */
  public List<String> groupsOf(String loadBalancerId) {
    return Collections.unmodifiableList(lbGroups.getOrDefault(loadBalancerId, List.of()));
  }

  /** A group registers into a load balancer or target group (even one not in the snapshot). */
  public boolean groupBehindLoadBalancer(String group) {
    AutoScalingGroup g = groups.get(group);
    return g != null && (g.behindLoadBalancer() || !loadBalancersOfGroup(group).isEmpty());
  }

  /** An instance gets traffic from a load balancer: registered itself, or a member of a group behind one. */
  public boolean instanceBehindLoadBalancer(String instanceId) {
    if (!loadBalancersOfInstance(instanceId).isEmpty()) {
      return true;
    }
    AutoScalingGroup g = groupOf.get(instanceId);
    return g != null && groupBehindLoadBalancer(g.name());
  }

  /** The instance a volume is attached to, or null. */
  public Ec2Instance host(String volumeId) {
    return volumeHost.get(volumeId);
  }

  /** The volumes attached to an instance, in snapshot order. */
  public List<EbsVolume> volumesOf(String instanceId) {
    return Collections.unmodifiableList(hostVolumes.getOrDefault(instanceId, List.of()));
  }

  // ------------------------------------------------------------------ CloudFront

  /** The origin the default behaviour targets, else the first origin, else null. */
  public static Distribution.Origin defaultOrigin(Distribution d) {
    String id = d.defaultBehavior().targetOriginId();
    for (Distribution.Origin o : d.origins()) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    return d.origins().isEmpty() ? null : d.origins().get(0);
  }

  /** The load balancer an origin's host names, or null. */
  public LoadBalancer originLoadBalancer(Distribution.Origin o) {
    return o.domainName() == null ? null : byDnsHost.get(dnsHost(o.domainName()));
  }

  /** The bucket of the snapshot an origin's host names, or null. */
  public S3Bucket originBucket(Distribution.Origin o) {
    String name = o.domainName() == null ? null : bucketName(dnsHost(o.domainName()));
    return name == null ? null : buckets.get(name);
  }

  /** True when a load balancer (by id) is the origin of a distribution. */
  public boolean isOriginLoadBalancer(String loadBalancerId) {
    return lbOrigins.contains(loadBalancerId);
  }

  /** True when a bucket (by name) is the origin of a distribution. */
  public boolean isOriginBucket(String bucketName) {
    return bucketOrigins.contains(bucketName);
  }

  /** The AWS region a distribution's traffic comes from (its origins' region), or null when unknown. */
  public String homeRegion(String distributionId) {
    return distributionRegion.get(distributionId);
  }

  /** Lower case, without a {@code dualstack.} prefix or a trailing dot. */
  public static String dnsHost(String dns) {
    String h = dns.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.startsWith("dualstack.") ? h.substring("dualstack.".length()) : h;
  }

  /**
   * The bucket an S3 host names ({@code bucket.s3.amazonaws.com}, {@code bucket.s3.region.amazonaws.com},
   * {@code bucket.s3-website-region.amazonaws.com}), or null when the host is not an S3 one.
   */
  public static String bucketName(String host) {
    int s3 = host.indexOf(".s3");
    return s3 > 0 ? host.substring(0, s3) : null;
  }

  // ------------------------------------------------------------------ tags

  /** A tag's value: the exact key first, else the first key equal ignoring case (Role, role, ROLE); null when absent. */
  public static String tag(Map<String, String> tags, String key) {
    String v = tags.get(key);
    if (v != null) {
      return v;
    }
    for (Map.Entry<String, String> e : tags.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }
}
