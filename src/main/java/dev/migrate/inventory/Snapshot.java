package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything collected from one AWS account over one look-back window. Written to disk as
 * JSON by {@link SnapshotJson}; every stage after collection reads only this value.
 *
 * @param schema             format name and version, always {@link #SCHEMA_V1} for this code
 * @param account            the account the data came from
 * @param collectedAt        when collection finished
 * @param window             the look-back window that usage and metrics cover
 * @param regions            AWS regions that were scanned, sorted
 * @param instances          EC2 instances, sorted by id
 * @param volumes            EBS volumes, sorted by id
 * @param autoScalingGroups  EC2 auto scaling groups, sorted by name
 * @param loadBalancers      classic, application and network load balancers, sorted by id
 * @param distributions      CloudFront distributions, sorted by id
 * @param buckets            S3 buckets, sorted by name
 * @param vpcs               VPCs with their CIDR blocks (for address-overlap checks)
 * @param commitments        reserved instances and savings plans that lower today's cost
 * @param usage              usage per resource over the window, sorted by resource id
 * @param billing            monthly bill by AWS service, oldest month first
 * @param gaps               what could not be collected, where and why
 * @param coverage           reserved-instance and savings-plan coverage over the last whole
 *                           month(s), or null when not collected (older snapshots, or not readable)
 * @param webAcls            AWS WAF (v2) web ACLs the distributions use, sorted by ARN; empty when none or not
 *                           collected (older snapshots, classic WAF, access denied: see {@code gaps})
 * @param collection         calls, retries and completeness of the collection, or null (older
 *                           snapshots, snapshots not collected from AWS)
 * @param dbInstances        RDS DB instances, Aurora members included, sorted by id; empty when none or
 *                           not collected (older snapshots: see {@code gaps})
 * @param dbClusters         Aurora DB clusters, sorted by id
 * @param cacheClusters      ElastiCache replication groups, Memcached clusters, standalone Redis clusters
 *                           and serverless caches, sorted by id
 * @param networkInterfaces  elastic network interfaces (what each address belongs to), sorted by id; empty when
 *                           not collected
 * @param flowLogs           VPC Flow Logs reduced to address pairs, or null when none were read
 * @param members            the accounts of an estate assessed together, sorted by account id; empty for a
 *                           snapshot of one account (see {@link MemberAccount})
 */
@JsonPropertyOrder({"schema", "account", "collectedAt", "window", "regions", "instances", "volumes",
    "autoScalingGroups", "loadBalancers", "distributions", "buckets", "vpcs", "commitments", "usage",
    "billing", "gaps", "coverage", "webAcls", "collection", "dbInstances", "dbClusters", "cacheClusters",
    "networkInterfaces", "flowLogs", "members"})
public record Snapshot(
    @JsonProperty(required = true) String schema,
    @JsonProperty(required = true) Account account,
    @JsonProperty(required = true) Instant collectedAt,
    @JsonProperty(required = true) Window window,
    @JsonProperty(required = true) List<String> regions,
    List<Ec2Instance> instances,
    List<EbsVolume> volumes,
    List<AutoScalingGroup> autoScalingGroups,
    List<LoadBalancer> loadBalancers,
    List<Distribution> distributions,
    List<S3Bucket> buckets,
    List<Vpc> vpcs,
    List<Commitment> commitments,
    List<Usage> usage,
    Billing billing,
    List<Gap> gaps,
    Coverage coverage,
    List<WebAcl> webAcls,
    Completeness collection,
    List<DbInstance> dbInstances,
    List<DbCluster> dbClusters,
    List<CacheCluster> cacheClusters,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NetworkInterface> networkInterfaces,
    FlowLogs flowLogs,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MemberAccount> members) {

  /** The only format this code reads and writes. */
  public static final String SCHEMA_V1 = "migrate.snapshot/v1";

  public Snapshot {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(window, "window");
    regions = Lists.copy(regions);
    instances = Lists.copy(instances);
    volumes = Lists.copy(volumes);
    autoScalingGroups = Lists.copy(autoScalingGroups);
    loadBalancers = Lists.copy(loadBalancers);
    distributions = Lists.copy(distributions);
    buckets = Lists.copy(buckets);
    vpcs = Lists.copy(vpcs);
    commitments = Lists.copy(commitments);
    usage = Lists.copy(usage);
    billing = billing == null ? Billing.EMPTY : billing;
    gaps = Lists.copy(gaps);
    webAcls = Lists.copy(webAcls);
    dbInstances = Lists.copy(dbInstances);
    dbClusters = Lists.copy(dbClusters);
    cacheClusters = Lists.copy(cacheClusters);
    networkInterfaces = Lists.copy(networkInterfaces);
    members = Lists.copy(members);
  }

  /** A snapshot of one account without network interfaces and flow logs (the format before they were read). */
  public Snapshot(String schema, Account account, Instant collectedAt, Window window, List<String> regions,
      List<Ec2Instance> instances, List<EbsVolume> volumes, List<AutoScalingGroup> autoScalingGroups,
      List<LoadBalancer> loadBalancers, List<Distribution> distributions, List<S3Bucket> buckets, List<Vpc> vpcs,
      List<Commitment> commitments, List<Usage> usage, Billing billing, List<Gap> gaps, Coverage coverage,
      List<WebAcl> webAcls, Completeness collection, List<DbInstance> dbInstances, List<DbCluster> dbClusters,
      List<CacheCluster> cacheClusters) {
    this(schema, account, collectedAt, window, regions, instances, volumes, autoScalingGroups, loadBalancers,
        distributions, buckets, vpcs, commitments, usage, billing, gaps, coverage, webAcls, collection,
        dbInstances, dbClusters, cacheClusters, null, null, null);
  }

  /** A snapshot without managed databases and caches (the format before they were collected). */
  public Snapshot(String schema, Account account, Instant collectedAt, Window window, List<String> regions,
      List<Ec2Instance> instances, List<EbsVolume> volumes, List<AutoScalingGroup> autoScalingGroups,
      List<LoadBalancer> loadBalancers, List<Distribution> distributions, List<S3Bucket> buckets, List<Vpc> vpcs,
      List<Commitment> commitments, List<Usage> usage, Billing billing, List<Gap> gaps, Coverage coverage,
      List<WebAcl> webAcls, Completeness collection) {
    this(schema, account, collectedAt, window, regions, instances, volumes, autoScalingGroups, loadBalancers,
        distributions, buckets, vpcs, commitments, usage, billing, gaps, coverage, webAcls, collection,
        null, null, null);
  }

  /** A snapshot without collection figures (built from data, not collected from AWS). */
  public Snapshot(String schema, Account account, Instant collectedAt, Window window, List<String> regions,
      List<Ec2Instance> instances, List<EbsVolume> volumes, List<AutoScalingGroup> autoScalingGroups,
      List<LoadBalancer> loadBalancers, List<Distribution> distributions, List<S3Bucket> buckets, List<Vpc> vpcs,
      List<Commitment> commitments, List<Usage> usage, Billing billing, List<Gap> gaps, Coverage coverage,
      List<WebAcl> webAcls) {
    this(schema, account, collectedAt, window, regions, instances, volumes, autoScalingGroups, loadBalancers,
        distributions, buckets, vpcs, commitments, usage, billing, gaps, coverage, webAcls, null);
  }

  /** A snapshot without web ACLs (the format before {@code webAcls} was added). */
  public Snapshot(String schema, Account account, Instant collectedAt, Window window, List<String> regions,
      List<Ec2Instance> instances, List<EbsVolume> volumes, List<AutoScalingGroup> autoScalingGroups,
      List<LoadBalancer> loadBalancers, List<Distribution> distributions, List<S3Bucket> buckets,
      List<Vpc> vpcs, List<Commitment> commitments, List<Usage> usage, Billing billing, List<Gap> gaps,
      Coverage coverage) {
    this(schema, account, collectedAt, window, regions, instances, volumes, autoScalingGroups,
        loadBalancers, distributions, buckets, vpcs, commitments, usage, billing, gaps, coverage, null);
  }

  /** A snapshot without coverage (the format before {@code coverage} was added). */
  public Snapshot(String schema, Account account, Instant collectedAt, Window window, List<String> regions,
      List<Ec2Instance> instances, List<EbsVolume> volumes, List<AutoScalingGroup> autoScalingGroups,
      List<LoadBalancer> loadBalancers, List<Distribution> distributions, List<S3Bucket> buckets,
      List<Vpc> vpcs, List<Commitment> commitments, List<Usage> usage, Billing billing, List<Gap> gaps) {
    this(schema, account, collectedAt, window, regions, instances, volumes, autoScalingGroups,
        loadBalancers, distributions, buckets, vpcs, commitments, usage, billing, gaps, null, null);
  }

  /** The usage record of one resource, if one was collected. */
  public Optional<Usage> usageOf(String resourceId) {
    return usage.stream().filter(u -> u.resourceId().equals(resourceId)).findFirst();
  }

  public Optional<Ec2Instance> instance(String id) {
    return first(instances, i -> i.id().equals(id));
  }

  /** The web ACL with this ARN (a distribution's {@code webAclId}), if it was collected. */
  public Optional<WebAcl> webAcl(String arn) {
    return arn == null ? Optional.empty() : first(webAcls, w -> w.arn().equals(arn));
  }

  public Optional<DbInstance> dbInstance(String id) {
    return first(dbInstances, d -> d.id().equals(id));
  }

  public Optional<DbCluster> dbCluster(String id) {
    return first(dbClusters, c -> c.id().equals(id));
  }

  public Optional<CacheCluster> cacheCluster(String id) {
    return first(cacheClusters, c -> c.id().equals(id));
  }

  public Optional<EbsVolume> volume(String id) {
    return first(volumes, v -> v.id().equals(id));
  }

  public Optional<AutoScalingGroup> autoScalingGroup(String name) {
    return first(autoScalingGroups, g -> g.name().equals(name));
  }

  /** A copy with other usage records (used when access-log facts are merged in). */
  public Snapshot withUsage(List<Usage> newUsage) {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes,
        autoScalingGroups, loadBalancers, distributions, buckets, vpcs, commitments, newUsage,
        billing, gaps, coverage, webAcls, collection, dbInstances, dbClusters, cacheClusters,
        networkInterfaces, flowLogs, members);
  }

  /** A copy with another bill (read from AWS Data Exports instead of Cost Explorer). */
  public Snapshot withBilling(Billing newBilling) {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes,
        autoScalingGroups, loadBalancers, distributions, buckets, vpcs, commitments, usage,
        newBilling, gaps, coverage, webAcls, collection, dbInstances, dbClusters, cacheClusters,
        networkInterfaces, flowLogs, members);
  }

  /** A copy with other managed databases and caches. */
  public Snapshot withDataStores(List<DbInstance> newDbInstances, List<DbCluster> newDbClusters,
      List<CacheCluster> newCacheClusters) {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes,
        autoScalingGroups, loadBalancers, distributions, buckets, vpcs, commitments, usage,
        billing, gaps, coverage, webAcls, collection, newDbInstances, newDbClusters, newCacheClusters,
        networkInterfaces, flowLogs, members);
  }

  /** A copy with the collection's figures. */
  public Snapshot withCollection(Completeness c) {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes,
        autoScalingGroups, loadBalancers, distributions, buckets, vpcs, commitments, usage,
        billing, gaps, coverage, webAcls, c, dbInstances, dbClusters, cacheClusters,
        networkInterfaces, flowLogs, members);
  }

  /** A copy with other network interfaces (collected, or read beside flow logs). */
  public Snapshot withNetworkInterfaces(List<NetworkInterface> newInterfaces) {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes,
        autoScalingGroups, loadBalancers, distributions, buckets, vpcs, commitments, usage,
        billing, gaps, coverage, webAcls, collection, dbInstances, dbClusters, cacheClusters,
        newInterfaces, flowLogs, members);
  }

  /** A copy with other flow logs (used when VPC Flow Logs are merged in). */
  public Snapshot withFlowLogs(FlowLogs newFlowLogs) {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes,
        autoScalingGroups, loadBalancers, distributions, buckets, vpcs, commitments, usage,
        billing, gaps, coverage, webAcls, collection, dbInstances, dbClusters, cacheClusters,
        networkInterfaces, newFlowLogs, members);
  }

  private static <T> Optional<T> first(List<T> list, Predicate<T> p) {
    return list.stream().filter(p).findFirst();
  }
}
