package dev.migrate.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the snapshots of several AWS accounts (an estate, for example the members of an AWS Organization) into
 * one {@link Snapshot} with {@link Snapshot#members() members}, so that one plan, one cost model and one workbook
 * cover every account.
 *
 * <p>What the merge does:
 * <ul>
 *   <li>The bill is the consolidated bill: the members' own bills summed per month and service, and per month,
 *       service, usage type and region for the usage lines. Each member keeps its own part.</li>
 *   <li>Names that AWS keeps unique within one account only (auto scaling groups, classic load balancers, RDS DB
 *       instances and clusters, ElastiCache caches, reserved DB instance ids) are qualified as {@code name@account}
 *       where two accounts use the same one, and every reference to them (usage records, an instance's group, a
 *       group's classic load balancers, Aurora members and writers, read replicas, network interfaces) is rewritten
 *       the same way. Ids that AWS makes globally unique (instances, volumes, ARNs, distributions, buckets, network
 *       interfaces) are kept as they are; should two accounts' snapshots repeat one (copied or generated snapshots),
 *       it is qualified the same way rather than counted once.</li>
 *   <li>A VPC listed by several accounts is one VPC shared with them (AWS VPC sharing): it is kept once, with the
 *       account its owner id names (else the first account listing it, in account order), and instances of other
 *       accounts keep pointing at it.</li>
 *   <li>Gaps keep the account they come from in their message; an account that could not be collected is a gap of
 *       its own.</li>
 *   <li>Reserved instances and savings plans are kept with the resources of every account (as AWS shares them in
 *       one consolidated bill); Cost Explorer coverage is summed over the accounts when they cover the same
 *       months.</li>
 * </ul>
 *
 * <p>The merge refuses what would give a wrong figure: one account twice, windows that do not overlap or are not
 * equally long (usage totals are turned into rates over the window), a snapshot that is already an estate, and
 * bills in different currencies.
 */
public final class Estates {
  private Estates() {}

  /** Shown after a qualified name: {@code web@111122223333}. */
  public static final String QUALIFIER = "@";

  /**
   * One account's snapshot to merge.
   *
   * @param origin    where it was read (a file name), for error messages
   * @param snapshot  the account's snapshot
   * @param name      the account's name in AWS Organizations, or null
   */
  public record Part(String origin, Snapshot snapshot, String name) {
    public Part {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  /**
   * An account of the estate that could not be collected.
   *
   * @param accountId  12-digit account id
   * @param name       account name, or null
   * @param errorCode  why (AccessDenied, role missing, ...)
   * @param message    one line for a person, or null
   */
  public record FailedAccount(String accountId, String name, String errorCode, String message) {
    public FailedAccount {
      Objects.requireNonNull(accountId, "accountId");
      errorCode = errorCode == null ? "NotCollected" : errorCode;
    }
  }

  /**
   * Merges the parts into one snapshot. One part and no failed account is returned unchanged (a snapshot of one
   * account has no members).
   *
   * @param parts    the accounts' snapshots, in any order
   * @param failed   accounts of the estate that could not be collected (gaps), may be empty
   * @param account  the account that names the estate (the management account when known), or null for the
   *                 lowest account id; the merged snapshot's alias is "estate of N accounts"
   * @throws SnapshotFormatException one line naming the files when the parts cannot be merged
   */
  public static Snapshot merge(List<Part> parts, List<FailedAccount> failed, Account account) {
    if (parts.isEmpty()) {
      throw new SnapshotFormatException("no account snapshot to assess"
          + (failed.isEmpty() ? "" : ": every account of the estate failed to collect (" + failed.size() + ")"));
    }
    if (parts.size() == 1 && failed.isEmpty()) {
      return parts.get(0).snapshot();
    }
    List<Part> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparing(p -> p.snapshot().account().id()));
    checkParts(sorted, failed);
    Window window = window(sorted);

    // Which names more than one account uses, per namespace.
    Owners owners = new Owners();
    for (Part p : sorted) {
      Snapshot s = p.snapshot();
      String a = s.account().id();
      s.autoScalingGroups().forEach(g -> owners.own("asg", g.name(), a));
      s.loadBalancers().forEach(lb -> {
        owners.own("elb", lb.id(), a);
        lb.targetGroups().forEach(tg -> owners.own("tg", tg.arn(), a));
      });
      // Globally unique in AWS, so repeated only by copied or generated snapshots: qualified too, never merged.
      s.instances().forEach(i -> owners.own("ec2", i.id(), a));
      s.volumes().forEach(v -> owners.own("vol", v.id(), a));
      s.distributions().forEach(d -> owners.own("cf", d.id(), a));
      s.buckets().forEach(b -> owners.own("s3", b.name(), a));
      s.networkInterfaces().forEach(e -> owners.own("eni", e.id(), a));
      s.dbInstances().forEach(d -> owners.own("db", d.id(), a));
      s.dbClusters().forEach(c -> owners.own("cluster", c.id(), a));
      s.cacheClusters().forEach(c -> owners.own("cache", c.id(), a));
      s.commitments().forEach(c -> owners.own("commitment", c.id(), a));
    }

    var instances = new ArrayList<Ec2Instance>();
    var volumes = new ArrayList<EbsVolume>();
    var groups = new ArrayList<AutoScalingGroup>();
    var loadBalancers = new ArrayList<LoadBalancer>();
    var distributions = new ArrayList<Distribution>();
    var buckets = new ArrayList<S3Bucket>();
    var vpcs = new LinkedHashMap<String, Vpc>();
    Map<String, String> vpcAccount = new HashMap<>();
    Map<String, String> listedBy = new HashMap<>();
    var commitments = new ArrayList<Commitment>();
    var usage = new ArrayList<Usage>();
    var gaps = new ArrayList<Gap>();
    var webAcls = new LinkedHashMap<String, WebAcl>();
    var dbInstances = new ArrayList<DbInstance>();
    var dbClusters = new ArrayList<DbCluster>();
    var caches = new ArrayList<CacheCluster>();
    var interfaces = new ArrayList<NetworkInterface>();
    var regions = new TreeSet<String>();
    var members = new ArrayList<MemberAccount>();
    var memberParts = new ArrayList<Part>();
    Map<String, List<String>> accountIds = new HashMap<>();
    Instant collectedAt = null;
    for (Part p : sorted) {
      Snapshot s = p.snapshot();
      Names n = new Names(owners, s.account().id());
      var ids = new ArrayList<String>();
      // A record whose names all stay as they are is kept, not copied: at 200,000 instances the copies (tags and
      // lists copied again by the records' constructors) doubled the estate's memory while the accounts' own
      // snapshots were still held.
      for (Ec2Instance i : s.instances()) {
        String id = n.of("ec2", i.id());
        String group = n.of("asg", i.autoScalingGroup());
        List<String> vols = n.all("vol", i.volumeIds());
        Ec2Instance x = id == i.id() && group == i.autoScalingGroup() && vols == i.volumeIds() ? i
            : new Ec2Instance(id, i.region(), i.availabilityZone(), i.instanceType(), i.state(), i.platform(),
                i.architecture(), i.launchTime(), i.lifecycle(), i.tenancy(), i.vpcId(), group, vols,
                i.detailedMonitoring(), i.tags(), i.publicIp());
        instances.add(x);
        ids.add(x.id());
      }
      for (EbsVolume v : s.volumes()) {
        String id = n.of("vol", v.id());
        String attachedTo = n.of("ec2", v.attachedTo());
        EbsVolume x = id == v.id() && attachedTo == v.attachedTo() ? v : new EbsVolume(id, v.region(),
            v.availabilityZone(), v.volumeType(), v.sizeGib(), v.iops(), v.throughputMibps(), v.state(), attachedTo,
            v.tags());
        volumes.add(x);
        ids.add(x.id());
      }
      for (AutoScalingGroup g : s.autoScalingGroups()) {
        String name = n.of("asg", g.name());
        List<String> instanceIds = n.all("ec2", g.instanceIds());
        List<String> targetGroups = n.all("tg", g.targetGroupArns());
        List<String> balancers = n.all("elb", g.loadBalancerNames());
        AutoScalingGroup x = name == g.name() && instanceIds == g.instanceIds() && targetGroups == g.targetGroupArns()
            && balancers == g.loadBalancerNames() ? g : new AutoScalingGroup(name, g.region(), g.minSize(),
                g.maxSize(), g.desiredCapacity(), instanceIds, targetGroups, balancers, g.tags());
        groups.add(x);
        ids.add(x.name());
      }
      for (LoadBalancer lb : s.loadBalancers()) {
        LoadBalancer x = rename(lb, n);
        x = x.equals(lb) ? lb : x;
        loadBalancers.add(x);
        ids.add(x.id());
      }
      for (Distribution d : s.distributions()) {
        Distribution x = d.id().equals(n.of("cf", d.id())) ? d : new Distribution(n.of("cf", d.id()), d.domainName(),
            d.aliases(), d.enabled(), d.priceClass(), d.httpVersion(), d.origins(), d.defaultBehavior(),
            d.cacheBehaviors(), d.logging(), d.webAclId(), d.geoRestriction(), d.geoLocations(),
            d.fieldLevelEncryption(), d.tags());
        distributions.add(x);
        ids.add(x.id());
      }
      for (S3Bucket b : s.buckets()) {
        S3Bucket x = b.name().equals(n.of("s3", b.name())) ? b
            : new S3Bucket(n.of("s3", b.name()), b.region(), b.createdAt(), b.storage(), b.totalObjects(), b.tags());
        buckets.add(x);
        ids.add(x.name());
      }
      for (Vpc v : s.vpcs()) {
        // A VPC shared with other accounts (AWS VPC sharing) is listed by each: kept once, the owner's own listing
        // when it is there; it belongs to the account the owner id names, else to the first account listing it.
        Vpc prev = vpcs.get(v.id());
        if (prev == null || (!owns(prev, listedBy.get(v.id())) && owns(v, s.account().id()))) {
          vpcs.put(v.id(), v);
          listedBy.put(v.id(), s.account().id());
        }
        vpcAccount.putIfAbsent(v.id(), s.account().id());
      }
      for (Commitment c : s.commitments()) {
        String id = n.of("commitment", c.id());
        Commitment x = id == c.id() ? c : new Commitment(c.kind(), id, c.region(), c.instanceType(), c.platform(),
            c.count(), c.start(), c.end(), c.upfrontUsd(), c.hourlyUsd(), c.offering(), c.state());
        commitments.add(x);
        ids.add(x.id());
      }
      for (Usage u : s.usage()) {
        String ns = switch (u.kind()) {
          case "ec2" -> "ec2";
          case "elb" -> "elb";
          case "cloudfront" -> "cf";
          case "s3" -> "s3";
          case "rds" -> "db";
          case "aurora" -> "cluster";
          case "elasticache" -> "cache";
          default -> null;
        };
        usage.add(ns == null ? u : rename(u, n.of(ns, u.resourceId())));
      }
      String who = label(s.account().id(), p.name());
      for (Gap g : s.gaps()) {
        gaps.add(new Gap(g.service(), g.region(), g.errorCode(), g.missing(),
            "account " + who + ": " + (g.message() == null ? g.missing() : g.message())));
      }
      s.webAcls().forEach(w -> webAcls.putIfAbsent(w.arn(), w));
      for (DbInstance d : s.dbInstances()) {
        String id = n.of("db", d.id());
        String cluster = n.of("cluster", d.clusterId());
        String source = n.of("db", d.readReplicaSourceId());
        DbInstance x = id == d.id() && cluster == d.clusterId() && source == d.readReplicaSourceId() ? d
            : new DbInstance(id, d.arn(), d.region(), d.availabilityZone(), d.engine(), d.engineVersion(),
                d.instanceClass(), d.storageType(), d.allocatedStorageGib(), d.provisionedIops(), d.multiAz(), cluster,
                source, d.backupRetentionDays(), d.encrypted(), d.endpoint(), d.status(), d.licenseModel(), d.tags());
        dbInstances.add(x);
        ids.add(x.id());
      }
      for (DbCluster c : s.dbClusters()) {
        String id = n.of("cluster", c.id());
        List<String> dbs = n.all("db", c.members());
        String writer = n.of("db", c.writerId());
        DbCluster x = id == c.id() && dbs == c.members() && writer == c.writerId() ? c
            : new DbCluster(id, c.arn(), c.region(), c.engine(), c.engineVersion(), c.engineMode(), dbs, writer,
                c.serverlessMinAcu(), c.serverlessMaxAcu(), c.storageType(), c.multiAz(), c.globalClusterId(),
                c.backtrackWindowHours(), c.backupRetentionDays(), c.encrypted(), c.endpoint(), c.status(), c.tags());
        dbClusters.add(x);
        ids.add(x.id());
      }
      for (CacheCluster c : s.cacheClusters()) {
        String id = n.of("cache", c.id());
        CacheCluster x = id == c.id() ? c : new CacheCluster(id, c.arn(), c.region(), c.engine(), c.engineVersion(),
            c.nodeType(), c.shards(), c.replicasPerShard(), c.clusterMode(), c.automaticFailover(), c.serverless(),
            c.serverlessMaxDataGib(), c.memberClusters(), c.availabilityZones(), c.snapshotRetentionDays(),
            c.encryptedAtRest(), c.transitEncryption(), c.endpoint(), c.status(), c.globalReplicationGroupId(),
            c.tags());
        caches.add(x);
        ids.add(x.id());
      }
      for (NetworkInterface e : s.networkInterfaces()) {
        String ns = switch (e.attachedKind()) {
          case "ec2" -> "ec2";
          case "elb" -> "elb";
          case "rds" -> "db";
          case "elasticache" -> "cache";
          default -> null;
        };
        String id = n.of("eni", e.id());
        String attached = ns == null ? e.attachedResourceId() : n.of(ns, e.attachedResourceId());
        NetworkInterface x = id == e.id() && attached == e.attachedResourceId() ? e : new NetworkInterface(id,
            e.region(), e.vpcId(), e.subnetId(), e.interfaceType(), e.privateIps(), e.publicIps(), e.attachedKind(),
            attached, e.description());
        interfaces.add(x);
        ids.add(x.id());
      }
      regions.addAll(s.regions());
      accountIds.put(s.account().id(), ids);
      collectedAt = collectedAt == null || s.collectedAt().isAfter(collectedAt) ? s.collectedAt() : collectedAt;
      memberParts.add(p);
    }
    // Each VPC to one account: its owner when that account is in the estate, else the first account listing it.
    vpcs.forEach((id, v) -> {
      String owner = v.ownerId() != null && accountIds.containsKey(v.ownerId()) ? v.ownerId() : vpcAccount.get(id);
      accountIds.get(owner).add(id);
    });
    for (Part p : memberParts) {
      Snapshot s = p.snapshot();
      members.add(new MemberAccount(s.account(), p.name(), s.collectedAt(), s.regions(), s.billing(),
          sortedDistinct(accountIds.get(s.account().id()))));
    }
    for (FailedAccount f : failed) {
      String who = label(f.accountId(), f.name());
      gaps.add(new Gap("organizations", "global", f.errorCode(), "account " + who + ": its resources and bill",
          "account " + who + " was not collected: " + (f.message() == null ? f.errorCode() : f.message())));
    }
    instances.sort(Comparator.comparing(Ec2Instance::id));
    volumes.sort(Comparator.comparing(EbsVolume::id));
    groups.sort(Comparator.comparing(AutoScalingGroup::name));
    loadBalancers.sort(Comparator.comparing(LoadBalancer::id));
    distributions.sort(Comparator.comparing(Distribution::id));
    buckets.sort(Comparator.comparing(S3Bucket::name));
    List<Vpc> vpcList = new ArrayList<>(vpcs.values());
    vpcList.sort(Comparator.comparing(Vpc::id));
    commitments.sort(Comparator.comparing(Commitment::kind).thenComparing(Commitment::id));
    usage.sort(Comparator.comparing(Usage::resourceId).thenComparing(Usage::kind));
    List<WebAcl> aclList = new ArrayList<>(webAcls.values());
    aclList.sort(Comparator.comparing(WebAcl::arn));
    dbInstances.sort(Comparator.comparing(DbInstance::id));
    dbClusters.sort(Comparator.comparing(DbCluster::id));
    caches.sort(Comparator.comparing(CacheCluster::id));
    interfaces.sort(Comparator.comparing(NetworkInterface::id));
    // Named by its management account when known, else by its lowest account id; the alias says it is an estate.
    Account named = new Account(account != null ? account.id() : sorted.get(0).snapshot().account().id(),
        "estate of " + (sorted.size() + failed.size()) + " accounts");
    Snapshot merged = new Snapshot(Snapshot.SCHEMA_V1, named, collectedAt, window, List.copyOf(regions), instances,
        volumes, groups, loadBalancers, distributions, buckets, vpcList, commitments, usage, billing(sorted), gaps,
        coverage(sorted), aclList, collection(sorted), dbInstances, dbClusters, caches, interfaces,
        flowLogs(sorted), members);
    List<String> errors = SnapshotCheck.checkMerged(merged).stream().filter(SnapshotCheck.Problem::error)
        .map(x -> x.path() + ": " + x.message()).toList();
    if (!errors.isEmpty()) {
      throw new SnapshotFormatException("the accounts' snapshots " + origins(sorted) + " cannot be merged: "
          + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }
    return merged;
  }

  /** True when the account that listed a VPC is its owner (or the owner is not recorded). */
  private static boolean owns(Vpc v, String lister) {
    return v.ownerId() == null || v.ownerId().equals(lister);
  }

  /** "111122223333 (prod)" or the id alone. */
  private static String label(String accountId, String name) {
    return name == null || name.isBlank() ? accountId : accountId + " (" + name + ")";
  }

  private static void checkParts(List<Part> sorted, List<FailedAccount> failed) {
    Map<String, String> seen = new HashMap<>();
    for (Part p : sorted) {
      Snapshot s = p.snapshot();
      if (!s.members().isEmpty()) {
        throw new SnapshotFormatException(p.origin() + " is already an estate of " + s.members().size()
            + " accounts; pass the accounts' own snapshots instead");
      }
      String prev = seen.putIfAbsent(s.account().id(), p.origin());
      if (prev != null) {
        throw new SnapshotFormatException("account " + s.account().id() + " is given twice (" + prev + " and "
            + p.origin() + "); pass one snapshot per account");
      }
    }
    for (FailedAccount f : failed) {
      if (seen.containsKey(f.accountId())) {
        throw new SnapshotFormatException("account " + f.accountId() + " is listed as not collected but "
            + seen.get(f.accountId()) + " holds its snapshot");
      }
    }
    String currency = null;
    String currencyOrigin = null;
    for (Part p : sorted) {
      if (p.snapshot().billing().months().isEmpty()) {
        continue;
      }
      String c = p.snapshot().billing().currency();
      if (currency != null && !currency.equals(c)) {
        throw new SnapshotFormatException("the bills of " + currencyOrigin + " (" + currency + ") and " + p.origin()
            + " (" + c + ") are in different currencies; they cannot be added up");
      }
      currency = c;
      currencyOrigin = p.origin();
    }
  }

  /**
   * The window of the most recently collected account. Usage totals become rates over the window's hours, so the
   * windows must be equally long (to the hour) and overlap.
   */
  private static Window window(List<Part> sorted) {
    Part latest = sorted.get(0);
    for (Part p : sorted) {
      if (p.snapshot().window().end().isAfter(latest.snapshot().window().end())) {
        latest = p;
      }
    }
    Window w = latest.snapshot().window();
    for (Part p : sorted) {
      Window x = p.snapshot().window();
      long diffHours = Math.abs(Duration.between(x.start(), x.end()).toHours()
          - Duration.between(w.start(), w.end()).toHours());
      if (x.days() != w.days() || diffHours > 1) {
        throw new SnapshotFormatException("the look-back windows of " + latest.origin() + " (" + w.days()
            + " days) and " + p.origin() + " (" + x.days() + " days) differ in length; collect the accounts with "
            + "the same --days");
      }
      if (!x.start().isBefore(w.end()) || !w.start().isBefore(x.end())) {
        throw new SnapshotFormatException("the look-back windows of " + latest.origin() + " (" + w.start() + ".."
            + w.end() + ") and " + p.origin() + " (" + x.start() + ".." + x.end() + ") do not overlap; collect "
            + "the accounts over the same period");
      }
    }
    return w;
  }

  private static String origins(List<Part> parts) {
    return parts.size() <= 3 ? String.join(", ", parts.stream().map(Part::origin).toList())
        : parts.get(0).origin() + ", ... (" + parts.size() + " files)";
  }

  /** Ids sorted, each once (a group and a classic load balancer of one account may share a name). */
  private static List<String> sortedDistinct(List<String> ids) {
    String[] a = ids.toArray(new String[0]);
    java.util.Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n == 0 || !a[i].equals(a[n - 1])) {
        a[n++] = a[i];
      }
    }
    return List.of(java.util.Arrays.copyOf(a, n));
  }

  /**
   * The accounts that list each name, per namespace: the first account of a name, and the set of accounts only for
   * the few names that several accounts list (a set per name cost about 100 bytes for each of 450,000 ids).
   */
  private static final class Owners {
    private final Map<String, Map<String, String>> first = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> several = new HashMap<>();

    void own(String ns, String id, String account) {
      String prev = first.computeIfAbsent(ns, k -> new HashMap<>()).putIfAbsent(id, account);
      if (prev != null && !prev.equals(account)) {
        several.computeIfAbsent(ns, k -> new HashMap<>()).computeIfAbsent(id, k -> new TreeSet<>(Set.of(prev)))
            .add(account);
      }
    }

    /** The accounts listing a name when more than one does, else null. */
    Set<String> sharing(String ns, String id) {
      Map<String, Set<String>> names = several.get(ns);
      return names == null ? null : names.get(id);
    }
  }

  /** The names of one account as the merged snapshot writes them. */
  private record Names(Owners owners, String account) {
    /** The name, qualified with the account when another account uses it too; null stays null. */
    String of(String ns, String id) {
      if (id == null) {
        return null;
      }
      Set<String> accounts = owners.sharing(ns, id);
      return accounts != null && accounts.contains(account) ? id + QUALIFIER + account : id;
    }

    /** The names, qualified as {@link #of} does; the same list when none changes. */
    List<String> all(String ns, List<String> ids) {
      List<String> out = null;
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        String x = of(ns, id);
        if (x != id && out == null) {
          out = new ArrayList<>(ids.subList(0, i));
        }
        if (out != null) {
          out.add(x);
        }
      }
      return out == null ? ids : java.util.Collections.unmodifiableList(out);
    }
  }

  /** A load balancer with its id, its target groups' ARNs and its targets as the merged snapshot names them. */
  private static LoadBalancer rename(LoadBalancer lb, Names n) {
    List<LoadBalancer.TargetGroup> groups = lb.targetGroups().stream().map(tg -> new LoadBalancer.TargetGroup(
        n.of("tg", tg.arn()), tg.name(), tg.protocol(), tg.port(), tg.targetType(), tg.targets().stream()
            .map(t -> new LoadBalancer.Target(switch (tg.targetType()) {
              case "instance" -> n.of("ec2", t.id());
              case "alb" -> n.of("elb", t.id());
              default -> t.id();
            }, t.port(), t.health())).toList())).toList();
    List<LoadBalancer.Listener> listeners = lb.listeners().stream().map(l -> new LoadBalancer.Listener(l.protocol(),
        l.port(), l.instancePort(), n.all("tg", l.targetGroupArns()), l.certificateIds())).toList();
    // A classic load balancer's name is its id (groups name it); the others keep their name.
    String name = lb.type() == LoadBalancerType.CLASSIC ? n.of("elb", lb.name()) : lb.name();
    return new LoadBalancer(n.of("elb", lb.id()), name, lb.region(), lb.type(), lb.scheme(), lb.dnsName(),
        lb.vpcId(), lb.availabilityZones(), lb.createdAt(), listeners, groups, n.all("ec2", lb.registeredInstances()),
        lb.accessLogs(), lb.tags());
  }

  private static Usage rename(Usage u, String id) {
    if (id.equals(u.resourceId())) {
      return u;
    }
    return u.withResourceId(id);
  }

  /** The consolidated bill: every member's months summed per month, service, and usage type and region. */
  static Billing billing(List<Part> parts) {
    record LineKey(String service, String usageType, String region) {}
    TreeMap<YearMonth, TreeMap<String, BigDecimal>> services = new TreeMap<>();
    TreeMap<YearMonth, Map<LineKey, Billing.UsageLine>> lines = new TreeMap<>();
    Map<YearMonth, Boolean> estimated = new HashMap<>();
    String currency = null;
    Set<String> sources = new TreeSet<>();
    for (Part p : parts) {
      Billing b = p.snapshot().billing();
      if (b.months().isEmpty()) {
        continue;
      }
      currency = b.currency();
      sources.add(String.valueOf(b.source()));
      for (Billing.Month m : b.months()) {
        estimated.merge(m.month(), m.estimated(), Boolean::logicalOr);
        var byService = services.computeIfAbsent(m.month(), k -> new TreeMap<>());
        m.services().forEach(sc -> byService.merge(sc.service(), sc.amountUsd(), BigDecimal::add));
        var byLine = lines.computeIfAbsent(m.month(), k -> new HashMap<>());
        for (Billing.UsageLine l : m.usageLines()) {
          byLine.merge(new LineKey(l.service(), l.usageType(), l.region()), l, Estates::addLines);
        }
      }
    }
    if (services.isEmpty()) {
      return Billing.EMPTY;
    }
    List<Billing.Month> months = new ArrayList<>();
    for (var e : services.entrySet()) {
      List<Billing.ServiceCost> sc = e.getValue().entrySet().stream()
          .map(x -> new Billing.ServiceCost(x.getKey(), x.getValue())).toList();
      List<Billing.UsageLine> ul = new ArrayList<>(lines.getOrDefault(e.getKey(), Map.of()).values());
      ul.sort(Comparator.comparing(Billing.UsageLine::service).thenComparing(Billing.UsageLine::usageType)
          .thenComparing(l -> l.region() == null ? "" : l.region()));
      months.add(new Billing.Month(e.getKey(), estimated.get(e.getKey()), sc, ul));
    }
    // One source when every account's bill came from the same place; else not recorded.
    String source = sources.size() == 1 && !sources.contains("null") ? sources.iterator().next() : null;
    return new Billing(currency, months, source);
  }

  private static Billing.UsageLine addLines(Billing.UsageLine a, Billing.UsageLine b) {
    // A quantity is summed only when both lines have one in the same unit; otherwise it is not known.
    boolean sameUnit = a.quantity() != null && b.quantity() != null && Objects.equals(a.unit(), b.unit());
    return new Billing.UsageLine(a.service(), a.usageType(), a.region(), a.amountUsd().add(b.amountUsd()),
        sameUnit ? a.quantity().add(b.quantity()) : null, sameUnit ? a.unit() : null);
  }

  /**
   * Cost Explorer coverage summed over the accounts that have it, when they cover the same months; null otherwise
   * (then the cost model reports coverage as not available rather than one account's figures as the estate's).
   */
  static Coverage coverage(List<Part> parts) {
    List<Coverage> all = parts.stream().map(p -> p.snapshot().coverage()).filter(Objects::nonNull).toList();
    if (all.isEmpty() || all.size() != parts.size()) {
      return null;
    }
    Coverage first = all.get(0);
    for (Coverage c : all) {
      if (!c.fromMonth().equals(first.fromMonth()) || !c.toMonth().equals(first.toMonth())) {
        return null;
      }
    }
    Coverage.ReservedInstances ri = null;
    if (all.stream().allMatch(c -> c.reservedInstances() != null)) {
      BigDecimal reserved = BigDecimal.ZERO;
      BigDecimal onDemand = BigDecimal.ZERO;
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal cost = BigDecimal.ZERO;
      boolean costKnown = true;
      Map<String, Coverage.Group> groups = new TreeMap<>();
      for (Coverage c : all) {
        Coverage.ReservedInstances r = c.reservedInstances();
        reserved = reserved.add(r.reservedHours());
        onDemand = onDemand.add(r.onDemandHours());
        total = total.add(r.totalRunningHours());
        costKnown &= r.onDemandCostUsd() != null;
        cost = r.onDemandCostUsd() == null ? cost : cost.add(r.onDemandCostUsd());
        for (Coverage.Group g : r.groups()) {
          groups.merge(g.instanceType() + "\u0000" + g.region(), g, (x, y) -> new Coverage.Group(x.instanceType(),
              x.region(), null, x.reservedHours().add(y.reservedHours()), x.onDemandHours().add(y.onDemandHours()),
              x.totalRunningHours().add(y.totalRunningHours()), x.onDemandCostUsd() == null || y.onDemandCostUsd() == null
                  ? null : x.onDemandCostUsd().add(y.onDemandCostUsd())));
        }
      }
      List<Coverage.Group> gl = groups.values().stream().map(g -> new Coverage.Group(g.instanceType(), g.region(),
          pct(g.reservedHours(), g.totalRunningHours()), g.reservedHours(), g.onDemandHours(), g.totalRunningHours(),
          g.onDemandCostUsd())).toList();
      ri = new Coverage.ReservedInstances(pct(reserved, total), reserved, onDemand, total, costKnown ? cost : null, gl);
    }
    Coverage.SavingsPlans sp = null;
    if (all.stream().allMatch(c -> c.savingsPlans() != null)) {
      BigDecimal covered = BigDecimal.ZERO;
      BigDecimal onDemand = BigDecimal.ZERO;
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal commitment = BigDecimal.ZERO;
      BigDecimal used = BigDecimal.ZERO;
      BigDecimal unused = BigDecimal.ZERO;
      BigDecimal net = BigDecimal.ZERO;
      boolean utilisation = true;
      for (Coverage c : all) {
        Coverage.SavingsPlans s = c.savingsPlans();
        covered = covered.add(s.coveredUsd());
        onDemand = onDemand.add(s.onDemandCostUsd());
        total = total.add(s.totalCostUsd());
        utilisation &= s.commitmentUsd() != null && s.usedCommitmentUsd() != null;
        commitment = commitment.add(zero(s.commitmentUsd()));
        used = used.add(zero(s.usedCommitmentUsd()));
        unused = unused.add(zero(s.unusedCommitmentUsd()));
        net = net.add(zero(s.netSavingsUsd()));
      }
      sp = new Coverage.SavingsPlans(pct(covered, total), covered, onDemand, total,
          utilisation ? pct(used, commitment) : null, utilisation ? commitment : null, utilisation ? used : null,
          utilisation ? unused : null, utilisation ? net : null);
    }
    return new Coverage(first.fromMonth(), first.toMonth(), ri, sp);
  }

  private static BigDecimal zero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  /** part / whole x 100 to 2 places, or null when the whole is zero. */
  private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
  }

  /** The collections' figures summed, or null when no account has them. */
  private static Completeness collection(List<Part> parts) {
    List<Completeness> all = parts.stream().map(p -> p.snapshot().collection()).filter(Objects::nonNull).toList();
    if (all.isEmpty()) {
      return null;
    }
    long calls = 0;
    long attempts = 0;
    long retried = 0;
    int gapsAfter = 0;
    boolean complete = all.size() == parts.size();
    boolean resumed = false;
    Map<String, Long> retries = new TreeMap<>();
    for (Completeness c : all) {
      calls += c.calls();
      attempts += c.attempts();
      retried += c.retriedCalls();
      gapsAfter += c.gapsAfterRetries();
      complete &= c.inventoryComplete();
      resumed |= c.resumed();
      c.retries().forEach((k, v) -> retries.merge(k, v, Long::sum));
    }
    return new Completeness(calls, attempts, retried, retries, gapsAfter, complete, resumed);
  }

  /**
   * The accounts' flow logs together: pairs seen in two accounts are summed (their peak hours too, an upper bound
   * of the joint peak, as for pairs within one account).
   */
  private static FlowLogs flowLogs(List<Part> parts) {
    List<FlowLogs> all = parts.stream().map(p -> p.snapshot().flowLogs()).filter(Objects::nonNull).toList();
    if (all.isEmpty()) {
      return null;
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    record Key(String src, String dst, int port, String protocol) {}
    Map<Key, FlowLogs.Pair> pairs = new HashMap<>();
    long[] c = new long[8];
    Instant start = all.get(0).start();
    Instant end = all.get(0).end();
    for (FlowLogs f : all) {
      FlowLogs.Counts k = f.counts();
      long[] add = {k.records(), k.accepted(), k.rejected(), k.noData(), k.skipData(), k.ipv6(), k.translated(),
          k.malformed()};
      for (int i = 0; i < c.length; i++) {
        c[i] += add[i];
      }
      start = f.start().isBefore(start) ? f.start() : start;
      end = f.end().isAfter(end) ? f.end() : end;
      for (FlowLogs.Pair p : f.pairs()) {
        pairs.merge(new Key(p.srcAddr(), p.dstAddr(), p.port(), p.protocol()), p, (a, b) -> new FlowLogs.Pair(
            a.srcAddr(), a.dstAddr(), a.port(), a.protocol(), a.bytes() + b.bytes(), a.packets() + b.packets(),
            a.flows() + b.flows(), a.peakHourBytes() + b.peakHourBytes()));
      }
    }
    List<FlowLogs.Pair> list = new ArrayList<>(pairs.values());
    list.sort(Comparator.comparing(FlowLogs.Pair::srcAddr).thenComparing(FlowLogs.Pair::dstAddr)
        .thenComparingInt(FlowLogs.Pair::port).thenComparing(FlowLogs.Pair::protocol));
    return new FlowLogs(all.get(0).source(), start, end,
        new FlowLogs.Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]), list);
  }

  /** The member account an id of the merged snapshot belongs to, for every id the members list. */
  public static Map<String, MemberAccount> accountOfIds(Snapshot s) {
    Map<String, MemberAccount> out = new HashMap<>();
    for (MemberAccount m : s.members()) {
      m.resourceIds().forEach(id -> out.putIfAbsent(id, m));
    }
    return out;
  }
}
